import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUTHORITY_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { MarketStatsQuery, MarketStatsSchema } from './market.schema.js';
import type { MarketService } from './market.service.js';

/** 行业统计 · 交易市场 (docs/trading.md "Market statistics"). */
export async function marketRoutes(root: FastifyInstance, { market }: { market: MarketService }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/market/statistics', {
    config: { policy: { roles: [...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['trading', 'statistics'], summary: '交易市场统计：成交台数、金额、以旧换再、租赁，按地区和领域（主管部门：辖区；工信部：全部） Market statistics by region and field', querystring: MarketStatsQuery, response: { 200: MarketStatsSchema } },
    handler: async (req) => market.statistics(req.principal, req.query),
  });
}
