import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FORM_STEPS, StepInputs, type FormStep } from '../../../domain/trace/lifecycle.js';
import { BIZ_STEPS, DISPOSITIONS, GRADES, RECYCLING_CHANNELS, REMAN_NS, STEP_MAPPING } from '../../../domain/trace/vocabulary.js';
import { AUTHORITY_ROLES, ENTERPRISE_ROLES, MINISTRY_ROLES } from '../../platform/policy.js';
import { presentDetail, presentRecallItem, presentSummary } from './trace.presenter.js';
import {
  LedgerQuery, LedgerSchema, ProductDetailSchema, ProductSummarySchema, PublicProductSchema, RatesSchema, RecallQuery, RecallSchema, StepResultSchema, TraceQuery, TraceTreeSchema, VocabularySchema,
} from './trace.schema.js';
import type { StepResult, TraceService } from './trace.service.js';
import { ledgerWorkbook, recallWorkbook } from './trace.xlsx.js';
import type { TraceImport } from './trace.import.js';
import { GROUPED_STEPS, IMPORT_STEPS } from '../../../domain/trace/import-template.js';
import { errors } from '../../platform/errors.js';
import { ImportJobSchema, ProjectionStatusSchema, RecallTargetsQuery, RecallTargetsSchema } from './trace.schema.js';
import { EPCIS_READ_ROLES } from '../epcis/epcis.policy.js';
import { SCOPE_EPCIS_READ, SCOPE_EPCIS_WRITE, SCOPE_TRACE_READ } from '../../platform/scopes.js';

const READ_ROLES = [...ENTERPRISE_ROLES, ...AUTHORITY_ROLES, ...MINISTRY_ROLES] as const;
/** products and genealogy: also an MES or ERP with a `trace:read` token (its own enterprise's, like its users) */
const PRODUCT_READERS = { roles: [...READ_ROLES, 'enterprise_token'], scope: SCOPE_TRACE_READ } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CodeParam = z.object({ code: z.string().min(1).max(600) });

/** Public verification: default requests per client address per minute (config VERIFY_RATE_PER_MINUTE); heavy scanning must not slow the platform. */
export const PUBLIC_VERIFY_RATE_PER_MINUTE = 120;

