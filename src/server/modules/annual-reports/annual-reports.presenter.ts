import { isOverdue, reportWindow, SUBMITTED_REPORT_STATES, type AnnualReportForm, type ReportState } from '../../../domain/annual-report/index.js';
import { findProvince } from '../../../domain/regions.js';
import type { Principal } from '../../platform/principal.js';
import { canEditReport, canReviewAsMinistry, canReviewReport, canSubmitReport } from './annual-reports.policy.js';
import type { AnnualReportRow, ImportRow } from './annual-reports.repo.js';
import type { OwedReport } from './annual-reports.service.js';
import type { CellError } from './annual-report-xlsx.js';

/** API shapes of the 年度报告 (never raw rows). */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentOwed(o: OwedReport) {
  return {
    reportId: o.report?.id ?? null,
    enterpriseId: o.enterpriseId,
    enterpriseName: o.enterpriseName,
    siteId: o.siteId,
    siteName: o.siteName,
    // one report per enterprise, one part per announced site (七(二)1, 附2 表2-3, 七(一)3)
    sites: o.sites.map((x) => ({ siteId: x.siteId, siteName: x.siteName, regionName: findProvince(x.provinceCode)?.name ?? x.provinceCode, authorityId: x.authorityId })),
    regionCode: o.provinceCode,
    regionName: findProvince(o.provinceCode)?.name ?? o.provinceCode,
    authorityId: o.authorityId,
    year: o.year,
    announcedOn: o.announcedOn,
    state: o.state,
    open: o.open,
    overdue: o.overdue,
    late: o.late,
    dueOn: o.dueOn,
    submittedOn: o.report?.submittedOn ?? null,
    totals: { recovered: o.report?.recoveredTotal ?? null, remanufactured: o.report?.remanTotal ?? null, sold: o.report?.soldTotal ?? null },
  };
}

export function presentDetail(
  p: Principal | null,
  d: {
    report: AnnualReportRow;
    enterpriseName: string;
    siteName: string;
    sites: { siteId: string; siteName: string; authorityId: string }[];
    form: AnnualReportForm;
    missing: { field: string; message: string; messageEn: string }[];
    partsOnly: boolean;
    totals: { recovered: number | null; remanufactured: number | null; sold: number | null };
  },
  today: string,
) {
  const r = d.report;
  const w = reportWindow(r.year);
  const editable = r.state === 'draft' || r.state === 'returned';
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: d.enterpriseName,
    siteId: r.siteId,
    siteName: d.siteName,
    sites: d.sites,
    year: r.year,
    state: r.state,
    updatedAt: r.updatedAt.toISOString(),
    opensOn: w.opensOn,
    dueOn: w.dueOn,
    overdue: isOverdue(r.year, today, SUBMITTED_REPORT_STATES.includes(r.state as ReportState)),
    late: r.late,
    submittedAt: iso(r.submittedAt),
    submittedOn: r.submittedOn,
    returnReason: r.returnReason,
    auditOpinion: r.auditOpinion,
    reviewedAt: iso(r.reviewedAt),
    forwardedAt: iso(r.forwardedAt),
    // 附2 三: MIIT's 核查 and on-site inspection
    ministryOpinion: r.ministryOpinion,
    ministryReviewedAt: iso(r.ministryReviewedAt),
    onsiteInspection: r.onsiteInspectionOn ? { date: r.onsiteInspectionOn, note: r.onsiteInspectionNote ?? '' } : null,
    form: d.form,
    missing: d.missing,
    partsOnly: d.partsOnly,
    totals: d.totals,
    can: { edit: editable && canEditReport(p, r), submit: editable && canSubmitReport(p, r), review: r.state === 'submitted' && canReviewReport(p, r), ministryReview: r.state === 'forwarded' && !r.ministryReviewedAt && canReviewAsMinistry(p) },
  };
}

export function presentJob(j: ImportRow) {
  return { id: j.id, reportId: j.reportId, status: j.status as 'running' | 'done' | 'failed', processed: j.processed, total: j.total, errors: (j.errors ?? []) as CellError[] };
}
