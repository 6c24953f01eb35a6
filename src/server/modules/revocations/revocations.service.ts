import { randomUUID } from 'node:crypto';
import {
  decisionBlocker,
  defaultStatementDue,
  groundLabel,
  canFileRectification,
  statementBlocker,
  type RevocationGround,
  type RevocationOrigin,
} from '../../../domain/supervision/index.js';
import type { WorkdayOverride } from '../../../domain/working-days.js';
import { MINISTRY_AUTHORITY_ID } from '../../../domain/authorities.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { AnnouncementService } from '../announcements/announcements.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/files.service.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { revocationRepo, type RevocationCaseRow } from './revocations.repo.js';
import { canSee, isAuthorityOf, isEnterpriseAdminOf, isMinistry, supervisionScope } from './supervision.policy.js';

const notFound = () => errors.notFound('撤销案件', 'Revocation case');
const caseOpen = (caseId: string) => errors.conflict('CASE_OPEN', '该企业已有进行中的撤销案件', 'A revocation case is already open for this enterprise', { caseId });
const userId = (p: Principal | null) => (p?.kind === 'user' ? p.userId : null);

export interface OpenCaseInput {
  enterpriseId: string;
  grounds: RevocationGround[];
  facts: string;
}

/**
 * 撤销公告 (规范条件 七(二)4): a provincial authority requests it for an enterprise in its jurisdiction, or MIIT
 * opens a case itself (also from a complaint); MIIT notifies the enterprise through its authority and hears its
 * statement and defence (陈述和申辩) before deciding; a revocation takes the enterprise off the announced list
 * and starts the reapply lock, which runs two years from the accepted rectification.
 */
