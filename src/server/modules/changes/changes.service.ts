import { randomUUID } from 'node:crypto';
import type { ExpertService } from '../experts/experts.service.js';
import { MINISTRY_AUTHORITY_ID } from '../../../domain/authorities.js';
import { CHANGE_FACTS, changeDeadline, nextChangeState, type ChangeEvent } from '../../../domain/supervision/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/index.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { supervisionScope } from '../supervision/index.js';
import { changeFilingPolicy, changePolicy } from './changes.policy.js';
import { changeExpertSteps } from './changes.experts.js';
import type { ChangeExpertView } from './changes.presenter.js';
import { changeExpertRepo, changeRepo, type ChangeRow } from './changes.repo.js';
import type { ChangeInput } from './changes.schema.js';
import { changeTodos } from './changes.todos.js';

const factLabel = (k: string) => CHANGE_FACTS.find((f) => f.key === k)?.zh ?? k;
const userId = (p: Principal | null) => (p?.kind === 'user' ? p.userId : null);

export interface ChangeDeps {
  db: Db;
  clock: Clock;
  files: FileService;
  enterprises: EnterpriseService;
  notifications: NotificationService;
  announcements: AnnouncementService;
  /** The expert pool (experts module), for the experts of an acceptance check (七(二)3). */
  experts: Pick<ExpertService, 'get' | 'forReview'>;
  /** The findings module: a change overdue or not confirmed is a possible ground 七(二)4(1) on the authority's list. */
  findings: { raise(tx: Db, ctx: RequestContext | null, inputs: FindingLike[]): Promise<unknown[]> };
}
type FindingLike = { enterpriseId: string; authorityId: string; kind: string; clause: string; dedupeKey: string; subjectType?: string | null; subjectId?: string | null; summary: string; summaryEn: string; details?: Record<string, unknown> };

/** 七(二)3 → 七(二)4(1): the prompt a change raises when its year ran out, or MIIT did not confirm it. */
export function changeFinding(c: ChangeRow, kind: 'change_overdue' | 'change_not_confirmed', name: string): FindingLike {
  const facts = c.items.map((i) => factLabel(i.fact)).join('、');
  return kind === 'change_overdue'
    ? { enterpriseId: c.enterpriseId, authorityId: c.authorityId, kind, clause: '七(二)3', dedupeKey: `change:${c.id}:overdue`, subjectType: 'change_request', subjectId: c.id, summary: `${name}变更（${facts}）未在发生变化 1 年内完成整改验收（期限 ${c.deadline}）`, summaryEn: `${name}: a change (${facts}) was not completed within one year (deadline ${c.deadline})`, details: { deadline: c.deadline, changeDate: c.changeDate, state: c.state } }
    : { enterpriseId: c.enterpriseId, authorityId: c.authorityId, kind, clause: '七(二)3', dedupeKey: `change:${c.id}:not_confirmed`, subjectType: 'change_request', subjectId: c.id, summary: `${name}变更（${facts}）经工信部核实不符合规范条件`, summaryEn: `${name}: MIIT found the change (${facts}) does not meet the conditions`, details: { confirmOpinion: c.confirmOpinion, confirmedOn: c.confirmedOn } };
}

/**
 * 变更 (规范条件 七(二)3): an announced enterprise whose name, business scope or other condition-relevant facts
 * change applies to its authority, completes the rectification within one year of the change, the authority
 * checks it (验收核实), MIIT confirms and the announced list shows the new facts with their history.
 */
