import type { FastifyInstance } from 'fastify';
import { readOneFile, sendAttachment } from '../../platform/multipart.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { catalogueBadgeText, type CatalogueEvent } from '../../../domain/catalogue/workflow.js';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES, TESTING_ORG_ROLES } from '../../platform/policy.js';
import { PageQuery } from '../../platform/paging.js';
import { queryKey, sendJson, type PublicCache } from '../../platform/public-cache.js';
import type { CatalogueService } from './catalogue.service.js';
import { presentApplication, presentBatch, presentProductReport, presentPublicModel } from './catalogue.presenter.js';
import {
  ApplicationPage,
  ApplicationSchema,
  BadgeAnswer,
  BadgeQuery,
  BatchInput,
  BatchList,
  BatchSchema,
  CatalogueInput,
  CataloguePatch,
  IdParam,
  ListQuery,
  NoticeBody,
  ProductCodeParam,
  ProductCodeQuery,
  EnterpriseReportPage,
  EnterpriseReportQuery,
  IssuedReportPage,
  ProductReportInput,
  ProductReportList,
  ProductReportSchema,
  PublicPage,
  PublicQuery,
  ReportParams,
  TextBody,
} from './catalogue.schema.js';

const PARTIES = { policy: { roles: [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES] } };
const PUBLIC = { policy: { public: true as const } };


/** The steps, each its own route: [path, event, who, body, summary]. */
const STEPS: Array<[string, Exclude<CatalogueEvent, 'list'>, readonly string[], 'text' | 'notice' | null, string]> = [
  ['submit', 'submit', ENTERPRISE_ROLES, null, '提交申请 Submit (七(一)2)'],
  ['withdraw', 'withdraw', ENTERPRISE_ROLES, null, '撤回申请 Withdraw'],
  ['return', 'return', AUTHORITY_ROLES, 'text', '退回补正 Return for supplement (七(一)4)'],
  ['provincial-reject', 'provincial_reject', AUTHORITY_ROLES, 'text', '省级审核不通过 Reject (provincial)'],
  ['forward', 'forward', AUTHORITY_ROLES, 'text', '出具审核意见并报送工信部 Forward to MIIT with the opinion'],
  ['reject', 'reject', MINISTRY_ROLES, 'text', '审核不通过 Reject (MIIT)'],
  ['start-notice', 'start_notice', MINISTRY_ROLES, 'notice', '列入公示 Put on public notice (working days)'],
  ['close-notice', 'close_notice', MINISTRY_ROLES, null, '公示期满无异议 Close the notice'],
  ['uphold-objection', 'uphold_objection', MINISTRY_ROLES, 'text', '异议成立 Uphold an objection'],
];

