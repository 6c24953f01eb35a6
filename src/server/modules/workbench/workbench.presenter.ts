import { APPLICATION_STATES } from '../../../domain/announcement/workflow.js';
import type { presentSummaries } from '../applications/index.js';
import type { ApplicationService } from '../applications/applications.service.js';
import type { AnnualReportService } from '../annual-reports/annual-reports.service.js';
import type { NoticeService } from '../notices/notices.service.js';
import type { Todo } from './workbench.schema.js';

type ApplicationItem = Awaited<ReturnType<ApplicationService['list']>>['items'][number];
type Summary = Awaited<ReturnType<typeof presentSummaries>>[number];
type NoticeItem = Awaited<ReturnType<NoticeService['list']>>[number];
type ReportOverview = Awaited<ReturnType<AnnualReportService['list']>>[number];

/** An application awaiting the caller (an expert: to review). */
export function applicationTodo(a: ApplicationItem, s: Summary, expert: boolean): Todo {
  const label = APPLICATION_STATES.find((x) => x.key === a.state)!;
  const [zh, en] = expert ? ['复审', 'Review'] : [label.zh, label.en];
  return { kind: 'application', id: a.id, title: `${zh}：${s.enterpriseName}（${s.siteName}）`, titleEn: `${en}: ${s.enterpriseName} (${s.siteName})`, state: a.state, link: `/applications/${a.id}`, since: a.updatedAt.toISOString() };
}

/** An open notice with objections to resolve. */
export const noticeObjectionsTodo = (b: NoticeItem, n: number): Todo => ({
  kind: 'notice', id: b.id, title: `处理异议（${n} 条）：${b.title}`, titleEn: `Resolve ${n} objection(s): ${b.title}`, state: 'objections', link: `/notices/${b.id}`, since: b.createdAt.toISOString(),
});

/** An open notice whose window is over: to close. */
export const noticeWindowOverTodo = (b: NoticeItem): Todo => ({
  kind: 'notice', id: b.id, title: `公示期满待办结：${b.title}`, titleEn: `Notice window over, close it: ${b.title}`, state: 'window_over', link: `/notices/${b.id}`, since: b.endDate,
});

/** The enterprise's annual report to file (or returned, or overdue). */
export function reportDueTodo(o: ReportOverview, year: number): Todo {
  const zh = o.state === 'returned' ? '年度报告退回修改' : o.overdue ? '年度报告已逾期' : `填报${year}年度报告（${o.dueOn} 前）`;
  const en = o.state === 'returned' ? 'Annual report returned for correction' : o.overdue ? 'Annual report overdue' : `File the ${year} annual report (due ${o.dueOn})`;
  return { kind: 'annual_report', id: o.report?.id ?? o.siteId, title: `${zh}：${o.siteName}`, titleEn: `${en}: ${o.siteName}`, state: o.overdue ? 'report_overdue' : 'report_due', link: o.report ? `/annual-reports/${o.report.id}` : '/annual-reports', since: o.dueOn };
}

/** A submitted annual report the authority reviews. */
export function reportToReviewTodo(o: ReportOverview, report: NonNullable<ReportOverview['report']>): Todo {
  const label = `${o.enterpriseName}（${o.siteName}）`;
  return { kind: 'annual_report', id: report.id, title: `审核年度报告：${label}`, titleEn: `Review the annual report: ${label}`, state: 'report_submitted', link: `/annual-reports/${report.id}`, since: report.submittedAt?.toISOString() ?? o.dueOn };
}
