import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { findProvince } from '../../../domain/regions.js';
import { errors } from '../../platform/errors.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';
import { renderAnnouncementDocx, renderAnnouncementXlsx } from './announcement-export.js';
import type { AnnouncementEntryRow, AnnouncementRow } from './announcements.repo.js';
import type { AnnouncementService } from './announcements.service.js';
import { isoDate } from '../../platform/validation.js';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';


const EntrySchema = z.object({
  seq: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  siteName: z.string(),
  fields: z.array(z.string()),
  status: z.string(),
  /** 七(二)4: the day the entry was revoked (null while on the list). */
  revokedOn: z.string().nullable(),
  /** 七(二)3: confirmed changes of the listed facts, old → new. */
  history: z.array(z.object({ on: z.string(), fact: z.string(), old: z.string(), new: z.string() })),
});
const BatchSchema = z
  .object({ id: z.string(), batchNo: z.number(), docNumber: z.string(), announcedOn: z.string(), title: z.string(), entries: z.array(EntrySchema) })
  .meta({ id: 'AnnouncementBatch' });

const presentEntry = (e: AnnouncementEntryRow) => ({
  seq: e.seq,
  regionCode: e.provinceCode,
  regionName: findProvince(e.provinceCode)?.name ?? e.provinceCode,
  enterpriseName: e.enterpriseName,
  creditCode: e.creditCode,
  siteName: e.siteName,
  fields: e.fields,
  status: e.status,
  revokedOn: e.revokedOn ?? null,
  history: e.history ?? [],
});
const presentBatch = (b: AnnouncementRow, entries: AnnouncementEntryRow[]) => ({
  id: b.id, batchNo: b.batchNo, docNumber: b.docNumber, announcedOn: b.announcedOn, title: b.title, entries: entries.map(presentEntry),
});

