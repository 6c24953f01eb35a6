import { uploadBudget } from '../../platform/multipart.js';
import { checkInput } from '../../platform/input-guard.js';
import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_NOTICE_WORKING_DAYS } from '../../../domain/announcement/workflow.js';
import { errors } from '../../platform/errors.js';
import { EXTENSION, type AcceptedMime } from '../files/index.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';
import { regionName } from '../../../domain/regions.js';
import type { ApplicationForm } from '../../../domain/announcement/form.js';
import type { ApplicationService } from '../applications/applications.service.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { NoticeEntryRow, NoticeRow, ObjectionRow } from './notices.repo.js';
import type { NoticeService } from './notices.service.js';
import { bi, isoDate } from '../../platform/validation.js';
import { offsetOf, PageQuery, pageOf } from '../../platform/paging.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';


const EntrySchema = z.object({
  id: z.string(),
  seq: z.number(),
  status: z.string(),
  applicationId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  siteName: z.string(),
  fields: z.array(z.string()),
});
const NoticeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    workingDays: z.number().nullable(),
    status: z.string(),
    entries: z.array(EntrySchema),
  })
  .meta({ id: 'Notice' });
const ObjectionSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  name: z.string(),
  contact: z.string(),
  reason: z.string(),
  evidenceCount: z.number(),
  filedAt: z.string(),
  status: z.string(),
  resolution: z.string().nullable(),
  trackingCode: z.string(),
});
/** What anyone holding the code sees (issue 16 item 13): no name, contact or reason of the objector. */
const ObjectionTrackSchema = z
  .object({
    trackingCode: z.string(),
    notice: z.object({ id: z.string(), title: z.string(), startDate: z.string(), endDate: z.string(), status: z.string() }),
    enterpriseName: z.string(),
    siteName: z.string(),
    filedAt: z.string(),
    status: z.enum(['pending', 'upheld', 'dismissed']),
    resolution: z.string().nullable(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: 'ObjectionTrack' });

export const ObjectionBody = z.object({
  name: z.string().trim().min(1).max(100),
  contact: z.string().trim().min(3).max(200),
  entryId: z.uuid(bi('Must be a UUID', '必须是 UUID')),
  reason: z.string().trim().min(5, bi('Describe the objection (at least 5 characters)', '请说明异议理由（至少 5 个字）')).max(5000),
});

export async function noticeRoutes(root: FastifyInstance, deps: { notices: NoticeService; applications: ApplicationService; enterprises: EnterpriseService; publicCache: PublicCache; maxUploadBytes: number; anonUploadMaxBytes?: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { notices } = deps;

  type EntryRef = Pick<NoticeEntryRow, 'id' | 'seq' | 'status' | 'applicationId' | 'enterpriseId'>;
  /** A page of entries with enterprise, site and form facts: three batched queries, none per entry. */
  async function presentEntries(rows: EntryRef[]) {
    const [ents, apps] = await Promise.all([deps.enterprises.cards(rows.map((e) => e.enterpriseId)), deps.applications.loadManyInternal(rows.map((e) => e.applicationId))]);
    const siteNames = await deps.enterprises.siteNames([...apps.values()].map((a) => ({ enterpriseId: a.enterpriseId, siteId: a.siteId })));
    return rows.map((e) => {
      const ent = ents.get(e.enterpriseId);
      const row = apps.get(e.applicationId);
      return {
        id: e.id,
        seq: e.seq,
        status: e.status,
        applicationId: e.applicationId,
        enterpriseName: ent?.name ?? '',
        creditCode: ent?.creditCode ?? '',
        regionCode: ent?.regionCode ?? '',
        regionName: ent ? regionName(ent.regionCode) : '',
        siteName: row ? (siteNames.get(`${row.enterpriseId}/${row.siteId}`) ?? '') : '',
        fields: ((row?.form as ApplicationForm | undefined)?.fields ?? []) as string[],
      };
    });
  }
  const presentBatch = (b: NoticeRow) => ({ id: b.id, title: b.title, startDate: b.startDate, endDate: b.endDate, workingDays: b.workingDays, status: b.status });
  /** One notice with all its entries (a notice holds at most 500: the create route's limit). */
  async function present(b: NoticeRow) {
    return { ...presentBatch(b), entries: await presentEntries(await notices.entries([b.id])) };
  }
  /** A page of notices, each with its entry count and the first `entriesPageSize` entries (one query for all of them). */
  async function presentPage(query: { page: number; pageSize: number; entriesPageSize: number }, openToday: boolean) {
    const { rows, total } = await notices.page(query, openToday);
    const windows = await notices.entryWindows(rows.map((r) => r.batch.id), 1, query.entriesPageSize, openToday);
    const entries = await presentEntries(windows.map((w) => ({ id: w.id, seq: w.seq, status: w.status, applicationId: w.application_id, enterpriseId: w.enterprise_id })));
    return { rows: rows.map(({ batch, entryCount }) => ({ ...presentBatch(batch), entryCount, entries: entries.filter((_, i) => windows[i]!.batch_id === batch.id) })), total };
  }
  /** Entries of one notice, paged. */
  async function presentEntryPage(batchId: string, query: { page: number; pageSize: number }, listedOnly: boolean) {
    const from = offsetOf(query) + 1;
    const windows = await notices.entryWindows([batchId], from, from + query.pageSize - 1, listedOnly);
    const total = windows[0]?.total ?? (from > 1 ? (await notices.entryWindows([batchId], 1, 1, listedOnly))[0]?.total ?? 0 : 0);
    const items = await presentEntries(windows.map((w) => ({ id: w.id, seq: w.seq, status: w.status, applicationId: w.application_id, enterpriseId: w.enterprise_id })));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
  const NoticePageQuery = PageQuery.extend({ entriesPageSize: PageQuery.shape.pageSize });
  const NoticeListItem = NoticeSchema.extend({ entryCount: z.number() });
  const presentObjection = (o: ObjectionRow) => ({
    id: o.id, entryId: o.entryId, name: o.name, contact: o.contact, reason: o.reason, evidenceCount: o.evidence.length,
    filedAt: o.filedAt.toISOString(), status: o.status, resolution: o.resolution, trackingCode: o.trackingCode,
  });

  // ---- MIIT ----
  app.get('/api/v1/notices', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: {
      tags: ['notices'],
      summary: '公示批次（分页；每批附首页名单） Public-notice batches, paged',
      querystring: NoticePageQuery,
      response: { 200: pageOf(NoticeListItem.extend({ pendingObjections: z.number() })) },
    },
    handler: async (req) => {
      const [pending, { rows, total }] = await Promise.all([notices.pendingObjections(), presentPage(req.query, false)]);
      const counts = new Map(pending.map((r) => [r.batch_id, Number(r.n)]));
      return { items: rows.map((b) => ({ ...b, pendingObjections: counts.get(b.id) ?? 0 })), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  app.get('/api/v1/notices/:id/entries', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '公示名单（分页） The entries of one notice, paged', params: z.object({ id: z.uuid() }), querystring: PageQuery, response: { 200: pageOf(EntrySchema) } },
    handler: async (req) => {
      if (!(await notices.get(req.params.id))) throw errors.notFound('公示', 'Notice');
      return presentEntryPage(req.params.id, req.query, false);
    },
  });

  app.post('/api/v1/notices', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: {
      tags: ['notices'],
      summary: `组织公示（默认 ${DEFAULT_NOTICE_WORKING_DAYS} 个工作日） Compose a public-notice batch`,
      body: z.object({
        title: z.string().trim().min(2).max(200),
        applicationIds: z.array(z.uuid()).min(1).max(500),
        startDate: isoDate.optional(),
        workingDays: z.number().int().min(1).max(60).optional(),
        endDate: isoDate.optional(),
      }),
      response: { 201: NoticeSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await present(await notices.create(req.ctx, req.body))),
  });

  app.get('/api/v1/notices/:id', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: {
      tags: ['notices'],
      summary: '公示详情与异议 A notice with its objections',
      params: z.object({ id: z.uuid() }),
      response: {
        200: NoticeSchema.extend({
          objections: z.array(ObjectionSchema),
          closeBlocked: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable().describe('why 期满办结 cannot be done yet (window open, objections pending); null: it can, or the notice is closed'),
        }),
      },
    },
    handler: async (req) => {
      const b = await notices.get(req.params.id);
      if (!b) throw errors.notFound('公示', 'Notice');
      const objections = await notices.objections(b.id);
      return { ...(await present(b)), objections: objections.map(presentObjection), closeBlocked: notices.closeBlocked(b, objections.filter((o) => o.status === 'pending').length) };
    },
  });

  app.post('/api/v1/notices/:id/close', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '公示期满办结 Close after the window', params: z.object({ id: z.uuid() }), body: z.object({}).optional(), response: { 200: NoticeSchema } },
    handler: async (req) => present(await notices.close(req.ctx, req.params.id)),
  });

  app.post('/api/v1/objections/:id/resolve', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: {
      tags: ['notices'],
      summary: '处理异议（成立/不成立） Resolve an objection',
      params: z.object({ id: z.uuid() }),
      body: z.object({ decision: z.enum(['upheld', 'dismissed']), resolution: z.string().trim().min(2).max(5000) }),
      response: { 200: ObjectionSchema },
    },
    handler: async (req) => presentObjection(await notices.resolveObjection(req.ctx, req.params.id, req.body.decision, req.body.resolution)),
  });

  app.get('/api/v1/objections/:id/evidence/:n', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '下载异议证据 Download an objection’s evidence file', params: z.object({ id: z.uuid(), n: z.coerce.number().int().min(0).max(20) }) },
    handler: async (req, reply) => {
      const f = await notices.evidence(req.principal, req.params.id, req.params.n);
      const ext = EXTENSION[f.mime as AcceptedMime] ?? 'bin';
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename="evidence-${req.params.n + 1}.${ext}"`).send(f.data);
    },
  });

  app.get('/api/v1/calendar/overrides', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '工作日调整表（分页，最近日期在前） Working-day overrides, latest first', querystring: PageQuery, response: { 200: pageOf(z.object({ date: z.string(), workday: z.boolean() })) } },
    handler: async (req) => notices.overridePage(req.query),
  });
  app.put('/api/v1/calendar/overrides/:date', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['notices'],
      summary: '设置工作日/休息日 Set a working-day override',
      params: z.object({ date: isoDate }),
      body: z.object({ workday: z.boolean(), note: z.string().max(200).nullable().optional() }),
      response: { 204: z.undefined() },
    },
    handler: async (req, reply) => {
      await notices.setWorkdayOverride(req.ctx, req.params.date, req.body.workday, req.body.note ?? null);
      return reply.status(204).send();
    },
  });

  // ---- public ----
  // answers cached per day (a window opens and closes at midnight); 公示 writes invalidate after commit
  app.get('/api/v1/public/notices', {
    config: { policy: { public: true } },
    schema: {
      tags: ['public'],
      summary: '正在公示的名单（分页；每批附首页名单） Notices whose window is open, paged',
      querystring: NoticePageQuery,
      response: { 200: pageOf(NoticeListItem) },
    },
    handler: async (req, reply) =>
      sendJson(reply, deps.publicCache.json('notices', `${notices.today()}:list:${JSON.stringify(req.query)}`, pageOf(NoticeListItem), async () => {
        const { rows, total } = await presentPage(req.query, true);
        return { items: rows, total, page: req.query.page, pageSize: req.query.pageSize };
      })),
  });

  app.get('/api/v1/public/notices/:id/entries', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '正在公示的名单（分页） The listed entries of an open notice, paged', params: z.object({ id: z.uuid() }), querystring: PageQuery, response: { 200: pageOf(EntrySchema) } },
    handler: async (req, reply) => {
      const today = notices.today();
      return sendJson(reply, deps.publicCache.json('notices', `${today}:entries:${req.params.id}:${JSON.stringify(req.query)}`, pageOf(EntrySchema), async () => {
        const b = await notices.get(req.params.id);
        if (!b || b.status !== 'open' || today < b.startDate || today > b.endDate) throw errors.notFound('公示', 'Notice');
        return presentEntryPage(b.id, req.query, true);
      }));
    },
  });

  app.post('/api/v1/public/notices/:id/objections', {
    config: { policy: { public: true }, rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: {
      tags: ['public'],
      summary: '提出异议（JSON，或 multipart 附证据文件） File an objection during the window',
      params: z.object({ id: z.uuid() }),
      response: { 201: z.object({ id: z.string(), filedAt: z.string(), trackingCode: z.string().describe('查询码：凭此查询异议处理结果 the code to follow the objection by') }) },
    },
    handler: async (req, reply) => {
      let raw: Record<string, unknown> = {};
      const evidence: Buffer[] = [];
      if (req.isMultipart()) {
        const budget = uploadBudget(req.principal ? undefined : deps.anonUploadMaxBytes);
        for await (const part of req.parts({ limits: { fileSize: deps.maxUploadBytes, files: 5 } })) {
          if (part.type === 'file') {
            const buf = await part.toBuffer();
            if (part.file.truncated) throw errors.field('evidence', '证据文件过大', 'Evidence file too large');
            budget.add(buf.length);
            evidence.push(buf);
          } else raw[part.fieldname] = String(part.value);
        }
      } else raw = (req.body ?? {}) as Record<string, unknown>;
      checkInput(raw);
      const body = ObjectionBody.parse(raw);
      const o = await notices.fileObjection(req.ctx, req.params.id, body, evidence);
      return reply.status(201).send({ id: o.id, filedAt: o.filedAt.toISOString(), trackingCode: o.trackingCode });
    },
  });

  app.get('/api/v1/public/objections/:trackingCode', {
    config: { policy: { public: true }, rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: { tags: ['public'], summary: '凭查询码查询异议处理结果 Track an objection by its code', params: z.object({ trackingCode: z.string().max(40) }), response: { 200: ObjectionTrackSchema } },
    handler: async (req) => {
      const { objection: o, batch, entry } = await notices.trackObjection(req.params.trackingCode);
      const [shown] = entry ? await presentEntries([{ id: entry.id, seq: entry.seq, status: entry.status, applicationId: entry.applicationId, enterpriseId: entry.enterpriseId }]) : [];
      return {
        trackingCode: o.trackingCode,
        notice: { id: batch.id, title: batch.title, startDate: batch.startDate, endDate: batch.endDate, status: batch.status },
        enterpriseName: shown?.enterpriseName ?? '',
        siteName: shown?.siteName ?? '',
        filedAt: o.filedAt.toISOString(),
        status: o.status as 'pending' | 'upheld' | 'dismissed',
        resolution: o.resolution,
        resolvedAt: o.resolvedAt?.toISOString() ?? null,
      };
    },
  });
}
