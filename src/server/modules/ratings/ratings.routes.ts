import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errors } from '../../platform/errors.js';
import { BUYER_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { presentRating } from './ratings.presenter.js';
import { OrderIdParam, RateOrderBody, RatingSchema, SellerParam, SellerRatingsQuery, SellerRatingsSchema } from './ratings.schema.js';
import type { RatingService } from './ratings.service.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';

/** 质量评价 (docs/trading.md "Quality feedback"). */
export async function ratingRoutes(root: FastifyInstance, { ratings, publicCache }: { ratings: RatingService; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const T = ['trading'];

  app.post('/api/v1/orders/:id/rating', {
    config: { policy: { roles: BUYER_ROLES } },
    schema: { tags: T, summary: '验收后评价产品与卖方（每单一次） Rate the delivered units and the seller after acceptance (once per order)', params: OrderIdParam, body: RateOrderBody, response: { 201: RatingSchema } },
    handler: async (req, reply) => reply.status(201).send(presentRating(await ratings.rate(req.ctx, req.params.id, req.body))),
  });

  app.get('/api/v1/orders/:id/rating', {
    config: { policy: { roles: [...BUYER_ROLES, ...ENTERPRISE_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: T, summary: '订单的评价（订单双方与工信部；其他人 404） The rating of an order (its two parties and MIIT; others 404)', params: OrderIdParam, response: { 200: RatingSchema } },
    handler: async (req) => {
      const r = await ratings.ofOrder(req.principal, req.params.id);
      if (!r) throw errors.notFound('评价', 'Rating');
      return presentRating(r);
    },
  });

  app.get('/api/v1/public/sellers/:enterpriseId/ratings', {
    config: { policy: { public: true } },
    schema: { tags: [...T, 'public'], summary: '卖方的质量评价与质保索赔率，分页 A seller’s ratings and warranty-claim rate, paged', params: SellerParam, querystring: SellerRatingsQuery, response: { 200: SellerRatingsSchema } },
    handler: async (req, reply) => {
      const { page, pageSize } = req.query;
      const key = JSON.stringify(['ratings', req.params.enterpriseId, page, pageSize]);
      return sendJson(reply, publicCache.json('listings', key, SellerRatingsSchema, async () => {
        const r = await ratings.sellerRatings(req.params.enterpriseId, { page, pageSize });
        return { items: r.rows.map(presentRating), total: r.total, page, pageSize, enterpriseId: req.params.enterpriseId, quality: r.quality };
      }));
    },
  });
}
