import type { ApplicationState } from '../../../domain/announcement/workflow.js';
import { MAX_PAGE_SIZE } from '../../platform/paging.js';
import type { Principal } from '../../platform/principal.js';
import { presentSummaries, type PresenterDeps } from '../applications/index.js';
import type { AnnualReportService } from '../annual-reports/annual-reports.service.js';
import type { NoticeService } from '../notices/notices.service.js';

export interface WorkbenchReadDeps extends PresenterDeps {
  notices: NoticeService;
  annualReports: AnnualReportService;
}

/**
 * The workbench's reads. It has no table of its own: every to-do is an object of another module, read through that
 * module's exported service within the caller's scope (never its tables) — this file is the one place that knows
 * where each list comes from, as a repo knows its SQL.
 */
export function createWorkbenchRepo(deps: WorkbenchReadDeps) {
  return {
    /** Applications in `states` the caller may see (an expert: assigned cases without their opinion), with names. */
    async applications(p: Principal, filter: { states: ApplicationState[]; awaitingMyOpinion?: boolean }) {
      const { items } = await deps.applications.list(p, filter, 1, MAX_PAGE_SIZE);
      return { items, summaries: await presentSummaries(deps, items) };
    },
    /** The open 公示 batches, each with its count of objections still to resolve. */
    async openNotices() {
      const pending = new Map((await deps.notices.pendingObjections()).map((r) => [r.batch_id, Number(r.n)]));
      return (await deps.notices.list()).filter((b) => b.status === 'open').map((b) => ({ batch: b, objections: pending.get(b.id) ?? 0 }));
    },
    /** The annual reports of this year in the caller's scope (the enterprise's sites, the authority's enterprises). */
    async annualReports(p: Principal) {
      const year = deps.annualReports.currentYear();
      return { year, overviews: await deps.annualReports.list(p, year) };
    },
  };
}
export type WorkbenchRepo = ReturnType<typeof createWorkbenchRepo>;
