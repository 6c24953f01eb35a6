import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readBodyAndFiles } from '../../platform/multipart.js';
import { pageOf } from '../../platform/paging.js';
import { AUTHORITY_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { FileParam, IdParam, sendStoredFile, SUPERVISION_VIEWERS } from '../supervision/index.js';
import { sendJson, type PublicCache } from '../../platform/public-cache.js';
import { PageQuery } from '../../platform/paging.js';
import { presentChanges, presentPublicChanges, type ChangePresenterDeps } from './changes.presenter.js';
import type { ChangeRow } from './changes.repo.js';
import { ChangeBody, ChangeExpertOpinionBody, ChangeExpertsBody, ChangeListQuery, ChangeSchema, CheckBody, ConfirmBody, PublicChangeSchema, ResubmitBody } from './changes.schema.js';
import type { ChangeService } from './changes.service.js';

export async function changeRoutes(root: FastifyInstance, deps: ChangePresenterDeps & { changes: ChangeService; maxUploadBytes: number; publicCache: PublicCache }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { changes } = deps;
  // one change, with the experts of its acceptance check (七(二)3)
  const one = async (req: FastifyRequest, c: ChangeRow) => (await presentChanges(deps, req.principal, [c], changes.today(), await changes.expertViews([c])))[0]!;

  app.get('/api/v1/changes', {
    config: { policy: { roles: SUPERVISION_VIEWERS } },
    schema: { tags: ['supervision'], summary: '变更申请（按角色范围，分页；overdue=true 仅逾期） Change requests in scope, paged', querystring: ChangeListQuery, response: { 200: pageOf(ChangeSchema) } },
    handler: async (req) => {
      const { rows, total } = await changes.page(req.principal, { states: req.query.state, overdue: req.query.overdue === 'true' }, req.query);
      return { items: await presentChanges(deps, req.principal, rows, changes.today()), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  app.post('/api/v1/changes', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: {
      tags: ['supervision'],
      summary: '提出变更申请（七(二)3） File a change request',
      description: 'JSON, or multipart/form-data with the same fields (items as a JSON string) plus up to 5 files.',
      response: { 201: ChangeSchema },
    },
    handler: async (req, reply) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes);
      return reply.status(201).send(await one(req, await changes.create(req.ctx, ChangeBody.parse(body), files)));
    },
  });

  app.get('/api/v1/changes/:id', {
    config: { policy: { roles: [...SUPERVISION_VIEWERS, 'expert'] } },
    schema: { tags: ['supervision'], summary: '变更申请详情 One change request', params: IdParam, response: { 200: ChangeSchema } },
    handler: async (req) => one(req, await changes.load(req.principal, req.params.id)),
  });

  app.post('/api/v1/changes/:id/check', {
    config: { policy: { roles: AUTHORITY_ROLES } },
    schema: { tags: ['supervision'], summary: '省级验收核实 Acceptance check (pass / fail)', params: IdParam, body: CheckBody, response: { 200: ChangeSchema } },
    handler: async (req) => one(req, await changes.check(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/changes/:id/resubmit', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: { tags: ['supervision'], summary: '整改后重新提交 Resubmit after a failed check', params: IdParam, response: { 200: ChangeSchema } },
    handler: async (req) => {
      const { body, files } = await readBodyAndFiles(req, deps.maxUploadBytes);
      return one(req, await changes.resubmit(req.ctx, req.params.id, ResubmitBody.parse(body), files));
    },
  });

  app.post('/api/v1/changes/:id/confirm', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '工信部核实（通过后公告名单显示新信息） MIIT confirmation', params: IdParam, body: ConfirmBody, response: { 200: ChangeSchema } },
    handler: async (req) => one(req, await changes.confirm(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/v1/changes/:id/experts', {
    config: { policy: { roles: AUTHORITY_ROLES } },
    schema: { tags: ['supervision'], summary: '组织专家验收核实（七(二)3） Involve experts in the acceptance check', params: IdParam, body: ChangeExpertsBody, response: { 200: ChangeSchema } },
    handler: async (req) => one(req, await changes.assignExperts(req.ctx, req.params.id, req.body.expertIds)),
  });

  app.post('/api/v1/changes/:id/opinion', {
    config: { policy: { roles: ['expert'] } },
    schema: { tags: ['supervision'], summary: '专家验收意见（按规范条件章节） Record an expert opinion on a change', params: IdParam, body: ChangeExpertOpinionBody, response: { 200: ChangeSchema } },
    handler: async (req) => one(req, await changes.recordOpinion(req.ctx, req.params.id, req.body)),
  });

  app.get('/api/v1/public/changes', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '公告企业变更公告（工信部核实后公告，七(二)3） Published change notices', querystring: PageQuery, response: { 200: pageOf(PublicChangeSchema) } },
    handler: async (req, reply) =>
      sendJson(reply, deps.publicCache.json('announcements', `changes:${JSON.stringify(req.query)}`, pageOf(PublicChangeSchema), async () => {
        const { rows, total } = await changes.publishedPage(req.query);
        return { items: await presentPublicChanges(deps.enterprises, rows), total, page: req.query.page, pageSize: req.query.pageSize };
      })),
  });

  app.post('/api/v1/changes/flag-overdue', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['supervision'], summary: '标记逾期变更并通知（幂等；每日任务亦调用） Flag overdue change requests', body: z.object({}).optional(), response: { 200: z.object({ flagged: z.number() }) } },
    handler: async (req) => ({ flagged: await changes.flagOverdue(req.ctx) }),
  });

  app.get('/api/v1/changes/:id/files/:sha', {
    config: { policy: { roles: SUPERVISION_VIEWERS } },
    schema: { tags: ['supervision'], summary: '下载变更证明材料 Download an attachment', params: FileParam },
    handler: async (req, reply) => sendStoredFile(reply, await changes.file(req.principal, req.params.id, req.params.sha), 'change-file'),
  });
}
