import { randomUUID } from 'node:crypto';
import { catalogueNoticeWindow, catalogueNumber, nextCatalogueState, noticeOver, type CatalogueEvent } from '../../../domain/catalogue/workflow.js';
import type { WorkdayOverride } from '../../../domain/working-days.js';
import type { Db } from '../../db/client.js';
import type { CatalogueTestReport } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Page } from '../../platform/paging.js';
import { isAuthority, isEnterpriseUser, type Principal, type RequestContext } from '../../platform/principal.js';
import type { PublicCache } from '../../platform/public-cache.js';
import { stateChanged, uniqueOr } from '../../platform/tx.js';
import type { EnterpriseService } from '../enterprises/enterprises.service.js';
import type { FileService } from '../files/files.service.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import type { PortalContentService } from '../portal/content.service.js';
import type { TraceService } from '../trace/index.js';
import { catalogueStepNotices } from './catalogue.notify.js';
import { catalogueApplicationPolicy, catalogueFilingPolicy, catalogueScope } from './catalogue.policy.js';
import { catalogueReports, keepFiles } from './catalogue.reports.js';
import { productReports } from './product-reports.js';
import { catalogueRepo, type CatalogueRow } from './catalogue.repo.js';
import type { CatalogueInput, CataloguePatch } from './catalogue.schema.js';

const notFound = () => errors.notFound('目录申请', 'Catalogue application');
const modelTaken = () =>
  errors.conflict('MODEL_ALREADY_APPLIED', '该型号已有进行中或已列入目录的申请', 'This model has an open or listed application already', [{ field: 'model', message: '已申请', messageEn: 'Already applied' }]);
const EVENT_AUDIT: Record<CatalogueEvent, string> = {
  submit: 'submitted', return: 'returned', provincial_reject: 'provincial_rejected', forward: 'forwarded', reject: 'rejected',
  start_notice: 'notice_started', close_notice: 'notice_closed', uphold_objection: 'objection_upheld', list: 'listed', withdraw: 'withdrawn',
};

/** Called after a commit that changed the public catalogue (the search index listens). */
export type CatalogueListener = (ids: string[]) => void | Promise<void>;

/**
 * 再制造产品目录 (issue 14, docs/public-portal.md "Catalogue"): applications of enterprises to list a product model,
 * the review by the provincial authority and MIIT with its 公示, and MIIT's numbered batches. Every write: one
 * transaction → lock → authorize (catalogue.policy.ts) → the state machine (domain/catalogue/workflow.ts) → write +
 * audit → commit → invalidate the public answers and tell the listeners. Other modules are read through their
 * services: the enterprise (its authority), the portal (standards and testing organisations of the directory),
 * the trace (再制造率 of a unit of the model).
 */
