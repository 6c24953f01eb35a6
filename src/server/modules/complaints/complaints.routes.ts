import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { COMPLAINT_MAX_EVIDENCE } from '../../../domain/supervision/index.js';
import { errors } from '../../platform/errors.js';
import { readBodyAndFiles } from '../../platform/multipart.js';
import { pageOf } from '../../platform/paging.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';
import { presentCases, RevocationCaseSchema, type RevocationPresenterDeps, type RevocationService } from '../revocations/index.js';
import { IdParam, sendStoredFile, SUPERVISION_HANDLERS } from '../supervision/index.js';
import { presentFiled, presentForHandler, presentPublic } from './complaints.presenter.js';
import { AssignBody, ComplaintBody, ComplaintListQuery, EvidenceParam, FiledSchema, HandleBody, HandlerSchema, OpenRevocationBody, PublicSchema, TrackingParam } from './complaints.schema.js';
import type { ComplaintService } from './complaints.service.js';

export async function complaintRoutes(
  root: FastifyInstance,
  deps: RevocationPresenterDeps & { complaints: ComplaintService; revocations: Pick<RevocationService, 'today'>; maxUploadBytes: number; anonUploadMaxBytes?: number },
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { complaints } = deps;

  // ---- public ----
  app.post('/api/v1/public/complaints', {
    config: { policy: { public: true }, rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: {
      tags: ['public'],
      summary: '投诉举报（七(二)2；可匿名；JSON 或 multipart 附至多 5 个证据文件） File a complaint',
      description: '{"subject","enterpriseName","facts","contact"?}; without contact the complaint is anonymous. Multipart: the same fields plus up to 5 files (PDF/JPEG/PNG/OFD, checked by content). Rate-limited per address.',
      // documents the JSON form; a multipart body is parsed and validated with the same schema in the handler
      body: ComplaintBody.nullish(),
      response: { 201: FiledSchema },
    },
    handler: async (req, reply) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes, COMPLAINT_MAX_EVIDENCE, req.principal ? undefined : deps.anonUploadMaxBytes);
      if (files.length > COMPLAINT_MAX_EVIDENCE) throw errors.field('evidence', `至多 ${COMPLAINT_MAX_EVIDENCE} 个证据文件`, `At most ${COMPLAINT_MAX_EVIDENCE} evidence files`);
      return reply.status(201).send(presentFiled(await complaints.file(req.ctx, ComplaintBody.parse(body), files)));
    },
  });

  app.get('/api/v1/public/complaints/:trackingCode', {
    config: { policy: { public: true }, rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: { tags: ['public'], summary: '凭查询码查询投诉办理进度 Track a complaint', params: TrackingParam, response: { 200: PublicSchema } },
    handler: async (req) => presentPublic(await complaints.track(req.params.trackingCode)),
  });

  // ---- handlers: MIIT and the enterprise's authority ----
  app.get('/api/v1/complaints', {
    config: { policy: { roles: SUPERVISION_HANDLERS } },
    schema: { tags: ['supervision'], summary: '投诉举报（工信部全部；省级为辖区企业；分页） Complaints to handle, paged', querystring: ComplaintListQuery, response: { 200: pageOf(HandlerSchema) } },
    handler: async (req) => {
      const { rows, total } = await complaints.page(req.principal, { states: req.query.state }, req.query);
      return { items: rows.map((c) => presentForHandler(req.principal, c)), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  app.get('/api/v1/complaints/:id', {
    config: { policy: { roles: SUPERVISION_HANDLERS } },
    schema: { tags: ['supervision'], summary: '投诉举报详情 One complaint', params: IdParam, response: { 200: HandlerSchema } },
    handler: async (req) => presentForHandler(req.principal, await complaints.load(req.principal, req.params.id)),
  });

  app.post('/api/v1/complaints/:id/handle', {
    config: { policy: { roles: SUPERVISION_HANDLERS } },
    schema: { tags: ['supervision'], summary: '受理 / 不予受理 / 调查 / 办结（属实、不属实，须说明理由） Handle a complaint', params: IdParam, body: HandleBody, response: { 200: HandlerSchema } },
    handler: async (req) => presentForHandler(req.principal, await complaints.handle(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/complaints/:id/assign', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '指定被投诉企业 Link the complaint to an enterprise', params: IdParam, body: AssignBody, response: { 200: HandlerSchema } },
    handler: async (req) => presentForHandler(req.principal, await complaints.assign(req.ctx, req.params.id, req.body.enterpriseId)),
  });

  app.post('/api/v1/complaints/:id/revocation', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '依据属实的投诉立案撤销 Open a revocation case from a substantiated complaint', params: IdParam, body: OpenRevocationBody, response: { 201: RevocationCaseSchema } },
    handler: async (req, reply) => {
      const rc = await complaints.openRevocation(req.ctx, req.params.id, req.body);
      return reply.status(201).send((await presentCases(deps, req.principal, [rc], deps.revocations.today()))[0]!);
    },
  });

  app.get('/api/v1/complaints/:id/evidence/:n', {
    config: { policy: { roles: SUPERVISION_HANDLERS } },
    schema: { tags: ['supervision'], summary: '下载投诉证据 Download an evidence file', params: EvidenceParam },
    handler: async (req, reply) => sendStoredFile(reply, await complaints.evidence(req.principal, req.params.id, req.params.n), `evidence-${req.params.n + 1}`),
  });
}