export async function announcementRoutes(root: FastifyInstance, { announcements, publicCache }: { announcements: AnnouncementService; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const withEntries = async (b: AnnouncementRow) => presentBatch(b, await announcements.entriesOf(b.id));

  app.post('/api/v1/announcements', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: {
      tags: ['announcements'],
      summary: '发布公告批次（第N批） Publish an announcement batch',
      body: z.object({
        applicationIds: z.array(z.uuid()).min(1).max(1000),
        announcedOn: isoDate.optional(),
        docNumber: z.string().trim().min(4).max(100).optional(),
        title: z.string().trim().min(2).max(200).optional(),
      }),
      response: { 201: BatchSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await withEntries(await announcements.publish(req.ctx, req.body))),
  });

  // ---- public: stable paths, no login; answers cached (platform/public-cache.ts), invalidated by the writes ----
  const BatchListItem = BatchSchema.omit({ entries: true }).extend({
    /** all entries of the batch; `entries` holds the first page of them (GET …/{id}/entries pages the rest) */
    entryCount: z.number(),
    entries: z.array(EntrySchema),
  });
  app.get('/api/v1/public/announcements', {
    config: { policy: { public: true } },
    schema: {
      tags: ['public'],
      summary: '已发布的公告批次（新→旧，分页；每批附首页名单） Published announcement batches, newest first, paged',
      querystring: PageQuery.extend({ entriesPageSize: PageQuery.shape.pageSize }),
      response: { 200: pageOf(BatchListItem) },
    },
    handler: async (req, reply) =>
      sendJson(reply, publicCache.json('announcements', `list:${JSON.stringify(req.query)}`, pageOf(BatchListItem), async () => {
        const { rows, total } = await announcements.batchPage(req.query);
        const entries = await announcements.entryFirstPages(rows.map((r) => r.batch.id), req.query.entriesPageSize);
        const items = rows.map(({ batch, entryCount }) => ({ ...presentBatch(batch, entries.filter((e) => e.batchId === batch.id)), entryCount }));
        return { items, total, page: req.query.page, pageSize: req.query.pageSize };
      })),
  });

  app.get('/api/v1/public/announcements/:id/entries', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '公告批次的名单（分页） The entries of one batch, paged', params: z.object({ id: z.uuid() }), querystring: PageQuery, response: { 200: pageOf(EntrySchema) } },
    handler: async (req, reply) =>
      sendJson(reply, publicCache.json('announcements', `entries:${req.params.id}:${JSON.stringify(req.query)}`, pageOf(EntrySchema), async () => {
        if (!(await announcements.batch(req.params.id))) throw errors.notFound('公告', 'Announcement');
        const { rows, total } = await announcements.entryPage(req.params.id, req.query);
        return { items: rows.map(presentEntry), total, page: req.query.page, pageSize: req.query.pageSize };
      })),
  });

  const AnnouncedPage = z.object({
    items: z.array(
      z.object({
        enterpriseName: z.string(),
        creditCode: z.string(),
        regionCode: z.string(),
        regionName: z.string(),
        siteName: z.string(),
        fields: z.array(z.string()),
        batch: z.object({ batchNo: z.number(), docNumber: z.string(), announcedOn: z.string() }),
        history: z.array(z.object({ on: z.string(), fact: z.string(), old: z.string(), new: z.string() })),
      }),
    ),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  });
  /** The announced list's filters, shared by the list and its .xlsx download. */
  const AnnouncedFilter = z.object({
    q: z.string().trim().max(100).optional(),
    region: z.string().trim().regex(/^\d{2,6}$/).optional(),
    field: z.enum(REMAN_FIELD_VALUES).optional(),
  });
  const EXPORT_MAX = 100_000;
  app.get('/api/v1/public/announced-enterprises', {
    config: { policy: { public: true } },
    schema: {
      tags: ['public'],
      summary: '公告企业名单（可按名称、地区、领域检索） The announced list',
      querystring: AnnouncedFilter.extend(PageQuery.shape),
      response: { 200: AnnouncedPage },
    },
    handler: async (req, reply) => sendJson(reply, publicCache.json('announced', JSON.stringify(req.query), AnnouncedPage, async () => {
      const { q, region, field, page, pageSize } = req.query;
      // entries carry the province code: '44', '440000' or any 44xxxx code select Guangdong
      const regionPrefix = region ? region.slice(0, 2) : undefined;
      const { rows, total } = await announcements.search({ q, regionPrefix, field }, page, pageSize);
      return {
        items: rows.map(({ entry, batch }) => ({
          enterpriseName: entry.enterpriseName,
          creditCode: entry.creditCode,
          regionCode: entry.provinceCode,
          regionName: findProvince(entry.provinceCode)?.name ?? entry.provinceCode,
          siteName: entry.siteName,
          fields: entry.fields,
          batch: { batchNo: batch.batchNo, docNumber: batch.docNumber, announcedOn: batch.announcedOn },
          history: entry.history ?? [],
        })),
        total,
        page,
        pageSize,
      };
    })),
  });

  app.get('/api/v1/public/announced-enterprises.xlsx', {
    config: { policy: { public: true } },
    schema: {
      tags: ['public'],
      summary: '下载公告名单（xlsx，按当前检索条件） Download the announced list as xlsx, with the same filters as the list',
      querystring: AnnouncedFilter,
    },
    handler: async (req, reply) => {
      const { q, region, field } = req.query;
      const filtered = !!(q || region || field);
      const buf = await publicCache.get('announced', `xlsx:${JSON.stringify({ q, region, field })}`, async () => {
        if (!filtered) {
          const [batches, entries] = await Promise.all([announcements.batches(), announcements.allEntries()]);
          return renderAnnouncementXlsx(batches.map((batch) => ({ batch, entries: entries.filter((e) => e.batchId === batch.id && e.status === 'active') })));
        }
        // the rows the list shows for these filters (issue 16 item 11), grouped by their batch
        const { rows } = await announcements.search({ q, regionPrefix: region?.slice(0, 2), field }, 1, EXPORT_MAX);
        const groups = new Map<string, { batch: (typeof rows)[number]['batch']; entries: (typeof rows)[number]['entry'][] }>();
        for (const r of rows) {
          const g = groups.get(r.batch.id) ?? { batch: r.batch, entries: [] };
          g.entries.push(r.entry);
          groups.set(r.batch.id, g);
        }
        return renderAnnouncementXlsx([...groups.values()]);
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="announced.xlsx"; filename*=UTF-8''${encodeURIComponent('机电产品再制造行业规范条件公告企业名单.xlsx')}`)
        .send(buf);
    },
  });

  app.get('/api/v1/public/announcements/:id/docx', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '下载公告（docx） Download one announcement as Word', params: z.object({ id: z.uuid() }) },
    handler: async (req, reply) => {
      const batch = await announcements.batch(req.params.id);
      if (!batch) throw errors.notFound('公告', 'Announcement');
      const buf = await publicCache.get('announcements', `docx:${batch.id}`, async () => renderAnnouncementDocx(batch, await announcements.entriesOf(batch.id)));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="announcement-${batch.batchNo}.docx"; filename*=UTF-8''${encodeURIComponent(`${batch.docNumber}.docx`)}`)
        .send(buf);
    },
  });

  app.get('/api/v1/public/announcements/:id/xlsx', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '下载公告名单（xlsx） Download one announcement as xlsx', params: z.object({ id: z.uuid() }) },
    handler: async (req, reply) => {
      const batch = await announcements.batch(req.params.id);
      if (!batch) throw errors.notFound('公告', 'Announcement');
      const buf = await publicCache.get('announcements', `xlsx:${batch.id}`, async () => renderAnnouncementXlsx([{ batch, entries: await announcements.entriesOf(batch.id) }]));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="announcement-${batch.batchNo}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${batch.docNumber}.xlsx`)}`)
        .send(buf);
    },
  });
}
