import { randomUUID } from 'node:crypto';
import { resolveReviewingAuthority, XPCC_AUTHORITY_ID } from '../../../domain/authorities.js';
import { validateCreditCode } from '../../../domain/credit-code.js';
import { cityName, findProvince } from '../../../domain/regions.js';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { PublicCache } from '../../platform/public-cache.js';
import { errors } from '../../platform/errors.js';
import { uniqueOr } from '../../platform/tx.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import { authorize } from '../../platform/authorize.js';
import { enterprisePolicy, enterpriseScope, jurisdictionPolicy, type EnterpriseScope } from './enterprises.policy.js';
import { enterpriseRepo, siteRepo, type EnterpriseFilter, type EnterpriseListRow } from './enterprises.repo.js';
import type { EnterpriseInput } from './enterprises.schema.js';

const REGISTRATION_FIELDS = ['creditCode', 'regionCode', 'parentId', 'xpcc', 'confirmCreditCodeOverride'] as const;

/** Enterprises (独立法人企业), their sites (厂区/生产车间) and group links. */
export function createEnterpriseService({ db, publicCache }: { db: Db; publicCache: PublicCache }) {
  const notFound = () => errors.notFound('企业', 'Enterprise');

  /** GB 32100 check; a checksum failure passes only with an authority's explicit confirmation. */
  function checkCreditCode(p: Principal | null, input: { creditCode: string; confirmCreditCodeOverride?: boolean }, authorityId: string) {
    const v = validateCreditCode(input.creditCode);
    if (v.ok) return { creditCode: v.code, creditCodeOverride: false };
    if (v.reason === 'format') throw errors.field('creditCode', v.message, v.messageEn);
    if (!input.confirmCreditCodeOverride) {
      throw errors.field(
        'creditCode',
        `${v.message}。如确认该代码合法（部分早期代码无法通过校验），须由主管部门勾选“确认人工核验”后保存`,
        `${v.messageEn}. If the code is known to be legal (some early codes fail the checksum), an authority may confirm a manual override`,
        'CREDIT_CODE_CHECKSUM',
      );
    }
    authorize(p, jurisdictionPolicy, 'override_credit_code', { authorityId });
    return { creditCode: input.creditCode.trim().toUpperCase(), creditCodeOverride: true };
  }

  const creditCodeTaken = () =>
    errors.conflict('CREDIT_CODE_TAKEN', '该统一社会信用代码已登记', 'An enterprise with this credit code is already registered', [
      { field: 'creditCode', message: '已登记', messageEn: 'Already registered' },
    ]);
  const siteNameTaken = () => errors.conflict('SITE_NAME_TAKEN', '同名厂区已存在', 'A site with this name exists', [{ field: 'name', message: '同名厂区已存在', messageEn: 'Duplicate name' }]);

  async function assertCreditCodeFree(tx: Db, creditCode: string, exceptId?: string) {
    const other = await enterpriseRepo.byCreditCode(tx, creditCode);
    if (other && other.id !== exceptId) throw creditCodeTaken();
  }

  async function checkParent(tx: Db, parentId: string | null | undefined, selfId: string) {
    if (!parentId) return;
    if (parentId === selfId || (await enterpriseRepo.isAncestorOrSelf(tx, parentId, selfId))) {
      throw errors.field('parentId', '集团母公司设置会形成循环', 'The parent link would form a cycle');
    }
    if (!(await enterpriseRepo.get(tx, parentId))) throw errors.field('parentId', '母公司不存在', 'Parent enterprise not found');
  }

  /** The enterprise if the caller may see it (404 otherwise); `lock` inside a write's transaction. */
  async function load(p: Principal | null, id: string, tx: Db = db, lock = false): Promise<EnterpriseListRow> {
    const e = await enterpriseRepo.get(tx, id, lock);
    if (!e) throw notFound();
    authorize(p, enterprisePolicy, 'read', e);
    return e;
  }

  return {
    load,

    async list(p: Principal | null, f: EnterpriseFilter, page: number, pageSize: number) {
      return enterpriseRepo.list(db, enterpriseScope(p), f, page, pageSize);
    },

    /** Enterprises by city within a scope (enterpriseScope(principal)): a provincial authority's chart; `only`: a subquery of ids. */
    async statsByCity(scope: EnterpriseScope, only?: SQL) {
      const rows = await enterpriseRepo.countByCity(db, scope, only);
      return rows.map((r) => ({ regionCode: r.city, regionName: cityName(r.city, r.address), count: Number(r.n) }));
    },

    async statsByProvince(p: Principal | null) {
      const rows = await enterpriseRepo.countByProvince(db, enterpriseScope(p));
      return rows.map((r) => ({ regionCode: `${r.province}0000`, regionName: findProvince(`${r.province}0000`)?.name ?? r.province, count: Number(r.n) }));
    },

    async create(ctx: RequestContext, input: EnterpriseInput) {
      const p = ctx.principal;
      if (input.xpcc) authorize(p, jurisdictionPolicy, 'assign_xpcc', { authorityId: XPCC_AUTHORITY_ID });
      const authorityId = resolveReviewingAuthority({ regionCode: input.regionCode, xpcc: Boolean(input.xpcc) });
      authorize(p, jurisdictionPolicy, 'register', { authorityId });
      const code = checkCreditCode(p, input, authorityId);
      const id = randomUUID();
      const { confirmCreditCodeOverride: _c, xpcc: _x, ...fields } = input;
      // the credit code is unique: a concurrent registration of the same code gets 409, not 500
      await uniqueOr(
        () =>
          db.transaction(async (tx) => {
            await assertCreditCodeFree(tx, code.creditCode);
            await checkParent(tx, input.parentId, id);
            await enterpriseRepo.insert(tx, { ...fields, ...code, id, authorityId, parentId: input.parentId ?? null });
            await recordAudit(tx, ctx, { action: 'enterprise.created', objectType: 'enterprise', objectId: id, enterpriseId: id, change: { ...fields, ...code, authorityId } });
          }),
        creditCodeTaken,
      );
      return (await enterpriseRepo.get(db, id))!;
    },

    /** Decided on the locked row inside the transaction that writes it (docs/architecture.md "Writes"). */
    async update(ctx: RequestContext, id: string, patch: Partial<EnterpriseInput>) {
      const p = ctx.principal;
      await uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const e = await load(p, id, tx, true);
            authorize(p, enterprisePolicy, 'edit', e);
            if (REGISTRATION_FIELDS.some((k) => patch[k] !== undefined)) authorize(p, enterprisePolicy, 'edit_registration', e);
            const { confirmCreditCodeOverride, xpcc, ...fields } = patch;
            const next: Record<string, unknown> = { ...fields };
            if (patch.regionCode !== undefined || xpcc !== undefined) {
              if (xpcc) authorize(p, jurisdictionPolicy, 'assign_xpcc', { authorityId: XPCC_AUTHORITY_ID });
              const regionCode = patch.regionCode ?? e.regionCode;
              next.authorityId = resolveReviewingAuthority({ regionCode, xpcc: xpcc ?? e.authorityId === XPCC_AUTHORITY_ID });
              authorize(p, jurisdictionPolicy, 'move_into', { authorityId: String(next.authorityId) });
            }
            if (patch.creditCode !== undefined && patch.creditCode !== e.creditCode) {
              Object.assign(next, checkCreditCode(p, { creditCode: patch.creditCode, confirmCreditCodeOverride }, String(next.authorityId ?? e.authorityId)));
              await assertCreditCodeFree(tx, String(next.creditCode), e.id);
            }
            if (patch.parentId !== undefined) await checkParent(tx, patch.parentId, e.id);
            const before = Object.fromEntries(Object.keys(next).map((k) => [k, (e as unknown as Record<string, unknown>)[k]]));
            await enterpriseRepo.update(tx, e.id, next);
            await recordAudit(tx, ctx, { action: 'enterprise.updated', objectType: 'enterprise', objectId: e.id, enterpriseId: e.id, change: { before, after: next } });
          }),
        creditCodeTaken,
      );
      publicCache.invalidate('notices'); // public notices show the live name
      return (await enterpriseRepo.get(db, id))!;
    },

    /** For other modules: an enterprise regardless of caller (they apply their own policy). */
    async getInternal(id: string) {
      return enterpriseRepo.get(db, id);
    },
    async getSiteInternal(enterpriseId: string, siteId: string) {
      return siteRepo.get(db, enterpriseId, siteId);
    },
    /** For other modules (trace: the site of a step): an enterprise's sites regardless of caller. */
    async sitesInternal(enterpriseId: string) {
      return siteRepo.list(db, enterpriseId);
    },
    /** Enterprises of the same group (parent/subsidiaries), for conflict-of-interest checks. */
    async groupMembers(id: string) {
      return enterpriseRepo.groupMembers(db, id);
    },

    async siteNames(pairs: { enterpriseId: string; siteId: string }[]) {
      return new Map((await siteRepo.names(db, pairs)).map((r) => [`${r.enterpriseId}/${r.id}`, r.name]));
    },

    /** For other modules (complaints): the one enterprise registered under exactly this name, if any. */
    async findByExactName(name: string) {
      return enterpriseRepo.byExactName(db, name);
    },

    /** For other modules (annual reports, statistics): reviewing authority and region code per enterprise, one query. */
    async jurisdictions(ids: string[]) {
      return new Map((await enterpriseRepo.jurisdictions(db, [...new Set(ids)])).map((r) => [r.id, { authorityId: r.authorityId, regionCode: r.regionCode }]));
    },

    /** SQL fragments for other modules' aggregates: `enterprise_id IN idsOfAuthority(a)`; JOIN jurisdictionTable(). */
    idsOfAuthority: enterpriseRepo.idsOfAuthority,
    /** The ids of an authority's jurisdiction (other modules' read scopes that take an id list). */
    idsInAuthority: (authorityId: string) => enterpriseRepo.idsInAuthority(db, authorityId),
    jurisdictionTable: enterpriseRepo.jurisdictionTable,
    siteRegionTable: enterpriseRepo.siteRegionTable,
    /** SQL fragment for other modules' list filters (name contains, or credit code starts with, `q`). */
    idsMatching: enterpriseRepo.idsMatching,

    /** For other modules' lists: name, credit code and region of many enterprises, one query. */
    async cards(ids: string[]) {
      return new Map((await enterpriseRepo.cards(db, [...new Set(ids)])).map((r) => [r.id, r]));
    },

    async names(ids: string[]) {
      return new Map((await enterpriseRepo.names(db, ids)).map((r) => [r.id, r.name]));
    },

    // ---- sites ----
    async listSites(p: Principal | null, enterpriseId: string) {
      await load(p, enterpriseId);
      return siteRepo.list(db, enterpriseId);
    },

    async createSite(ctx: RequestContext, enterpriseId: string, input: { name: string; address: string; regionCode: string }) {
      return uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const e = await load(ctx.principal, enterpriseId, tx, true);
            authorize(ctx.principal, enterprisePolicy, 'manage_sites', e);
            if (await siteRepo.byName(tx, e.id, input.name)) throw siteNameTaken();
            const s = await siteRepo.insert(tx, { ...input, enterpriseId: e.id, id: randomUUID() });
            await recordAudit(tx, ctx, { action: 'site.created', objectType: 'site', objectId: s.id, enterpriseId: e.id, change: input });
            return s;
          }),
        siteNameTaken,
      );
    },

    async updateSite(ctx: RequestContext, enterpriseId: string, siteId: string, patch: Partial<{ name: string; address: string; regionCode: string }>) {
      return uniqueOr(
        () =>
          db.transaction(async (tx) => {
            const e = await load(ctx.principal, enterpriseId, tx, true);
            const s = await siteRepo.get(tx, e.id, siteId);
            if (!s) throw errors.notFound('厂区', 'Site');
            authorize(ctx.principal, enterprisePolicy, 'manage_sites', e);
            if (patch.name && patch.name !== s.name && (await siteRepo.byName(tx, e.id, patch.name))) throw siteNameTaken();
            const updated = await siteRepo.update(tx, e.id, s.id, patch);
            await recordAudit(tx, ctx, { action: 'site.updated', objectType: 'site', objectId: s.id, enterpriseId: e.id, change: patch });
            return updated!;
          }),
        siteNameTaken,
      ).then(publicCache.after('notices'));
    },

  };
}

export type EnterpriseService = ReturnType<typeof createEnterpriseService>;