export function createCatalogueService(deps: {
  db: Db;
  clock: Clock;
  publicCache: PublicCache;
  enterprises: EnterpriseService;
  portal: PortalContentService;
  trace: TraceService;
  files: FileService;
  /** each step notifies the enterprise and the next reviewer (catalogue.notify.ts) */
  notifications: Pick<NotificationService, 'notify'>;
  workdayOverrides: () => Promise<readonly WorkdayOverride[]>;
}) {
  const { db, clock, publicCache, enterprises, portal, trace, notifications } = deps;
  /** test reports on traced products (a catalogue application may cite one) */
  const onProducts = productReports(deps);
  /** The enterprise names of applications, read before a step's transaction (reference data; one connection on PGlite). */
  const namesOf = async (ids: string[]) => {
    const rows = (await Promise.all(ids.map((id) => catalogueRepo.get(db, id)))).filter((r): r is CatalogueRow => !!r);
    return enterprises.names([...new Set(rows.map((r) => r.enterpriseId))]);
  };
  const listeners: CatalogueListener[] = [];
  const committed = async (ids: string[]) => {
    publicCache.invalidate('catalogue');
    for (const l of listeners) await Promise.resolve(l(ids)).catch(() => undefined);
  };

  /** The facts other modules vouch for: the standard and the testing organisations of the directory, the rate. */
  async function checked(enterpriseId: string, input: Partial<CatalogueInput>) {
    const out: Partial<Pick<CatalogueRow, 'standardCode' | 'testReports' | 'sampleProductCode' | 'massRate' | 'valueRate' | 'rateFormula'>> = {};
    if (input.standardCode !== undefined) {
      const found = await portal.standards.idsByCode([input.standardCode]);
      if (!found.size) throw errors.field('standardCode', '标准库中没有该已发布的标准', 'No published standard of the library has this code');
      out.standardCode = (await portal.standards.get(null, [...found.values()][0]!)).code;
    }
    if (input.testReports !== undefined) {
      const reports: CatalogueTestReport[] = [];
      for (const [i, r] of input.testReports.entries()) {
        const org = await portal.testingOrgs.get(null, r.testingOrgId).catch(() => null);
        if (!org) throw errors.field(`testReports.${i}.testingOrgId`, '检测机构须为名录中已发布的第三方检测机构', 'The testing organisation must be one of the published directory');
        const report: CatalogueTestReport = { testingOrgId: org.id, orgName: org.name, accreditationNo: org.accreditationNo, reportNo: r.reportNo, issuedOn: r.issuedOn };
        if (r.productReportId) {
          // a report attached to one of the enterprise's products: the same organisation and number, its file taken over
          const cited = await onProducts.citable(enterpriseId, r.productReportId);
          if (!cited || cited.testingOrgId !== org.id || cited.reportNo !== r.reportNo)
            throw errors.field(`testReports.${i}.productReportId`, '须引用本企业产品上已上传文件的同一机构、同一编号的检测报告', "Cite a report with a file on one of your products, of the same organisation and number");
          Object.assign(report, { issuedOn: cited.issuedOn, sha256: cited.sha256!, fileName: cited.fileName ?? 'report', mime: cited.mime ?? 'application/pdf', size: cited.size ?? 0 });
        }
        reports.push(report);
      }
      out.testReports = reports;
    }
    if (input.sampleProductCode !== undefined) {
      if (input.sampleProductCode === null || input.sampleProductCode === '') Object.assign(out, { sampleProductCode: null, massRate: null, valueRate: null, rateFormula: null });
      else {
        const p = await trace.publicProduct(input.sampleProductCode).catch(() => null);
        if (!p || p.row.enterprise_id !== enterpriseId) throw errors.field('sampleProductCode', '追溯记录中没有本企业该编码的产品', 'No product of your enterprise has this code in the trace records');
        if (p.row.mass_rate === null && p.row.value_rate === null) throw errors.field('sampleProductCode', '该产品的追溯记录中没有再制造率', 'The trace records of this product have no remanufacturing rate');
        Object.assign(out, { sampleProductCode: p.row.code, massRate: p.row.mass_rate === null ? null : String(p.row.mass_rate), valueRate: p.row.value_rate === null ? null : String(p.row.value_rate), rateFormula: p.row.formula_version ?? null, _model: p.row.model });
      }
    }
    return out as typeof out & { _model?: string | null };
  }
  const sameModel = (a: string | null | undefined, b: string) => !a || a.trim().toUpperCase() === b.trim().toUpperCase();

  async function step(ctx: RequestContext, id: string, event: Exclude<CatalogueEvent, 'list'>, body: { text?: string; startOn?: string; workingDays?: number } = {}) {
    const overrides = event === 'start_notice' ? await deps.workdayOverrides() : [];
    const names = await namesOf([id]);
    const row = await db.transaction(async (tx) => {
      const a = await catalogueRepo.lock(tx, id);
      if (!a) throw notFound();
      authorize(ctx.principal, catalogueApplicationPolicy, 'read', a);
      authorize(ctx.principal, catalogueApplicationPolicy, event, a);
      const actor = isEnterpriseUser(ctx.principal) ? 'enterprise' : isAuthority(ctx.principal) ? 'authority' : 'ministry';
      const next = nextCatalogueState(a.state, event, actor);
      if (!next.ok) throw stateChanged(a.state);
      const patch: Partial<CatalogueRow> = { state: next.to };
      if (event === 'submit') {
        // 七(一)2 按要求提供相关材料: a third-party test report and the rate from the trace records
        if (!a.testReports.length) throw errors.field('testReports', '提交前须附第三方检测报告', 'Attach a third-party test report before submitting');
        const missing = a.testReports.findIndex((r) => !r.sha256);
        if (missing >= 0) throw errors.field(`testReports.${missing}.file`, `第 ${missing + 1} 份检测报告尚未上传报告文件`, `Upload the file of test report ${missing + 1} before submitting`);
        if (!a.sampleProductCode) throw errors.field('sampleProductCode', '提交前须给出一台该型号产品的追溯编码（再制造率取自追溯记录）', 'Name a traced unit of the model (its rate comes from the trace records)');
        patch.submittedAt = clock.now();
        patch.reason = null;
      }
      if (event === 'forward') patch.provincialOpinion = body.text!;
      if (event === 'return' || event === 'provincial_reject' || event === 'reject' || event === 'uphold_objection') patch.reason = body.text!;
      if (event === 'start_notice') {
        const start = body.startOn ?? clock.today();
        if (start < clock.today()) throw errors.field('startOn', '公示不能从过去开始', 'A notice cannot start in the past');
        const w = catalogueNoticeWindow(start, body.workingDays, overrides);
        patch.noticeStartOn = w.startOn;
        patch.noticeEndOn = w.endOn;
      }
      if (event === 'close_notice' && !noticeOver(a.noticeEndOn!, clock.today()))
        throw errors.conflict('NOTICE_RUNNING', `公示期至 ${a.noticeEndOn} 结束，期满后方可关闭`, `The notice runs until ${a.noticeEndOn}; close it after that`, { endOn: a.noticeEndOn });
      const updated = await catalogueRepo.update(tx, id, patch);
      await recordAudit(tx, ctx, { action: `catalogue_application.${EVENT_AUDIT[event]}`, objectType: 'catalogue_application', objectId: id, enterpriseId: a.enterpriseId, change: { from: a.state, to: next.to, ...body } });
      await notifications.notify(tx, catalogueStepNotices(event, updated, a.state, names.get(a.enterpriseId) ?? ''));
      return updated;
    });
    if (event === 'start_notice' || event === 'close_notice' || event === 'uphold_objection') await committed([id]);
    return row;
  }

  async function batch(ctx: RequestContext, input: { title?: string; applicationIds: string[] }, historic: string | null) {
    authorize(ctx.principal, catalogueFilingPolicy, 'publish_batch', { enterpriseId: null });
    const today = clock.today();
    const names = historic ? new Map<string, string>() : await namesOf(input.applicationIds);
      const result = await uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const rows = await catalogueRepo.lockMany(tx, input.applicationIds);
            const byId = new Map(rows.map((r) => [r.id, r]));
            for (const [i, id] of input.applicationIds.entries()) {
              const a = byId.get(id);
              if (!a || a.state === 'draft') throw errors.field(`applicationIds.${i}`, '申请不存在', 'No such application');
              authorize(ctx.principal, catalogueApplicationPolicy, 'list', a);
              const next = historic ? (a.state === 'forwarded' ? { ok: true } : { ok: false }) : nextCatalogueState(a.state, 'list', 'ministry');
              if (!next.ok) throw errors.conflict('STATE_CHANGED', `申请 ${a.model} 当前为 ${a.state}，只有公示无异议的申请可以列入目录`, `Application ${a.model} is ${a.state}; only models whose notice passed can be listed`, { id, state: a.state });
            }
            const batchNo = (await catalogueRepo.lastBatchNo(tx)) + 1;
            const year = Number((historic ?? today).slice(0, 4));
            const batch = await catalogueRepo.insertBatch(tx, { id: randomUUID(), batchNo, title: input.title ?? `再制造产品目录（第${batchNo}批）`, publishedOn: historic ?? today });
            for (const [i, id] of input.applicationIds.entries()) {
              const listed = await catalogueRepo.update(tx, id, { state: 'listed', batchId: batch.id, listedNo: catalogueNumber(year, batchNo, i + 1), listedAt: clock.now() });
              await recordAudit(tx, ctx, { action: 'catalogue_application.listed', objectType: 'catalogue_application', objectId: id, enterpriseId: listed.enterpriseId, change: { batchNo } });
              // a batch MIIT published before the platform (historic) was announced then; nobody is told now
              if (!historic) await notifications.notify(tx, catalogueStepNotices('list', listed, byId.get(id)!.state, names.get(listed.enterpriseId) ?? '', batchNo));
            }
            await recordAudit(tx, ctx, { action: historic ? 'catalogue_batch.imported' : 'catalogue_batch.published', objectType: 'catalogue_batch', objectId: batch.id, change: { batchNo, applicationIds: input.applicationIds } });
            return { batch, models: input.applicationIds.length };
          }),
        () => errors.conflict('STATE_CHANGED', '另一个批次正在发布，请刷新后重试', 'Another batch was published meanwhile; reload and retry'),
      );
      await committed(input.applicationIds);
      return result;
  }

  const service = {
    async create(ctx: RequestContext, input: CatalogueInput) {
      const p = ctx.principal;
      const found = isEnterpriseUser(p) && p?.kind === 'user' && p.enterpriseId ? await enterprises.getInternal(p.enterpriseId) : null;
      authorize(p, catalogueFilingPolicy, 'start', { enterpriseId: found?.id ?? null });
      const e = found!;
      const enterpriseId = e.id;
      const facts = await checked(enterpriseId, input);
      if (!sameModel(facts._model, input.model)) throw errors.field('sampleProductCode', '追溯记录中该产品的型号与申请型号不同', 'The traced unit is of another model');
      const id = randomUUID();
      return uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const r = await catalogueRepo.insert(tx, {
              id, enterpriseId, authorityId: e.authorityId, state: 'draft', productName: input.productName, model: input.model, field: input.field,
              specifications: input.specifications, standardCode: facts.standardCode!, testReports: facts.testReports ?? [],
              sampleProductCode: facts.sampleProductCode ?? null, massRate: facts.massRate ?? null, valueRate: facts.valueRate ?? null, rateFormula: facts.rateFormula ?? null,
            });
            await recordAudit(tx, ctx, { action: 'catalogue_application.created', objectType: 'catalogue_application', objectId: id, enterpriseId, change: input });
            return r;
          }),
        modelTaken,
      );
    },
    async update(ctx: RequestContext, id: string, patch: CataloguePatch) {
      const current = await service.get(ctx.principal, id);
      const facts = await checked(current.enterpriseId, patch);
      return uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const a = await catalogueRepo.lock(tx, id);
            if (!a) throw notFound();
            authorize(ctx.principal, catalogueApplicationPolicy, 'read', a);
            authorize(ctx.principal, catalogueApplicationPolicy, 'edit', a);
            if (a.state !== 'draft' && a.state !== 'returned') throw stateChanged(a.state);
            const model = patch.model ?? a.model;
            if (!sameModel(facts._model ?? null, model)) throw errors.field('sampleProductCode', '追溯记录中该产品的型号与申请型号不同', 'The traced unit is of another model');
            const { _model, ...rest } = facts;
            void _model;
            if (rest.testReports) rest.testReports = keepFiles(a.testReports, rest.testReports);
            const { testReports: _t, standardCode: _s, sampleProductCode: _c, ...plain } = patch;
            void _t, void _s, void _c;
            const updated = await catalogueRepo.update(tx, id, { ...plain, ...rest });
            await recordAudit(tx, ctx, { action: 'catalogue_application.updated', objectType: 'catalogue_application', objectId: id, enterpriseId: a.enterpriseId, change: patch });
            return updated;
          }),
        modelTaken,
      );
    },
    step,
    /** The files of the test reports (upload while draft or returned; read by the parties; public once in 公示). */
    reports: catalogueReports(deps),
    /** Test reports on traced products (product-reports.ts, issue 14 item 2). */
    productReports: onProducts,
    /** MIIT publishes the models that passed their 公示 as the next numbered batch (目录批次). */
    publishBatch: (ctx: RequestContext, input: { title?: string; applicationIds: string[] }) => batch(ctx, input, null),
    /**
     * A batch MIIT published before the platform (the catalogue's earlier batches, reviewed and noticed on paper):
     * forwarded applications go straight to listed under the batch's own date. Not an HTTP route; the demo and
     * a migration script use it.
     */
    importHistoricBatch: (ctx: RequestContext, input: { title: string; publishedOn: string; applicationIds: string[] }) => batch(ctx, input, input.publishedOn),
    async get(p: Principal | null, id: string) {
      const a = await catalogueRepo.get(db, id);
      if (!a) throw notFound();
      authorize(p, catalogueApplicationPolicy, 'read', a);
      return a;
    },
    async page(p: Principal | null, f: { state?: string; q?: string }, pg: Page) {
      authorize(p, catalogueFilingPolicy, 'list', { enterpriseId: null });
      return catalogueRepo.page(db, catalogueScope(p)!, f, pg);
    },
    publicPage: (f: { q?: string; field?: string; batch?: number; inNotice?: boolean }, p: Page) => catalogueRepo.publicPage(db, f, p),
    allListed: () => catalogueRepo.allListed(db),
    batches: () => catalogueRepo.batches(db),
    lastModified: () => catalogueRepo.lastModified(db),
    /** The listed model of each product code (labels, the verification page, market listings). */
    async badges(codes: string[]) {
      const products = (await Promise.all(codes.map((c) => trace.publicProduct(c).then((p) => ({ code: c, enterpriseId: p.row.enterprise_id, model: p.row.model }), () => null)))).filter(
        (x): x is { code: string; enterpriseId: string; model: string | null } => !!x?.model,
      );
      const listed = await catalogueRepo.listedModels(db, products.map((x) => ({ enterpriseId: x.enterpriseId, model: x.model! })));
      const key = (e: string, m: string) => `${e}/${m.trim().toUpperCase()}`;
      const byModel = new Map(listed.map((l) => [key(l.enterpriseId, l.model), l]));
      return products.flatMap((x) => {
        const l = byModel.get(key(x.enterpriseId, x.model!));
        return l?.listedNo ? [{ code: x.code, listedNo: l.listedNo, batchNo: l.batchNo, id: l.id, model: l.model }] : [];
      });
    },
    enterpriseNames: (ids: string[]) => enterprises.names([...new Set(ids)]),
    /** Run `l` after every commit that changes the public catalogue (listing, notice). */
    onPublicChange(l: CatalogueListener) {
      listeners.push(l);
    },
  };
  return service;
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
