import { MINISTRY_AUTHORITY_ID } from '../../../domain/authorities.js';
import { decisionBlocker, defaultStatementDue, groundLabel, statementBlocker } from '../../../domain/supervision/index.js';
import { recordAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import { revocationRepo } from './revocations.repo.js';
import type { CaseKernel } from './revocations.service.js';

/** Evidence, the notice, the statement and defence, and MIIT's decision (七(二)4). */
export function hearingSteps({ deps, onLocked, storeAll, conflictState }: CaseKernel) {
  const { clock, notifications, announcements } = deps;
  return {
    /** Add evidence while undecided: the requesting authority or MIIT. */
    async addEvidence(ctx: RequestContext, id: string, evidence: Buffer[]) {
      return onLocked(ctx, id, 'evidence', async (tx, c) => {
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
      const today = clock.today();
      const due = input.statementDue ?? defaultStatementDue(today, await deps.workdayOverrides());
      return onLocked(ctx, id, 'notify', async (tx, c) => {
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
      return onLocked(ctx, id, 'statement', async (tx, c) => {
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
      const today = clock.today();
      const p = ctx.principal;
      return onLocked(ctx, id, 'decide', async (tx, c) => {
        const blocked = decisionBlocker(c, today);
        if (blocked) throw errors.conflict(blocked.code, blocked.zh, blocked.en, { state: c.state, statementDue: c.statementDue });
        const r = await revocationRepo.update(tx, c, [c.state], { state: input.outcome, hearingSummary: input.hearingSummary, decisionReason: input.reason, decidedOn: today, decidedBy: p?.kind === 'user' ? p.userId : null });
        if (!r) throw conflictState(c);
        let removed = 0;
        let closedApplications: string[] = [];
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
          // 七(二)4 整改合格 2 年后方可重新提出: the lock starts now, so the enterprise's open applications end here,
          // each with the revocation as its reason (event, audit row and notifications in this transaction)
          const grounds = c.grounds.map((g) => groundLabel(g));
          closedApplications = (
            await deps.applications.closeForRevocation(tx, ctx, c.enterpriseId, {
              caseId: c.id,
              zh: `公告已于 ${today} 撤销（${grounds.map((g) => `${g.clause} ${g.zh}`).join('；')}），依规范条件七(二)4，进行中的申请终止`,
              en: `The announcement was revoked on ${today} (${grounds.map((g) => `${g.clause} ${g.en}`).join('; ')}); under 七(二)4 the application in progress is closed`,
            })
          ).map((a) => a.id);
        }
        await recordAudit(tx, ctx, { action: `revocation.${input.outcome}`, objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { ...input, grounds: c.grounds, entriesRemoved: removed, closedApplications } });
        const revoked = input.outcome === 'revoked';
        const link = `/supervision/revocations/${c.id}`;
        await notifications.notify(tx, [
          { orgId: c.enterpriseId, kind: 'revocation.decided', title: revoked ? '您的企业已被撤销公告' : '工信部决定不予撤销公告', titleEn: revoked ? 'Your announcement was revoked' : 'MIIT decided not to revoke', link },
          { orgId: c.authorityId, kind: 'revocation.decided', title: revoked ? '辖区企业已被撤销公告' : '辖区企业撤销案件：不予撤销', titleEn: revoked ? 'An enterprise in your jurisdiction was revoked' : 'Revocation case closed: not revoked', link },
        ]);
        return r;
      }).then(announcements.afterListChange);
    },
  };
}
