import { randomUUID } from 'node:crypto';
import { checkConditions, type ConditionsReport, type TraceRates } from '../../../domain/announcement/conditions.js';
import { missingItems } from '../../../domain/announcement/completeness.js';
import { deriveRatios } from '../../../domain/announcement/derived.js';
import { ATTACHMENT_SLOT_KEYS, type ApplicationForm, type AttachmentSlot } from '../../../domain/announcement/form.js';
import { reapplyLock } from '../../../domain/announcement/reapply-lock.js';
import { jointSubmission } from '../../../domain/announcement/joint-submission.js';
import { computeRemanRates } from '../../../domain/announcement/reman-rate.js';
import { lockGuarded, nextState, type ApplicationEvent, type ApplicationState } from '../../../domain/announcement/workflow.js';
import { APPLICATION_STATES } from '../../../domain/announcement/workflow.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { shanghaiDate, type Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/files.service.js';
import type { NotificationInput, NotificationService } from '../notifications/notifications.service.js';
/** The reapply-lock reader (revocations module, wired in app.ts; 七(二)4), as this module needs it. */
type RevocationLocks = { history(enterpriseId: string, conn?: Db): Promise<{ revokedAt: Date; rectificationAcceptedAt: string | null }[]> };
import { authorize } from '../../platform/authorize.js';
import { actorKind, applicationFilingPolicy, applicationPolicy, applicationScope, type ActorKind } from './applications.policy.js';
import { applicationRepo, attachmentRepo, reviewRepo, type ApplicationRow, type AttachmentRow } from './applications.repo.js';

export interface ApplicationDeps {
  db: Db;
  clock: Clock;
  files: FileService;
  enterprises: EnterpriseService;
  notifications: NotificationService;
  /** The revocations module's lock reader (七(二)4): revocation decisions and accepted rectifications. */
  revocationLocks: RevocationLocks;
  /**
   * 表1-2 rows 12–13 from the enterprise's traced products of a year (the traceability module, looked up
   * lazily; absent or null when the enterprise does not use traceability). Read as the caller `p` may.
   */
  traceRates?: (p: Principal | null, enterpriseId: string, year: number) => Promise<TraceRates | null>;
}

const EDITABLE: ApplicationState[] = ['draft', 'returned'];
const stateLabel = (s: string) => APPLICATION_STATES.find((x) => x.key === s) ?? { zh: s, en: s };

export const notFoundApplication = () => errors.notFound('申请', 'Application');
/** The attachment was removed or replaced already (by a concurrent request, or earlier). */
const attachmentGone = () =>
  errors.conflict('ATTACHMENT_SUPERSEDED', '该附件已被删除或替换，请刷新', 'The attachment was removed or replaced already; reload', { status: 'superseded' });

/** Count of current files per slot, as the domain rules want it. */
export function slotCounts(atts: AttachmentRow[]): Partial<Record<AttachmentSlot, number>> {
  const out: Partial<Record<AttachmentSlot, number>> = {};
  for (const a of atts) if (!a.supersededAt && (ATTACHMENT_SLOT_KEYS as string[]).includes(a.slot)) out[a.slot as AttachmentSlot] = (out[a.slot as AttachmentSlot] ?? 0) + 1;
  return out;
}

/**
 * Applications for the 规范公告 (规范条件 七(一), 附1): drafts, attachments, submission, withdrawal, and the
 * one place where a state changes (`transition`), used by the review, notice and announcement use cases.
 */
