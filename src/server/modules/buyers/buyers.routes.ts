import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { presentRegistration } from './buyers.presenter.js';
import { RegisterBody, RegisteredSchema } from './buyers.schema.js';
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
}
