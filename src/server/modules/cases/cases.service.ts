import { randomUUID } from 'node:crypto';
import { alarmCaseTitle, caseStatistics, caseTakesCommands, decideCase, faultTaxonomy, inWarranty, productKindOf, warrantyUntil, type CaseAction } from '../../../domain/monitoring/cases.js';
import type { CasePart } from '../../db/schema/cases.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { stateChanged, uniqueOr } from '../../platform/tx.js';
import type { NotificationInput, NotificationService } from '../notifications/notifications.service.js';
import { casePolicy, orgOf, serviceTeam, type CaseSubject } from './cases.policy.js';
import { caseRepo, type CaseFilter, type CaseRow } from './cases.repo.js';
import type { OpenInput } from './cases.schema.js';

/** What cases need of the devices module (devices.service.ts). */
export interface CaseDevices {
  loadReadable(p: Principal | null, id: string): Promise<{ device: { id: string; enterpriseId: string; productModel: string | null; name: string; productCode: string }; subject: { ownerOrgId: string | null; possessorOrgId: string | null } }>;
  thingModelOf(enterpriseId: string, productModel: string | null): Promise<{ metrics: { key: string; name?: { zh: string; en: string } | null }[] } | null>;
  /** who owns and holds the product now (for notifications) */
  parties(id: string): Promise<{ ownerOrgId: string | null; possessorOrgId: string | null; manufacturerAccess: boolean } | null>;
}
/** … of the alarms module (its lifecycle's load: the alarm if the caller may read it). */
export interface CaseAlarms {
  load(p: Principal | null, id: string): Promise<{ alarm: { id: string; deviceId: string; key: string; severity: string; raisedTs: Date; clearedTs: Date | null } }>;
}
/** … of the trace (the public record: the sale date and the warranty months). */
export interface CaseTrace {
  publicProduct(ref: string): Promise<{ row: { warranty_months: number | null; production_date: string }; steps: { date: string; kind: string }[] }>;
  /** the in-service repair step, inside the case's transaction (trace.service.ts) */
  recordRepair(
    tx: Db,
    ctx: RequestContext | null,
    input: { enterpriseId: string; code: string; at: Date; requestKey: string; caseNumber: string; parts: { name: string; partNo?: string | null; quantity: number; removedSerial?: string | null; newSerial?: string | null }[] },
  ): Promise<{ eventIds: string[]; parts: { removedEpc: string | null; newEpc: string }[]; afterCommit: () => void }>;
}
/** … of the devices module's remote commands (commands.service.ts). */
export interface CaseCommandRow {
  id: string; deviceId: string; caseId: string | null; method: string; params: Record<string, number | boolean | string>;
  state: 'sent' | 'replied' | 'failed' | 'timeout'; sentAt: Date; timeoutAt: Date; settledAt: Date | null; reply: unknown; error: string | null;
}
export interface CaseCommands {
  send(ctx: RequestContext, deviceId: string, input: { method: string; params?: Record<string, unknown>; timeoutSec?: number }, link: { caseId?: string }): Promise<CaseCommandRow>;
  ofCase(caseId: string): Promise<CaseCommandRow[]>;
}
export interface CaseEnterprises {
  cards(ids: string[]): Promise<Map<string, { name: string }>>;
  idsInAuthority(authorityId: string): Promise<string[]>;
}

/**
 * 保险 (issue 13, the trading helper's one hook here): a case opened outside the seller's warranty is offered to the
 * insurance module inside the opening transaction; when a policy of the unit covers the day it records a claim routed
 * to its insurer and names the insurer, who is then notified with the other parties. Passed in app.ts.
 */
export interface CaseInsurance {
  routeClaim(tx: Db, c: { enterpriseId: string; caseId: string; number: string; productCode: string; title: string; description: string | null; openedAt: Date; today: string; warrantyUntil: string | null }): Promise<{ orgId: string; policyNumber: string } | null>;
}

const HOUR = 3_600_000;
const notFound = () => errors.notFound('工单', 'Case');

/**
 * 工单 and warranty claims (issue 12 "Diagnosis and warranty cases"; docs/monitoring-cases.md). Every write: the
 * case's device read through the devices module (who may see it: maker with consent, owner, possessor) → ONE
 * transaction: the case row locked → policy → the domain state machine → the change, its history event, audit and
 * in-app notifications → commit. N identical requests change the case once; the rest get 409.
 */