export function createChangeService(deps: ChangeDeps) {
  const { db, clock, files, enterprises, notifications, announcements } = deps;
  const notFound = () => errors.notFound('变更申请', 'Change request');

  async function load(p: Principal | null, id: string): Promise<ChangeRow> {
    const c = await changeRepo.get(db, id);
    if (!c) throw notFound();
    const expertIds = p?.kind === 'user' && p.expertId ? (await changeExpertRepo.of(db, c.enterpriseId, c.id)).map((a) => a.expertId) : [];
    authorize(p, changePolicy, 'read', { ...c, expertIds });
    return c;
  }
  /** The experts of the given changes with names and opinions (detail pages). */
  async function expertViews(rows: ChangeRow[]): Promise<Map<string, ChangeExpertView[]>> {
    const out = new Map<string, ChangeExpertView[]>();
    for (const a of await changeExpertRepo.ofChanges(db, rows.map((r) => r.id))) {
      const e = await deps.experts.get(a.expertId);
      const list = out.get(a.changeId) ?? [];
      list.push({ expertId: a.expertId, name: e?.name ?? '', organization: e?.organization ?? '', submitted: a.submittedAt != null, opinion: (a.opinion as Record<string, unknown> | null) ?? null });
      out.set(a.changeId, list);
    }
    return out;
  }
  /** One step: the transaction locks the request, authorizes `action` on it, asks the state machine, then `step` writes. */
  const onLocked = <T>(ctx: RequestContext, id: string, action: 'check' | 'resubmit' | 'confirm', event: ChangeEvent, step: (tx: Db, c: ChangeRow, to: string) => Promise<T>) =>
    db.transaction(async (tx) => {
      const c = await changeRepo.lockById(tx, id);
      if (!c) throw notFound();
      authorize(ctx.principal, changePolicy, 'read', c);
      authorize(ctx.principal, changePolicy, action, c);
      const to = nextChangeState(c.state, event);
      if (!to) throw errors.conflict('INVALID_STATE', `变更申请当前状态（${c.state}）不允许此操作`, `Not allowed (${event}) while the change request is ${c.state}`, { state: c.state });
      return step(tx, c, to);
    });
  async function storeAll(tx: Db, bufs: Buffer[]) {
    const shas: string[] = [];
    for (const b of bufs) shas.push((await files.store(b, tx)).sha256);
    return shas;
  }
  const written = (r: ChangeRow | undefined) => r!; // the row is locked: the guarded update cannot miss

  return {
    load,
    today: () => clock.today(),
    page: (p: Principal | null, f: { states?: string[]; overdue?: boolean }, page: Page) => changeRepo.page(db, supervisionScope(p), { states: f.states, overdueOn: f.overdue ? clock.today() : undefined }, page),
    todos: changeTodos(deps),
    expertViews,
    ...changeExpertSteps(deps),
    /** 七(二)3 予以公告: the confirmed changes, published, newest first (public). */
    publishedPage: (page: Page) => changeRepo.publishedPage(db, page),

    async create(ctx: RequestContext, input: ChangeInput, attachments: Buffer[]) {
      const p = ctx.principal;
      const enterpriseId = p?.kind === 'user' ? p.enterpriseId : null;
      authorize(p, changeFilingPolicy, 'file', { enterpriseId });
      const e = (await enterprises.getInternal(enterpriseId!))!;
      const entries = await announcements.activeEntriesOf(e.id);
      if (entries.length === 0) throw errors.conflict('NOT_ANNOUNCED', '只有公告名单中的企业需要提出变更申请（七(二)3）', 'Only announced enterprises file change requests (七(二)3)');
      if (input.siteId && !(await enterprises.getSiteInternal(e.id, input.siteId))) throw errors.field('siteId', '厂区不存在', 'Unknown site');
      if (input.changeDate > clock.today()) throw errors.field('changeDate', '变化发生日期不能晚于今天', 'The change date cannot be in the future');
      const deadline = changeDeadline(input.changeDate);
      return db.transaction(async (tx) => {
        const shas = await storeAll(tx, attachments);
        const c = await changeRepo.insert(tx, {
          enterpriseId: e.id,
          id: randomUUID(),
          authorityId: e.authorityId,
          siteId: input.siteId ?? null,
          items: input.items,
          changeDate: input.changeDate,
          deadline,
          description: input.description,
          attachments: shas,
          state: 'submitted',
          createdBy: userId(p),
          createdAt: clock.now(),
        });
        await recordAudit(tx, ctx, { action: 'change.submitted', objectType: 'change_request', objectId: c.id, enterpriseId: e.id, change: { ...input, deadline, attachments: shas } });
        await notifications.notify(tx, [
          { orgId: e.authorityId, kind: 'change.submitted', title: `公告企业变更申请待验收核实：${input.items.map((i) => factLabel(i.fact)).join('、')}`, titleEn: 'A change request awaits your acceptance check', link: `/supervision/changes/${c.id}` },
        ]);
        return c;
      });
    },

    /** 验收核实 by the enterprise's provincial authority (pass → to MIIT; fail → the enterprise rectifies and resubmits). */
    async check(ctx: RequestContext, id: string, input: { passed: boolean; opinion: string }) {
      const event: ChangeEvent = input.passed ? 'check_pass' : 'check_fail';
      return onLocked(ctx, id, 'check', event, async (tx, c, to) => {
        // 七(二)3 专家验收核实: the check waits for the opinion of every expert involved
        const pending = (await changeExpertRepo.of(tx, c.enterpriseId, c.id)).filter((a) => !a.submittedAt).length;
        if (pending > 0) throw errors.conflict('OPINIONS_PENDING', `还有 ${pending} 位专家未提交验收意见`, `${pending} expert opinion(s) still pending`, { pending });
        const r = written(await changeRepo.update(tx, c, [c.state], { state: to, checkOpinion: input.opinion, checkedOn: clock.today(), checkedBy: userId(ctx.principal) }));
        await recordAudit(tx, ctx, { action: `change.${event}`, objectType: 'change_request', objectId: c.id, enterpriseId: c.enterpriseId, change: input });
        const link = `/supervision/changes/${c.id}`;
        await notifications.notify(tx, [
          { orgId: c.enterpriseId, kind: `change.${event}`, title: input.passed ? '变更验收核实合格，已报工信部' : '变更验收核实不合格，请整改后重新提交', titleEn: input.passed ? 'Change check passed; sent to MIIT' : 'Change check failed; rectify and resubmit', link },
          ...(input.passed ? [{ orgId: MINISTRY_AUTHORITY_ID, kind: 'change.check_pass', title: '省级主管部门报送变更验收意见，待核实', titleEn: 'A change check awaits MIIT confirmation', link }] : []),
        ]);
        return r;
      });
    },

    async resubmit(ctx: RequestContext, id: string, input: { description?: string }, attachments: Buffer[]) {
      return onLocked(ctx, id, 'resubmit', 'resubmit', async (tx, c, to) => {
        const shas = await storeAll(tx, attachments);
        const r = written(await changeRepo.update(tx, c, ['check_failed'], { state: to, description: input.description ?? c.description, attachments: [...c.attachments, ...shas.filter((s) => !c.attachments.includes(s))] }));
        await recordAudit(tx, ctx, { action: 'change.resubmitted', objectType: 'change_request', objectId: c.id, enterpriseId: c.enterpriseId, change: { description: input.description, attachments: shas } });
        await notifications.notify(tx, [{ orgId: c.authorityId, kind: 'change.submitted', title: '企业整改后重新提交变更申请', titleEn: 'A change request was resubmitted', link: `/supervision/changes/${c.id}` }]);
        return r;
      });
    },

    /** MIIT 对验收意见进行核实: confirmed → the announced list shows the new facts (history kept). */
    async confirm(ctx: RequestContext, id: string, input: { confirmed: boolean; opinion: string }) {
      const event: ChangeEvent = input.confirmed ? 'confirm' : 'not_confirm';
      const today = clock.today();
      const pre = await changeRepo.get(db, id);
      const name = pre ? ((await enterprises.names([pre.enterpriseId])).get(pre.enterpriseId) ?? '') : '';
      return onLocked(ctx, id, 'confirm', event, async (tx, c, to) => {
        // 七(二)3 对仍符合本规范条件的，予以公告: a confirmed change is published on the public list of change notices
        const r = written(await changeRepo.update(tx, c, ['check_passed'], { state: to, confirmOpinion: input.opinion, confirmedOn: today, confirmedBy: userId(ctx.principal), publishedOn: input.confirmed ? today : null }));
        const updated = input.confirmed ? await announcements.applyChange(tx, { enterpriseId: c.enterpriseId, siteId: c.siteId, on: today, items: c.items }) : 0;
        // not confirmed → a possible ground 七(二)4(1) on the authority's to-do list (the authority decides)
        if (!input.confirmed) await deps.findings.raise(tx, ctx, [changeFinding(r, 'change_not_confirmed', name)]);
        await recordAudit(tx, ctx, { action: `change.${event}`, objectType: 'change_request', objectId: c.id, enterpriseId: c.enterpriseId, change: { ...input, entriesUpdated: updated } });
        await notifications.notify(tx, [
          { orgId: c.enterpriseId, kind: `change.${event}`, title: input.confirmed ? '工信部已核实变更，公告名单已更新' : '工信部核实：变更后不符合规范条件', titleEn: input.confirmed ? 'MIIT confirmed the change; the list shows the new facts' : 'MIIT did not confirm the change', link: `/supervision/changes/${c.id}` },
          { orgId: c.authorityId, kind: `change.${event}`, title: input.confirmed ? '工信部已核实辖区企业变更' : '工信部核实：辖区企业变更不符合', titleEn: input.confirmed ? 'MIIT confirmed a change' : 'MIIT did not confirm a change', link: `/supervision/changes/${c.id}` },
        ]);
        return r;
      }).then(announcements.afterListChange);
    },

    /**
     * Job (daily, and from the MIIT page): flag change requests whose one-year period ended without a passed
     * check, notifying the authority and MIIT once per request. Idempotent: a flagged request is not flagged again.
     */
    async flagOverdue(ctx: RequestContext | null) {
      const today = clock.today();
      // read the names first: no query on db while the transaction is open (one connection on PGlite)
      const candidates = (await changeRepo.list(db, { kind: 'ministry' }, { overdueOn: today })).filter((r) => r.overdueFlaggedAt == null);
      if (candidates.length === 0) return 0;
      const names = await enterprises.names(candidates.map((r) => r.enterpriseId));
      return db.transaction(async (tx) => {
        const rows = await changeRepo.flagOverdue(tx, today, clock.now());
        for (const r of rows) {
          const name = names.get(r.enterpriseId) ?? '';
          const link = `/supervision/changes/${r.id}`;
          await notifications.notify(tx, [
            { orgId: r.authorityId, kind: 'change.overdue', title: `变更整改逾期：${name}（期限 ${r.deadline}）`, titleEn: `Change rectification overdue: ${name} (deadline ${r.deadline})`, link },
            { orgId: MINISTRY_AUTHORITY_ID, kind: 'change.overdue', title: `变更整改逾期：${name}（期限 ${r.deadline}）`, titleEn: `Change rectification overdue: ${name} (deadline ${r.deadline})`, link },
          ]);
          await recordAudit(tx, ctx, { action: 'change.overdue_flagged', objectType: 'change_request', objectId: r.id, enterpriseId: r.enterpriseId, change: { deadline: r.deadline, today } });
        }
        // 七(二)3 → 七(二)4(1): each overdue change is a possible ground on its authority's to-do list (once)
        await deps.findings.raise(tx, ctx, rows.map((r) => changeFinding(r, 'change_overdue', names.get(r.enterpriseId) ?? '')));
        return rows.length;
      });
    },

    async file(p: Principal | null, id: string, sha: string) {
      const c = await load(p, id);
      if (!c.attachments.includes(sha)) throw errors.notFound('文件', 'File');
      const f = await files.get(sha);
      if (!f) throw errors.notFound('文件', 'File');
      return f;
    },
  };
}
export type ChangeService = ReturnType<typeof createChangeService>;
