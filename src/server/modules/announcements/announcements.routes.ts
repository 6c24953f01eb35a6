import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';
import { renderAnnouncementDocx, renderAnnouncementXlsx } from './announcement-export.js';
import { presentAnnounced, presentBatch, presentBatchPage, presentEntry } from './announcements.presenter.js';
import { AnnouncedFilter, AnnouncedPage, AnnouncedQuery, BatchListItem, BatchPageQuery, BatchSchema, EntrySchema, IdParam, PublishBody } from './announcements.schema.js';
import type { AnnouncementService } from './announcements.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function announcementRoutes(root: FastifyInstance, { announcements, publicCache }: { announcements: AnnouncementService; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/announcements', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['announcements'], summary: '发布公告批次（第N批） Publish an announcement batch', body: PublishBody, response: { 201: BatchSchema } },
    handler: async (req, reply) => {
      const b = await announcements.publish(req.ctx, req.body);
      return reply.status(201).send(presentBatch(b, await announcements.entriesOf(b.id)));
    },
  });

  // ---- public: stable paths, no login; answers cached (platform/public-cache.ts), invalidated by the writes ----
  app.get('/api/v1/public/announcements', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '已发布的公告批次（新→旧，分页；每批附首页名单） Published announcement batches, newest first, paged', querystring: BatchPageQuery, response: { 200: pageOf(BatchListItem) } },
    handler: async (req, reply) =>
      sendJson(reply, publicCache.json('announcements', `list:${JSON.stringify(req.query)}`, pageOf(BatchListItem), async () => {
        const page = await announcements.batchPage(req.query);
        const entries = await announcements.entryFirstPages(page.rows.map((r) => r.batch.id), req.query.entriesPageSize);
        return { items: presentBatchPage(page, entries), total: page.total, page: req.query.page, pageSize: req.query.pageSize };
      })),
  });

  app.get('/api/v1/public/announcements/:id/entries', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '公告批次的名单（分页） The entries of one batch, paged', params: IdParam, querystring: PageQuery, response: { 200: pageOf(EntrySchema) } },
    handler: async (req, reply) =>
      sendJson(reply, publicCache.json('announcements', `entries:${req.params.id}:${JSON.stringify(req.query)}`, pageOf(EntrySchema), async () => {
        const { rows, total } = await announcements.entryPage((await announcements.load(req.params.id)).id, req.query);
        return { items: rows.map(presentEntry), total, page: req.query.page, pageSize: req.query.pageSize };
      })),
  });

  app.get('/api/v1/public/announced-enterprises', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '公告企业名单（可按名称、地区、领域检索） The announced list', querystring: AnnouncedQuery, response: { 200: AnnouncedPage } },
    handler: async (req, reply) => sendJson(reply, publicCache.json('announced', JSON.stringify(req.query), AnnouncedPage, async () => {
      const { q, region, field, page, pageSize } = req.query;
      // entries carry the province code: '44', '440000' or any 44xxxx code select Guangdong
      const { rows, total } = await announcements.search({ q, regionPrefix: region?.slice(0, 2), field }, page, pageSize);
      return { items: rows.map(presentAnnounced), total, page, pageSize };
    })),
  });

  app.get('/api/v1/public/announced-enterprises.xlsx', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '下载公告名单（xlsx，按当前检索条件） Download the announced list as xlsx, with the same filters as the list', querystring: AnnouncedFilter },
    handler: async (req, reply) => {
      const { q, region, field } = req.query;
      const buf = await publicCache.get('announced', `xlsx:${JSON.stringify({ q, region, field })}`, async () => renderAnnouncementXlsx(await announcements.exportGroups({ q, region, field })));
      return reply.header('content-type', XLSX).header('content-disposition', attachment('announced.xlsx', '机电产品再制造行业规范条件公告企业名单.xlsx')).send(buf);
    },
  });

  app.get('/api/v1/public/announcements/:id/docx', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '下载公告（docx） Download one announcement as Word', params: IdParam },
    handler: async (req, reply) => {
      const batch = await announcements.load(req.params.id);
      const buf = await publicCache.get('announcements', `docx:${batch.id}`, async () => renderAnnouncementDocx(batch, await announcements.entriesOf(batch.id)));
      return reply.header('content-type', DOCX).header('content-disposition', attachment(`announcement-${batch.batchNo}.docx`, `${batch.docNumber}.docx`)).send(buf);
    },
  });

  app.get('/api/v1/public/announcements/:id/xlsx', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '下载公告名单（xlsx） Download one announcement as xlsx', params: IdParam },
    handler: async (req, reply) => {
      const batch = await announcements.load(req.params.id);
      const buf = await publicCache.get('announcements', `xlsx:${batch.id}`, async () => renderAnnouncementXlsx([{ batch, entries: await announcements.entriesOf(batch.id) }]));
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`announcement-${batch.batchNo}.xlsx`, `${batch.docNumber}.xlsx`)).send(buf);
    },
  });
}
