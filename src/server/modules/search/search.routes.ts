import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MINISTRY_ROLES } from '../../platform/policy.js';
import { queryKey, sendJson, type PublicCache } from '../../platform/public-cache.js';
import { RebuildAnswer, SearchAnswer, SearchQuery, SuggestAnswer, SuggestQuery } from './search.schema.js';
import type { SearchService } from './search.service.js';


/**
 * 一站式检索: `GET /api/v1/public/search` and `/search/suggest` (public, cached under the 'search' tag and
 * rate-limited like every public GET); MIIT's `POST /api/v1/portal/search/rebuild`.
 */
export async function searchRoutes(root: FastifyInstance, { search, publicCache }: { search: SearchService; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/public/search', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '一站式检索（公告企业、公告、公示、标准、政策、示范单位、检测机构、商品、产品） One search across the public data', querystring: SearchQuery, response: { 200: SearchAnswer } },
    handler: async (req, reply) =>
      sendJson(
        reply,
        publicCache.json('search', queryKey(req.query), SearchAnswer, async () => {
          const { q, type, region, field, year, page, pageSize } = req.query;
          const r = await search.search({ q, types: type, region, field, year }, { page, pageSize });
          return { ...r, page, pageSize };
        }),
      ),
  });
  app.get('/api/v1/public/search/suggest', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '检索联想（标题前缀） Suggestions as one types (title words, last one a prefix)', querystring: SuggestQuery, response: { 200: SuggestAnswer } },
    handler: async (req, reply) => sendJson(reply, publicCache.json('search', `suggest:${req.query.q}`, SuggestAnswer, async () => ({ items: await search.suggest(req.query.q) }))),
  });
  app.post('/api/v1/portal/search/rebuild', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['portal'], summary: '重建检索索引（幂等） Rebuild the search index from every source (idempotent)', response: { 200: RebuildAnswer } },
    handler: async (req) => search.rebuild(req.principal),
  });
}
