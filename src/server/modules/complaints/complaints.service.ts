import { randomBytes, randomUUID } from 'node:crypto';
import { MINISTRY_AUTHORITY_ID } from '../../../domain/authorities.js';
import { nextComplaintState, normaliseTrackingCode, trackingCodeFrom, TRACKING_CODE_RE, type ComplaintEvent, type RevocationGround } from '../../../domain/supervision/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { stateChanged } from '../../platform/tx.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/index.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import type { RevocationService } from '../revocations/index.js';
import { supervisionScope, type SupervisionTodo } from '../supervision/index.js';
import { complaintPolicy } from './complaints.policy.js';
import { complaintRepo, type ComplaintRow } from './complaints.repo.js';
import type { ComplaintInput } from './complaints.schema.js';

const notFound = () => errors.notFound('投诉举报', 'Complaint');
const OPEN_STATES = ['received', 'accepted', 'investigating'];

export interface ComplaintDeps {
  db: Db;
  clock: Clock;
  files: FileService;
  enterprises: EnterpriseService;
  notifications: NotificationService;
  revocations: Pick<RevocationService, 'prepareOpen' | 'insertCase'>;
}

/**
 * 投诉举报 (规范条件 七(二)2): anyone, with or without an account, complains about an applying or announced
 * enterprise; MIIT and the enterprise's authority handle it; a substantiated complaint may open a revocation
 * case. The complainant's contact is visible to the handlers only — never to the enterprise or the public.
 */
