import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import { AUTHORITY_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import { z } from 'zod';
import type { RequestContext } from '../../platform/principal.js';
import { IdParam, SUPERVISION_HANDLERS } from '../supervision/index.js';
import { presentFindings } from './findings.presenter.js';
import { DismissBody, FindingListQuery, FindingSchema } from './findings.schema.js';
import type { FindingsService } from './findings.service.js';

export async function findingRoutes(root: FastifyInstance, deps: { findings: FindingsService; enterprises: EnterpriseService; runWatch: (ctx: RequestContext) => Promise<{ raised: number; evaluated: number }> }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { findings, enterprises } = deps;

  app.get('/api/v1/findings', {
    config: { policy: { roles: SUPERVISION_HANDLERS } },
    schema: { tags: ['supervision'], summary: '核查提示：可能的撤销理由 七(二)4(1)（按辖区，分页） Findings: possible grounds, paged', querystring: FindingListQuery, response: { 200: pageOf(FindingSchema) } },
    handler: async (req) => {
      const { rows, total } = await findings.page(req.principal, { states: req.query.state ? [req.query.state] : undefined, enterpriseId: req.query.enterpriseId }, req.query);
      return { items: await presentFindings(enterprises, req.principal, rows), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  app.post('/api/v1/findings/:id/dismiss', {
    config: { policy: { roles: [...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['supervision'], summary: '不予报请撤销（须说明理由，留痕） Dismiss a finding with a reason', params: IdParam, body: DismissBody, response: { 200: FindingSchema } },
    handler: async (req) => (await presentFindings(enterprises, req.principal, [await findings.dismiss(req.ctx, req.params.id, req.body.reason)]))[0]!,
  });

  app.post('/api/v1/findings/evaluate', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: {
      tags: ['supervision'],
      summary: '立即核查公告企业的可由数据判断的条件（幂等；每日任务亦调用） Re-evaluate the announced enterprises now',
      body: z.object({}).optional(),
      response: { 200: z.object({ evaluated: z.number(), raised: z.number() }) },
    },
    handler: async (req) => deps.runWatch(req.ctx),
  });
}