export function createApplicationService(deps: ApplicationDeps) {
  const { db, clock, files, enterprises, notifications } = deps;

  async function visible(conn: Db, p: Principal | null, a: ApplicationRow | undefined): Promise<ApplicationRow> {
    if (!a) throw notFoundApplication();
    const assigned = p?.kind === 'user' && p.expertId ? await reviewRepo.isAssigned(conn, a.id, p.expertId) : false;
    authorize(p, applicationPolicy, 'read', { ...a, assigned });
    return a;
  }
  const load = async (p: Principal | null, id: string) => visible(db, p, await applicationRepo.get(db, id));
  /** Inside a write's transaction: the row locked FOR UPDATE, then the caller's right to see it (404 otherwise). */
  const lockVisible = async (tx: Db, p: Principal | null, id: string) => visible(tx, p, await applicationRepo.lockById(tx, id));
  const frozen = (state: string, zh = `申请已提交（${stateLabel(state).zh}），不能修改`, en = `The application is frozen (${stateLabel(state).en})`) =>
    errors.conflict('APPLICATION_FROZEN', zh, en, { state });

  /**
   * 七(二)4: the first reapply lock that runs for the enterprise today (read on `conn`, the deciding
   * transaction's connection), or null. 409 REAPPLY_LOCKED is built from it.
   */
  async function runningLock(conn: Db, enterpriseId: string) {
    for (const r of await deps.revocationLocks.history(enterpriseId, conn)) {
      const lock = reapplyLock({ revokedAt: shanghaiDate(r.revokedAt), rectificationAcceptedAt: r.rectificationAcceptedAt }, clock.today());
      if (lock.locked) return lock;
    }
    return null;
  }
  const lockedError = (lock: NonNullable<Awaited<ReturnType<typeof runningLock>>>, event?: ApplicationEvent) =>
    errors.conflict('REAPPLY_LOCKED', lock.messageZh, lock.messageEn, { until: lock.until, reapplyFrom: lock.reapplyFrom, reason: lock.reason, ...(event ? { event } : {}) });

  /**
   * Apply one event of the state machine inside the caller's transaction: locks the row, checks the
   * transition (409 naming the current state when illegal), writes the new state, the event row, the audit
   * row and the notifications.
   */
  async function transition(
    tx: Db,
    ctx: RequestContext,
    app: Pick<ApplicationRow, 'enterpriseId' | 'id'>,
    event: ApplicationEvent,
    opts: { patch?: Partial<ApplicationRow>; note?: unknown; notify?: NotificationInput[]; actor?: ActorKind } = {},
  ): Promise<ApplicationRow> {
    const locked = await applicationRepo.lock(tx, app.enterpriseId, app.id);
    if (!locked) throw notFoundApplication();
    // who takes which step is the state machine's (domain) decision, 七(一): an event by another kind of actor — or by
    // a caller of no kind (a buyer) — is its `wrong_actor`, answered 403 here; the policy's rules said whose case it is
    const actor = opts.actor ?? actorKind(ctx.principal);
    const from = locked.state as ApplicationState;
    const r = actor ? nextState(from, event, actor) : ({ ok: false, reason: 'wrong_actor' } as const);
    if (!r.ok) {
      if (r.reason === 'wrong_actor') throw errors.forbidden();
      const l = stateLabel(from);
      throw errors.conflict('ILLEGAL_TRANSITION', `当前状态“${l.zh}”下不能执行该操作`, `Not possible in the current state "${l.en}"`, { state: from, event });
    }
    // 七(二)4: the reapply lock holds at every step towards the 公告 (submit … announce), decided in this transaction
    if (lockGuarded(event)) {
      const lock = await runningLock(tx, locked.enterpriseId);
      if (lock) throw lockedError(lock, event);
    }
    const updated = await applicationRepo.update(tx, locked.enterpriseId, locked.id, { ...opts.patch, state: r.to });
    const p = ctx.principal;
    await applicationRepo.addEvent(tx, {
      enterpriseId: locked.enterpriseId,
      applicationId: locked.id,
      event,
      fromState: from,
      toState: r.to,
      actorId: p?.kind === 'user' ? p.userId : null,
      actorRole: p?.role ?? null,
      note: opts.note ?? null,
      at: clock.now(),
    });
    await recordAudit(tx, ctx, { action: `application.${event}`, objectType: 'application', objectId: locked.id, enterpriseId: locked.enterpriseId, change: { from, to: r.to, note: opts.note ?? null } });
    await notifications.notify(tx, opts.notify ?? []);
    return updated;
  }

  function liveCheck(form: ApplicationForm, atts: AttachmentRow[], traceRates: TraceRates | null = null): ConditionsReport {
    return checkConditions({ form, attachments: slotCounts(atts), asOf: clock.today(), traceRates });
  }

  /** Rows 12–13 from the traced products of the last full year (null without traceability or products). */
  async function traceRatesOf(p: Principal | null, enterpriseId: string): Promise<TraceRates | null> {
    if (!deps.traceRates) return null;
    try {
      return await deps.traceRates(p, enterpriseId, Number(clock.today().slice(0, 4)) - 1);
    } catch {
      return null; // the cross-check is a help for the experts; it never blocks a check
    }
  }

  return {
    load,
    lockVisible,
    /** Lock several applications (id order) before a multi-application step decides on any of them. */
    lockAll: (tx: Db, ids: string[]) => applicationRepo.lockMany(tx, ids),
    /** For other modules' presenters (public lists): the row without a caller policy. */
    loadInternal: (id: string) => applicationRepo.get(db, id),
    /** The same for a page of rows at once (one query). */
    /** The standards submitted applications declare (申请书 row 30), for the standards library's page (issue 14). */
    declaredStandards: (keys: readonly string[]) => applicationRepo.declaredStandards(db, keys),
    loadManyInternal: async (ids: string[]) => new Map((await applicationRepo.getMany(db, [...new Set(ids)])).map((a) => [a.id, a])),
    transition,
    liveCheck,

    /** `awaitingMyOpinion`: an expert's assignments without an opinion yet (one query, no detail per case). */
    async list(
      p: Principal | null,
      f: { states?: string[]; awaitingMyOpinion?: boolean; authority?: string; enterprise?: string; from?: string; to?: string },
      page: number,
      pageSize: number,
    ) {
      if (f.from && f.to && f.from > f.to) throw errors.field('from', '起始日期不能晚于截止日期', 'must not be after to');
      const awaitingOpinionOf = f.awaitingMyOpinion ? (p?.kind === 'user' && p.expertId ? p.expertId : '00000000-0000-0000-0000-000000000000') : undefined;
      return applicationRepo.list(
        db,
        applicationScope(p),
        {
          states: f.states,
          awaitingOpinionOf,
          authorityId: f.authority,
          enterpriseIn: f.enterprise ? enterprises.idsMatching(f.enterprise) : undefined,
          submittedFrom: f.from,
          submittedTo: f.to,
        },
        page,
        pageSize,
      );
    },

    async detail(p: Principal | null, id: string) {
      const a = await load(p, id);
      const [attachments, events, versions, assignments, onsite] = await Promise.all([
        attachmentRepo.current(db, a.enterpriseId, a.id),
        applicationRepo.events(db, a.enterpriseId, a.id),
        applicationRepo.versions(db, a.enterpriseId, a.id),
        reviewRepo.assignments(db, a.enterpriseId, a.id),
        reviewRepo.onsite(db, a.enterpriseId, a.id),
      ]);
      const form = a.form as ApplicationForm;
      // Reviewers see the result stored at submission; the enterprise sees the live one while editing.
      const stored = versions.find((v) => v.version === a.version);
      const check = EDITABLE.includes(a.state as ApplicationState) || !stored ? liveCheck(form, attachments, await traceRatesOf(p, a.enterpriseId)) : (stored.checkResult as ConditionsReport);
      return { app: a, form, attachments, events, versions, assignments, onsite, check, missing: missingItems(form, slotCounts(attachments)), derived: deriveRatios(form) };
    },

    /** Start a draft for one site (七(一)3). Refused while a revocation lock runs (七(二)4). */
    async create(ctx: RequestContext, siteId: string) {
      const p = ctx.principal;
      const enterprise = p?.kind === 'user' && p.enterpriseId ? await enterprises.getInternal(p.enterpriseId) : undefined;
      authorize(p, applicationFilingPolicy, 'start', { enterpriseId: enterprise?.id ?? null });
      if (!enterprise || p?.kind !== 'user') throw notFoundApplication(); // unreachable: the rule needs both
      const site = await enterprises.getSiteInternal(enterprise.id, siteId);
      if (!site) throw errors.field('siteId', '厂区不存在', 'Unknown site');
      const lock = await runningLock(db, enterprise.id);
      if (lock) throw lockedError(lock);
      const openConflict = (open: { id: string; state: string } | undefined) =>
        errors.conflict('APPLICATION_OPEN', '该厂区已有进行中的申请', 'This site already has an application in progress', { applicationId: open?.id ?? null, state: open?.state ?? null });
      const open = await applicationRepo.openForSite(db, enterprise.id, site.id);
      if (open) throw openConflict(open);
      const form: ApplicationForm = {
        table11: {
          website: enterprise.website,
          postalCode: enterprise.postalCode,
          contactName: enterprise.contactName,
          contactMobile: enterprise.contactPhone,
          email: enterprise.contactEmail,
          enterpriseType: enterprise.enterpriseType as never,
          listingStatus: enterprise.listingStatus as never,
        },
        declaration: { legalRepresentative: enterprise.legalRepresentative },
      };
      return db.transaction(async (tx) => {
        // one open application per site (unique index): the loser of a concurrent create gets 409, not 500
        const a = await applicationRepo.insertIfNoneOpen(tx, {
          enterpriseId: enterprise.id,
          id: randomUUID(),
          siteId: site.id,
          state: 'draft',
          form,
          authorityId: enterprise.authorityId,
          createdBy: p.userId,
        });
        if (!a) throw openConflict(await applicationRepo.openForSite(tx, enterprise.id, site.id));
        await recordAudit(tx, ctx, { action: 'application.created', objectType: 'application', objectId: a.id, enterpriseId: a.enterpriseId, change: { siteId } });
        return a;
      });
    },

    /** Save a draft (partial data is fine). Only while draft or returned for supplement. */
    async saveForm(ctx: RequestContext, id: string, form: ApplicationForm) {
      return db.transaction(async (tx) => {
        // decided on the locked row: a save racing a submission lands before it (and is frozen with it) or is refused
        const a = await lockVisible(tx, ctx.principal, id);
        authorize(ctx.principal, applicationPolicy, 'edit', a);
        if (!EDITABLE.includes(a.state as ApplicationState)) throw frozen(a.state);
        const updated = await applicationRepo.update(tx, a.enterpriseId, a.id, { form });
        await recordAudit(tx, ctx, { action: 'application.saved', objectType: 'application', objectId: a.id, enterpriseId: a.enterpriseId, change: form });
        return updated;
      });
    },

    /**
     * Upload an attachment (content-checked, stored once by SHA-256). `replacesId` makes it a new revision of
     * an existing file; the old one stays in history and in earlier frozen versions.
     */
    async upload(ctx: RequestContext, id: string, input: { slot: string; filename: string; data: Buffer; replacesId?: string }) {
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      return db.transaction(async (tx) => {
        const a = await lockVisible(tx, ctx.principal, id);
        if (input.slot === 'onsite_photo') {
          authorize(ctx.principal, applicationPolicy, 'upload_onsite_photo', a);
          if (a.state !== 'onsite_check') throw errors.conflict('ILLEGAL_TRANSITION', '只能在现场核查阶段上传照片', 'Photos belong to the on-site check stage', { state: a.state });
        } else {
          authorize(ctx.principal, applicationPolicy, 'edit', a);
          if (!EDITABLE.includes(a.state as ApplicationState)) throw frozen(a.state, '申请已提交，不能修改附件', 'The application is frozen');
        }
        let revision = 1;
        if (input.replacesId) {
          const old = await attachmentRepo.get(tx, a.enterpriseId, input.replacesId);
          if (!old || old.applicationId !== a.id) throw errors.field('replacesId', '要替换的附件不存在', 'No such current attachment to replace');
          if (old.slot !== input.slot) throw errors.field('replacesId', '替换的附件须属于同一栏目', 'A replacement must be in the same slot');
          // replaced already (by a concurrent request, or earlier): 409, the current revision is another one
          if (!(await attachmentRepo.supersede(tx, a.enterpriseId, old.id))) throw attachmentGone();
          revision = old.revision + 1;
        }
        const stored = await files.store(input.data, tx);
        const row = await attachmentRepo.insert(tx, {
          enterpriseId: a.enterpriseId,
          applicationId: a.id,
          id: randomUUID(),
          slot: input.slot,
          fileSha256: stored.sha256,
          filename: input.filename.slice(0, 255) || 'file',
          replacesId: input.replacesId ?? null,
          revision,
          formVersion: a.version,
          uploadedBy: p.userId,
        });
        await recordAudit(tx, ctx, { action: 'application.attachment_uploaded', objectType: 'application', objectId: a.id, enterpriseId: a.enterpriseId, change: { slot: input.slot, sha256: stored.sha256, replacesId: input.replacesId ?? null } });
        return { ...row, mime: stored.mime, size: stored.size };
      });
    },

    /** Remove a current attachment from a draft (history keeps it). */
    async removeAttachment(ctx: RequestContext, id: string, attachmentId: string) {
      await db.transaction(async (tx) => {
        const a = await lockVisible(tx, ctx.principal, id);
        authorize(ctx.principal, applicationPolicy, 'edit', a);
        if (!EDITABLE.includes(a.state as ApplicationState)) throw frozen(a.state, '申请已提交，不能修改附件', 'The application is frozen');
        const att = await attachmentRepo.get(tx, a.enterpriseId, attachmentId);
        if (!att || att.applicationId !== a.id) throw errors.notFound('附件', 'Attachment');
        if (!(await attachmentRepo.supersede(tx, a.enterpriseId, att.id))) throw attachmentGone();
        await recordAudit(tx, ctx, { action: 'application.attachment_removed', objectType: 'application', objectId: a.id, enterpriseId: a.enterpriseId, change: { attachmentId } });
      });
    },

    /** Download: anyone allowed to see the application (including earlier revisions). */
    async download(p: Principal | null, id: string, attachmentId: string) {
      const a = await load(p, id);
      const att = await attachmentRepo.get(db, a.enterpriseId, attachmentId);
      if (!att || att.applicationId !== a.id) throw errors.notFound('附件', 'Attachment');
      const f = await files.get(att.fileSha256);
      if (!f) throw errors.notFound('附件', 'Attachment');
      return { attachment: att, file: f };
    },

    async attachmentMeta(atts: AttachmentRow[]) {
      const meta = new Map((await files.meta([...new Set(atts.map((a) => a.fileSha256))])).map((m) => [m.sha256, m]));
      return atts.map((a) => ({ ...a, mime: meta.get(a.fileSha256)?.mime ?? 'application/octet-stream', size: meta.get(a.fileSha256)?.size ?? 0 }));
    },

    /**
     * Submit one or more applications of the same enterprise together (one per site, 七(一)3): all or none.
     * Each must be complete; the conditions check result, rates and a frozen copy are stored with it.
     * 七(一)3 一并提交: another site's draft not submitted with them must be named in `notApplyingNow` (the
     * enterprise confirms it does not apply for that site now); otherwise 409 OTHER_SITES_IN_DRAFT naming them.
     * The confirmation is recorded in each submission event and audited on the deferred draft.
     */
    async submit(ctx: RequestContext, ids: string[], opts: { notApplyingNow?: string[] } = {}) {
      const unique = [...new Set(ids)];
      // the enterprise record (reference data, another module's table) is read before the transaction
      const first = await load(ctx.principal, unique[0]!);
      const enterprise = await enterprises.getInternal(first.enterpriseId);
      // site names of the enterprise's drafts, for the messages (the decision reads the drafts again under the locks)
      const siteNames = await enterprises.siteNames((await applicationRepo.draftsOfEnterprise(db, first.enterpriseId)).map((d) => ({ enterpriseId: first.enterpriseId, siteId: d.siteId })));
      const group = randomUUID();
      const now = clock.now();
      // the traced products' rates (rows 12–13 cross-check) are another module's data: read before the transaction
      const traced = enterprise ? await traceRatesOf(ctx.principal, enterprise.id) : null;
      return db.transaction(async (tx) => {
        // every application locked (in id order) before anything is decided: the frozen version is the form
        // as it is under the lock, so a concurrent save lands before the submission or is refused after it
        const locked = new Map((await applicationRepo.lockMany(tx, unique)).map((a) => [a.id, a]));
        const apps: ApplicationRow[] = [];
        for (const id of unique) apps.push(await visible(tx, ctx.principal, locked.get(id)));
        for (const a of apps) authorize(ctx.principal, applicationPolicy, 'submit', a);
        if (new Set(apps.map((a) => a.enterpriseId)).size > 1) throw errors.field('applicationIds', '一次只能提交同一企业的申请', 'Submit applications of one enterprise at a time');
        const incomplete: { applicationId: string; missing: ReturnType<typeof missingItems> }[] = [];
        const prepared: { a: ApplicationRow; atts: AttachmentRow[]; form: ApplicationForm }[] = [];
        for (const a of apps) {
          const atts = await attachmentRepo.current(tx, a.enterpriseId, a.id);
          const form = a.form as ApplicationForm;
          const missing = missingItems(form, slotCounts(atts));
          if (missing.length) incomplete.push({ applicationId: a.id, missing });
          prepared.push({ a, atts, form });
        }
        // 七(一)3: every other site's draft is submitted with these or confirmed as not applied for now
        const drafts = (await applicationRepo.draftsOfEnterprise(tx, apps[0]!.enterpriseId)).map((d) => ({ ...d, siteName: siteNames.get(`${apps[0]!.enterpriseId}/${d.siteId}`) ?? '' }));
        const joint = jointSubmission(unique, drafts, opts.notApplyingNow);
        if (joint.invalid.length) throw errors.field('notApplyingNow', '只能确认本企业其他厂区的草稿申请', 'Only other drafts of the enterprise can be confirmed as not applied for now');
        if (joint.unconfirmed.length) {
          const names = joint.unconfirmed.map((d) => d.siteName || d.applicationId).join('、');
          throw errors.conflict(
            'OTHER_SITES_IN_DRAFT',
            `本企业还有厂区的申请为草稿（${names}）。有多个厂区的企业应将申请公告的厂区一并提交（规范条件 七(一)3）：请一并提交，或确认暂不申请这些厂区`,
            `Other sites of the enterprise have draft applications (${names}). Submit the sites you apply for together (七(一)3), or confirm they are not applied for now`,
            { field: 'notApplyingNow', drafts: joint.unconfirmed },
          );
        }
        if (incomplete.length) {
          const n = incomplete.reduce((s, x) => s + x.missing.length, 0);
          throw new DomainError(400, 'APPLICATION_INCOMPLETE', `申请尚不完整，缺少 ${n} 项：${incomplete[0]!.missing.slice(0, 5).map((m) => m.zh).join('、')}${n > 5 ? '等' : ''}`, `The application is incomplete: ${n} item(s) missing`, incomplete);
        }
        const out = [];
        for (const { a, atts, form } of prepared) {
          const check = liveCheck(form, atts, traced);
          const rates = computeRemanRates(form.table12?.bom ?? []);
          const updated = await transition(tx, ctx, a, 'submit', {
            patch: { submittedAt: now, submissionGroup: group, authorityId: enterprise!.authorityId },
            note: { version: a.version, summary: check.summary, submittedTogether: unique, ...(joint.deferred.length ? { notApplyingNow: joint.deferred } : {}) },
            notify: [
              { orgId: enterprise!.authorityId, kind: 'application.submitted', title: `${enterprise!.name} 提交了规范公告申请`, titleEn: `${enterprise!.name} submitted an application`, link: `/applications/${a.id}` },
            ],
          });
          await applicationRepo.insertVersion(tx, {
            enterpriseId: a.enterpriseId,
            applicationId: a.id,
            version: a.version,
            form,
            attachments: atts.map((x) => ({ id: x.id, slot: x.slot, sha256: x.fileSha256, filename: x.filename, revision: x.revision })),
            checkResult: check,
            rates,
            submittedBy: (ctx.principal as Extract<Principal, { kind: 'user' }>).userId,
            submittedAt: now,
          });
          out.push(updated);
        }
        // 七(一)3: the confirmation that a draft's site is not applied for now, audited on that draft
        for (const d of joint.deferred) {
          await recordAudit(tx, ctx, { action: 'application.not_applying_now', objectType: 'application', objectId: d.applicationId, enterpriseId: apps[0]!.enterpriseId, change: { siteId: d.siteId, siteName: d.siteName, submittedTogether: unique, submissionGroup: group } });
        }
        return out;
      });
    },

    /**
     * 七(二)4: a revocation (MIIT's decision, in its transaction `tx`) ends every open application of the
     * enterprise with the revocation's reason — an event, an audit row and a notification to the enterprise and
     * its authority each. Returns the closed applications.
     */
    async closeForRevocation(tx: Db, ctx: RequestContext, enterpriseId: string, reason: { zh: string; en: string; caseId: string }) {
      const closed: ApplicationRow[] = [];
      for (const a of await applicationRepo.openOfEnterpriseForUpdate(tx, enterpriseId)) {
        closed.push(
          await transition(tx, ctx, a, 'close_on_revocation', {
            actor: 'ministry',
            patch: { outcomeReason: reason.zh, decidedAt: clock.now() },
            note: { reason: reason.zh, reasonEn: reason.en, revocationCaseId: reason.caseId },
            notify: [
              { orgId: a.enterpriseId, kind: 'application.closed', title: '公告被撤销，进行中的规范公告申请已终止', titleEn: 'Your announcement was revoked; the application in progress was closed', link: `/applications/${a.id}` },
              ...(a.state === 'draft' ? [] : [{ orgId: a.authorityId, kind: 'application.closed', title: '企业被撤销公告，其进行中的申请已终止', titleEn: 'An application was closed: the enterprise’s announcement was revoked', link: `/applications/${a.id}` }]),
            ],
          }),
        );
      }
      return closed;
    },

    async withdraw(ctx: RequestContext, id: string, reason: string) {
      return db.transaction(async (tx) => {
        const a = await lockVisible(tx, ctx.principal, id);
        authorize(ctx.principal, applicationPolicy, 'withdraw', a);
        return transition(tx, ctx, a, 'withdraw', {
          patch: { outcomeReason: reason, decidedAt: clock.now() },
          note: { reason },
          notify: a.state === 'draft' ? [] : [{ orgId: a.authorityId, kind: 'application.withdrawn', title: '企业撤回了规范公告申请', titleEn: 'An application was withdrawn', link: `/applications/${a.id}` }],
        });
      });
    },

    /** How many items each editable application still lacks before it can be submitted (null once submitted). */
    async missingCounts(rows: ApplicationRow[]) {
      const editable = rows.filter((a) => EDITABLE.includes(a.state as ApplicationState));
      const counts = new Map<string, Partial<Record<AttachmentSlot, number>>>();
      for (const r of await attachmentRepo.slotCounts(db, editable.map((a) => a.id))) {
        if (!(ATTACHMENT_SLOT_KEYS as string[]).includes(r.slot)) continue;
        const m = counts.get(r.applicationId) ?? {};
        m[r.slot as AttachmentSlot] = Number(r.n);
        counts.set(r.applicationId, m);
      }
      return new Map(rows.map((a) => [a.id, EDITABLE.includes(a.state as ApplicationState) ? missingItems(a.form as ApplicationForm, counts.get(a.id) ?? {}).length : null]));
    },

    async countByState(p: Principal | null) {
      return applicationRepo.countByState(db, applicationScope(p));
    },
  };
}
export type ApplicationService = ReturnType<typeof createApplicationService>;