export function createComplaintService(deps: ComplaintDeps) {
  const { db, clock, files, enterprises, notifications, revocations } = deps;

  async function load(p: Principal | null, id: string) {
    const c = await complaintRepo.get(db, id);
    if (!c) throw notFound();
    authorize(p, complaintPolicy, 'read', c);
    return c;
  }
  /** One step on a complaint: the transaction locks it (FOR UPDATE), authorizes `action` on it, then `step` decides and writes. */
  const onLocked = <T>(ctx: RequestContext, id: string, action: keyof typeof complaintPolicy.rules, step: (tx: Db, c: ComplaintRow) => Promise<T>) =>
    db.transaction(async (tx) => {
      const c = await complaintRepo.lockById(tx, id);
      if (!c) throw notFound();
      authorize(ctx.principal, complaintPolicy, 'read', c);
      authorize(ctx.principal, complaintPolicy, action, c);
      return step(tx, c);
    });

  return {
    load,
    page: (p: Principal | null, f: { states?: string[] }, page: Page) => complaintRepo.page(db, supervisionScope(p), f, page),

    /** 待办 for the workbench: the open complaints a handler sees. */
    async todos(p: Principal | null): Promise<SupervisionTodo[]> {
      const scope = supervisionScope(p);
      if (scope.kind === 'none' || scope.kind === 'enterprise') return [];
      return (await complaintRepo.list(db, scope, { states: OPEN_STATES })).map((c) => ({
        kind: 'supervision' as const,
        id: c.id,
        title: `投诉举报：${c.subject}（${c.enterpriseName}）`,
        titleEn: `Complaint: ${c.subject} (${c.enterpriseName})`,
        state: `complaint_${c.state}`,
        link: `/supervision/complaints/${c.id}`,
        since: c.filedAt.toISOString(),
      }));
    },

    /** Public filing. The enterprise is matched by its exact registered name when possible. */
    async file(ctx: RequestContext, input: ComplaintInput, evidence: Buffer[]) {
      const match = await enterprises.findByExactName(input.enterpriseName);
      const p = ctx.principal;
      return db.transaction(async (tx) => {
        const shas: string[] = [];
        for (const b of evidence) shas.push((await files.store(b, tx)).sha256);
        let trackingCode = trackingCodeFrom(randomBytes(8));
        // 60 random bits: a collision is practically impossible, but never hand out a code twice
        while (await complaintRepo.byTrackingCode(tx, trackingCode)) trackingCode = trackingCodeFrom(randomBytes(8));
        const c = await complaintRepo.insert(tx, {
          id: randomUUID(),
          trackingCode,
          enterpriseId: match?.id ?? null,
          authorityId: match?.authorityId ?? null,
          enterpriseName: input.enterpriseName,
          subject: input.subject,
          facts: input.facts,
          contact: input.contact?.trim() ? input.contact.trim() : null,
          evidence: shas,
          filedBy: p?.kind === 'user' ? p.userId : null,
          ip: ctx.ip,
          state: 'received',
          filedAt: clock.now(),
        });
        await recordAudit(tx, ctx, { action: 'complaint.filed', objectType: 'complaint', objectId: c.id, enterpriseId: c.enterpriseId ?? undefined, change: { matched: c.enterpriseId != null, evidence: shas, anonymous: c.contact == null } });
        const link = `/supervision/complaints/${c.id}`;
        await notifications.notify(tx, [
          { orgId: MINISTRY_AUTHORITY_ID, kind: 'complaint.filed', title: `收到投诉举报：${input.subject}`, titleEn: 'A complaint was filed', link },
          ...(c.authorityId ? [{ orgId: c.authorityId, kind: 'complaint.filed', title: `收到关于辖区企业的投诉举报：${input.subject}`, titleEn: 'A complaint about an enterprise in your jurisdiction', link }] : []),
        ]);
        return c;
      });
    },

    /** The public view by tracking code (no contact, no evidence, no handler names). */
    async track(code: string) {
      const norm = normaliseTrackingCode(code);
      if (!TRACKING_CODE_RE.test(norm)) throw notFound();
      const c = await complaintRepo.byTrackingCode(db, norm);
      if (!c) throw notFound();
      return c;
    },

    /** accept / dismiss / investigate / substantiate / unsubstantiate (the last three with reasons). */
    async handle(ctx: RequestContext, id: string, input: { action: ComplaintEvent; note?: string | null }) {
      return onLocked(ctx, id, input.action, async (tx, c) => {
        const to = nextComplaintState(c.state, input.action);
        if (!to) throw errors.conflict('INVALID_STATE', `投诉当前状态（${c.state}）不允许此操作`, `Not allowed (${input.action}) while the complaint is ${c.state}`, { state: c.state });
        const concluding = to === 'substantiated' || to === 'unsubstantiated' || to === 'dismissed';
        if (concluding && !input.note?.trim()) throw errors.field('note', '办结须说明理由', 'Give the reasons when concluding');
        const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
        const r = (await complaintRepo.update(tx, c.id, [c.state], {
          state: to,
          handledBy: p.userId,
          ...(concluding ? { conclusion: input.note!.trim(), concludedOn: clock.today() } : {}),
        }))!;
        await recordAudit(tx, ctx, { action: `complaint.${input.action}`, objectType: 'complaint', objectId: c.id, enterpriseId: c.enterpriseId ?? undefined, change: { note: input.note ?? null } });
        return r;
      });
    },

    /** MIIT links the complaint to a registered enterprise (its authority then sees and handles it too). */
    async assign(ctx: RequestContext, id: string, enterpriseId: string) {
      authorize(ctx.principal, complaintPolicy, 'assign', await load(ctx.principal, id));
      const e = await enterprises.getInternal(enterpriseId);
      if (!e) throw errors.field('enterpriseId', '企业不存在', 'Unknown enterprise');
      return onLocked(ctx, id, 'assign', async (tx, c) => {
        // linking to the enterprise it is linked to already changes nothing (a repeated request): 409
        if (c.enterpriseId === e.id) throw errors.conflict('ALREADY_ASSIGNED', '该投诉已指定该企业', 'The complaint is already assigned to this enterprise', { status: c.state, enterpriseId: e.id });
        const r = await complaintRepo.update(tx, c.id, null, { enterpriseId: e.id, authorityId: e.authorityId });
        await recordAudit(tx, ctx, { action: 'complaint.assigned', objectType: 'complaint', objectId: c.id, enterpriseId: e.id, change: { enterpriseId: e.id } });
        await notifications.notify(tx, [{ orgId: e.authorityId, kind: 'complaint.assigned', title: `工信部转来关于辖区企业的投诉举报：${c.subject}`, titleEn: 'MIIT forwarded a complaint about an enterprise in your jurisdiction', link: `/supervision/complaints/${c.id}` }]);
        return r!;
      });
    },

    /** A substantiated complaint opens a revocation case (MIIT); the link is kept both ways. */
    async openRevocation(ctx: RequestContext, id: string, input: { grounds: RevocationGround[]; facts: string }) {
      const check = (c: ComplaintRow) => {
        if (c.state !== 'substantiated') throw errors.conflict('NOT_SUBSTANTIATED', '仅情况属实的投诉可转为撤销案件', 'Only a substantiated complaint can open a revocation case', { state: c.state });
        if (c.revocationCaseId) throw errors.conflict('CASE_EXISTS', '该投诉已转为撤销案件', 'This complaint already opened a case', { caseId: c.revocationCaseId });
        if (!c.enterpriseId) throw errors.conflict('ENTERPRISE_UNKNOWN', '请先指定被投诉企业', 'Assign the complaint to an enterprise first');
        return c.enterpriseId;
      };
      const first = await load(ctx.principal, id);
      authorize(ctx.principal, complaintPolicy, 'open_revocation', first);
      // the enterprise and the announced list (other modules) are read first; the decision is taken under the lock
      const e = await revocations.prepareOpen(ctx.principal, { enterpriseId: check(first), grounds: input.grounds, facts: input.facts });
      return onLocked(ctx, id, 'open_revocation', async (tx, c) => {
        if (check(c) !== e.id) throw stateChanged(c.state);
        const rc = await revocations.insertCase(tx, ctx, e, { enterpriseId: e.id, grounds: input.grounds, facts: input.facts, origin: 'complaint', complaintId: c.id, evidence: c.evidence });
        await complaintRepo.update(tx, c.id, ['substantiated'], { revocationCaseId: rc.id });
        await recordAudit(tx, ctx, { action: 'complaint.revocation_opened', objectType: 'complaint', objectId: c.id, enterpriseId: e.id, change: { caseId: rc.id } });
        return rc;
      });
    },

    async evidence(p: Principal | null, id: string, n: number) {
      const c = await load(p, id);
      const sha = c.evidence[n];
      if (!sha) throw errors.notFound('证据文件', 'Evidence file');
      const f = await files.get(sha);
      if (!f) throw errors.notFound('证据文件', 'Evidence file');
      return f;
    },
  };
}
export type ComplaintService = ReturnType<typeof createComplaintService>;
