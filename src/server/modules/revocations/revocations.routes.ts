import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { EXTENSION, type AcceptedMime } from '../files/files.content.js';
import { presentCases, type RevocationPresenterDeps } from './revocations.presenter.js';
import { CaseListQuery, DecideBody, NotifyBody, OpenCaseBody, RectificationBody, RectificationReviewBody, RevocationCaseSchema, StatementBody } from './revocations.schema.js';
import type { RevocationService } from './revocations.service.js';
import type { RevocationCaseRow } from './revocations.repo.js';
import { readBodyAndFiles } from './upload.js';

const VIEWERS = [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;
const IdParam = z.object({ id: z.uuid() });
const multipartNote = 'JSON, or multipart/form-data with the same fields plus up to 5 files (PDF/JPEG/PNG/OFD).';

export async function revocationRoutes(root: FastifyInstance, deps: RevocationPresenterDeps & { revocations: RevocationService; clock: Clock; maxUploadBytes: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { revocations, clock } = deps;
  const one = async (req: FastifyRequest, c: RevocationCaseRow) => (await presentCases(deps, req.principal, [c], clock.today()))[0]!;

  app.get('/api/v1/revocations', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['supervision'], summary: '撤销公告案件（按角色范围） Revocation cases in the caller’s scope', querystring: CaseListQuery, response: { 200: z.object({ items: z.array(RevocationCaseSchema) }) } },
    handler: async (req) => ({ items: await presentCases(deps, req.principal, await revocations.list(req.principal, { states: req.query.state }), clock.today()) }),
  });

  app.post('/api/v1/revocations', {
    config: { policy: { roles: [...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['supervision'], summary: '报请撤销（省级）或立案（工信部），七(二)4 Request / open a revocation case', description: multipartNote, response: { 201: RevocationCaseSchema } },
    handler: async (req, reply) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes);
      const c = await revocations.open(req.ctx, OpenCaseBody.parse(body), files);
      return reply.status(201).send(await one(req, c));
    },
  });

  app.get('/api/v1/revocations/:id', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['supervision'], summary: '撤销案件详情 One revocation case', params: IdParam, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.load(req.principal, req.params.id)),
  });

  app.post('/api/v1/revocations/:id/evidence', {
    config: { policy: { roles: [...AUTHORITY_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags: ['supervision'], summary: '补充证据 Add evidence files (multipart)', params: IdParam, response: { 200: RevocationCaseSchema } },
    handler: async (req) => {
      const { files } = await readBodyAndFiles(req, deps.maxUploadBytes);
      return one(req, await revocations.addEvidence(req.ctx, req.params.id, files));
    },
  });

  app.post('/api/v1/revocations/:id/notify', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '通过省级主管部门告知企业并给出陈述申辩期 Notify the enterprise (statement period, default 10 working days)', params: IdParam, body: NotifyBody, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.notify(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/revocations/:id/statement', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['supervision'], summary: '企业提交陈述和申辩 Submit the statement and defence', description: multipartNote, params: IdParam, response: { 200: RevocationCaseSchema } },
    handler: async (req) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes);
      return one(req, await revocations.submitStatement(req.ctx, req.params.id, StatementBody.parse(body), files));
    },
  });

  app.post('/api/v1/revocations/:id/decide', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '作出决定（撤销/不予撤销）；须先告知并听取陈述申辩，否则 409 Decide', params: IdParam, body: DecideBody, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.decide(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/revocations/:id/rectification', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['supervision'], summary: '被撤销后提交整改材料 File the rectification', description: multipartNote, params: IdParam, response: { 200: RevocationCaseSchema } },
    handler: async (req) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes);
      return one(req, await revocations.fileRectification(req.ctx, req.params.id, RectificationBody.parse(body), files));
    },
  });

  app.post('/api/v1/revocations/:id/rectification/review', {
    config: { policy: { roles: AUTHORITY_ROLES } },
    schema: { tags: ['supervision'], summary: '省级主管部门验收整改（合格日起 2 年后方可重新申请） Review the rectification', params: IdParam, body: RectificationReviewBody, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.reviewRectification(req.ctx, req.params.id, req.body)),
  });

  app.get('/api/v1/revocations/:id/files/:sha', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['supervision'], summary: '下载案件文件 Download a file of the case', params: z.object({ id: z.uuid(), sha: z.string().regex(/^[0-9a-f]{64}$/) }) },
    handler: async (req, reply) => {
      const f = await revocations.file(req.principal, req.params.id, req.params.sha);
      const ext = EXTENSION[f.mime as AcceptedMime] ?? 'bin';
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename="case-file.${ext}"`).send(f.data);
    },
  });
}
