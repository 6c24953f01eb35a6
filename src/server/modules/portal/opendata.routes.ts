import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendJson, type PublicCache, type PublicTag } from '../../platform/public-cache.js';
import { FEED_KINDS, type FeedKind, type OpenDataService } from './opendata.service.js';

const PUBLIC = { policy: { public: true as const } };
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

const DatasetList = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      nameEn: z.string(),
      description: z.string(),
      lastModified: z.string().nullable(),
      licence: z.object({ name: z.string(), url: z.string() }),
      csv: z.string(),
      json: z.string(),
      schema: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
const KeyParam = z.object({ key: z.string().regex(/^[a-z-]{2,40}$/) });
const TargetsAnswer = z.object({
  items: z.array(
    z.object({
      key: z.enum(['outputValue', 'demonstrationUnits', 'standards', 'announcedEnterprises']),
      name: z.string(),
      nameEn: z.string(),
      target: z.number().nullable(),
      actual: z.number().nullable().describe('null: no data source yet (see source)'),
      unit: z.string(),
      unitEn: z.string(),
      asOf: z.string(),
      source: z.string(),
      sourceEn: z.string(),
      trend: z.array(z.object({ year: z.number(), value: z.number() })),
    }),
  ),
});
const FEEDS = FEED_KINDS;
const FEED_TAG: Record<FeedKind, PublicTag> = { announcements: 'announcements', notices: 'notices', standards: 'portal', policies: 'portal', catalogue: 'catalogue' };

/**
 * Open data (docs/public-portal.md "Feeds and datasets", "Targets"): Atom feeds under /feeds, datasets and the
 * targets board under /api/v1/public. Public, rate-limited, cached under the tags of the data they show.
 */
export async function openDataRoutes(root: FastifyInstance, { opendata, publicCache }: { opendata: OpenDataService; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tagsOf = (key: string) => opendata.find(key).tags;

  for (const kind of FEEDS) {
    app.get(`/feeds/${kind}.atom`, {
      config: PUBLIC,
      schema: { tags: ['public'], summary: `Atom 1.0 订阅：${kind}` },
      handler: async (req, reply) => {
        const o = origin(req);
        const xml = await publicCache.get(FEED_TAG[kind], `atom:${kind}:${o}`, () => opendata.feed(kind, o));
        return reply.type('application/atom+xml; charset=utf-8').send(xml);
      },
    });
  }

  app.get('/api/v1/public/datasets', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '开放数据集（CSV/JSON，含更新时间与许可） Open datasets', response: { 200: DatasetList } },
    handler: async (_req, reply) =>
      sendJson(
        reply,
        publicCache.json('portal', 'datasets', DatasetList, async () => {
          const items = await opendata.catalogue();
          return { items, total: items.length, page: 1, pageSize: items.length };
        }),
      ),
  });
  app.get('/api/v1/public/datasets/:key/data.csv', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '数据集 CSV（UTF-8 带 BOM） A dataset as CSV (UTF-8 with BOM)', params: KeyParam },
    handler: async (req, reply) => {
      const [tag] = tagsOf(req.params.key);
      const buf = await publicCache.get(tag!, `dataset-csv:${req.params.key}`, () => opendata.csv(req.params.key));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.params.key}.csv"`)
        .send(buf);
    },
  });
  app.get('/api/v1/public/datasets/:key/data.json', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '数据集 JSON A dataset as JSON', params: KeyParam },
    handler: async (req, reply) => {
      const [tag] = tagsOf(req.params.key);
      const buf = await publicCache.get(tag!, `dataset-json:${req.params.key}`, async () => Buffer.from(JSON.stringify(await opendata.json(req.params.key))));
      return reply.type('application/json; charset=utf-8').send(buf);
    },
  });
  app.get('/api/v1/public/datasets/:key/schema.json', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '数据集的 JSON Schema The JSON Schema of a dataset', params: KeyParam },
    handler: async (req, reply) => reply.type('application/schema+json; charset=utf-8').send(JSON.stringify(opendata.schema(req.params.key))),
  });
  app.get('/api/v1/public/targets', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '《高端智能再制造行动计划》目标与进展 Targets of the action plan and where they stand', response: { 200: TargetsAnswer } },
    handler: async (_req, reply) => sendJson(reply, publicCache.json('portal', 'targets', TargetsAnswer, async () => ({ items: await opendata.targets() }))),
  });
}
