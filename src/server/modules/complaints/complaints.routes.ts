import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMPLAINT_MAX_EVIDENCE, nextComplaintState, type ComplaintEvent } from '../../../domain/supervision/index.js';
import { errors } from '../../platform/errors.js';
import { AUTHORITY_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import type { Principal } from '../../platform/principal.js';
import { bi } from '../../platform/validation.js';
import { EXTENSION, type AcceptedMime } from '../files/files.content.js';
import { presentCases, type RevocationPresenterDeps } from '../revocations/revocations.presenter.js';
import { GroundSchema, RevocationCaseSchema } from '../revocations/revocations.schema.js';
import { isMinistry } from '../revocations/supervision.policy.js';
import { readBodyAndFiles } from '../revocations/upload.js';
import type { Clock } from '../../platform/clock.js';
import type { ComplaintRow } from './complaints.repo.js';
import { presentForHandler, presentPublic } from './complaints.presenter.js';
import type { ComplaintService } from './complaints.service.js';

const HANDLERS = [...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;
const IdParam = z.object({ id: z.uuid() });
const STATES = ['received', 'accepted', 'investigating', 'substantiated', 'unsubstantiated', 'dismissed'] as const;
const EVENTS = ['accept', 'dismiss', 'investigate', 'substantiate', 'unsubstantiate'] as const;

export const ComplaintBody = z.object({
  subject: z.string().trim().min(2, bi('Give a subject', '请填写投诉举报事项')).max(200),
  enterpriseName: z.string().trim().min(2, bi('Name the enterprise', '请填写被投诉企业名称')).max(200),
  facts: z.string().trim().min(10, bi('Describe the facts (at least 10 characters)', '请描述事实（至少 10 个字）')).max(20000),
  contact: z.string().trim().max(200).nullable().optional(),
});

const PublicSchema = z
  .object({
    trackingCode: z.string(),
    subject: z.string(),
    enterpriseName: z.string(),
    state: z.string(),
    stateZh: z.string(),
    stateEn: z.string(),
    anonymous: z.boolean(),
    filedAt: z.string(),
    concludedOn: z.string().nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'ComplaintPublic' });
const HandlerSchema = PublicSchema.extend({
  id: z.string(),
  enterpriseId: z.string().nullable(),
  authorityId: z.string().nullable(),
  facts: z.string(),
  contact: z.string().nullable(),
  evidenceCount: z.number(),
  filedByUser: z.boolean(),
  revocationCaseId: z.string().nullable(),
  actions: z.array(z.string()),
}).meta({ id: 'Complaint' });

export async function complaintRoutes(root: FastifyInstance, deps: RevocationPresenterDeps & { complaints: ComplaintService; clock: Clock; maxUploadBytes: number; anonUploadMaxBytes?: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { complaints } = deps;
  const actions = (p: Principal | null, c: ComplaintRow) => {
    const out: string[] = EVENTS.filter((e) => nextComplaintState(c.state, e as ComplaintEvent));
    if (isMinistry(p)) {
      out.push('assign');
      if (c.state === 'substantiated' && !c.revocationCaseId && c.enterpriseId) out.push('open_revocation');
    }
    return out;
  };

  // ---- public ----
  app.post('/api/v1/public/complaints', {
    config: { policy: { public: true }, rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: {
      tags: ['public'],
      summary: '投诉举报（七(二)2；可匿名；JSON 或 multipart 附至多 5 个证据文件） File a complaint',
      description: '{"subject","enterpriseName","facts","contact"?}; without contact the complaint is anonymous. Multipart: the same fields plus up to 5 files (PDF/JPEG/PNG/OFD, checked by content). Rate-limited per address.',
      // documents the JSON form; a multipart body is parsed and validated with the same schema in the handler
      body: ComplaintBody.nullish(),
      response: { 201: z.object({ trackingCode: z.string(), anonymous: z.boolean(), message: z.string(), messageEn: z.string() }) },
    },
    handler: async (req, reply) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes, COMPLAINT_MAX_EVIDENCE, req.principal ? undefined : deps.anonUploadMaxBytes);
      if (files.length > COMPLAINT_MAX_EVIDENCE) throw errors.field('evidence', `至多 ${COMPLAINT_MAX_EVIDENCE} 个证据文件`, `At most ${COMPLAINT_MAX_EVIDENCE} evidence files`);
      const c = await complaints.file(req.ctx, ComplaintBody.parse(body), files);
      const anonymous = c.contact == null;
      return reply.status(201).send({
        trackingCode: c.trackingCode,
        anonymous,
        message: anonymous ? '已收到您的匿名投诉举报。请保存查询码，凭码查询办理进度（匿名投诉无法回访）。' : '已收到您的投诉举报。请保存查询码，凭码查询办理进度；联系方式仅办理部门可见。',
        messageEn: anonymous
          ? 'Your anonymous complaint was received. Keep the tracking code to follow it (we cannot contact you).'
          : 'Your complaint was received. Keep the tracking code to follow it; only the handling authorities see your contact details.',
      });
    },
  });

  app.get('/api/v1/public/complaints/:trackingCode', {
    config: { policy: { public: true }, rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: { tags: ['public'], summary: '凭查询码查询投诉办理进度 Track a complaint', params: z.object({ trackingCode: z.string().max(40) }), response: { 200: PublicSchema } },
    handler: async (req) => presentPublic(await complaints.track(req.params.trackingCode)),
  });

  // ---- handlers: MIIT and the enterprise's authority ----
  app.get('/api/v1/complaints', {
    config: { policy: { roles: HANDLERS } },
    schema: {
      tags: ['supervision'],
      summary: '投诉举报（工信部全部；省级为辖区企业） Complaints to handle',
      querystring: z.object({ state: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(z.enum(STATES))).optional() }),
      response: { 200: z.object({ items: z.array(HandlerSchema) }) },
    },
    handler: async (req) => ({ items: (await complaints.list(req.principal, { states: req.query.state })).map((c) => presentForHandler(c, actions(req.principal, c))) }),
  });

  app.get('/api/v1/complaints/:id', {
    config: { policy: { roles: HANDLERS } },
    schema: { tags: ['supervision'], summary: '投诉举报详情 One complaint', params: IdParam, response: { 200: HandlerSchema } },
    handler: async (req) => {
      const c = await complaints.load(req.principal, req.params.id);
      return presentForHandler(c, actions(req.principal, c));
    },
  });

  app.post('/api/v1/complaints/:id/handle', {
    config: { policy: { roles: HANDLERS } },
    schema: {
      tags: ['supervision'],
      summary: '受理 / 不予受理 / 调查 / 办结（属实、不属实，须说明理由） Handle a complaint',
      params: IdParam,
      body: z.object({ action: z.enum(EVENTS), note: z.string().trim().max(10000).nullable().optional() }),
      response: { 200: HandlerSchema },
    },
    handler: async (req) => {
      const c = await complaints.handle(req.ctx, req.params.id, req.body);
      return presentForHandler(c, actions(req.principal, c));
    },
  });

  app.post('/api/v1/complaints/:id/assign', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '指定被投诉企业 Link the complaint to an enterprise', params: IdParam, body: z.object({ enterpriseId: z.uuid() }), response: { 200: HandlerSchema } },
    handler: async (req) => {
      const c = await complaints.assign(req.ctx, req.params.id, req.body.enterpriseId);
      return presentForHandler(c, actions(req.principal, c));
    },
  });

  app.post('/api/v1/complaints/:id/revocation', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: {
      tags: ['supervision'],
      summary: '依据属实的投诉立案撤销 Open a revocation case from a substantiated complaint',
      params: IdParam,
      body: z.object({ grounds: z.array(GroundSchema).min(1).max(5), facts: z.string().trim().min(5).max(10000) }),
      response: { 201: RevocationCaseSchema },
    },
    handler: async (req, reply) => {
      const rc = await complaints.openRevocation(req.ctx, req.params.id, req.body);
      return reply.status(201).send((await presentCases(deps, req.principal, [rc], deps.clock.today()))[0]!);
    },
  });

  app.get('/api/v1/complaints/:id/evidence/:n', {
    config: { policy: { roles: HANDLERS } },
    schema: { tags: ['supervision'], summary: '下载投诉证据 Download an evidence file', params: z.object({ id: z.uuid(), n: z.coerce.number().int().min(0).max(20) }) },
    handler: async (req, reply) => {
      const f = await complaints.evidence(req.principal, req.params.id, req.params.n);
      const ext = EXTENSION[f.mime as AcceptedMime] ?? 'bin';
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename="evidence-${req.params.n + 1}.${ext}"`).send(f.data);
    },
  });
}
