import { MINISTRY_AUTHORITY_ID } from '../../../domain/authorities.js';
import { DEFAULT_STATEMENT_WORKING_DAYS, decisionBlocker, groundLabel, relayDateProblem, statementBlocker, statementDueAfterRelay } from '../../../domain/supervision/index.js';
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
        const r = await revocationRepo.update(tx, c, ['opened', 'notice_sent', 'notified', 'statement_received'], { evidence: [...c.evidence, ...shas.filter((s) => !c.evidence.includes(s))] });
        if (!r) throw conflictState(c);
        await recordAudit(tx, ctx, { action: 'revocation.evidence_added', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { evidence: shas } });
        return r;
      });
    },

    /**
     * 七(二)4 提前通过省级工业和信息化主管部门告知企业: MIIT sends the notice to the enterprise's provincial
     * authority (notice_sent), with the statement period (working days, default 10; or an end date). The
     * enterprise is not notified yet — the period starts when the authority relays it (`relay`).
     */
    async notify(ctx: RequestContext, id: string, input: { noticeText: string; statementDue?: string; statementWorkingDays?: number }) {
      const today = clock.today();
      return onLocked(ctx, id, 'notify', async (tx, c) => {
        if (c.state !== 'opened') throw conflictState(c);
        if (input.statementDue && input.statementDue <= today) throw errors.field('statementDue', '陈述申辩期截止日须晚于今天', 'The statement period must end after today');
        const r = await revocationRepo.update(tx, c, ['opened'], {
          state: 'notice_sent',
          noticeText: input.noticeText,
          noticeSentOn: today,
          statementDue: input.statementDue ?? null,
          statementWorkingDays: input.statementWorkingDays ?? DEFAULT_STATEMENT_WORKING_DAYS,
        });
        if (!r) throw conflictState(c);
        await recordAudit(tx, ctx, { action: 'revocation.notice_sent', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { noticeText: input.noticeText, statementDue: input.statementDue ?? null, statementWorkingDays: r.statementWorkingDays } });
        await notifications.notify(tx, [
          { orgId: c.authorityId, kind: 'revocation.notice', title: '请转告企业：撤销公告事先告知（陈述申辩期自企业收到之日起计算）', titleEn: 'Please relay to the enterprise: notice of intended revocation (the statement period runs from its receipt)', link: `/supervision/revocations/${c.id}` },
        ]);
        return r;
      });
    },

    /**
     * The provincial authority relays MIIT's notice to the enterprise (七(二)4), giving the date it did so
     * (default today; not before MIIT's sending, not in the future). From that date the enterprise is notified
     * and its statement period runs (domain `statementDueAfterRelay`).
     */
    async relay(ctx: RequestContext, id: string, input: { relayedOn?: string }) {
      const today = clock.today();
      const overrides = await deps.workdayOverrides();
      const p = ctx.principal;
      return onLocked(ctx, id, 'relay', async (tx, c) => {
        if (c.state !== 'notice_sent' || !c.noticeSentOn) throw conflictState(c);
        const relayedOn = input.relayedOn ?? today;
        const problem = relayDateProblem(relayedOn, c.noticeSentOn, today);
        if (problem) throw errors.field('relayedOn', problem.zh, problem.en);
        const due = statementDueAfterRelay(relayedOn, { workingDays: c.statementWorkingDays, requestedDue: c.statementDue }, overrides);
        const r = await revocationRepo.update(tx, c, ['notice_sent'], { state: 'notified', relayedOn, relayedBy: p?.kind === 'user' ? p.userId : null, notifiedOn: relayedOn, statementDue: due });
        if (!r) throw conflictState(c);
        await recordAudit(tx, ctx, { action: 'revocation.notified', objectType: 'revocation_case', objectId: c.id, enterpriseId: c.enterpriseId, change: { relayedOn, noticeSentOn: c.noticeSentOn, statementDue: due } });
        const link = `/supervision/revocations/${c.id}`;
        await notifications.notify(tx, [
          { orgId: c.enterpriseId, kind: 'revocation.notice', title: `撤销公告事先告知：请于 ${due} 前提交陈述和申辩`, titleEn: `Notice of intended revocation: submit your statement by ${due}`, link },
          { orgId: MINISTRY_AUTHORITY_ID, kind: 'revocation.relayed', title: `省级主管部门已于 ${relayedOn} 转告企业，陈述申辩期至 ${due}`, titleEn: `Relayed to the enterprise on ${relayedOn}; statement due ${due}`, link },
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