/** 再制造产品目录 (docs/public-portal.md "Catalogue"): the parties' routes under /api/v1/catalogue, the public's under /api/v1/public/catalogue. */
export async function catalogueRoutes(root: FastifyInstance, deps: { catalogue: CatalogueService; publicCache: PublicCache; maxUploadBytes: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { catalogue, publicCache } = deps;
  const tags = ['catalogue'];
  const present = async (p: Parameters<typeof presentApplication>[0], rows: Parameters<typeof presentApplication>[1][]) => {
    const names = await catalogue.enterpriseNames(rows.map((r) => r.enterpriseId));
    return rows.map((r) => presentApplication(p, r, names.get(r.enterpriseId) ?? ''));
  };
  const one = async (p: Parameters<typeof presentApplication>[0], r: Parameters<typeof presentApplication>[1]) => (await present(p, [r]))[0]!;

  app.get('/api/v1/catalogue/applications', {
    config: PARTIES,
    schema: { tags, summary: '目录申请（本企业 / 本省 / 全部已提交） Catalogue applications in the caller’s scope', querystring: ListQuery, response: { 200: ApplicationPage } },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      const { rows, total } = await catalogue.page(req.principal, f, { page, pageSize });
      return { items: await present(req.principal, rows), total, page, pageSize };
    },
  });
  app.post('/api/v1/catalogue/applications', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags, summary: '申请列入再制造产品目录（草稿） Apply to list a product model (draft)', body: CatalogueInput, response: { 201: ApplicationSchema } },
    handler: async (req, reply) => reply.status(201).send(await one(req.principal, await catalogue.create(req.ctx, req.body))),
  });
  app.get('/api/v1/catalogue/applications/:id', {
    config: PARTIES,
    schema: { tags, summary: '目录申请详情 One catalogue application', params: IdParam, response: { 200: ApplicationSchema } },
    handler: async (req) => one(req.principal, await catalogue.get(req.principal, req.params.id)),
  });
  app.patch('/api/v1/catalogue/applications/:id', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags, summary: '修改目录申请（草稿或退回补正时） Edit (draft or returned)', params: IdParam, body: CataloguePatch, response: { 200: ApplicationSchema } },
    handler: async (req) => one(req.principal, await catalogue.update(req.ctx, req.params.id, req.body)),
  });
  app.post('/api/v1/catalogue/applications/:id/reports/:n/file', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags, summary: '上传第 n 份检测报告的文件（按内容检查；草稿或退回补正时） Upload the file of test report n', params: ReportParams, consumes: ['multipart/form-data'], response: { 201: ApplicationSchema } },
    handler: async (req, reply) => reply.status(201).send(await one(req.principal, await catalogue.reports.attach(req.ctx, req.params.id, req.params.n, (await readOneFile(req, deps.maxUploadBytes)).file))),
  });
  app.get('/api/v1/catalogue/applications/:id/reports/:n/file', {
    config: PARTIES,
    schema: { tags, summary: '下载检测报告文件 Download a test report file', params: ReportParams },
    handler: async (req, reply) => sendAttachment(reply, await catalogue.reports.file(req.principal, req.params.id, req.params.n)),
  });
  for (const [path, event, roles, body, summary] of STEPS) {
    app.post(`/api/v1/catalogue/applications/:id/${path}`, {
      config: { policy: { roles: roles as never } },
      schema: { tags, summary, params: IdParam, ...(body === 'text' ? { body: TextBody } : body === 'notice' ? { body: NoticeBody } : {}), response: { 200: ApplicationSchema } },
      handler: async (req) => one(req.principal, await catalogue.step(req.ctx, req.params.id, event, (req.body ?? {}) as never)),
    });
  }
  app.post('/api/v1/catalogue/batches', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags, summary: '发布目录批次（公示无异议的型号） Publish the next numbered batch', body: BatchInput, response: { 201: BatchSchema } },
    handler: async (req, reply) => {
      const r = await catalogue.publishBatch(req.ctx, req.body);
      return reply.status(201).send(presentBatch({ batch: r.batch, n: r.models }));
    },
  });

  // ------------------------------------------------------------ test reports on traced products (issue 14 item 2)
  const products = catalogue.productReports;
  // the product's enterprise attaches a report; a testing organisation's user issues one in its own name (issue 14)
  const REPORT_WRITERS = [...ENTERPRISE_ROLES, ...TESTING_ORG_ROLES];
  app.post('/api/v1/catalogue/product-reports', {
    config: { policy: { roles: REPORT_WRITERS } },
    schema: { tags, summary: '为追溯产品（一台或该型号全部）附第三方检测报告：本企业上传，或检测机构以本机构名义出具 Attach (enterprise) or issue (testing organisation) a test report on a traced product or its model', body: ProductReportInput, response: { 201: ProductReportSchema } },
    handler: async (req, reply) => reply.status(201).send(presentProductReport(await products.create(req.ctx, req.body), true)),
  });
  app.post('/api/v1/catalogue/product-reports/:id/file', {
    config: { policy: { roles: REPORT_WRITERS } },
    schema: { tags, summary: '上传检测报告文件（按内容检查） Upload the report file (checked by content)', params: IdParam, consumes: ['multipart/form-data'], response: { 201: ProductReportSchema } },
    handler: async (req, reply) => reply.status(201).send(presentProductReport(await products.attachFile(req.ctx, req.params.id, (await readOneFile(req, deps.maxUploadBytes)).file), true)),
  });
  app.post('/api/v1/catalogue/product-reports/:id/withdraw', {
    config: { policy: { roles: REPORT_WRITERS } },
    schema: { tags, summary: '撤回产品检测报告（不再公开） Withdraw a product test report', params: IdParam, response: { 200: ProductReportSchema } },
    handler: async (req) => presentProductReport(await products.withdraw(req.ctx, req.params.id), true),
  });
  app.get('/api/v1/catalogue/product-reports', {
    config: { policy: { roles: [...ENTERPRISE_ROLES, ...MINISTRY_ROLES] } },
    schema: { tags, summary: '一个产品的全部检测报告（含未上传文件和已撤回的） Every test report of a product', querystring: ProductCodeQuery, response: { 200: ProductReportList } },
    handler: async (req) => ({ items: (await products.ofProduct(req.principal, req.query.productCode)).map((r) => presentProductReport(r, true)) }),
  });

  app.get('/api/v1/catalogue/product-reports/issued', {
    config: { policy: { roles: TESTING_ORG_ROLES } },
    schema: { tags, summary: '本检测机构出具的产品检测报告 The reports the caller\'s testing organisation issued', querystring: PageQuery, response: { 200: IssuedReportPage } },
    handler: async (req) => {
      const { rows, total } = await products.issued(req.principal, req.query);
      return { items: rows.map((r) => ({ ...presentProductReport(r, true), enterpriseName: r.enterpriseName, actions: products.actions(req.principal, r) })), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });
  app.get('/api/v1/catalogue/product-reports/mine', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags, summary: '本企业产品的检测报告（本企业上传的和检测机构出具的） The test reports on the enterprise\'s products (its uploads and those organisations issued)', querystring: EnterpriseReportQuery, response: { 200: EnterpriseReportPage } },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      const { rows, total } = await products.ofEnterprise(req.principal, f, { page, pageSize });
      return { items: rows.map((r) => ({ ...presentProductReport(r, true), actions: products.actions(req.principal, r) })), total, page, pageSize };
    },
  });

  // ------------------------------------------------------------ the public
  app.get('/api/v1/public/products/:code/test-reports', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '产品（本台及其型号）的第三方检测报告 Test reports of a product (the unit and its model)', params: ProductCodeParam, response: { 200: ProductReportList } },
    // cached under 'catalogue' (an upload or withdrawal drops it)
    handler: async (req, reply) =>
      sendJson(reply, publicCache.json('catalogue', `product-reports:${req.params.code}`, ProductReportList, async () => ({ items: (await products.publicOf(req.params.code)).map((r) => presentProductReport(r, true)) }))),
  });
  app.get('/api/v1/public/product-reports/:id/file', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '产品检测报告文件 File of a product test report', params: IdParam },
    handler: async (req, reply) => sendAttachment(reply, await products.publicFile(req.params.id)),
  });

  const publicList = (inNotice: boolean) => async (req: { query: { page: number; pageSize: number; q?: string; field?: string; batch?: number } }) => {
    const { page, pageSize, ...f } = req.query;
    const { rows, total } = await catalogue.publicPage({ ...f, inNotice }, { page, pageSize });
    const names = await catalogue.enterpriseNames(rows.map((r) => r.a.enterpriseId));
    return { items: rows.map((r) => presentPublicModel(r, names.get(r.a.enterpriseId) ?? '')), total, page, pageSize };
  };
  app.get('/api/v1/public/catalogue', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '再制造产品目录（已列入的型号） The catalogue of remanufactured products', querystring: PublicQuery, response: { 200: PublicPage } },
    handler: async (req, reply) => sendJson(reply, publicCache.json('catalogue', `list:${queryKey(req.query)}`, PublicPage, () => publicList(false)(req))),
  });
  app.get('/api/v1/public/catalogue/notices', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '目录公示（公示中的型号） Models in public notice', querystring: PublicQuery, response: { 200: PublicPage } },
    handler: async (req, reply) => sendJson(reply, publicCache.json('catalogue', `notices:${queryKey(req.query)}`, PublicPage, () => publicList(true)(req))),
  });
  app.get('/api/v1/public/catalogue/batches', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '目录批次 The published batches', response: { 200: BatchList } },
    handler: async (_req, reply) => sendJson(reply, publicCache.json('catalogue', 'batches', BatchList, async () => ({ items: (await catalogue.batches()).map(presentBatch) }))),
  });
  app.get('/api/v1/public/catalogue/:id/reports/:n/file', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '目录型号（公示中或已列入）的检测报告文件 Test report file of a model in notice or listed', params: ReportParams },
    handler: async (req, reply) => sendAttachment(reply, await catalogue.reports.publicFile(req.params.id, req.params.n)),
  });
  app.get('/api/v1/public/catalogue/badges', {
    config: PUBLIC,
    schema: { tags: ['public'], summary: '产品是否属于目录型号（标签、验证页、商品的徽标） Catalogue badges of product codes', querystring: BadgeQuery, response: { 200: BadgeAnswer } },
    // cached under 'catalogue' (a listing drops it); a code first asked before its product existed waits for the TTL
    handler: async (req, reply) =>
      sendJson(
        reply,
        publicCache.json('catalogue', `badges:${req.query.codes.join(',')}`, BadgeAnswer, async () => ({
          items: (await catalogue.badges(req.query.codes)).map((b) => ({ code: b.code, listedNo: b.listedNo, batchNo: b.batchNo, text: catalogueBadgeText(b.batchNo).zh, textEn: catalogueBadgeText(b.batchNo).en, url: `/public/catalogue?q=${encodeURIComponent(b.model)}` })),
        })),
      ),
  });
}
