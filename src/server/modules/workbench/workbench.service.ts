import { APPLICATION_STATES, awaiting, type ApplicationState } from '../../../domain/announcement/workflow.js';
import type { Clock } from '../../platform/clock.js';
import { MAX_PAGE_SIZE, pageArray, type Page } from '../../platform/paging.js';
import type { Principal } from '../../platform/principal.js';
import { actorKind } from '../applications/applications.policy.js';
import { presentSummaries, type PresenterDeps } from '../applications/index.js';
import type { AnnualReportService } from '../annual-reports/annual-reports.service.js';
import type { NoticeService } from '../notices/notices.service.js';
import type { Todo } from './workbench.schema.js';

/** A module that contributes to-dos of its own objects (changes, revocations, complaints). */
export interface TodoSource {
  todos(p: Principal | null): Promise<Todo[]>;
}

export interface WorkbenchDeps extends PresenterDeps {
  notices: NoticeService;
  annualReports: AnnualReportService;
  clock: Clock;
  /** further sources, listed after the procedure's own to-dos in this order */
  sources: readonly TodoSource[];
}

/**
 * 待办: what awaits the caller. Applications come from the state machine's `awaiting(state)` within the
 * caller's scope (an expert: assigned cases without an opinion); MIIT also sees notices to resolve or close;
 * enterprises and authorities their annual reports; then each source's own (dynamic management).
 */
export function createWorkbenchService(deps: WorkbenchDeps) {
  async function applicationTodos(p: Principal, kind: ReturnType<typeof actorKind>): Promise<Todo[]> {
    const expert = kind === 'expert';
    const states = APPLICATION_STATES.filter((s) => awaiting(s.key) === kind).map((s) => s.key) as ApplicationState[];
    if (!expert && !states.length) return [];
    // an expert: assigned cases in expert review without this expert's opinion; one query, names in two batched ones
    const filter = expert ? { states: ['expert_review'] as ApplicationState[], awaitingMyOpinion: true } : { states };
    const { items: apps } = await deps.applications.list(p, filter, 1, MAX_PAGE_SIZE);
    const summaries = await presentSummaries(deps, apps);
    return apps.map((a, i) => {
      const s = summaries[i]!;
      const label = APPLICATION_STATES.find((x) => x.key === a.state)!;
      const [zh, en] = expert ? ['复审', 'Review'] : [label.zh, label.en];
      return { kind: 'application', id: a.id, title: `${zh}：${s.enterpriseName}（${s.siteName}）`, titleEn: `${en}: ${s.enterpriseName} (${s.siteName})`, state: a.state, link: `/applications/${a.id}`, since: a.updatedAt.toISOString() };
    });
  }

  async function noticeTodos(): Promise<Todo[]> {
    const pending = new Map((await deps.notices.pendingObjections()).map((r) => [r.batch_id, Number(r.n)]));
    const out: Todo[] = [];
    for (const b of await deps.notices.list()) {
      if (b.status !== 'open') continue;
      const n = pending.get(b.id) ?? 0;
      if (n > 0) out.push({ kind: 'notice', id: b.id, title: `处理异议（${n} 条）：${b.title}`, titleEn: `Resolve ${n} objection(s): ${b.title}`, state: 'objections', link: `/notices/${b.id}`, since: b.createdAt.toISOString() });
      else if (deps.clock.today() > b.endDate) out.push({ kind: 'notice', id: b.id, title: `公示期满待办结：${b.title}`, titleEn: `Notice window over, close it: ${b.title}`, state: 'window_over', link: `/notices/${b.id}`, since: b.endDate });
    }
    return out;
  }

  /** 年度报告 (七(二)1): the enterprise's open reports not yet submitted; the authority's reports to review. */
  async function reportTodos(p: Principal, kind: 'enterprise' | 'authority'): Promise<Todo[]> {
    const year = deps.annualReports.currentYear();
    const out: Todo[] = [];
    for (const o of await deps.annualReports.list(p, year)) {
      const label = `${o.enterpriseName}（${o.siteName}）`;
      if (kind === 'enterprise' && o.open && ['not_started', 'draft', 'returned'].includes(o.state)) {
        const zh = o.state === 'returned' ? '年度报告退回修改' : o.overdue ? '年度报告已逾期' : `填报${year}年度报告（${o.dueOn} 前）`;
        const en = o.state === 'returned' ? 'Annual report returned for correction' : o.overdue ? 'Annual report overdue' : `File the ${year} annual report (due ${o.dueOn})`;
        out.push({ kind: 'annual_report', id: o.report?.id ?? o.siteId, title: `${zh}：${o.siteName}`, titleEn: `${en}: ${o.siteName}`, state: o.overdue ? 'report_overdue' : 'report_due', link: o.report ? `/annual-reports/${o.report.id}` : '/annual-reports', since: o.dueOn });
      }
      if (kind === 'authority' && o.report && o.state === 'submitted') {
        out.push({ kind: 'annual_report', id: o.report.id, title: `审核年度报告：${label}`, titleEn: `Review the annual report: ${label}`, state: 'report_submitted', link: `/annual-reports/${o.report.id}`, since: o.report.submittedAt?.toISOString() ?? o.dueOn });
      }
    }
    return out;
  }

  return {
    /** The caller's to-dos, paged; `counts` counts all of them by state. */
    async todos(p: Principal, page: Page) {
      const kind = actorKind(p);
      const items: Todo[] = [...(await applicationTodos(p, kind))];
      if (kind === 'ministry') items.push(...(await noticeTodos()));
      if (kind === 'enterprise' || kind === 'authority') items.push(...(await reportTodos(p, kind)));
      for (const s of deps.sources) items.push(...(await s.todos(p)));
      const counts: Record<string, number> = {};
      for (const i of items) counts[i.state] = (counts[i.state] ?? 0) + 1;
      return { ...pageArray(items, page), counts };
    },
  };
}
export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