export function createCaseService(deps: { db: Db; clock: Clock; devices: CaseDevices; alarms: CaseAlarms; trace: CaseTrace; notifications: NotificationService; enterprises: CaseEnterprises; insurance?: CaseInsurance; commands: CaseCommands }) {
  const { db, clock, devices } = deps;

  async function subjectFor(p: Principal | null, deviceId: string): Promise<{ subject: CaseSubject; device: Awaited<ReturnType<CaseDevices['loadReadable']>>['device'] }> {
    const { device, subject } = await devices.loadReadable(p, deviceId);
    return { device, subject: { enterpriseId: device.enterpriseId, ownerOrgId: subject.ownerOrgId, possessorOrgId: subject.possessorOrgId } };
  }

  async function load(p: Principal | null, id: string) {
    const c = await caseRepo.get(db, id);
    if (!c) throw notFound();
    let subject: CaseSubject;
    try {
      subject = (await subjectFor(p, c.deviceId)).subject;
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) throw notFound();
      throw err;
    }
    authorize(p, casePolicy, 'read', subject);
    return { row: c, subject };
  }

  async function taxonomyOf(c: Pick<CaseRow, 'enterpriseId' | 'productModel'>) {
    const model = await devices.thingModelOf(c.enterpriseId, c.productModel);
    return faultTaxonomy(productKindOf(model?.metrics.map((m) => m.key) ?? []));
  }

  /** The other side hears of it: the maker's users, and the owner organisation when it is a platform organisation. */
  type Parties = Awaited<ReturnType<CaseDevices['parties']>>;
  function notices(ctx: RequestContext, c: CaseRow, s: Parties, title: string, titleEn: string): NotificationInput[] {
    const mine = orgOf(ctx.principal);
    // the maker hears of it only while the owner consents to its service access
    const orgs = new Set([s?.manufacturerAccess === false ? null : c.enterpriseId, s?.ownerOrgId ?? null, s?.possessorOrgId ?? null].filter((o): o is string => o !== null && o !== mine));
    return [...orgs].map((orgId) => ({ orgId, kind: 'case', title: `工单 ${c.number}：${title}`, titleEn: `Case ${c.number}: ${titleEn}`, link: `/cases/${c.id}` }));
  }

  /** One write on a case (see the service's comment). */
  async function act(ctx: RequestContext, id: string, action: CaseAction, apply: (c: CaseRow, tx: Db) => Partial<CaseRow> | Promise<Partial<CaseRow>>, event: { kind: string; detail?: Record<string, unknown> }, notice?: [string, string]) {
    const { row: before, subject } = await load(ctx.principal, id);
    const parties = notice ? await devices.parties(before.deviceId) : null;
    const row = await db.transaction(async (tx) => {
      const c = await caseRepo.lock(tx, id);
      if (!c) throw notFound();
      authorize(ctx.principal, casePolicy, action, subject);
      const d = decideCase({ state: c.state, claimStatus: c.claimStatus }, action);
      if (!d.ok) throw errors.conflict(d.code, d.message, d.messageEn, { state: c.state, claimStatus: c.claimStatus });
      const updated = await caseRepo.update(tx, id, c.version, { ...(await apply(c, tx)), state: d.next });
      if (!updated) throw stateChanged(c.state);
      const at = clock.now();
      await caseRepo.addEvent(tx, { enterpriseId: c.enterpriseId, caseId: id, at, kind: event.kind, actorId: ctx.principal?.kind === 'user' ? ctx.principal.userId : null, detail: event.detail ?? null });
      await recordAudit(tx, ctx, { action: `case.${event.kind}`, objectType: 'service_case', objectId: id, enterpriseId: c.enterpriseId, change: { state: d.next, ...(event.detail ?? {}) } });
      if (notice) await deps.notifications.notify(tx, notices(ctx, updated, parties, notice[0], notice[1]));
      return updated;
    });
    return { row, subject };
  }

  return {
    load,
    taxonomyOf,

    async detail(p: Principal | null, id: string) {
      const { row, subject } = await load(p, id);
      return { row, subject, events: await caseRepo.events(db, id), taxonomy: await taxonomyOf(row), commands: await deps.commands.ofCase(id) };
    },

    /**
     * 远程诊断 from a case: a command to the case's device, linked to the case (shown on it with its reply or
     * timeout). The case must be read and still worked; who may send is the device's rule (its owner, or its maker
     * while the owner consents), checked by the commands service on the locked device row.
     */
    async command(ctx: RequestContext, id: string, input: { method: string; params?: Record<string, unknown>; timeoutSec?: number }) {
      const { row } = await load(ctx.principal, id);
      if (!caseTakesCommands(row.state)) throw errors.conflict('CASE_CONCLUDED', '工单已结论，不能再下发命令', 'The case is concluded: no more commands', { state: row.state });
      return deps.commands.send(ctx, row.deviceId, input, { caseId: row.id });
    },

    /**
     * POST /cases: from an alarm (the alarm's device; window: the alarm's time − 2 h … its clearing (or raise) + 1 h;
     * one case per alarm, a second is 409 CASE_EXISTS), or on a device by its owner or its maker (window: given, or
     * the last 24 h). A product inside its warranty (trace sale date + warranty months) makes it a warranty claim.
     */
    async open(ctx: RequestContext, input: OpenInput) {
      const p = ctx.principal;
      let alarm: Awaited<ReturnType<CaseAlarms['load']>>['alarm'] | null = null;
      if (input.alarmId) {
        try {
          alarm = (await deps.alarms.load(p, input.alarmId)).alarm;
        } catch (err) {
          if (err instanceof DomainError && err.status === 404) throw errors.field('alarmId', '告警不存在或无权访问', 'No such alarm, or not yours');
          throw err;
        }
      }
      let target;
      try {
        target = await subjectFor(p, alarm?.deviceId ?? input.deviceId!);
      } catch (err) {
        if (err instanceof DomainError && err.status === 404) throw errors.field('deviceId', '设备不存在或无权访问', 'No such device, or not yours');
        throw err;
      }
      const { device, subject } = target;
      authorize(p, casePolicy, 'open', subject);
      const now = clock.now();
      // warranty: the current life's sale (a sale on or after the production date) + the product's warranty months
      const pub = await deps.trace.publicProduct(device.productCode).catch(() => null);
      const production = pub?.row.production_date ?? null;
      const soldOn = pub?.steps.filter((s) => s.kind === 'sale' && (!production || s.date >= production)).at(-1)?.date ?? null;
      const until = warrantyUntil(soldOn, pub?.row.warranty_months ?? null);
      const claim = inWarranty(until, clock.today()) ? ('pending' as const) : null;
      const window = alarm
        ? { from: new Date(alarm.raisedTs.getTime() - 2 * HOUR).toISOString(), to: new Date(Math.min(now.getTime(), (alarm.clearedTs ?? alarm.raisedTs).getTime() + HOUR)).toISOString(), keys: [alarm.key] }
        : { from: input.from ?? new Date(now.getTime() - 24 * HOUR).toISOString(), to: input.to ?? now.toISOString(), keys: [] as string[] };
      const parties = await devices.parties(device.id);
      const id = randomUUID();
      const number = `WO${clock.today().replaceAll('-', '')}-${id.slice(0, 6).toUpperCase()}`;
      const org = orgOf(p);
      const origin = alarm ? 'alarm' : serviceTeam(p!, subject) ? 'enterprise' : 'owner';
      // from an alarm: both languages, the metric named as the device's thing model names it; a typed title is one text
      const built = alarm && input.title === undefined ? alarmCaseTitle(alarm, (await devices.thingModelOf(device.enterpriseId, device.productModel))?.metrics) : null;
      const title = input.title ?? built?.zh ?? '';
      const titleEn = built?.en ?? title;
      const exists = () => errors.conflict('CASE_EXISTS', '该告警已开立工单', 'This alarm has a case already', [{ field: 'alarmId', message: '已开立工单', messageEn: 'has a case already' }]);
      const row = await uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const c = await caseRepo.insert(tx, {
              enterpriseId: device.enterpriseId, id, number, deviceId: device.id, deviceName: device.name, productCode: device.productCode, productModel: device.productModel,
              alarmId: alarm?.id ?? null, origin, openedBy: p?.kind === 'user' ? p.userId : randomUUID(), openedByOrg: org, title, titleEn: built?.en ?? null, description: input.description ?? null,
              telemetryWindow: window, soldOn, warrantyUntil: until, claimStatus: claim, openedAt: now,
            });
            if (!c) throw exists();
            const insured = claim || !deps.insurance ? null : await deps.insurance.routeClaim(tx, { enterpriseId: c.enterpriseId, caseId: id, number, productCode: device.productCode, title, description: input.description ?? null, openedAt: now, today: clock.today(), warrantyUntil: until });
            await caseRepo.addEvent(tx, { enterpriseId: c.enterpriseId, caseId: id, at: now, kind: 'opened', actorId: p?.kind === 'user' ? p.userId : null, detail: { origin, alarmId: alarm?.id ?? null, warrantyClaim: claim !== null, ...(insured ? { insuranceClaim: insured.policyNumber } : {}) } });
            await recordAudit(tx, ctx, { action: 'case.opened', objectType: 'service_case', objectId: id, enterpriseId: c.enterpriseId, change: { number, deviceId: device.id, alarmId: alarm?.id ?? null, origin, warrantyUntil: until, claim } });
            await deps.notifications.notify(tx, notices(ctx, c, parties, claim ? `新质保索赔：${title}` : `新工单：${title}`, claim ? `new warranty claim: ${titleEn}` : `new case: ${titleEn}`));
            if (insured) await deps.notifications.notify(tx, [{ orgId: insured.orgId, kind: 'insurance', title: `工单 ${number}：保险理赔（保单 ${insured.policyNumber}）`, titleEn: `Case ${number}: insurance claim (policy ${insured.policyNumber})`, link: '/insurance' }]);
            return c;
          }),
        exists,
      );
      return { row, subject };
    },

    async diagnose(ctx: RequestContext, id: string, input: { faultCode: string; diagnosis: string }) {
      const { row } = await load(ctx.principal, id);
      const fault = (await taxonomyOf(row)).find((f) => f.code === input.faultCode);
      if (!fault) throw errors.field('faultCode', '不在该型号的故障分类中', "is not in this model's fault taxonomy");
      return act(ctx, id, 'diagnose', () => ({ faultCode: fault.code, diagnosis: input.diagnosis }), { kind: 'diagnosed', detail: { faultCode: fault.code } }, [`已诊断（${fault.zh}）`, `diagnosed (${fault.en})`]);
    },

    async visit(ctx: RequestContext, id: string, input: { date: string; technician: string; findings: string }) {
      return act(ctx, id, 'visit', () => ({ visit: input }), { kind: 'visited', detail: { date: input.date, technician: input.technician } }, [`现场服务 ${input.date}`, `on-site service ${input.date}`]);
    },

    /**
     * Parts replaced: recorded on the case and, in the same transaction, in the product's trace as an in-service
     * repair step (the part taken out leaves the product, the part fitted enters it: trace.recordRepair). A product
     * the trace cannot repair (recalled, revoked, not the maker's) keeps the parts on the case only (newEpc null).
     */
    async parts(ctx: RequestContext, id: string, input: { parts: { name: string; partNo?: string; quantity: number; removedSerial?: string; newSerial?: string; costCny?: number }[] }) {
      const now = clock.now();
      const at = now.toISOString();
      const added: CasePart[] = input.parts.map((x) => ({ name: x.name, partNo: x.partNo ?? null, quantity: x.quantity, removedSerial: x.removedSerial ?? null, newSerial: x.newSerial ?? null, costCny: x.costCny ?? null, at, removedEpc: null, newEpc: null }));
      const detail: Record<string, unknown> = {};
      let afterCommit: (() => void) | null = null;
      const r = await act(
        ctx,
        id,
        'parts',
        async (c, tx) => {
          try {
            const rep = await deps.trace.recordRepair(tx, ctx, { enterpriseId: c.enterpriseId, code: c.productCode, at: now, requestKey: `case-parts:${c.id}:${c.version}`, caseNumber: c.number, parts: added });
            rep.parts.forEach((p, i) => Object.assign(added[i]!, p));
            detail.traceEventIds = rep.eventIds;
            afterCommit = rep.afterCommit;
          } catch (err) {
            // checked before anything is written: the parts stay on the case only
            if (!(err instanceof DomainError) || !(err.code === 'PRODUCT_NOT_REPAIRABLE' || err.status === 400)) throw err;
            detail.traceRefused = err.code;
          }
          detail.parts = added.map((x) => ({ name: x.name, quantity: x.quantity, removedSerial: x.removedSerial, newSerial: x.newSerial, removedEpc: x.removedEpc, newEpc: x.newEpc }));
          return { parts: [...c.parts, ...added] };
        },
        { kind: 'parts_replaced', detail },
      );
      (afterCommit as (() => void) | null)?.();
      return r;
    },

    async decideClaim(ctx: RequestContext, id: string, input: { decision: 'accepted' | 'rejected'; reason: string; costCny?: number }) {
      return act(
        ctx, id, 'decideClaim',
        () => ({ claimStatus: input.decision, claimReason: input.reason, claimCostCny: input.decision === 'accepted' && input.costCny !== undefined ? String(input.costCny) : null }),
        { kind: `claim_${input.decision}`, detail: { reason: input.reason, costCny: input.costCny ?? null } },
        input.decision === 'accepted' ? ['质保索赔已受理', 'warranty claim accepted'] : ['质保索赔被拒绝', 'warranty claim rejected'],
      );
    },

    async conclude(ctx: RequestContext, id: string, input: { conclusion: string; outcome: NonNullable<CaseRow['outcome']> }) {
      return act(
        ctx, id, 'conclude', () => ({ conclusion: input.conclusion, outcome: input.outcome, concludedAt: clock.now() }),
        { kind: 'concluded', detail: { outcome: input.outcome } },
        input.outcome === 'remanufacture' ? ['已结论：建议在役再制造（可作为旧件返厂）', 'concluded: remanufacture recommended (the unit may come back as a core)'] : ['已结论，请评价服务', 'concluded; please rate the service'],
      );
    },

    async rate(ctx: RequestContext, id: string, input: { rating: number; comment?: string }) {
      return act(ctx, id, 'rate', () => ({ rating: input.rating, ratingComment: input.comment ?? null, closedAt: clock.now() }), { kind: 'rated', detail: { rating: input.rating } }, [`服务评价 ${input.rating} 星`, `service rated ${input.rating}/5`]);
    },

    /** The cases of the caller's enterprise (as maker) and those its organisation opened (as owner), or of one device. */
    async list(p: Principal | null, f: CaseFilter, page: number, pageSize: number) {
      if (f.deviceId) {
        try {
          const { subject } = await subjectFor(p, f.deviceId);
          authorize(p, casePolicy, 'read', subject);
        } catch (err) {
          if (err instanceof DomainError && (err.status === 404 || err.status === 403)) return { rows: [], total: 0 };
          throw err;
        }
        return caseRepo.list(db, { deviceId: f.deviceId }, f, page, pageSize);
      }
      const org = orgOf(p);
      if (!org) return { rows: [], total: 0 };
      const maker = p?.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') ? org : null;
      return caseRepo.list(db, { enterpriseId: maker, openedByOrg: org }, f, page, pageSize);
    },

    /**
     * Per-enterprise after-sales statistics (规范条件 六(一) evidence; 000 三(六) failures and parts by model): an
     * enterprise its own; an authority the enterprises of its jurisdiction; MIIT all.
     */
    /** Warranty claims per enterprise (all time; the market's quality figures, issue 13): filed and accepted. */
    async claimsByEnterprise(enterpriseIds: string[]) {
      const m = new Map<string, { claims: number; claimsAccepted: number }>();
      for (const c of enterpriseIds.length ? await caseRepo.forStatistics(db, enterpriseIds, null, null) : []) {
        if (c.claimStatus === null) continue;
        const x = m.get(c.enterpriseId) ?? { claims: 0, claimsAccepted: 0 };
        m.set(c.enterpriseId, { claims: x.claims + 1, claimsAccepted: x.claimsAccepted + (c.claimStatus === 'accepted' ? 1 : 0) });
      }
      return m;
    },

    async statistics(p: Principal | null, q: { from?: string; to?: string }) {
      let ids: string[] | null;
      if (p?.kind === 'user' && (p.role === 'ministry_admin' || p.role === 'ministry_officer')) ids = null;
      else if (p?.kind === 'user' && (p.role === 'authority_admin' || p.role === 'authority_reviewer') && p.authorityId) ids = await deps.enterprises.idsInAuthority(p.authorityId);
      else if (p?.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId) ids = [p.enterpriseId];
      else ids = [];
      const rows = await caseRepo.forStatistics(db, ids, q.from ? new Date(`${q.from}T00:00:00+08:00`) : null, q.to ? new Date(`${q.to}T00:00:00+08:00`) : null);
      const byEnterprise = new Map<string, CaseRow[]>();
      for (const r of rows) byEnterprise.set(r.enterpriseId, [...(byEnterprise.get(r.enterpriseId) ?? []), r]);
      const names = await deps.enterprises.cards([...byEnterprise.keys()]);
      return [...byEnterprise].map(([enterpriseId, cs]) => ({
        enterpriseId,
        enterpriseName: names.get(enterpriseId)?.name ?? '',
        ...caseStatistics(
          cs.map((c) => ({
            deviceId: c.deviceId, productModel: c.productModel, faultCode: c.faultCode, openedAt: c.openedAt.getTime(), concludedAt: c.concludedAt?.getTime() ?? null,
            claimStatus: c.claimStatus, claimCostCny: c.claimCostCny === null ? null : Number(c.claimCostCny), outcome: c.outcome, rating: c.rating, parts: c.parts,
          })),
        ),
      }));
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
