import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AnnualReportForm } from '../../../domain/annual-report/index.js';
import { findProvince } from '../../../domain/regions.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import type { AuthorityService } from '../authorities/authorities.service.js';
import { renderAnnualReportDocx } from './annual-report-docx.js';
import { renderSummaryXlsx, renderTable23Template, XLSX_MIME, type SummaryRow } from './annual-report-xlsx.js';
import { reportScope } from './annual-reports.policy.js';
import { presentDetail, presentJob, presentOwed } from './annual-reports.presenter.js';
import {
  SitePartQuery,
  CreateBody,
  ForwardBody,
  ImportJobSchema,
  JobParams,
  ListQuery,
  MinistryReviewBody,
  OpinionBody,
  OwedSchema,
  ReasonBody,
  ReportDetailSchema,
  ReportFormSchema,
  ReportIdParam,
  YearQuery,
} from './annual-reports.schema.js';
import type { AnnualReportService } from './annual-reports.service.js';
import { PageQuery, pageArray, pageOf } from '../../platform/paging.js';

const VIEWERS = [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;
const OVERSIGHT = [...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;

const attachment = (name: string, ascii: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

async function readXlsxUpload(req: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!req.isMultipart()) throw errors.field('file', '请以 multipart/form-data 上传 .xlsx 文件', 'Upload the .xlsx as multipart/form-data');
  let data: Buffer | null = null;
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
    if (part.type === 'file') {
      data = await part.toBuffer();
      if (part.file.truncated) throw errors.field('file', '文件过大', 'The file is too large');
    }
  }
  if (!data) throw errors.field('file', '缺少文件', 'No file in the upload');
  return data;
}

/** 年度报告 (规范条件 七(二)1, 附件2). */
export async function annualReportRoutes(
  root: FastifyInstance,
  deps: { annualReports: AnnualReportService; authorities: AuthorityService; clock: Clock; maxUploadBytes: number },
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { annualReports: svc, clock } = deps;
  const detail = async (req: FastifyRequest, id: string) => presentDetail(req.principal, await svc.detail(req.principal, id), clock.today());

  app.get('/api/v1/annual-reports', {
    config: { policy: { roles: VIEWERS } },
    schema: {
      tags: ['annual-reports'],
      summary: '应报年度报告（按公告厂区，按角色范围） Reports owed per announced site, in the caller’s scope',
      querystring: ListQuery.extend(PageQuery.shape),
      response: { 200: pageOf(OwedSchema).extend({ year: z.number(), opensOn: z.string(), dueOn: z.string() }) },
    },
    handler: async (req) => {
      const { year = svc.currentYear(), page, pageSize } = req.query;
      const items = await svc.list(req.principal, year, { states: req.query.state ? [req.query.state] : undefined, overdueOnly: req.query.overdue === 'true' });
      return { year, opensOn: `${year + 1}-01-01`, dueOn: `${year + 1}-03-31`, ...pageArray(items.map(presentOwed), { page, pageSize }) };
    },
  });

  app.get('/api/v1/annual-reports/overdue', {
    config: { policy: { roles: OVERSIGHT } },
    schema: {
      tags: ['annual-reports'],
      summary: '逾期未报送的年度报告（七(二)4(2)） Overdue reports in the caller’s jurisdiction',
      querystring: YearQuery.extend(PageQuery.shape),
      response: { 200: pageOf(OwedSchema).extend({ year: z.number(), dueOn: z.string() }) },
    },
    handler: async (req) => {
      const { year = svc.currentYear(), page, pageSize } = req.query;
      return { year, dueOn: `${year + 1}-03-31`, ...pageArray((await svc.list(req.principal, year, { overdueOnly: true })).map(presentOwed), { page, pageSize }) };
    },
  });

  app.get('/api/v1/annual-reports/summary.xlsx', {
    config: { policy: { roles: OVERSIGHT } },
    schema: { tags: ['annual-reports'], summary: '下载本辖区年度报告汇总（.xlsx） Download the 汇总 of the jurisdiction', querystring: YearQuery },
    handler: async (req, reply) => {
      const year = req.query.year ?? svc.currentYear();
      const owed = await svc.list(req.principal, year);
      const scope = reportScope(req.principal);
      const authorityNames = new Map((await deps.authorities.list()).map((a) => [a.id, a.name]));
      const rows: SummaryRow[] = owed.map((o) => ({
        authorityName: authorityNames.get(o.authorityId) ?? o.authorityId,
        regionName: findProvince(o.provinceCode)?.name ?? o.provinceCode,
        enterpriseName: o.enterpriseName,
        siteName: o.siteName,
        year,
        state: o.state,
        submittedOn: o.report?.submittedOn ?? null,
        late: o.late,
        overdue: o.overdue,
        recovered: o.report?.recoveredTotal ?? null,
        remanufactured: o.report?.remanTotal ?? null,
        sold: o.report?.soldTotal ?? null,
        auditOpinion: o.report?.auditOpinion ?? null,
      }));
      const remanRows = owed
        .filter((o) => o.report && (o.report.state === 'accepted' || o.report.state === 'forwarded'))
        .flatMap((o) =>
          ((o.report!.form as AnnualReportForm).sites ?? []).flatMap((part) => (part.table23?.reman?.rows ?? []).map((r) => ({
            enterpriseName: o.enterpriseName,
            siteName: part.siteName ?? o.siteName,
            name: r.name ?? '',
            model: r.model ?? '',
            field: r.field ?? '',
            count: r.count ?? 0,
          }))),
        );
      const who = scope.kind === 'authority' ? (authorityNames.get(scope.authorityId) ?? scope.authorityId) : '全国';
      const buf = await renderSummaryXlsx({ title: `${who} ${year}年度《机电产品再制造行业规范条件执行情况和企业发展年度报告》汇总`, rows, remanRows });
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`${who}${year}年度报告汇总.xlsx`, `annual-reports-${year}.xlsx`)).send(buf);
    },
  });

  app.post('/api/v1/annual-reports', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['annual-reports'], summary: '开始填报一个公告厂区的年度报告 Start the report of one announced site', body: CreateBody, response: { 201: ReportDetailSchema } },
    handler: async (req, reply) => {
      const r = await svc.create(req.ctx, req.body);
      return reply.status(201).send(await detail(req, r.id));
    },
  });

  app.post('/api/v1/annual-reports/forward', {
    config: { policy: { roles: AUTHORITY_ROLES } },
    schema: {
      tags: ['annual-reports'],
      summary: '将审核通过的年度报告连同汇总报送工信部 Forward the accepted reports with the 汇总 to MIIT',
      body: ForwardBody,
      response: { 200: z.object({ id: z.string(), year: z.number(), reportCount: z.number(), forwardedAt: z.string() }) },
    },
    handler: async (req) => {
      const { forwarding } = await svc.forward(req.ctx, req.body.year, req.body.note ?? null);
      return { id: forwarding.id, year: forwarding.year, reportCount: forwarding.reportCount, forwardedAt: forwarding.forwardedAt.toISOString() };
    },
  });

  app.get('/api/v1/annual-reports/:id', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['annual-reports'], summary: '年度报告详情 One report', params: ReportIdParam, response: { 200: ReportDetailSchema } },
    handler: async (req) => detail(req, req.params.id),
  });

  app.put('/api/v1/annual-reports/:id/form', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: {
      tags: ['annual-reports'],
      summary: '保存草稿（可部分填写；已填的总件数须等于各行之和） Save the draft',
      params: ReportIdParam,
      body: z.object({
        form: ReportFormSchema,
        baseUpdatedAt: z.string().datetime().optional().describe('编辑所依据版本的 updatedAt：其后已被他人保存则 409 REPORT_CHANGED The updatedAt the edit started from: 409 REPORT_CHANGED when the report was written since'),
      }),
      response: { 200: ReportDetailSchema },
    },
    handler: async (req) => {
      await svc.saveForm(req.ctx, req.params.id, req.body.form as AnnualReportForm, req.body.baseUpdatedAt);
      return detail(req, req.params.id);
    },
  });

  const step = <B extends z.ZodTypeAny>(path: string, roles: readonly ('enterprise_admin' | 'authority_reviewer' | 'authority_admin')[], summary: string, body: B, run: (req: FastifyRequest<{ Params: { id: string } }>, b: z.infer<B>) => Promise<unknown>) =>
    app.post(`/api/v1/annual-reports/:id/${path}`, {
      config: { policy: { roles } },
      schema: { tags: ['annual-reports'], summary, params: ReportIdParam, body, response: { 200: ReportDetailSchema } },
      handler: async (req) => {
        await run(req as never, req.body as z.infer<B>);
        return detail(req, req.params.id);
      },
    });
  step('submit', ['enterprise_admin'], '提交年度报告（逾期提交标记为逾期） Submit (late ones are flagged)', z.object({}).optional(), (req) => svc.submit(req.ctx, req.params.id));
  step('return', AUTHORITY_ROLES, '退回修改 Return for correction', ReasonBody, (req, b) => svc.returnReport(req.ctx, req.params.id, b.reason));
  step('accept', AUTHORITY_ROLES, '审核通过并出具审核意见 Accept with the audit opinion', OpinionBody, (req, b) => svc.accept(req.ctx, req.params.id, b.opinion));

  app.post('/api/v1/annual-reports/:id/ministry-review', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['annual-reports'], summary: '工信部核查，必要时安排现场审查（附2 三） MIIT review, with an on-site inspection when needed', params: ReportIdParam, body: MinistryReviewBody, response: { 200: ReportDetailSchema } },
    handler: async (req) => {
      await svc.ministryReview(req.ctx, req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  app.get('/api/v1/annual-reports/:id/docx', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['annual-reports'], summary: '下载年度报告（.docx，供打印签章，附2） Download the report as a printable, signable .docx', params: ReportIdParam },
    handler: async (req, reply) => {
      const d = await svc.detail(req.principal, req.params.id);
      const buf = await renderAnnualReportDocx({ year: d.report.year, enterpriseName: d.enterpriseName, siteName: d.siteName, form: d.form });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachment(`机电产品再制造行业规范条件执行情况和企业发展年度报告-${d.report.year}-${d.enterpriseName}-${d.siteName}.docx`, 'annual-report.docx'))
        .send(buf);
    },
  });

  app.get('/api/v1/annual-reports/:id/table23.xlsx', {
    config: { policy: { roles: VIEWERS } },
    schema: { tags: ['annual-reports'], summary: '下载表2-3模板（某公告厂区，含已填数据） Download one site\'s 表2-3 as an .xlsx template', params: ReportIdParam, querystring: SitePartQuery },
    handler: async (req, reply) => {
      const d = await svc.detail(req.principal, req.params.id);
      const part = req.query.siteId ? d.form.sites?.find((x) => x.siteId === req.query.siteId) : d.form.sites?.[0];
      if (!part) throw errors.field('siteId', '该厂区不属于本年度报告的公告厂区', 'Not an announced site of this report');
      const siteName = part.siteName ?? '';
      const buf = await renderTable23Template({ enterpriseName: d.enterpriseName, siteName, year: d.report.year, table23: part.table23 });
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`表2-3-${d.enterpriseName}-${siteName}-${d.report.year}.xlsx`, `table2-3-${d.report.year}.xlsx`)).send(buf);
    },
  });

  app.post('/api/v1/annual-reports/:id/table23', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: {
      tags: ['annual-reports'],
      summary: '上传表2-3（.xlsx，multipart: file）：整表校验，有错则全部拒绝 Upload 表2-3; all or nothing',
      params: ReportIdParam,
      querystring: SitePartQuery,
      consumes: ['multipart/form-data'],
      response: { 200: ImportJobSchema, 202: ImportJobSchema },
    },
    handler: async (req, reply) => {
      const buf = await readXlsxUpload(req, deps.maxUploadBytes);
      const { job, errors: errs } = await svc.importTable23(req.ctx, req.params.id, buf, req.query.siteId);
      if (errs.length) {
        throw new DomainError(
          400,
          'XLSX_INVALID',
          `表2-3 有 ${errs.length} 处错误，未导入：${errs.slice(0, 5).map((e) => `${e.sheet}!${e.column}${e.row} ${e.reason}`).join('；')}${errs.length > 5 ? '等' : ''}`,
          `Table 2-3 has ${errs.length} error(s); nothing was imported`,
          errs.map((e) => ({ ...e, field: `${e.sheet}!${e.column}${e.row}`, message: e.reason, messageEn: e.reasonEn })),
        );
      }
      return reply.status(job.status === 'running' ? 202 : 200).send(presentJob(job));
    },
  });

  app.get('/api/v1/annual-reports/:id/imports/:jobId', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['annual-reports'], summary: '表2-3导入进度 Import progress', params: JobParams, response: { 200: ImportJobSchema } },
    handler: async (req) => presentJob(await svc.importJob(req.principal, req.params.id, req.params.jobId)),
  });
}
