import { randomBytes, randomUUID } from 'node:crypto';
import { normaliseTrackingCode, trackingCodeFrom, TRACKING_CODE_RE } from '../../../domain/supervision/index.js';
import { DEFAULT_NOTICE_WORKING_DAYS } from '../../../domain/announcement/workflow.js';
import { addWorkingDays } from '../../../domain/working-days.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Page } from '../../platform/paging.js';
import type { PublicCache } from '../../platform/public-cache.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { authorize } from '../../platform/authorize.js';
import type { ApplicationService } from '../applications/applications.service.js';
import type { FileService } from '../files/files.service.js';
import { noticePolicy } from './notices.policy.js';
import { noticeRepo } from './notices.repo.js';


/**
 * 公示 (规范条件 七(一)5: 对符合本规范条件的企业名单进行公示，无异议的予以公告). MIIT composes a batch with
 * explicit start and end dates; anyone may object during the window; every objection is resolved before the
 * batch proceeds; an upheld objection takes that application out.
 */
export function createNoticeService(deps: { db: Db; clock: Clock; applications: ApplicationService; files: FileService; publicCache: PublicCache }) {
  const { db, clock, applications, files, publicCache } = deps;
  // MIIT's steps (notices.policy.ts) need no row: the rule is the caller's; the state is decided on the locked notice
  const may = (p: Principal | null, action: 'compose' | 'read_evidence' | 'resolve_objection' | 'close' | 'set_workday') => authorize(p, noticePolicy, action, {});

  async function overrides() {
    return (await noticeRepo.workdayOverrides(db)).map((o) => ({ date: o.day, workday: o.workday }));
  }

  return {
    overrides,
    overridePage: (page: Page) => noticeRepo.workdayOverridePage(db, page),

    async create(ctx: RequestContext, input: { title: string; applicationIds: string[]; startDate?: string; workingDays?: number; endDate?: string }) {
      may(ctx.principal, 'compose');
      const startDate = input.startDate ?? clock.today();
      // a 公示 must give the public its window: it cannot start in the past
      if (startDate < clock.today()) throw errors.field('startDate', '公示开始日期不能早于今天', 'A notice cannot start in the past');
      const workingDays = input.endDate ? null : (input.workingDays ?? DEFAULT_NOTICE_WORKING_DAYS);
      const endDate = input.endDate ?? addWorkingDays(startDate, workingDays!, await overrides());
      if (endDate < startDate) throw errors.field('endDate', '结束日期不能早于开始日期', 'The end date is before the start date');
      const ids = [...new Set(input.applicationIds)];
      const apps = await Promise.all(ids.map((id) => applications.load(ctx.principal, id)));
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      return db.transaction(async (tx) => {
        // lock every case first (id order); each transition below then decides on its locked row
        await applications.lockAll(tx, ids);
        const batch = await noticeRepo.insertBatch(tx, { id: randomUUID(), title: input.title, startDate, endDate, workingDays, createdBy: p.userId });
        let seq = 0;
        for (const a of apps) {
          await applications.transition(tx, ctx, a, 'add_to_notice', {
            note: { noticeId: batch.id, startDate, endDate },
            notify: [{ orgId: a.enterpriseId, kind: 'notice.listed', title: `您的申请已列入公示（${startDate} 至 ${endDate}）`, titleEn: `Your application is on public notice (${startDate} – ${endDate})`, link: `/applications/${a.id}` }],
          });
        }
        await noticeRepo.insertEntries(tx, apps.map((a) => ({ batchId: batch.id, id: randomUUID(), enterpriseId: a.enterpriseId, applicationId: a.id, seq: ++seq })));
        await recordAudit(tx, ctx, { action: 'notice.created', objectType: 'notice', objectId: batch.id, change: { ...input, startDate, endDate } });
        return batch;
      }).then(publicCache.after('notices'));
    },

    list: () => noticeRepo.list(db),
    /** A page of batches with their entry counts; `openToday`: only those whose window is open today (listed entries). */
    page: (p: Page, openToday = false) => noticeRepo.page(db, p, openToday ? { openOn: clock.today(), listedOnly: true } : {}),
    /** Entries `from`…`to` (1-based, by seq) of each batch, with each batch's count, one query. */
    entryWindows: (batchIds: string[], from: number, to: number, listedOnly = false) => noticeRepo.entryWindows(db, batchIds, from, to, listedOnly),
    today: () => clock.today(),
    /** Evidence file n of an objection (MIIT reads it when resolving). */
    async evidence(p: Principal | null, objectionId: string, n: number) {
      may(p, 'read_evidence');
      const o = await noticeRepo.objection(db, objectionId);
      const sha = o?.evidence[n];
      const f = sha ? await files.get(sha) : undefined;
      if (!f) throw errors.notFound('证据文件', 'Evidence file');
      return f;
    },
    get: (id: string) => noticeRepo.get(db, id),
    /** A notice, or 404. */
    async load(id: string) {
      const b = await noticeRepo.get(db, id);
      if (!b) throw errors.notFound('公示', 'Notice');
      return b;
    },
    /** A notice whose window is open today (what the public may read), or 404. */
    async loadOpen(id: string, today = clock.today()) {
      const b = await noticeRepo.get(db, id);
      if (!b || b.status !== 'open' || today < b.startDate || today > b.endDate) throw errors.notFound('公示', 'Notice');
      return b;
    },
    entries: (ids: string[]) => noticeRepo.entries(db, ids),
    objections: (id: string) => noticeRepo.objections(db, id),
    openToday: () => noticeRepo.openOn(db, clock.today()),
    pendingObjections: () => noticeRepo.pendingCount(db),

    /** Anyone, during the window: name, contact, the entry objected to, reason, optional evidence files. */
    async fileObjection(ctx: RequestContext, noticeId: string, input: { name: string; contact: string; entryId: string; reason: string }, evidence: Buffer[]) {
      return db.transaction(async (tx) => {
        // the batch locked: an objection is filed before the notice closes (and blocks it) or is refused after
        const batch = await noticeRepo.lock(tx, noticeId);
        if (!batch) throw errors.notFound('公示', 'Notice');
        const today = clock.today();
        if (batch.status !== 'open' || today < batch.startDate || today > batch.endDate) {
          throw errors.conflict('NOTICE_WINDOW_CLOSED', `不在公示期内（${batch.startDate} 至 ${batch.endDate}），不能提出异议`, `Outside the notice window (${batch.startDate} – ${batch.endDate})`, {
            startDate: batch.startDate,
            endDate: batch.endDate,
          });
        }
        const entry = await noticeRepo.entry(tx, batch.id, input.entryId);
        if (!entry || entry.status !== 'listed') throw errors.field('entryId', '公示名单中没有该条目', 'No such entry on this notice');
        const shas: string[] = [];
        for (const buf of evidence) shas.push((await files.store(buf, tx)).sha256);
        // a tracking code like a complaint's (issue 16 item 13): the objector follows the handling by it
        let trackingCode = trackingCodeFrom(randomBytes(8));
        while (await noticeRepo.objectionByTrackingCode(tx, trackingCode)) trackingCode = trackingCodeFrom(randomBytes(8));
        const o = await noticeRepo.insertObjection(tx, { id: randomUUID(), batchId: batch.id, entryId: entry.id, name: input.name, contact: input.contact, reason: input.reason, evidence: shas, ip: ctx.ip, trackingCode });
        await recordAudit(tx, ctx, { action: 'notice.objection_filed', objectType: 'objection', objectId: o.id, enterpriseId: entry.enterpriseId, change: { noticeId, entryId: entry.id, evidence: shas } });
        return o;
      });
    },

    /** Public: an objection by its tracking code, with its notice and the entry it concerns (404 for any unknown code). */
    async trackObjection(code: string) {
      const norm = normaliseTrackingCode(code);
      const o = TRACKING_CODE_RE.test(norm) ? await noticeRepo.objectionByTrackingCode(db, norm) : undefined;
      if (!o) throw errors.notFound('异议', 'Objection');
      const [batch, entry] = await Promise.all([noticeRepo.get(db, o.batchId), noticeRepo.entry(db, o.batchId, o.entryId)]);
      return { objection: o, batch: batch!, entry: entry ?? null };
    },

    async resolveObjection(ctx: RequestContext, objectionId: string, decision: 'upheld' | 'dismissed', resolution: string) {
      may(ctx.principal, 'resolve_objection');
      const found = await noticeRepo.objection(db, objectionId);
      if (!found) throw errors.notFound('异议', 'Objection');
      const p = ctx.principal as Extract<Principal, { kind: 'user' }>;
      const alreadyResolved = (status: string) => errors.conflict('ALREADY_RESOLVED', '该异议已处理', 'The objection is already resolved', { status });
      return db.transaction(async (tx) => {
        // the batch is locked first (as closing does), then the objection is decided on its state under that lock:
        // of several resolutions sent at once exactly one wins, and the notice cannot close in between
        await noticeRepo.lock(tx, found.batchId);
        const o = (await noticeRepo.objection(tx, objectionId))!;
        if (o.status !== 'pending' || !(await noticeRepo.resolveObjection(tx, o.id, { status: decision, resolution, resolvedBy: p.userId }))) throw alreadyResolved(o.status);
        const entry = await noticeRepo.entry(tx, o.batchId, o.entryId);
        const app = entry ? await applications.lockVisible(tx, ctx.principal, entry.applicationId) : null;
        await recordAudit(tx, ctx, { action: `notice.objection_${decision}`, objectType: 'objection', objectId: o.id, enterpriseId: entry?.enterpriseId, change: { resolution } });
        if (decision === 'upheld' && entry && app && entry.status === 'listed') {
          await noticeRepo.setEntryStatus(tx, o.batchId, entry.id, 'removed');
          await applications.transition(tx, ctx, app, 'uphold_objection', {
            patch: { outcomeReason: `公示异议成立：${resolution}`, decidedAt: clock.now() },
            note: { objectionId: o.id, resolution },
            notify: [{ orgId: app.enterpriseId, kind: 'notice.objection_upheld', title: '公示期间的异议成立，申请未予公告', titleEn: 'An objection was upheld: the application is out of the batch', link: `/applications/${app.id}` }],
          });
        }
        return { ...o, status: decision, resolution };
      }).then(publicCache.after('notices'));
    },

    /** After the window, with every objection resolved: the remaining entries pass. */
    /** Why 期满办结 cannot be done today (null: it can, or the notice is closed). */
    closeBlocked: (batch: { status: string; endDate: string }, pendingObjections: number) => closeBlock(batch, pendingObjections, clock.today()),

    async close(ctx: RequestContext, noticeId: string) {
      may(ctx.principal, 'close');
      // read the cases before the transaction (one connection on the embedded database); the transitions
      // below re-check each state under a row lock
      const listed = (await noticeRepo.entries(db, [noticeId])).filter((e) => e.status === 'listed');
      const apps = new Map((await Promise.all(listed.map((e) => applications.load(ctx.principal, e.applicationId)))).map((a) => [a.id, a]));
      return db.transaction(async (tx) => {
        const batch = await noticeRepo.lock(tx, noticeId);
        if (!batch) throw errors.notFound('公示', 'Notice');
        const current = new Map((await applications.lockAll(tx, [...apps.keys()])).map((a) => [a.id, a]));
        if (batch.status !== 'open') throw errors.conflict('NOTICE_CLOSED', '该公示已结束', 'The notice is already closed', { status: batch.status });
        // the same rules the detail sends beforehand as `closeBlocked` (closeBlock below)
        if (clock.today() <= batch.endDate) {
          throw errors.conflict('NOTICE_WINDOW_OPEN', `公示期至 ${batch.endDate} 结束，期满后方可办结`, `The notice window runs until ${batch.endDate}`, { endDate: batch.endDate });
        }
        const pending = (await noticeRepo.objections(tx, batch.id)).filter((o) => o.status === 'pending');
        if (pending.length) {
          throw new DomainError(409, 'OBJECTIONS_PENDING', `还有 ${pending.length} 条异议未处理`, `${pending.length} objection(s) still pending`, { pending: pending.map((o) => o.id) });
        }
        for (const e of await noticeRepo.entries(tx, [batch.id])) {
          if (e.status !== 'listed') continue;
          const app = apps.get(e.applicationId);
          if (!app) throw errors.conflict('NOTICE_CHANGED', '公示名单已变化，请重试', 'The notice changed meanwhile; retry', null);
          // 七(二)4: a case closed by a revocation during the window leaves the list instead of passing it
          if (current.get(app.id)?.state === 'closed') {
            await noticeRepo.setEntryStatus(tx, batch.id, e.id, 'removed');
            continue;
          }
          await applications.transition(tx, ctx, app, 'close_notice', { note: { noticeId: batch.id } });
          await noticeRepo.setEntryStatus(tx, batch.id, e.id, 'passed');
        }
        await noticeRepo.close(tx, batch.id);
        await recordAudit(tx, ctx, { action: 'notice.closed', objectType: 'notice', objectId: batch.id });
        return (await noticeRepo.get(tx, batch.id))!;
      }).then(publicCache.after('notices'));
    },

    async setWorkdayOverride(ctx: RequestContext, day: string, workday: boolean, note: string | null) {
      may(ctx.principal, 'set_workday');
      await db.transaction(async (tx) => {
        await noticeRepo.setOverride(tx, day, workday, note);
        await recordAudit(tx, ctx, { action: 'calendar.override_set', objectType: 'workday', objectId: day, change: { workday, note } });
      });
    },
  };
}
export type NoticeService = ReturnType<typeof createNoticeService>;

/**
 * Why 期满办结 cannot be done yet (issue 16 item 12), as close() decides it: the window is still open, or objections
 * are pending. The notice detail sends it so the button is disabled with its reason instead of failing.
 */
export function closeBlock(batch: { status: string; endDate: string }, pendingObjections: number, today: string): { code: string; message: string; messageEn: string } | null {
  if (batch.status !== 'open') return null;
  if (today <= batch.endDate) return { code: 'NOTICE_WINDOW_OPEN', message: `公示期至 ${batch.endDate} 结束，期满后方可办结`, messageEn: `The notice window runs until ${batch.endDate}; it can be closed after that` };
  if (pendingObjections > 0) return { code: 'OBJECTIONS_PENDING', message: `还有 ${pendingObjections} 条异议未处理`, messageEn: `${pendingObjections} objection(s) still pending` };
  return null;
}
