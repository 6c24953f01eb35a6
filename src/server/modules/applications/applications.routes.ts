import { readOneFile } from '../../platform/multipart.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../platform/errors.js';
import { ENTERPRISE_ROLES, MINISTRY_ROLES, AUTHORITY_ROLES } from '../../platform/policy.js';
import { EXTENSION, type AcceptedMime } from '../files/index.js';
import { presentAttachment, presentDetail, presentSummaries, type PresenterDeps } from './applications.presenter.js';
import {
  AppIdParam,
  ApplicationDetailSchema,
  ApplicationSummarySchema,
  AssignExpertsBody,
  AttachmentParams,
  AttachmentSchema,
  AttachmentSlotParam,
  CheckSchema,
  CreateApplicationBody,
  ExpertOpinionBody,
  ListApplicationsQuery,
  MissingSchema,
  OnsiteBody,
  ProvincialOpinionBody,
  ReasonBody,
  SaveFormBody,
  SubmitBody,
} from './applications.schema.js';
import { renderApplicationDocx, renderTable13Docx } from './application-docx.js';
import type { ReviewService } from './review.service.js';

const VIEWERS = [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES, 'expert'] as const;


export async function applicationRoutes(root: FastifyInstance, deps: PresenterDeps & { review: ReviewService; maxUploadBytes: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { applications, review } = deps;
  const detail = async (req: FastifyRequest, id: string) => presentDetail(deps, req.principal, await applications.detail(req.principal, id));

  app.get('/api/v1/applications', {
    config: { policy: { roles: VIEWERS } },
    schema: {
      tags: ['applications'],
      summary: '规范公告申请列表（按角色范围） Applications in the caller’s scope',
      querystring: ListApplicationsQuery,
      response: { 200: z.object({ items: z.array(ApplicationSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => {
      const { page, pageSize, state, ...filter } = req.query;
      const { items, total } = await applications.list(req.principal, { states: state, ...filter }, page, pageSize);
      const mine = await review.myOpinions(req.principal, items.map((a) => a.id));
      const summaries = await presentSummaries(deps, items);
      return { items: mine.size ? summaries.map((x) => ({ ...x, myOpinion: mine.get(x.id) ?? null })) : summaries, total, page, pageSize };
    },
  });

  app.post('/api/v1/applications', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['applications'], summary: '为一个厂区新建申请草稿 Start a draft for one site', body: CreateApplicationBody, response: { 201: ApplicationDetailSchema } },
    handler: async (req, reply) => {
      const a = await applications.create(req.ctx, req.body.siteId);
      return reply.status(201).send(await detail(req, a.id));
    },
  });

  app.get('/api/v1/applications/:id', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['applications'], summary: '申请详情 One application', params: AppIdParam, response: { 200: ApplicationDetailSchema } },
    handler: async (req) => detail(req, req.params.id),
  });

  app.put('/api/v1/applications/:id/form', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['applications'], summary: '保存草稿（可部分填写） Save the draft', params: AppIdParam, body: SaveFormBody, response: { 200: ApplicationDetailSchema } },
    handler: async (req) => {
      await applications.saveForm(req.ctx, req.params.id, req.body.form);
      return detail(req, req.params.id);
    },
  });

  app.get('/api/v1/applications/:id/check', {
    config: { policy: { roles: VIEWERS } },
    schema: {
      tags: ['applications'],
      summary: '条件自动核对与缺项 Conditions check and missing items',
      params: AppIdParam,
      response: { 200: z.object({ check: CheckSchema, missing: MissingSchema }) },
    },
    handler: async (req) => {
      const d = await applications.detail(req.principal, req.params.id);
      return { check: d.check, missing: d.missing };
    },
  });

  app.post('/api/v1/applications/:id/attachments', {
    config: { policy: { roles: [...ENTERPRISE_ROLES, ...MINISTRY_ROLES] } },
    schema: {
      tags: ['applications'],
      summary: '上传附件（multipart：slot, file, 可选 replacesId；PDF/JPEG/PNG/OFD） Upload an attachment',
      params: AppIdParam,
      consumes: ['multipart/form-data'],
      response: { 201: AttachmentSchema },
    },
    handler: async (req, reply) => {
      const { file, fields } = await readOneFile(req, deps.maxUploadBytes);
      const slot = AttachmentSlotParam.safeParse(fields.slot);
      if (!slot.success) throw errors.field('slot', '附件栏目无效', 'Unknown attachment slot');
      const replacesId = fields.replacesId ? z.uuid().safeParse(fields.replacesId) : null;
      if (replacesId && !replacesId.success) throw errors.field('replacesId', '必须是 UUID', 'Must be a UUID');
      const row = await applications.upload(req.ctx, req.params.id, { slot: slot.data, filename: file.filename, data: file.data, replacesId: replacesId?.data });
      return reply.status(201).send(presentAttachment(row));
    },
  });

  app.delete('/api/v1/applications/:id/attachments/:attachmentId', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['applications'], summary: '删除草稿中的附件 Remove an attachment from a draft', params: AttachmentParams, response: { 204: z.undefined() } },
    handler: async (req, reply) => {
      await applications.removeAttachment(req.ctx, req.params.id, req.params.attachmentId);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/applications/:id/attachments/:attachmentId/download', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['applications'], summary: '下载附件 Download an attachment', params: AttachmentParams },
    handler: async (req, reply) => {
      const { attachment, file } = await applications.download(req.principal, req.params.id, req.params.attachmentId);
      const ext = EXTENSION[file.mime as AcceptedMime] ?? 'bin';
      const name = attachment.filename.toLowerCase().endsWith(`.${ext}`) ? attachment.filename : `${attachment.filename}.${ext}`;
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `attachment; filename="${ext === 'bin' ? 'file' : `file.${ext}`}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(file.data);
    },
  });

  app.get('/api/v1/applications/:id/docx', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['applications'], summary: '下载申请书（.docx） Download the 申请书 as Word', params: AppIdParam },
    handler: async (req, reply) => {
      const d = await applications.detail(req.principal, req.params.id);
      const enterprise = (await deps.enterprises.getInternal(d.app.enterpriseId))!;
      const site = (await deps.enterprises.getSiteInternal(d.app.enterpriseId, d.app.siteId))!;
      const buf = await renderApplicationDocx({ app: d.app, form: d.form, derived: d.derived, enterprise, site });
      const name = `机电产品再制造行业规范公告申请书-${enterprise.name}-${site.name}.docx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="application.docx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buf);
    },
  });

  app.get('/api/v1/applications/:id/table13.docx', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['applications'], summary: '下载表1-3 省级审核意见表（.docx，打印盖章） Download Table 1-3, the provincial opinion, to print and stamp', params: AppIdParam },
    handler: async (req, reply) => {
      const d = await applications.detail(req.principal, req.params.id);
      const enterprise = (await deps.enterprises.getInternal(d.app.enterpriseId))!;
      const site = (await deps.enterprises.getSiteInternal(d.app.enterpriseId, d.app.siteId))!;
      const buf = await renderTable13Docx({ app: d.app, form: d.form, derived: d.derived, enterprise, site });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="table13.docx"; filename*=UTF-8''${encodeURIComponent(`表1-3 省级工业和信息化主管部门审核意见表-${enterprise.name}-${site.name}.docx`)}`)
        .send(buf);
    },
  });

  app.post('/api/v1/applications/submit', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: {
      tags: ['applications'],
      summary: '提交申请（同一企业多个厂区一并提交） Submit one or more applications together',
      description: '规范条件 七(一)3: drafts of other sites of the enterprise must be submitted together or listed in notApplyingNow (confirmed as not applied for now); otherwise 409 OTHER_SITES_IN_DRAFT with details.drafts.',
      body: SubmitBody,
      response: { 200: z.object({ items: z.array(ApplicationSummarySchema) }) },
    },
    handler: async (req) => ({ items: await presentSummaries(deps, await applications.submit(req.ctx, req.body.applicationIds, { notApplyingNow: req.body.notApplyingNow })) }),
  });

  const step = <B extends z.ZodTypeAny>(
    path: string,
    roles: readonly ('enterprise_admin' | 'authority_reviewer' | 'authority_admin' | 'ministry_officer' | 'ministry_admin' | 'expert')[],
    summary: string,
    body: B,
    run: (req: FastifyRequest<{ Params: { id: string } }>, body: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(`/api/v1/applications/:id/${path}`, {
      config: { policy: { roles } },
      schema: { tags: ['applications'], summary, params: AppIdParam, body, response: { 200: ApplicationDetailSchema } },
      handler: async (req) => {
        await run(req as never, req.body as z.infer<B>);
        return detail(req, req.params.id);
      },
    });

  step('withdraw', ['enterprise_admin'], '撤回申请（决定前） Withdraw before a decision', ReasonBody, (req, b) => applications.withdraw(req.ctx, req.params.id, b.reason));
  step('return', AUTHORITY_ROLES, '退回补正 Return for supplement', ReasonBody, (req, b) => review.returnForSupplement(req.ctx, req.params.id, b.reason));
  step('provincial-reject', AUTHORITY_ROLES, '省级审核不通过 Reject (provincial)', ReasonBody, (req, b) => review.provincialReject(req.ctx, req.params.id, b.reason));
  step('forward', AUTHORITY_ROLES, '出具审核意见（表1-3）并报送工信部 Forward with the opinion', ProvincialOpinionBody, (req, b) => review.forward(req.ctx, req.params.id, b));
  step('experts', MINISTRY_ROLES, '指派专家（至少3名） Assign experts', AssignExpertsBody, (req, b) => review.assignExperts(req.ctx, req.params.id, b.expertIds));
  step('opinion', ['expert'], '专家意见 Record an expert opinion', ExpertOpinionBody, (req, b) => review.recordOpinion(req.ctx, req.params.id, b));
  step('complete-expert-review', MINISTRY_ROLES, '完成专家复审 Complete expert review', z.object({}).optional(), (req) => review.completeExpertReview(req.ctx, req.params.id));
  step('onsite-check', MINISTRY_ROLES, '现场核查 Record the on-site check', OnsiteBody, (req, b) => review.recordOnsite(req.ctx, req.params.id, b));
  step('reject', MINISTRY_ROLES, '审核不通过 Reject', ReasonBody, (req, b) => review.reject(req.ctx, req.params.id, b.reason));
}
