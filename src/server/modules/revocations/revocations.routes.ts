import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../platform/paging.js';
import { readBodyAndFiles } from '../../platform/multipart.js';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { FileParam, IdParam, MULTIPART_NOTE, sendStoredFile, SUPERVISION_HANDLERS, SUPERVISION_VIEWERS } from '../supervision/index.js';
import { presentCasePage, presentCases, type RevocationPresenterDeps } from './revocations.presenter.js';
import type { RevocationCaseRow } from './revocations.repo.js';
import { CaseListQuery, DecideBody, NotifyBody, RelayBody, OpenCaseBody, RectificationBody, RectificationReviewBody, RevocationCaseSchema, StatementBody } from './revocations.schema.js';
import type { RevocationService } from './revocations.service.js';

export async function revocationRoutes(root: FastifyInstance, deps: RevocationPresenterDeps & { revocations: RevocationService; maxUploadBytes: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { revocations } = deps;
  const one = async (req: FastifyRequest, c: RevocationCaseRow) => (await presentCases(deps, req.principal, [c], revocations.today()))[0]!;
  const upload = (req: FastifyRequest) => readBodyAndFiles(req, deps.maxUploadBytes);

  app.get('/api/v1/revocations', {
    config: { policy: { roles: SUPERVISION_VIEWERS } },
    schema: { tags: ['supervision'], summary: '撤销公告案件（按角色范围，分页） Revocation cases in the caller’s scope, paged', querystring: CaseListQuery, response: { 200: pageOf(RevocationCaseSchema) } },
    handler: async (req) => presentCasePage(deps, req.principal, await revocations.page(req.principal, { states: req.query.state }, req.query), req.query, revocations.today()),
  });

  app.post('/api/v1/revocations', {
    config: { policy: { roles: SUPERVISION_HANDLERS } },
    schema: { tags: ['supervision'], summary: '报请撤销（省级）或立案（工信部），七(二)4 Request / open a revocation case', description: MULTIPART_NOTE, response: { 201: RevocationCaseSchema } },
    handler: async (req, reply) => {
      const { body, files } = await upload(req);
      return reply.status(201).send(await one(req, await revocations.open(req.ctx, OpenCaseBody.parse(body), files)));
    },
  });

  app.get('/api/v1/revocations/:id', {
    config: { policy: { roles: SUPERVISION_VIEWERS } },
    schema: { tags: ['supervision'], summary: '撤销案件详情 One revocation case', params: IdParam, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.load(req.principal, req.params.id)),
  });

  app.post('/api/v1/revocations/:id/evidence', {
    config: { policy: { roles: SUPERVISION_HANDLERS } },
    schema: { tags: ['supervision'], summary: '补充证据 Add evidence files (multipart)', params: IdParam, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.addEvidence(req.ctx, req.params.id, (await upload(req)).files)),
  });

  app.post('/api/v1/revocations/:id/notify', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '发出撤销告知（经省级主管部门转告企业），给出陈述申辩期 Send the notice via the provincial authority (statement period, default 10 working days from receipt)', params: IdParam, body: NotifyBody, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.notify(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/revocations/:id/relay', {
    config: { policy: { roles: AUTHORITY_ROLES } },
    schema: { tags: ['supervision'], summary: '省级主管部门转告企业（七(二)4），陈述申辩期自转告之日起算 Relay the notice to the enterprise', params: IdParam, body: RelayBody, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.relay(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/revocations/:id/statement', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['supervision'], summary: '企业提交陈述和申辩 Submit the statement and defence', description: MULTIPART_NOTE, params: IdParam, response: { 200: RevocationCaseSchema } },
    handler: async (req) => {
      const { body, files } = await upload(req);
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
    schema: { tags: ['supervision'], summary: '被撤销后提交整改材料 File the rectification', description: MULTIPART_NOTE, params: IdParam, response: { 200: RevocationCaseSchema } },
    handler: async (req) => {
      const { body, files } = await upload(req);
      return one(req, await revocations.fileRectification(req.ctx, req.params.id, RectificationBody.parse(body), files));
    },
  });

  app.post('/api/v1/revocations/:id/rectification/review', {
    config: { policy: { roles: AUTHORITY_ROLES } },
    schema: { tags: ['supervision'], summary: '省级主管部门验收整改（合格日起 2 年后方可重新申请） Review the rectification', params: IdParam, body: RectificationReviewBody, response: { 200: RevocationCaseSchema } },
    handler: async (req) => one(req, await revocations.reviewRectification(req.ctx, req.params.id, req.body)),
  });

  app.get('/api/v1/revocations/:id/files/:sha', {
    config: { policy: { roles: SUPERVISION_VIEWERS } },
    schema: { tags: ['supervision'], summary: '下载案件文件 Download a file of the case', params: FileParam },
    handler: async (req, reply) => sendStoredFile(reply, await revocations.file(req.principal, req.params.id, req.params.sha), 'case-file'),
  });
}
