import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REMAN_FIELD_VALUES, type RemanField } from '../../../domain/enterprise.js';
import { AUTHORITY_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import type { ExpertRow } from './experts.repo.js';
import { ExpertBody, ExpertSchema } from './experts.schema.js';
import type { ExpertService } from './experts.service.js';
import { PageQuery, pageOf } from '../../platform/paging.js';

const present = (e: ExpertRow) => ({
  id: e.id,
  name: e.name,
  organization: e.organization,
  title: e.title,
  fields: e.fields as RemanField[],
  phone: e.phone,
  email: e.email,
  affiliatedEnterpriseId: e.affiliatedEnterpriseId,
  createdAt: e.createdAt.toISOString(),
});

export async function expertRoutes(root: FastifyInstance, { experts }: { experts: ExpertService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/experts', {
    // MIIT draws reviewers; a provincial authority involves experts in a change's acceptance check (七(二)3)
    config: { policy: { roles: [...MINISTRY_ROLES, ...AUTHORITY_ROLES] } },
    schema: { tags: ['experts'], summary: '专家库 The expert pool', querystring: PageQuery.extend({ q: z.string().trim().max(100).optional(), field: z.enum(REMAN_FIELD_VALUES).optional() }), response: { 200: pageOf(ExpertSchema) } },
    handler: async (req) => {
      const { q, field, ...page } = req.query;
      const r = await experts.page(page, q, field);
      return { ...r, items: r.items.map(present) };
    },
  });
  app.post('/api/v1/experts', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['experts'], summary: '新增专家 Add an expert', body: ExpertBody, response: { 201: ExpertSchema } },
    handler: async (req, reply) => reply.status(201).send(present(await experts.create(req.ctx, req.body))),
  });
  app.patch('/api/v1/experts/:id', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['experts'],
      summary: '修改专家 Update an expert',
      params: z.object({ id: z.uuid() }),
      body: ExpertBody.partial(),
      response: { 200: ExpertSchema },
    },
    handler: async (req) => present(await experts.update(req.ctx, req.params.id, req.body)),
  });
}
