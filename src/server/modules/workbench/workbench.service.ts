import { APPLICATION_STATES, awaiting, type ApplicationState } from '../../../domain/announcement/workflow.js';
import type { Clock } from '../../platform/clock.js';
import { pageArray, type Page } from '../../platform/paging.js';
import type { Principal } from '../../platform/principal.js';
import { actorKind } from '../applications/applications.policy.js';
import { seesNoticeTodos, seesReportTodos } from './workbench.policy.js';
import { applicationTodo, noticeObjectionsTodo, noticeWindowOverTodo, reportDueTodo, reportToReviewTodo } from './workbench.presenter.js';
import { createWorkbenchRepo, type WorkbenchReadDeps } from './workbench.repo.js';
import type { Todo } from './workbench.schema.js';

/** A module that contributes to-dos of its own objects (changes, revocations, complaints). */
export interface TodoSource {
  todos(p: Principal | null): Promise<Todo[]>;
}

export interface WorkbenchDeps extends WorkbenchReadDeps {
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
  const repo = createWorkbenchRepo(deps);

  async function applicationTodos(p: Principal, kind: ReturnType<typeof actorKind>): Promise<Todo[]> {
    const expert = kind === 'expert';
    const states = APPLICATION_STATES.filter((s) => awaiting(s.key) === kind).map((s) => s.key) as ApplicationState[];
    if (!expert && !states.length) return [];
    // an expert: assigned cases in expert review without this expert's opinion; one query, names in two batched ones
    const { items: apps, summaries } = await repo.applications(p, expert ? { states: ['expert_review'], awaitingMyOpinion: true } : { states });
    return apps.map((a, i) => applicationTodo(a, summaries[i]!, expert));
  }

  async function noticeTodos(): Promise<Todo[]> {
    const out: Todo[] = [];
    for (const { batch: b, objections: n } of await repo.openNotices()) {
      if (n > 0) out.push(noticeObjectionsTodo(b, n));
      else if (deps.clock.today() > b.endDate) out.push(noticeWindowOverTodo(b));
    }
    return out;
  }

  /** 年度报告 (七(二)1): the enterprise's open reports not yet submitted; the authority's reports to review. */
  async function reportTodos(p: Principal, kind: 'enterprise' | 'authority'): Promise<Todo[]> {
    const { year, overviews } = await repo.annualReports(p);
    const out: Todo[] = [];
    for (const o of overviews) {
      if (kind === 'enterprise' && o.open && ['not_started', 'draft', 'returned'].includes(o.state)) out.push(reportDueTodo(o, year));
      if (kind === 'authority' && o.report && o.state === 'submitted') out.push(reportToReviewTodo(o, o.report));
    }
    return out;
  }

  return {
    /** The caller's to-dos, paged; `counts` counts all of them by state. */
    async todos(p: Principal, page: Page) {
      const kind = actorKind(p);
      const items: Todo[] = [...(await applicationTodos(p, kind))];
      if (seesNoticeTodos(kind)) items.push(...(await noticeTodos()));
      if (seesReportTodos(kind)) items.push(...(await reportTodos(p, kind)));
      for (const s of deps.sources) items.push(...(await s.todos(p)));
      const counts: Record<string, number> = {};
      for (const i of items) counts[i.state] = (counts[i.state] ?? 0) + 1;
      return { ...pageArray(items, page), counts };
    },
  };
}
export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
