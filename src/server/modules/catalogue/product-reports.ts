import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { productTestReports as t } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { allowedActions, authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import { isTestingOrgUser, type Principal, type RequestContext } from '../../platform/principal.js';
import type { PublicCache } from '../../platform/public-cache.js';
import { stateChanged, uniqueOr } from '../../platform/tx.js';
import type { FileService } from '../files/files.service.js';
import type { NotificationInput, NotificationService } from '../notifications/notifications.service.js';
import type { PortalContentService } from '../portal/content.service.js';
import type { TraceService } from '../trace/index.js';
import { issuedReportsPolicy, productReportFilingPolicy, productReportPolicy } from './catalogue.policy.js';
import { ilikeEscaped, likeContains } from '../../db/like.js';

export type ProductReportRow = typeof t.$inferSelect;
const notFound = () => errors.notFound('检测报告', 'Test report');
const taken = () =>
  errors.conflict('REPORT_ALREADY_ATTACHED', '该检测报告已附在此产品或型号上', 'This report is attached to this product or model already', [{ field: 'reportNo', message: '已附', messageEn: 'Already attached' }]);

/** All SQL of product_test_reports. */
const repo = {
  get: async (db: Db, id: string) => (await db.select().from(t).where(eq(t.id, id)).limit(1))[0],
  lock: async (db: Db, id: string) => (await db.select().from(t).where(eq(t.id, id)).for('update'))[0],
  insert: async (db: Db, row: typeof t.$inferInsert) => (await db.insert(t).values(row).returning())[0]!,
  update: async (db: Db, id: string, patch: Partial<ProductReportRow>) => (await db.update(t).set({ ...patch, updatedAt: new Date() }).where(eq(t.id, id)).returning())[0]!,
  /** the unit's own reports and its model's, of its enterprise; `live`: with a file and not withdrawn */
  ofProduct: (db: Db, enterpriseId: string, code: string, model: string | null, live: boolean) =>
    db
      .select()
      .from(t)
      .where(
        and(
          eq(t.enterpriseId, enterpriseId),
          or(eq(t.productCode, code), model ? and(isNull(t.productCode), sql`upper(${t.model}) = upper(${model})`) : sql`false`),
          ...(live ? [isNull(t.withdrawnAt), isNotNull(t.sha256)] : []),
        ),
      )
      .orderBy(desc(t.issuedOn), desc(t.createdAt)),
  /** the enterprise's reports (its own uploads and those organisations issued), newest first; `q`: product code, model or report number; `citable`: live with a file */
  async ofEnterprise(db: Db, enterpriseId: string, f: { q?: string; citable?: boolean }, p: { page: number; pageSize: number }) {
    const like = f.q ? likeContains(f.q) : null;
    const where = and(
      eq(t.enterpriseId, enterpriseId),
      ...(like ? [or(ilikeEscaped(t.productCode, like), ilikeEscaped(t.model, like), ilikeEscaped(t.reportNo, like))] : []),
      ...(f.citable ? [isNull(t.withdrawnAt), isNotNull(t.sha256)] : []),
    );
    const [rows, [n]] = await Promise.all([
      db.select().from(t).where(where).orderBy(desc(t.createdAt), desc(t.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(t).where(where),
    ]);
    return { rows, total: Number(n?.n ?? 0) };
  },
  async issuedBy(db: Db, testingOrgId: string, p: { page: number; pageSize: number }) {
    const where = and(eq(t.testingOrgId, testingOrgId), eq(t.issuedByOrg, true));
    const [rows, [n]] = await Promise.all([
      db.select().from(t).where(where).orderBy(desc(t.createdAt), desc(t.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(t).where(where),
    ]);
    return { rows, total: Number(n?.n ?? 0) };
  },
};

/**
 * 第三方检测报告 on traced products (issue 14 item 2; docs/public-portal.md "Test reports on products"): the enterprise
 * attaches a report of an organisation of the published directory to one unit (its product code) or to every unit of
 * a model of its own; the file (PDF/JPEG/PNG/OFD, checked by content and size by the files module) is uploaded next;
 * from then on the report shows on the product's public page /p/{code} and can be cited by a catalogue application
 * of the same model (its file is taken over). Withdrawn reports leave the public page. Every write: transaction →
 * row lock → productReportPolicy → write + audit → commit → the public answer dropped.
 */
export function productReports(deps: {
  db: Db;
  clock: Clock;
  files: FileService;
  portal: PortalContentService;
  trace: TraceService;
  publicCache: PublicCache;
  enterprises: { names(ids: string[]): Promise<Map<string, string>> };
  /** the enterprise hears of a report an organisation issued on its product (and of its withdrawal) */
  notifications: Pick<NotificationService, 'notify'>;
}) {
  const { db, files, portal, trace, publicCache, notifications } = deps;
  const product = async (code: string, field = 'productCode') => {
    const p = await trace.publicProduct(code).catch(() => null);
    if (!p) throw errors.field(field, '追溯记录中没有该编码的产品', 'No traced product has this code');
    return p.row;
  };
  return {
    /**
     * An enterprise attaches a report of an organisation of the directory to its own product; a testing
     * organisation's user issues one of its own organisation on any traced product, within the fields its
     * accreditation covers (`field`, checked against the directory entry's `scopeFields`: 400 under `field`).
     */
    async create(ctx: RequestContext, input: { productCode: string; wholeModel?: boolean; testingOrgId?: string; field?: string; reportNo: string; issuedOn: string; conclusion?: string }) {
      const p = await product(input.productCode);
      authorize(ctx.principal, productReportFilingPolicy, 'attach', { enterpriseId: p.enterprise_id });
      const byOrg = isTestingOrgUser(ctx.principal) ? ctx.principal : null;
      if (input.wholeModel && !p.model) throw errors.field('wholeModel', '该产品没有型号，只能附在这一台上', 'The product has no model; attach the report to this unit');
      const orgId = byOrg ? byOrg.testingOrgId : input.testingOrgId;
      if (byOrg && input.testingOrgId && input.testingOrgId !== byOrg.testingOrgId) throw errors.field('testingOrgId', '检测机构用户只能以本机构名义出具报告', 'A testing organisation issues reports in its own name only');
      if (!orgId) throw errors.field('testingOrgId', '请选择出具报告的检测机构', 'Choose the testing organisation that issued the report');
      const org = await portal.testingOrgs.get(null, orgId).catch(() => null);
      if (!org) throw errors.field('testingOrgId', '检测机构须为名录中已发布的第三方检测机构', 'The testing organisation must be one of the published directory');
      if (byOrg) {
        if (!input.field) throw errors.field('field', '请选择报告所属的产品领域（规范条件 一(一)）', 'Choose the product field of the report');
        if (!org.scopeFields.includes(input.field)) throw errors.field('field', '该领域不在本机构名录登记的认可范围内', "This field is outside the accredited scope in the organisation's directory entry");
      }
      if (input.issuedOn > deps.clock.today()) throw errors.field('issuedOn', '报告日期不能晚于今天', 'The report date cannot be in the future');
      const id = randomUUID();
      const row = await uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const r = await repo.insert(tx, {
              id, enterpriseId: p.enterprise_id, productCode: input.wholeModel ? null : p.code, model: p.model ?? p.code, testingOrgId: org.id, orgName: org.name,
              accreditationNo: org.accreditationNo, reportNo: input.reportNo, issuedOn: input.issuedOn, conclusion: input.conclusion ?? '',
              ...(byOrg ? { issuedByOrg: true, field: input.field, issuedByUser: byOrg.userId } : {}),
            });
            await recordAudit(tx, ctx, { action: byOrg ? 'product_test_report.issued' : 'product_test_report.created', objectType: 'product_test_report', objectId: id, enterpriseId: p.enterprise_id, change: input });
            return r;
          }),
        taken,
      );
      return row;
    },
    async attachFile(ctx: RequestContext, id: string, file: { filename: string; data: Buffer }) {
      const row = await db.transaction(async (tx) => {
        const r = await repo.lock(tx, id);
        if (!r) throw notFound();
        authorize(ctx.principal, productReportPolicy, 'read', r);
        authorize(ctx.principal, productReportPolicy, 'edit', r);
        if (r.withdrawnAt) throw stateChanged('withdrawn');
        const stored = await files.store(file.data, tx);
        const fileName = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'report';
        const updated = await repo.update(tx, id, { sha256: stored.sha256, fileName, mime: stored.mime, size: stored.size });
        await recordAudit(tx, ctx, { action: 'product_test_report.file_added', objectType: 'product_test_report', objectId: id, enterpriseId: r.enterpriseId, change: { sha256: stored.sha256, fileName } });
        // the report an organisation issued is complete (public, citable) with its first file: the enterprise hears of it
        if (r.issuedByOrg && !r.sha256) await notifications.notify(tx, [reportNotice('issued', r)]);
        return updated;
      });
      publicCache.invalidate('catalogue');
      return row;
    },
    async withdraw(ctx: RequestContext, id: string) {
      const row = await db.transaction(async (tx) => {
        const r = await repo.lock(tx, id);
        if (!r) throw notFound();
        authorize(ctx.principal, productReportPolicy, 'read', r);
        authorize(ctx.principal, productReportPolicy, 'edit', r);
        if (r.withdrawnAt) throw stateChanged('withdrawn');
        const updated = await repo.update(tx, id, { withdrawnAt: deps.clock.now() });
        await recordAudit(tx, ctx, { action: 'product_test_report.withdrawn', objectType: 'product_test_report', objectId: id, enterpriseId: r.enterpriseId, change: {} });
        if (r.issuedByOrg && r.sha256) await notifications.notify(tx, [reportNotice('withdrawn', r)]);
        return updated;
      });
      publicCache.invalidate('catalogue');
      return row;
    },
    /** The reports the caller's testing organisation issued (every state), newest first. */
    async issued(pr: Principal | null, page: { page: number; pageSize: number }) {
      authorize(pr, issuedReportsPolicy, 'list', {});
      const { rows, total } = await repo.issuedBy(db, (pr as { testingOrgId: string }).testingOrgId, page);
      const names = await deps.enterprises.names([...new Set(rows.map((r) => r.enterpriseId))]);
      return { rows: rows.map((r) => ({ ...r, enterpriseName: names.get(r.enterpriseId) ?? '' })), total };
    },
    /** The caller's enterprise's reports (its uploads and the organisations' issued ones), every state, newest first. */
    async ofEnterprise(pr: Principal | null, f: { q?: string; citable?: boolean }, page: { page: number; pageSize: number }) {
      const enterpriseId = pr?.enterpriseId ?? '';
      authorize(pr, productReportFilingPolicy, 'list', { enterpriseId }); // only the enterprise's users (MIIT has no enterprise: nothing to list)
      return repo.ofEnterprise(db, enterpriseId, f, page);
    },
    /** What `pr` may do with the report now: upload (a file, again) and withdraw, while it is not withdrawn. */
    actions: (pr: Principal | null, r: ProductReportRow): Array<'upload' | 'withdraw'> => (r.withdrawnAt ? [] : allowedActions(pr, productReportPolicy, r, ['edit']).flatMap(() => ['upload', 'withdraw'] as const)),
    /** Every report of a product (with or without file, withdrawn too) for its enterprise and MIIT. */
    async ofProduct(pr: Principal | null, code: string) {
      const p = await product(code);
      authorize(pr, productReportFilingPolicy, 'list', { enterpriseId: p.enterprise_id });
      return repo.ofProduct(db, p.enterprise_id, p.code, p.model, false);
    },
    /** The public's: live reports with a file, of the unit and of its model. */
    async publicOf(code: string) {
      const p = await trace.publicProduct(code).catch(() => null);
      if (!p) throw errors.notFound('产品', 'Product');
      return repo.ofProduct(db, p.row.enterprise_id, p.row.code, p.row.model, true);
    },
    async publicFile(id: string) {
      const r = await repo.get(db, id);
      if (!r || r.withdrawnAt || !r.sha256) throw notFound();
      const f = await files.get(r.sha256);
      if (!f) throw notFound();
      return { name: r.fileName ?? 'report', mime: f.mime, data: f.data };
    },
    /** A live report with a file of the enterprise's model, for a catalogue application citing it. */
    async citable(enterpriseId: string, id: string) {
      const r = await repo.get(db, id);
      return r && r.enterpriseId === enterpriseId && !r.withdrawnAt && r.sha256 ? r : null;
    },
  };
}
export type ProductReports = ReturnType<typeof productReports>;

/** The product's enterprise hears that an organisation issued a report on its unit or model, or withdrew one. Link: its report list. */
function reportNotice(event: 'issued' | 'withdrawn', r: ProductReportRow): NotificationInput {
  const on = r.productCode ? `产品 ${r.productCode}` : `型号 ${r.model}`;
  const onEn = r.productCode ? `product ${r.productCode}` : `model ${r.model}`;
  const link = `/product-reports?q=${encodeURIComponent(r.reportNo)}`;
  return event === 'issued'
    ? { orgId: r.enterpriseId, kind: 'product_report.issued', link, title: `${r.orgName} 为${on} 出具了检测报告 ${r.reportNo}`, titleEn: `${r.orgName} issued test report ${r.reportNo} on ${onEn}` }
    : { orgId: r.enterpriseId, kind: 'product_report.withdrawn', link, title: `${r.orgName} 撤回了${on} 的检测报告 ${r.reportNo}`, titleEn: `${r.orgName} withdrew test report ${r.reportNo} on ${onEn}` };
}
