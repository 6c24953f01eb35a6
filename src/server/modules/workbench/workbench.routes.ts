import type { FastifyInstance } from 'fastify';
import type { SupervisionTodos } from '../revocations/supervision.todos.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPLICATION_STATES, awaiting, type ApplicationState } from '../../../domain/announcement/workflow.js';
import type { Clock } from '../../platform/clock.js';
import { ROLES_ALL_USERS } from '../../platform/policy.js';
import { actorKind } from '../applications/applications.policy.js';
import { presentSummaries, type PresenterDeps } from '../applications/applications.presenter.js';
import { MAX_PAGE_SIZE, PageQuery, pageArray } from '../../platform/paging.js';
import type { NoticeService } from '../notices/notices.service.js';
import type { AnnualReportService } from '../annual-reports/annual-reports.service.js';

const TodoSchema = z.object({
  kind: z.enum(['application', 'notice', 'annual_report', 'supervision']),
  id: z.string(),
  title: z.string(),
  titleEn: z.string(),
  state: z.string(),
  link: z.string(),
  since: z.string(),
});

/**
 * 待办: what awaits the caller. Applications come from the state machine's `awaiting(state)` within the
 * caller's scope (an expert: assigned cases without an opinion); MIIT also sees notices to resolve or close.
 */
export async function workbenchRoutes(root: FastifyInstance, deps: PresenterDeps & { notices: NoticeService; clock: Clock; annualReports?: AnnualReportService; supervisionTodos?: SupervisionTodos }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/todos', {
    config: { policy: { roles: ROLES_ALL_USERS } },
    schema: {
      tags: ['workflow'],
      summary: '待办事项（分页；counts 为全部待办按状态计数） To-do list, paged',
      querystring: PageQuery,
      response: { 200: z.object({ items: z.array(TodoSchema), counts: z.record(z.string(), z.number()), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => {
      const p = req.principal!;
      const kind = actorKind(p);
      const states = APPLICATION_STATES.filter((s) => awaiting(s.key) === kind).map((s) => s.key) as ApplicationState[];
      const items: z.infer<typeof TodoSchema>[] = [];
      if (kind === 'expert') {
        // assigned cases in expert review without this expert's opinion: one query, names in two batched ones
        const { items: apps } = await deps.applications.list(p, { states: ['expert_review'], awaitingMyOpinion: true }, 1, MAX_PAGE_SIZE);
        const summaries = await presentSummaries(deps, apps);
        for (const [i, a] of apps.entries()) {
          const s = summaries[i]!;
          items.push({ kind: 'application', id: a.id, title: `复审：${s.enterpriseName}（${s.siteName}）`, titleEn: `Review: ${s.enterpriseName} (${s.siteName})`, state: a.state, link: `/applications/${a.id}`, since: a.updatedAt.toISOString() });
        }
      } else if (states.length) {
        const { items: apps } = await deps.applications.list(p, { states }, 1, MAX_PAGE_SIZE);
        const summaries = await presentSummaries(deps, apps);
        for (const [i, a] of apps.entries()) {
          const s = summaries[i]!;
          const label = APPLICATION_STATES.find((x) => x.key === a.state)!;
          items.push({ kind: 'application', id: a.id, title: `${label.zh}：${s.enterpriseName}（${s.siteName}）`, titleEn: `${label.en}: ${s.enterpriseName} (${s.siteName})`, state: a.state, link: `/applications/${a.id}`, since: a.updatedAt.toISOString() });
        }
      }
      if (kind === 'ministry') {
        const pending = new Map((await deps.notices.pendingObjections()).map((r) => [r.batch_id, Number(r.n)]));
        for (const b of await deps.notices.list()) {
          if (b.status !== 'open') continue;
          const n = pending.get(b.id) ?? 0;
          if (n > 0) items.push({ kind: 'notice', id: b.id, title: `处理异议（${n} 条）：${b.title}`, titleEn: `Resolve ${n} objection(s): ${b.title}`, state: 'objections', link: `/notices/${b.id}`, since: b.createdAt.toISOString() });
          else if (deps.clock.today() > b.endDate) items.push({ kind: 'notice', id: b.id, title: `公示期满待办结：${b.title}`, titleEn: `Notice window over, close it: ${b.title}`, state: 'window_over', link: `/notices/${b.id}`, since: b.endDate });
        }
      }
      // 年度报告 (七(二)1): the enterprise's open reports not yet submitted; the authority's reports to review
      if (deps.annualReports && (kind === 'enterprise' || kind === 'authority')) {
        const year = deps.annualReports.currentYear();
        for (const o of await deps.annualReports.list(p, year)) {
          const label = `${o.enterpriseName}（${o.siteName}）`;
          if (kind === 'enterprise' && o.open && ['not_started', 'draft', 'returned'].includes(o.state)) {
            const zh = o.state === 'returned' ? '年度报告退回修改' : o.overdue ? '年度报告已逾期' : `填报${year}年度报告（${o.dueOn} 前）`;
            const en = o.state === 'returned' ? 'Annual report returned for correction' : o.overdue ? 'Annual report overdue' : `File the ${year} annual report (due ${o.dueOn})`;
            items.push({ kind: 'annual_report', id: o.report?.id ?? o.siteId, title: `${zh}：${o.siteName}`, titleEn: `${en}: ${o.siteName}`, state: o.overdue ? 'report_overdue' : 'report_due', link: o.report ? `/annual-reports/${o.report.id}` : '/annual-reports', since: o.dueOn });
          }
          if (kind === 'authority' && o.report && o.state === 'submitted') {
            items.push({ kind: 'annual_report', id: o.report.id, title: `审核年度报告：${label}`, titleEn: `Review the annual report: ${label}`, state: 'report_submitted', link: `/annual-reports/${o.report.id}`, since: o.report.submittedAt?.toISOString() ?? o.dueOn });
          }
        }
      }
      if (deps.supervisionTodos) items.push(...(await deps.supervisionTodos(p)));
      const counts: Record<string, number> = {};
      for (const i of items) counts[i.state] = (counts[i.state] ?? 0) + 1;
      return { ...pageArray(items, req.query), counts };
    },
  });
}
