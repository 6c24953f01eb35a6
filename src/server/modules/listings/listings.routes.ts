import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { pageOf } from '../../platform/paging.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';
import { presentListing, presentListingDetail } from './listings.presenter.js';
import { CreateListingBody, ListingDetailSchema, ListingIdParam, ListingSummarySchema, PublicListingsQuery, SellerListingsQuery, WithdrawBody } from './listings.schema.js';
import type { ListingService } from './listings.service.js';
import { marketPageRoutes } from './pages.routes.js';

const PublicPage = pageOf(ListingSummarySchema);
/** the market: `capped` when more than 1,000 listings match (the total is then 1,000: refine the query) */
const MarketPage = PublicPage.extend({ capped: z.boolean() });

export async function listingRoutes(root: FastifyInstance, { listings, publicCache, webDir }: { listings: ListingService; publicCache: PublicCache; webDir: string }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // /public/market and /public/market/{id} as HTML (indexable, readable without JavaScript)
  await marketPageRoutes(root, { listings, publicCache, webDir });

  app.get('/api/v1/public/listings', {
    config: { policy: { public: true } },
    schema: { tags: ['trading', 'public'], summary: '再制造产品交易市场：检索 Public market of verified units', querystring: PublicListingsQuery, response: { 200: MarketPage } },
    handler: async (req, reply) => {
      const { page, pageSize, ...f } = req.query;
      const key = JSON.stringify([f.q ?? '', f.field ?? '', f.region ?? '', f.minPrice ?? '', f.maxPrice ?? '', f.announcedOnly, page, pageSize]);
      return sendJson(reply, publicCache.json('listings', key, MarketPage, async () => {
        const r = await listings.searchPublic(f, { page, pageSize }, { capped: true });
        return { items: r.items.map((c) => presentListing(c, r.terms)), total: r.total, capped: r.capped, page, pageSize };
      }));
    },
  });

  app.get('/api/v1/public/listings/:id', {
    config: { policy: { public: true } },
    schema: { tags: ['trading', 'public'], summary: '商品详情与产品核验记录 A listing with the unit’s verified record', params: ListingIdParam, response: { 200: ListingDetailSchema } },
    handler: async (req) => presentListingDetail(req.principal, await listings.detail(req.principal, req.params.id)),
  });

  app.get('/api/v1/listings', {
    config: { policy: { roles: [...ENTERPRISE_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['trading'], summary: '本企业的商品 The seller’s listings', querystring: SellerListingsQuery, response: { 200: PublicPage } },
    handler: async (req) => {
      const { page, pageSize, status } = req.query;
      const r = await listings.listForSeller(req.principal, status, { page, pageSize });
      return { items: r.items.map((c) => presentListing(c)), total: r.total, page, pageSize };
    },
  });

  app.post('/api/v1/listings', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['trading'], summary: '发布商品（本企业的正品再制造产品） List verified units for sale', body: CreateListingBody, response: { 201: ListingDetailSchema } },
    handler: async (req, reply) => reply.status(201).send(presentListingDetail(req.principal, await listings.create(req.ctx, req.body))),
  });

  app.post('/api/v1/listings/:id/withdraw', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['trading'], summary: '下架商品 Withdraw a listing', params: ListingIdParam, body: WithdrawBody, response: { 200: ListingDetailSchema } },
    handler: async (req) => presentListingDetail(req.principal, await listings.withdraw(req.ctx, req.params.id, req.body.reason)),
  });
}