export function createRevocationService(deps: {
  db: Db;
  clock: Clock;
  files: FileService;
  enterprises: EnterpriseService;
  notifications: NotificationService;
  announcements: AnnouncementService;
  workdayOverrides: () => Promise<WorkdayOverride[]>;
  /** The annual-reports capability (wired after this one, looked up lazily): 七(二)4(2) evidence. */
  annualReports?: () => { overdueReports(year: number): Promise<{ enterpriseId: string; siteName: string; year: number; dueOn: string }[]> } | undefined;
}) {
  const { db, clock, files, enterprises, notifications, announcements } = deps;

  function visible(p: Principal | null, c: RevocationCaseRow | undefined): RevocationCaseRow {
    if (!c || !canSee(p, c)) throw notFound();
    if (supervisionScope(p).kind === 'enterprise' && c.state === 'opened') throw notFound();
    return c;
  }
  const load = async (p: Principal | null, id: string) => visible(p, await revocationRepo.get(db, id));
  /** One step of a case: the transaction locks the case (FOR UPDATE), checks visibility, then `step` decides and writes. */
  const onLocked = <T>(ctx: RequestContext, id: string, step: (tx: Db, c: RevocationCaseRow) => Promise<T>) =>
    db.transaction(async (tx) => step(tx, visible(ctx.principal, await revocationRepo.lockById(tx, id))));

  /** Checks before opening (reads only: call before the transaction). */
  async function prepareOpen(p: Principal | null, input: OpenCaseInput) {
    const e = await enterprises.getInternal(input.enterpriseId);
    if (!e || !(isMinistry(p) || isAuthorityOf(p, e.authorityId))) throw errors.notFound('企业', 'Enterprise');
    if ((await announcements.activeEntriesOf(e.id)).length === 0) {
      throw errors.conflict('NOT_ANNOUNCED', '该企业不在公告名单中，无需撤销', 'The enterprise is not on the announced list');
    }
    const open = await revocationRepo.openFor(db, e.id);
    if (open) throw caseOpen(open.id);
    return e;
  }

  /** Insert the case inside the caller's transaction (the complaints module opens cases from complaints). */
  async function insertCase(tx: Db, ctx: RequestContext, e: { id: string; authorityId: string }, input: OpenCaseInput & { origin: RevocationOrigin; complaintId?: string | null; evidence?: string[] }) {
    // decided again under the per-enterprise lock: of two requests opening a case at once, one wins
    await revocationRepo.lockOpening(tx, e.id);
    const open = await revocationRepo.openFor(tx, e.id);
    if (open) throw caseOpen(open.id);
    const c = await revocationRepo.insert(tx, {
      enterpriseId: e.id,
      id: randomUUID(),
      authorityId: e.authorityId,
      origin: input.origin,
      complaintId: input.complaintId ?? null,
      grounds: [...new Set(input.grounds)],
      facts: input.facts,
      evidence: input.evidence ?? [],
      state: 'opened',
      openedBy: userId(ctx.principal),
      createdAt: clock.now(),
    });
    await recordAudit(tx, ctx, { action: 'revocation.opened', objectType: 'revocation_case', objectId: c.id, enterpriseId: e.id, change: { origin: input.origin, grounds: c.grounds, complaintId: c.complaintId, evidence: c.evidence } });
    await notifications.notify(
      tx,
      input.origin === 'provincial_request'
        ? [{ orgId: MINISTRY_AUTHORITY_ID, kind: 'revocation.requested', title: '省级主管部门报请撤销公告', titleEn: 'A provincial authority requests a revocation', link: `/supervision/revocations/${c.id}` }]
        : [{ orgId: e.authorityId, kind: 'revocation.opened', title: '工信部对辖区内企业立案撤销公告', titleEn: 'MIIT opened a revocation case in your jurisdiction', link: `/supervision/revocations/${c.id}` }],
    );
    return c;
  }

  async function storeAll(tx: Db, bufs: Buffer[]) {
    const shas: string[] = [];
    for (const b of bufs) shas.push((await files.store(b, tx)).sha256);
    return shas;
  }

  /** Overdue annual reports of the last two report years whose 31 March has passed (七(二)1, 七(二)4(2)). */
  async function overdueReportsOf(enterpriseId: string) {
    const svc = deps.annualReports?.();
    if (!svc) return [];
    const today = clock.today();
    const y = Number(today.slice(0, 4));
    const lastDueYear = today > `${y}-03-31` ? y - 1 : y - 2;
    const rows = [...(await svc.overdueReports(lastDueYear)), ...(await svc.overdueReports(lastDueYear - 1))];
    return rows.filter((r) => r.enterpriseId === enterpriseId);
  }

  const conflictState = (c: RevocationCaseRow) =>
    errors.conflict('INVALID_STATE', `案件当前状态（${c.state}）不允许此操作`, `Not allowed while the case is ${c.state}`, { state: c.state });

  return {
    load,
    prepareOpen,
    insertCase,

    list: (p: Principal | null, f: { states?: string[]; enterpriseId?: string }) => revocationRepo.list(db, supervisionScope(p), f),

    /**
     * Provincial request (七(二)4 省级…应报请) or MIIT's own case, with evidence files. For 七(二)4(2) the
     * platform's own record (annual reports overdue) is the evidence; without it, files must be attached.
     */
    async open(ctx: RequestContext, input: OpenCaseInput, evidence: Buffer[]) {
      const p = ctx.principal;
      if (!isMinistry(p) && supervisionScope(p).kind !== 'authority') throw errors.forbidden();
      const e = await prepareOpen(p, input);
      let facts = input.facts;
      if (input.grounds.includes('annual_report_missing')) {
        const overdue = await overdueReportsOf(e.id);
        if (overdue.length) facts += `\n【平台记录】${overdue.map((o) => `${o.siteName} ${o.year} 年度报告逾期未报送（截止 ${o.dueOn}）`).join('；')}`;
        else if (evidence.length === 0) {
          throw errors.field('grounds', '平台未记录该企业年度报告逾期未报送，请附证据文件', 'The platform has no overdue annual report of this enterprise: attach evidence');
        }
      }
      return db.transaction(async (tx) => {
        const shas = await storeAll(tx, evidence);
        return insertCase(tx, ctx, e, { ...input, facts, origin: isMinistry(p) ? 'ministry' : 'provincial_request', evidence: shas });
      });
    },

    /** Add evidence while undecided: the requesting authority or MIIT. */
    async addEvidence(ctx: RequestContext, id: string, evidence: Buffer[]) {
      return onLocked(ctx, id, async (tx, c) => {
        if (!(isMinistry(ctx.principal) || isAuthorityOf(ctx.principal, c.authorityId))) throw notFound();
        if (evidence.length === 0) throw errors.field('files', '请附证据文件', 'Attach at least one file');
        if (c.state === 'revoked' || c.state === 'not_revoked') throw conflictState(c);
        const shas = await storeAll(tx, evidence);
        const r = await revocationRepo.update(tx, c, ['opened', 'notified', 'statement_received'], { evidence: [...c.evidence, ...shas.filter((s) => !c.evidence.includes(s))] });
        if (!r) throw conflictState(c);
        await recordAudit(tx, ctx, { action: 'revocation.evidence_added', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { evidence: shas } });
        return r;
      });
    },

    /**
     * 七(二)4 提前通过省级工业和信息化主管部门告知企业: MIIT sends the notice (to the enterprise and its authority)
     * with the end of the statement period (default: 10 working days, see domain/supervision).
     */
    async notify(ctx: RequestContext, id: string, input: { noticeText: string; statementDue?: string }) {
      if (!isMinistry(ctx.principal)) throw errors.forbidden('告知由工业和信息化部作出', 'MIIT sends the notice');
      const today = clock.today();
      const due = input.statementDue ?? defaultStatementDue(today, await deps.workdayOverrides());
      return onLocked(ctx, id, async (tx, c) => {
        if (c.state !== 'opened') throw conflictState(c);
        if (due <= today) throw errors.field('statementDue', '陈述申辩期截止日须晚于今天', 'The statement period must end after today');
        const r = await revocationRepo.update(tx, c, ['opened'], { state: 'notified', noticeText: input.noticeText, notifiedOn: today, statementDue: due });
        if (!r) throw conflictState(c);
        await recordAudit(tx, ctx, { action: 'revocation.notified', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { statementDue: due, noticeText: input.noticeText } });
        const link = `/supervision/revocations/${c.id}`;
        await notifications.notify(tx, [
          { orgId: c.enterpriseId, kind: 'revocation.notice', title: `撤销公告事先告知：请于 ${due} 前提交陈述和申辩`, titleEn: `Notice of intended revocation: submit your statement by ${due}`, link },
          { orgId: c.authorityId, kind: 'revocation.notice', title: `请转告企业：撤销公告事先告知（陈述申辩期至 ${due}）`, titleEn: `Please relay: notice of intended revocation (statement due ${due})`, link },
        ]);
        return r;
      });
    },

    /** 陈述和申辩: the enterprise admin, within the period, with attachments. */
    async submitStatement(ctx: RequestContext, id: string, input: { statement: string }, attachments: Buffer[]) {
      return onLocked(ctx, id, async (tx, c) => {
        if (!isEnterpriseAdminOf(ctx.principal, c.enterpriseId)) throw errors.forbidden('陈述和申辩由企业管理员提交', 'The enterprise admin submits the statement');
        const blocked = statementBlocker(c, clock.today());
        if (blocked) throw errors.conflict(blocked.code, blocked.zh, blocked.en, { state: c.state, statementDue: c.statementDue });
        const shas = await storeAll(tx, attachments);
        const r = await revocationRepo.update(tx, c, ['notified'], { state: 'statement_received', statement: input.statement, statementFiles: shas, statementOn: clock.today() });
        if (!r) throw conflictState(c);
        await recordAudit(tx, ctx, { action: 'revocation.statement_received', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { files: shas } });
        await notifications.notify(tx, [{ orgId: MINISTRY_AUTHORITY_ID, kind: 'revocation.statement', title: '企业已提交陈述和申辩', titleEn: 'The enterprise submitted its statement', link: `/supervision/revocations/${c.id}` }]);
        return r;
      });
    },

    /**
     * MIIT's decision, recording the hearing and the reasons. Refused (409) before the notice, or while the
     * statement period runs and no statement was received. Revoked → off the list + the reapply lock row.
     */
    async decide(ctx: RequestContext, id: string, input: { outcome: 'revoked' | 'not_revoked'; hearingSummary: string; reason: string }) {
      if (!isMinistry(ctx.principal)) throw errors.forbidden('撤销决定由工业和信息化部作出', 'MIIT decides');
      const today = clock.today();
      return onLocked(ctx, id, async (tx, c) => {
        const blocked = decisionBlocker(c, today);
        if (blocked) throw errors.conflict(blocked.code, blocked.zh, blocked.en, { state: c.state, statementDue: c.statementDue });
        const r = await revocationRepo.update(tx, c, [c.state], { state: input.outcome, hearingSummary: input.hearingSummary, decisionReason: input.reason, decidedOn: today, decidedBy: userId(ctx.principal) });
        if (!r) throw conflictState(c);
        let removed = 0;
        if (input.outcome === 'revoked') {
          await revocationRepo.insertLock(tx, {
            enterpriseId: c.enterpriseId,
            id: c.id,
            caseId: c.id,
            revokedAt: clock.now(),
            rectificationAcceptedAt: null,
            reason: c.grounds.map((g) => `${groundLabel(g).clause} ${groundLabel(g).zh}`).join('；'),
          });
          removed = await announcements.markRevoked(tx, c.enterpriseId, today);
        }
        await recordAudit(tx, ctx, { action: `revocation.${input.outcome}`, objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { ...input, grounds: c.grounds, entriesRemoved: removed } });
        const revoked = input.outcome === 'revoked';
        const link = `/supervision/revocations/${c.id}`;
        await notifications.notify(tx, [
          { orgId: c.enterpriseId, kind: 'revocation.decided', title: revoked ? '您的企业已被撤销公告' : '工信部决定不予撤销公告', titleEn: revoked ? 'Your announcement was revoked' : 'MIIT decided not to revoke', link },
          { orgId: c.authorityId, kind: 'revocation.decided', title: revoked ? '辖区企业已被撤销公告' : '辖区企业撤销案件：不予撤销', titleEn: revoked ? 'An enterprise in your jurisdiction was revoked' : 'Revocation case closed: not revoked', link },
        ]);
        return r;
      }).then(announcements.afterListChange);
    },

    /** After revocation: the enterprise files its rectification (整改) with its authority. */
    async fileRectification(ctx: RequestContext, id: string, input: { text: string }, attachments: Buffer[]) {
      return onLocked(ctx, id, async (tx, c) => {
        if (!isEnterpriseAdminOf(ctx.principal, c.enterpriseId)) throw errors.forbidden('整改材料由企业管理员提交', 'The enterprise admin files the rectification');
        if (!canFileRectification(c.state, c.rectificationState)) {
          throw errors.conflict('RECTIFICATION_NOT_OPEN', '仅被撤销公告的企业可提交整改（或整改已在审核/已验收）', 'Rectification is open only after a revocation and when none is pending or accepted', { state: c.state, rectificationState: c.rectificationState });
        }
        const shas = await storeAll(tx, attachments);
        const r = await revocationRepo.update(tx, c, ['revoked'], { rectificationState: 'submitted', rectificationText: input.text, rectificationFiles: shas, rectificationOpinion: null });
        if (!r) throw conflictState(c);
        await recordAudit(tx, ctx, { action: 'revocation.rectification_filed', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { files: shas } });
        await notifications.notify(tx, [{ orgId: c.authorityId, kind: 'revocation.rectification', title: '被撤销公告企业提交整改材料，请验收', titleEn: 'A revoked enterprise filed its rectification', link: `/supervision/revocations/${c.id}` }]);
        return r;
      });
    },

    /**
     * The authority accepts (整改合格: the date is stored and starts the two-year lock) or returns the
     * rectification with its opinion.
     */
    async reviewRectification(ctx: RequestContext, id: string, input: { accept: boolean; opinion: string }) {
      const today = clock.today();
      return onLocked(ctx, id, async (tx, c) => {
        if (!isAuthorityOf(ctx.principal, c.authorityId)) throw errors.forbidden('整改由企业所在地省级主管部门验收', 'The enterprise’s authority reviews the rectification');
        if (c.state !== 'revoked' || c.rectificationState !== 'submitted') throw errors.conflict('RECTIFICATION_NOT_SUBMITTED', '没有待验收的整改', 'No rectification awaiting review', { rectificationState: c.rectificationState });
        const r = await revocationRepo.update(tx, c, ['revoked'], {
          rectificationState: input.accept ? 'accepted' : 'returned',
          rectificationOpinion: input.opinion,
          rectificationAcceptedOn: input.accept ? today : null,
        });
        if (!r) throw conflictState(c);
        if (input.accept) await revocationRepo.setLockAccepted(tx, c.enterpriseId, c.id, today);
        await recordAudit(tx, ctx, { action: input.accept ? 'revocation.rectification_accepted' : 'revocation.rectification_returned', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: input });
        await notifications.notify(tx, [
          {
            orgId: c.enterpriseId,
            kind: 'revocation.rectification_reviewed',
            title: input.accept ? `整改验收合格（${today}），满 2 年后可重新申请` : '整改未通过验收，请继续整改',
            titleEn: input.accept ? `Rectification accepted (${today}); you may reapply after two years` : 'Rectification returned: continue rectifying',
            link: `/supervision/revocations/${c.id}`,
          },
        ]);
        return r;
      });
    },

    /**
     * A file of the case: evidence for MIIT and the authority; the statement and rectification files for
     * them and the enterprise (the evidence may identify a complainant, so the enterprise does not get it).
     */
    async file(p: Principal | null, id: string, sha: string) {
      const c = await load(p, id);
      const enterpriseSide = supervisionScope(p).kind === 'enterprise';
      const allowed = [...(enterpriseSide ? [] : c.evidence), ...c.statementFiles, ...c.rectificationFiles];
      if (!allowed.includes(sha)) throw errors.notFound('文件', 'File');
      const f = await files.get(sha);
      if (!f) throw errors.notFound('文件', 'File');
      return f;
    },
  };
}
export type RevocationService = ReturnType<typeof createRevocationService>;
