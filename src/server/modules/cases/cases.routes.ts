import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ENTERPRISE_ROLES } from '../../platform/policy.js';
import { presentCase, presentCaseCommand, presentCaseDetail } from './cases.presenter.js';
import {
  CaseCommandBody,
  CaseCommandSchema,
  CaseDetailSchema,
  CaseListQuery,
  CasePage,
  CaseSchema,
  ClaimBody,
  ConcludeBody,
  DiagnoseBody,
  IdParam,
  OpenBody,
  PartsBody,
  RateBody,
  StatisticsQuery,
  StatisticsSchema,
  VisitBody,
} from './cases.schema.js';
import type { CaseService } from './cases.service.js';

const tags = ['cases'];
/** enterprise users (the maker's service team, or an enterprise owning a unit) and buyer organisations (owners, lessees) */
const parties = { roles: [...ENTERPRISE_ROLES, 'buyer_admin', 'buyer_staff'] as const };
const team = { roles: ENTERPRISE_ROLES };
const statistics = { roles: [...ENTERPRISE_ROLES, 'authority_admin', 'authority_reviewer', 'ministry_admin', 'ministry_officer'] as const };

/** 工单 and warranty claims (issue 12; docs/monitoring-cases.md). Thin: validate → one use case → present. */
export async function caseRoutes(root: FastifyInstance, { cases }: { cases: CaseService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const one = (r: Awaited<ReturnType<CaseService['open']>>, p: Parameters<typeof presentCase>[0]) => presentCase(p, r.row, r.subject);

  app.post('/api/v1/cases', {
    config: { policy: parties },
    schema: { tags, summary: '开立工单（由告警或由所有者） Open a case (from an alarm, or by the owner)', body: OpenBody, response: { 201: CaseSchema } },
    handler: async (req, reply) => reply.status(201).send(one(await cases.open(req.ctx, req.body), req.principal)),
  });
  app.get('/api/v1/cases', {
    config: { policy: parties },
    schema: { tags, summary: '工单列表 Cases', querystring: CaseListQuery, response: { 200: CasePage } },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      const { rows, total } = await cases.list(req.principal, f, page, pageSize);
      // the list shows the buttons too (the board): each case's subject is its device's
      const items = await Promise.all(rows.map(async (r) => presentCase(req.principal, r, (await cases.load(req.principal, r.id).catch(() => null))?.subject ?? null)));
      return { items, total, page, pageSize };
    },
  });
  app.get('/api/v1/cases/statistics', {
    config: { policy: statistics },
    schema: { tags, summary: '售后服务统计（规范条件 六(一)） After-sales statistics per enterprise', querystring: StatisticsQuery, response: { 200: StatisticsSchema } },
    handler: async (req) => ({ items: await cases.statistics(req.principal, req.query) }),
  });
  app.get('/api/v1/cases/:id', {
    config: { policy: parties },
    schema: { tags, summary: '工单详情 One case with its history and the fault taxonomy', params: IdParam, response: { 200: CaseDetailSchema } },
    handler: async (req) => {
      const d = await cases.detail(req.principal, req.params.id);
      return presentCaseDetail(req.principal, d.row, d.subject, d.events, d.taxonomy, d.commands);
    },
  });
  app.post('/api/v1/cases/:id/commands', {
    config: { policy: parties },
    schema: { tags, summary: '远程诊断：从工单向设备下发命令 Send a command to the case’s device', params: IdParam, body: CaseCommandBody, response: { 201: CaseCommandSchema } },
    handler: async (req, reply) => reply.status(201).send(presentCaseCommand(await cases.command(req.ctx, req.params.id, req.body))),
  });
  app.post('/api/v1/cases/:id/diagnosis', {
    config: { policy: team },
    schema: { tags, summary: '诊断（故障分类） Diagnose', params: IdParam, body: DiagnoseBody, response: { 200: CaseSchema } },
    handler: async (req) => one(await cases.diagnose(req.ctx, req.params.id, req.body), req.principal),
  });
  app.post('/api/v1/cases/:id/visit', {
    config: { policy: team },
    schema: { tags, summary: '登记现场服务 Record the on-site visit', params: IdParam, body: VisitBody, response: { 200: CaseSchema } },
    handler: async (req) => one(await cases.visit(req.ctx, req.params.id, req.body), req.principal),
  });
  app.post('/api/v1/cases/:id/parts', {
    config: { policy: team },
    schema: { tags, summary: '登记更换的零部件 Record replaced parts', params: IdParam, body: PartsBody, response: { 200: CaseSchema } },
    handler: async (req) => one(await cases.parts(req.ctx, req.params.id, req.body), req.principal),
  });
  app.post('/api/v1/cases/:id/claim', {
    config: { policy: team },
    schema: { tags, summary: '受理或拒绝质保索赔 Accept or reject the warranty claim', params: IdParam, body: ClaimBody, response: { 200: CaseSchema } },
    handler: async (req) => one(await cases.decideClaim(req.ctx, req.params.id, req.body), req.principal),
  });
  app.post('/api/v1/cases/:id/conclusion', {
    config: { policy: team },
    schema: { tags, summary: '结论（可建议在役再制造） Conclude (may recommend remanufacture)', params: IdParam, body: ConcludeBody, response: { 200: CaseSchema } },
    handler: async (req) => one(await cases.conclude(req.ctx, req.params.id, req.body), req.principal),
  });
  app.post('/api/v1/cases/:id/rating', {
    config: { policy: parties },
    schema: { tags, summary: '所有者评价服务 The owner rates the service', params: IdParam, body: RateBody, response: { 200: CaseSchema } },
    handler: async (req) => one(await cases.rate(req.ctx, req.params.id, req.body), req.principal),
  });
}
