import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import { AUTHORITY_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { presentExpert } from './experts.presenter.js';
import { ExpertBody, ExpertQuery, ExpertSchema, IdParam } from './experts.schema.js';
import type { ExpertService } from './experts.service.js';

export async function expertRoutes(root: FastifyInstance, { experts }: { experts: ExpertService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/experts', {
    // MIIT draws reviewers; a provincial authority involves experts in a change's acceptance check (七(二)3)
    config: { policy: { roles: [...MINISTRY_ROLES, ...AUTHORITY_ROLES] } },
    schema: { tags: ['experts'], summary: '专家库 The expert pool', querystring: ExpertQuery, response: { 200: pageOf(ExpertSchema) } },
    handler: async (req) => {
      const { q, field, ...page } = req.query;
      const r = await experts.page(page, q, field);
      return { ...r, items: r.items.map(presentExpert) };
    },
  });
  app.post('/api/v1/experts', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['experts'], summary: '新增专家 Add an expert', body: ExpertBody, response: { 201: ExpertSchema } },
    handler: async (req, reply) => reply.status(201).send(presentExpert(await experts.create(req.ctx, req.body))),
  });
  app.patch('/api/v1/experts/:id', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['experts'], summary: '修改专家 Update an expert', params: IdParam, body: ExpertBody.partial(), response: { 200: ExpertSchema } },
    handler: async (req) => presentExpert(await experts.update(req.ctx, req.params.id, req.body)),
  });
}