export async function traceRoutes(root: FastifyInstance, deps: { trace: TraceService; imports: TraceImport; maxUploadBytes: number; verifyRatePerMinute?: number }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { trace, imports } = deps;

  async function summary(row: Parameters<typeof presentSummary>[0]) {
    return presentSummary(row, (await trace.enterpriseInfo(row.enterprise_id)).name);
  }
  async function presentStep(r: StepResult) {
    return { ...r, product: r.product ? await summary(r.product) : undefined };
  }

  // ---- lifecycle steps (enterprise users) ----
  /** The web sends one key per form submission; API clients may (docs/traceability.md "Concurrent and repeated steps"). */
  const StepHeaders = z.object({ 'idempotency-key': z.string().trim().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'printable ASCII').optional() });
  for (const step of FORM_STEPS) {
    app.post(`/api/v1/trace/steps/${step}`, {
      config: { policy: { roles: ENTERPRISE_ROLES } },
      schema: {
        tags: ['trace'],
        summary: `记录生产过程：${STEP_MAPPING[step].label.zh} Record a lifecycle step: ${STEP_MAPPING[step].label.en}`,
        description: 'Idempotency-Key（可选）：同一键的重复请求（并发或之后）答 409 DUPLICATE_REQUEST，不重复记录。A repeat of the same Idempotency-Key answers 409 DUPLICATE_REQUEST and records nothing.',
        headers: StepHeaders,
        body: StepInputs[step],
        response: { 201: StepResultSchema },
      },
      handler: async (req, reply) => reply.status(201).send(await presentStep(await trace.step(req.ctx, step as FormStep, req.body as never, { requestKey: req.headers['idempotency-key'] }))),
    });
  }

  // ---- products ----
  app.get('/api/v1/trace/products', {
    config: { policy: PRODUCT_READERS },
    schema: {
      tags: ['trace'],
      summary: '再制造产品列表 Remanufactured products',
      querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20), q: z.string().trim().max(100).optional(), status: z.enum(['issued', 'revoked', 'recalled']).optional() }),
      response: { 200: z.object({ items: z.array(ProductSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
    handler: async (req) => {
      const { page, pageSize, q, status } = req.query;
      const { rows, total } = await trace.listProducts(req.principal, { q, status }, page, pageSize);
      const names = await trace.enterpriseNames([...new Set(rows.map((r) => r.enterprise_id))]);
      return { items: rows.map((r) => presentSummary(r, names.get(r.enterprise_id) ?? '')), total, page, pageSize };
    },
  });

  app.get('/api/v1/trace/products/:code', {
    config: { policy: PRODUCT_READERS },
    schema: { tags: ['trace'], summary: '产品详情：生命周期、原始零件、过程 Product detail', params: CodeParam, response: { 200: ProductDetailSchema } },
    handler: async (req) => {
      const d = await trace.productDetail(req.principal, req.params.code);
      const info = await trace.enterpriseInfo(d.row.enterprise_id);
      return presentDetail(d, info.name, info.address);
    },
  });

  app.post('/api/v1/trace/products/:code/status', {
    config: { policy: { roles: ['enterprise_admin'] } },
    schema: {
      tags: ['trace'],
      summary: '召回或作废产品编码 Recall a product or revoke its code',
      params: CodeParam,
      body: z.object({ status: z.enum(['recalled', 'revoked']), reason: z.string().trim().min(2).max(500) }),
      response: { 200: ProductSummarySchema },
    },
    handler: async (req) => summary(await trace.setStatus(req.ctx, req.params.code, req.body.status, req.body.reason)),
  });

  // ---- recall, rates, ledger, vocabulary (static paths before /trace/:code) ----
  app.get('/api/v1/trace/recall/targets', {
    config: { policy: { roles: READ_ROLES } },
    schema: {
      tags: ['trace'],
      summary: '召回起点查找：批次号、序列号、零件名称或产品编码 Find what a recall starts from',
      description: 'By what people know (issue 16 item 10): a lot number such as PR2026A, a core or part serial, a part name, a product code. Pass the chosen key to /trace/recall as `lot` or `core` (field `by`).',
      querystring: RecallTargetsQuery,
      response: { 200: RecallTargetsSchema },
    },
    handler: async (req) => ({ items: await trace.recallTargets(req.principal, req.query.q) }),
  });

  app.get('/api/v1/trace/recall', {
    config: { policy: { roles: READ_ROLES } },
    schema: { tags: ['trace'], summary: '召回范围：某批次或旧件影响的再制造产品（可导出 .xlsx） Recall scope', querystring: RecallQuery, response: { 200: RecallSchema } },
    handler: async (req, reply) => {
      const { format, ...query } = req.query;
      const r = await trace.recall(req.principal, query);
      const items = r.items.map((i) => presentRecallItem(i.row, i.enterpriseName, i.matchedCodes));
      if (format === 'xlsx') {
        return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="recall.xlsx"; filename*=UTF-8''${encodeURIComponent('召回范围.xlsx')}`).send((await recallWorkbook(query, items)) as never);
      }
      return { query, items };
    },
  });

  app.get('/api/v1/trace/rates', {
    config: { policy: { roles: READ_ROLES } },
    schema: { tags: ['trace'], summary: '再制造率（按企业、年度，GB/T 28620） Remanufacturing rates per enterprise and year', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: RatesSchema } },
    handler: async (req) => trace.rates(req.principal, req.query.year),
  });

  app.get('/api/v1/trace/ledger', {
    config: { policy: { roles: READ_ROLES } },
    schema: { tags: ['trace'], summary: '生产管理台账（四(三)） Production ledger', querystring: LedgerQuery, response: { 200: LedgerSchema } },
    handler: async (req, reply) => {
      const { format, page, pageSize, ...input } = req.query;
      if (format === 'xlsx') {
        const l = await trace.ledger(req.principal, input);
        return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="ledger-${l.from}-${l.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(`生产管理台账-${l.from}-${l.to}.xlsx`)}`).send((await ledgerWorkbook(l)) as never);
      }
      const l = await trace.ledger(req.principal, input, { page, pageSize });
      const sec = <K extends 'coresReceived' | 'productsMade' | 'tests' | 'shipments'>(k: K) => ({ items: l[k], total: l.totals[k] });
      return { enterpriseId: l.enterpriseId, enterpriseName: l.enterpriseName, from: l.from, to: l.to, page, pageSize, coresReceived: sec('coresReceived'), productsMade: sec('productsMade'), tests: sec('tests'), shipments: sec('shipments') };
    },
  });

  app.get('/api/v1/trace/vocabulary', {
    config: { policy: { public: true } },
    schema: { tags: ['trace'], summary: '再制造扩展词汇与 CBV 映射 The reman vocabulary and its CBV mapping', response: { 200: VocabularySchema } },
    handler: async () => ({
      namespace: REMAN_NS,
      bizSteps: Object.values(BIZ_STEPS),
      dispositions: Object.values(DISPOSITIONS),
      grades: Object.values(GRADES),
      channels: Object.entries(RECYCLING_CHANNELS).map(([value, label]) => ({ value, label })),
      steps: Object.values(STEP_MAPPING),
    }),
  });

  // ---- bulk import ----
  const StepParam = z.object({ step: z.enum([...IMPORT_STEPS, ...GROUPED_STEPS]) });
  app.get('/api/v1/trace/import/templates/:step', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['trace'], summary: '批量导入模板（.xlsx/.csv） Import template', params: StepParam, querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
    handler: async (req, reply) => {
      const { step } = req.params;
      const { format } = req.query;
      const file = await imports.template(step, format);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header('content-disposition', `attachment; filename="trace-${step}.${format}"`)
        .send(file);
    },
  });

  app.post('/api/v1/trace/import/:step', {
    config: { policy: { roles: ENTERPRISE_ROLES } },
    schema: { tags: ['trace'], summary: '批量导入（multipart 字段 file；逐行校验，全部或全不） Bulk import', params: StepParam, response: { 200: z.object({ job: ImportJobSchema }) } },
    handler: async (req) => {
      if (!req.isMultipart()) throw errors.field('file', '请以 multipart/form-data 上传 .xlsx 或 .csv 文件', 'Upload the .xlsx or .csv as multipart/form-data');
      let data: Buffer | null = null;
      let name = '';
      for await (const part of req.parts({ limits: { fileSize: deps.maxUploadBytes, files: 1 } })) {
        if (part.type === 'file') {
          data = await part.toBuffer();
          name = part.filename;
          if (part.file.truncated) throw errors.field('file', '文件过大', 'The file is too large');
        }
      }
      if (!data) throw errors.field('file', '缺少文件', 'No file in the upload');
      return { job: await imports.upload(req.ctx, req.params.step, name, data) };
    },
  });

  app.get('/api/v1/trace/import/jobs/:id', {
    config: { policy: { roles: READ_ROLES } },
    schema: { tags: ['trace'], summary: '导入进度 Import job progress', params: z.object({ id: z.uuid() }), response: { 200: z.object({ job: ImportJobSchema }) } },
    handler: async (req) => ({ job: await imports.job(req.principal, req.params.id) }),
  });

  // ---- projection status: how far the trace tables follow each event stream (MES operators poll this) ----
  app.get('/api/v1/trace/projection', {
    config: { policy: { roles: EPCIS_READ_ROLES, scope: [SCOPE_EPCIS_WRITE, SCOPE_EPCIS_READ, SCOPE_TRACE_READ] } },
    schema: {
      tags: ['trace'],
      summary: '追溯投影进度 How far the trace projection follows each EPCIS event stream',
      description: 'Large /epcis captures are acknowledged once stored and projected into products and genealogy right after; lag = events stored but not yet projected.',
      response: { 200: z.object({ items: z.array(ProjectionStatusSchema) }) },
    },
    handler: async (req) => ({ items: await trace.projectionStatus(req.principal) }),
  });

  // ---- genealogy ----
  app.get('/api/v1/trace/:code', {
    config: { policy: PRODUCT_READERS },
    schema: { tags: ['trace'], summary: '追溯树（上游/下游，跨再制造生命周期） Genealogy tree', params: CodeParam, querystring: TraceQuery, response: { 200: TraceTreeSchema } },
    handler: async (req) => trace.trace(req.principal, req.params.code, req.query.direction, req.query.depth, req.query.at ? new Date(req.query.at) : undefined, { includeScrapped: req.query.includeScrapped }),
  });

  // ---- public verification ----
  // Rate-limited per client (a heavy scanner cannot slow the platform); the x-ratelimit-* headers come only with
  // a 429 (plus retry-after): a scan is a one-off request, and three headers less is measurable at this rate.
  app.get('/api/v1/public/products/:code', {
    config: { policy: { public: true }, rateLimit: { max: deps.verifyRatePerMinute ?? PUBLIC_VERIFY_RATE_PER_MINUTE, timeWindow: 60_000, addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false } } },
    schema: { tags: ['public'], summary: '再制造产品扫码验证 Verify a remanufactured product', params: CodeParam, response: { 200: PublicProductSchema } },
    // The answer is written straight from the row as the schema's JSON (trace.presenter publicJson; a unit test holds
    // it to PublicProductSchema.parse + JSON.stringify byte for byte), once per cached product, then sent as is.
    handler: async (req, reply) => reply.type('application/json; charset=utf-8').send((await trace.publicJson(req.params.code)) as never),
  });
}
