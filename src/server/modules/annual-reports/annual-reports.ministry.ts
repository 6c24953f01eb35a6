import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { annualReportDutyPolicy, canViewReport } from './annual-reports.policy.js';
import { authorize } from '../../platform/authorize.js';
import { annualReportRepo } from './annual-reports.repo.js';

/**
 * 附2 三 "填报单位对材料的真实性负责。工业和信息化部将对相关情况进行核查，必要时进行现场审查": MIIT reviews a report
 * the provincial authority forwarded (七(二)1) with its 核查 opinion and, where needed, schedules an on-site
 * inspection (date not in the past, a note), notifying the enterprise and its authority. Once per report: a second
 * review answers 409. The report's state stays `forwarded` (the review is a record on it, not a new step of the
 * enterprise's report).
 */
export function ministryReviewStep(deps: { db: Db; clock: Clock; notifications: NotificationService }) {
  const { db, clock, notifications } = deps;
  return async (ctx: RequestContext, id: string, input: { opinion: string; onsiteInspection?: { date: string; note: string } | null }) => {
    authorize(ctx.principal, annualReportDutyPolicy, 'ministry_review', {});
    if (input.onsiteInspection && input.onsiteInspection.date < clock.today()) throw errors.field('onsiteInspection.date', '现场审查日期不能早于今天', 'The inspection date cannot be in the past');
    return db.transaction(async (tx) => {
      const r = await annualReportRepo.lockById(tx, id);
      if (!r || !canViewReport(ctx.principal, r)) throw errors.notFound('年度报告', 'Annual report');
      if (r.state !== 'forwarded') throw errors.conflict('INVALID_STATE', '只能核查已报送工信部的年度报告', 'Only forwarded reports are reviewed by MIIT', { state: r.state });
      const updated = await annualReportRepo.ministryReview(tx, r, {
        ministryOpinion: input.opinion,
        ministryReviewedAt: clock.now(),
        ministryReviewedBy: ctx.principal?.kind === 'user' ? ctx.principal.userId : null,
        onsiteInspectionOn: input.onsiteInspection?.date ?? null,
        onsiteInspectionNote: input.onsiteInspection?.note ?? null,
      });
      if (!updated) throw errors.conflict('ALREADY_REVIEWED', '该年度报告已核查', 'The report was reviewed already', { reviewedAt: r.ministryReviewedAt?.toISOString() ?? null });
      await recordAudit(tx, ctx, { action: 'annual_report.ministry_reviewed', objectType: 'annual_report', objectId: r.id, enterpriseId: r.enterpriseId, change: input });
      const insp = input.onsiteInspection;
      const link = `/annual-reports/${r.id}`;
      await notifications.notify(tx, [
        { orgId: r.enterpriseId, kind: 'annual_report.ministry_reviewed', title: insp ? `工信部将于 ${insp.date} 对${r.year}年度报告进行现场审查` : `${r.year}年度报告已经工信部核查`, titleEn: insp ? `MIIT will inspect on site on ${insp.date} (${r.year} report)` : `MIIT reviewed your ${r.year} report`, link },
        { orgId: r.authorityId, kind: 'annual_report.ministry_reviewed', title: insp ? `工信部安排现场审查（${insp.date}）：${r.year}年度报告` : `工信部已核查辖区企业${r.year}年度报告`, titleEn: insp ? `MIIT scheduled an on-site inspection (${insp.date})` : 'MIIT reviewed a report of your jurisdiction', link },
      ]);
      return updated;
    });
  };
}
