import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { presentBuyerOrg, presentRegistration } from './buyers.presenter.js';
import { BuyerOrgPage, BuyerOrgQuery, RegisterBody, RegisteredSchema } from './buyers.schema.js';
import type { BuyerService } from './buyers.service.js';

/** Registrations per client address per minute (a person registers once; a script must not mint accounts). */
export const REGISTER_RATE_PER_MINUTE = 5;

export async function buyerRoutes(root: FastifyInstance, { buyers }: { buyers: BuyerService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/public/register', {
    config: { policy: { public: true }, rateLimit: { max: REGISTER_RATE_PER_MINUTE, timeWindow: 60_000 } },
    schema: { tags: ['trading'], summary: '采购方机构注册 Register a buyer organisation', body: RegisterBody, response: { 201: RegisteredSchema } },
    handler: async (req, reply) => {
      const { org, user } = await buyers.register(req.ctx, req.body);
      return reply.status(201).send(presentRegistration(org, user));
    },
  });

  app.get('/api/v1/buyer-orgs', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['trading'], summary: '已注册的采购单位/保险机构（工信部管理员选择新用户所属组织） Registered buyers or insurers', querystring: BuyerOrgQuery, response: { 200: BuyerOrgPage } },
    handler: async (req) => {
      const { kind, q, page, pageSize } = req.query;
      const { rows, total } = await buyers.list(req.principal, { kind, q }, { page, pageSize });
      return { items: rows.map(presentBuyerOrg), total, page, pageSize };
    },
  });
}
