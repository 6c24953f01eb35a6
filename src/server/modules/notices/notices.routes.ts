import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { checkInput } from '../../platform/input-guard.js';
import { uploadBudget } from '../../platform/multipart.js';
import { PageQuery, pageOf } from '../../platform/paging.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';
import { EXTENSION, type AcceptedMime } from '../files/index.js';
import { presentEntryPage, presentNotice, presentNoticeDetail, presentNoticePage, presentObjection, presentObjectionTrack, type NoticePresenterDeps } from './notices.presenter.js';
import {
  DEFAULT_NOTICE_WORKING_DAYS, EntrySchema, EvidenceParam, IdParam, MinistryNoticeListItem, NoticeBody, NoticeDetail, NoticeListItem, NoticePageQuery, NoticeSchema,
  ObjectionBody, ObjectionFiled, ObjectionSchema, ObjectionTrackSchema, OverrideBody, OverrideParam, ResolveObjectionBody, TrackingParam, WorkdayOverride,
} from './notices.schema.js';

export async function noticeRoutes(root: FastifyInstance, deps: NoticePresenterDeps & { publicCache: PublicCache; maxUploadBytes: number; anonUploadMaxBytes?: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { notices } = deps;

  // ---- MIIT ----
  app.get('/api/v1/notices', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '公示批次（分页；每批附首页名单） Public-notice batches, paged', querystring: NoticePageQuery, response: { 200: pageOf(MinistryNoticeListItem) } },
    handler: async (req) => {
      const [pending, { rows, total }] = await Promise.all([notices.pendingObjections(), presentNoticePage(deps, req.query, false)]);
      const counts = new Map(pending.map((r) => [r.batch_id, Number(r.n)]));
      return { items: rows.map((b) => ({ ...b, pendingObjections: counts.get(b.id) ?? 0 })), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  app.get('/api/v1/notices/:id/entries', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '公示名单（分页） The entries of one notice, paged', params: IdParam, querystring: PageQuery, response: { 200: pageOf(EntrySchema) } },
    handler: async (req) => presentEntryPage(deps, (await notices.load(req.params.id)).id, req.query, false),
  });

  app.post('/api/v1/notices', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: `组织公示（默认 ${DEFAULT_NOTICE_WORKING_DAYS} 个工作日） Compose a public-notice batch`, body: NoticeBody, response: { 201: NoticeSchema } },
    handler: async (req, reply) => reply.status(201).send(await presentNotice(deps, await notices.create(req.ctx, req.body))),
  });

  app.get('/api/v1/notices/:id', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '公示详情与异议 A notice with its objections', params: IdParam, response: { 200: NoticeDetail } },
    handler: async (req) => {
      const b = await notices.load(req.params.id);
      return presentNoticeDetail(deps, b, await notices.objections(b.id));
    },
  });

  app.post('/api/v1/notices/:id/close', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '公示期满办结 Close after the window', params: IdParam, body: z.object({}).optional(), response: { 200: NoticeSchema } },
    handler: async (req) => presentNotice(deps, await notices.close(req.ctx, req.params.id)),
  });

  app.post('/api/v1/objections/:id/resolve', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '处理异议（成立/不成立） Resolve an objection', params: IdParam, body: ResolveObjectionBody, response: { 200: ObjectionSchema } },
    handler: async (req) => presentObjection(await notices.resolveObjection(req.ctx, req.params.id, req.body.decision, req.body.resolution)),
  });

  app.get('/api/v1/objections/:id/evidence/:n', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '下载异议证据 Download an objection’s evidence file', params: EvidenceParam },
    handler: async (req, reply) => {
      const f = await notices.evidence(req.principal, req.params.id, req.params.n);
      const ext = EXTENSION[f.mime as AcceptedMime] ?? 'bin';
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename="evidence-${req.params.n + 1}.${ext}"`).send(f.data);
    },
  });

  app.get('/api/v1/calendar/overrides', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['notices'], summary: '工作日调整表（分页，最近日期在前） Working-day overrides, latest first', querystring: PageQuery, response: { 200: pageOf(WorkdayOverride) } },
    handler: async (req) => notices.overridePage(req.query),
  });
  app.put('/api/v1/calendar/overrides/:date', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['notices'], summary: '设置工作日/休息日 Set a working-day override', params: OverrideParam, body: OverrideBody, response: { 204: z.undefined() } },
    handler: async (req, reply) => {
      await notices.setWorkdayOverride(req.ctx, req.params.date, req.body.workday, req.body.note ?? null);
      return reply.status(204).send();
    },
  });

  // ---- public ----
  // answers cached per day (a window opens and closes at midnight); 公示 writes invalidate after commit
  app.get('/api/v1/public/notices', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '正在公示的名单（分页；每批附首页名单） Notices whose window is open, paged', querystring: NoticePageQuery, response: { 200: pageOf(NoticeListItem) } },
    handler: async (req, reply) =>
      sendJson(reply, deps.publicCache.json('notices', `${notices.today()}:list:${JSON.stringify(req.query)}`, pageOf(NoticeListItem), async () => {
        const { rows, total } = await presentNoticePage(deps, req.query, true);
        return { items: rows, total, page: req.query.page, pageSize: req.query.pageSize };
      })),
  });

  app.get('/api/v1/public/notices/:id/entries', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '正在公示的名单（分页） The listed entries of an open notice, paged', params: IdParam, querystring: PageQuery, response: { 200: pageOf(EntrySchema) } },
    handler: async (req, reply) => {
      const today = notices.today();
      return sendJson(reply, deps.publicCache.json('notices', `${today}:entries:${req.params.id}:${JSON.stringify(req.query)}`, pageOf(EntrySchema), async () =>
        presentEntryPage(deps, (await notices.loadOpen(req.params.id, today)).id, req.query, true)));
    },
  });

  app.post('/api/v1/public/notices/:id/objections', {
    config: { policy: { public: true }, rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: { tags: ['public'], summary: '提出异议（JSON，或 multipart 附证据文件） File an objection during the window', params: IdParam, response: { 201: ObjectionFiled } },
    handler: async (req, reply) => {
      const { body, evidence } = await readObjection(req, deps.maxUploadBytes, deps.anonUploadMaxBytes);
      const o = await notices.fileObjection(req.ctx, req.params.id, body, evidence);
      return reply.status(201).send({ id: o.id, filedAt: o.filedAt.toISOString(), trackingCode: o.trackingCode });
    },
  });

  app.get('/api/v1/public/objections/:trackingCode', {
    config: { policy: { public: true }, rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: { tags: ['public'], summary: '凭查询码查询异议处理结果 Track an objection by its code', params: TrackingParam, response: { 200: ObjectionTrackSchema } },
    handler: async (req) => presentObjectionTrack(deps, await notices.trackObjection(req.params.trackingCode)),
  });
}

/** An objection as JSON, or multipart with up to 5 evidence files (an anonymous filer within the upload budget). */
async function readObjection(req: FastifyRequest, maxUploadBytes: number, anonUploadMaxBytes: number | undefined) {
  let raw: Record<string, unknown> = {};
  const evidence: Buffer[] = [];
  if (req.isMultipart()) {
    const budget = uploadBudget(req.principal ? undefined : anonUploadMaxBytes);
    for await (const part of req.parts({ limits: { fileSize: maxUploadBytes, files: 5 } })) {
      if (part.type === 'file') {
        const buf = await part.toBuffer();
        if (part.file.truncated) throw errors.field('evidence', '证据文件过大', 'Evidence file too large');
        budget.add(buf.length);
        evidence.push(buf);
      } else raw[part.fieldname] = String(part.value);
    }
  } else raw = (req.body ?? {}) as Record<string, unknown>;
  checkInput(raw);
  return { body: ObjectionBody.parse(raw), evidence };
}
