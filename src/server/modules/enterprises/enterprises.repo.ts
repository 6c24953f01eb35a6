import { and, count, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { enterprises, sites } from '../../db/schema.js';
import type { EnterpriseScope } from './enterprises.policy.js';
import { ilikeEscaped, likeEscaped, likeContains, likePrefix } from '../../db/like.js';

/** All SQL on enterprises and sites. */
export type EnterpriseRow = typeof enterprises.$inferSelect;
export type NewEnterprise = typeof enterprises.$inferInsert;
export type SiteRow = typeof sites.$inferSelect;

export interface EnterpriseListRow extends EnterpriseRow {
  parentName: string | null;
  siteCount: number;
}

const parent = alias(enterprises, 'parent');

function scopeWhere(scope: EnterpriseScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'authority':
      return eq(enterprises.authorityId, scope.authorityId);
    case 'enterprise':
      return eq(enterprises.id, scope.enterpriseId);
    case 'none':
      return sql`false`;
  }
}

const listColumns = {
  parentName: parent.name,
  siteCount: sql<number>`(SELECT count(*)::int FROM ${sites} WHERE ${sites.enterpriseId} = ${enterprises.id})`,
};

export interface EnterpriseFilter {
  q?: string;
  /** region prefix: '44' for a province, '4403' for a city */
  regionPrefix?: string;
  authorityId?: string;
}

export const enterpriseRepo = {
  async list(db: Db, scope: EnterpriseScope, f: EnterpriseFilter, page: number, pageSize: number) {
    const q = f.q;
    const where = and(
      scopeWhere(scope),
      q ? or(ilikeEscaped(enterprises.name, likeContains(q)), likeEscaped(enterprises.creditCode, likePrefix(q.toUpperCase()))) : undefined,
      f.regionPrefix ? like(enterprises.regionCode, `${f.regionPrefix}%`) : undefined,
      f.authorityId ? eq(enterprises.authorityId, f.authorityId) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({ e: enterprises, ...listColumns })
        .from(enterprises)
        .leftJoin(parent, eq(parent.id, enterprises.parentId))
        .where(where)
        .orderBy(enterprises.name, enterprises.id)
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(enterprises).where(where),
    ]);
    return { items: rows.map((r) => ({ ...r.e, parentName: r.parentName, siteCount: Number(r.siteCount) })), total: Number(total?.n ?? 0) };
  },

  /** One enterprise; `lock`: its row FOR UPDATE (inside a write's transaction). */
  async get(db: Db, id: string, lock = false): Promise<EnterpriseListRow | undefined> {
    const q = db
      .select({ e: enterprises, ...listColumns })
      .from(enterprises)
      .leftJoin(parent, eq(parent.id, enterprises.parentId))
      .where(eq(enterprises.id, id))
      .limit(1);
    const [r] = lock ? await q.for('update', { of: enterprises }) : await q;
    return r ? { ...r.e, parentName: r.parentName, siteCount: Number(r.siteCount) } : undefined;
  },

  async byCreditCode(db: Db, creditCode: string) {
    const [r] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, creditCode)).limit(1);
    return r;
  },

  /** Exact (trimmed, case-insensitive) name match: complaints name the enterprise they are about. */
  async byExactName(db: Db, name: string) {
    const rows = await db.select({ id: enterprises.id, authorityId: enterprises.authorityId }).from(enterprises).where(sql`lower(${enterprises.name}) = lower(${name.trim()})`).limit(2);
    return rows.length === 1 ? rows[0] : undefined;
  },

  async names(db: Db, ids: string[]) {
    if (ids.length === 0) return [];
    return db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, ids));
  },

  /** Name, credit code and region of many enterprises in one query (other modules' public lists). */
  async cards(db: Db, ids: string[]) {
    if (ids.length === 0) return [];
    return db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, regionCode: enterprises.regionCode }).from(enterprises).where(inArray(enterprises.id, ids));
  },
  /** Reviewing authority and region of many enterprises in one query (for other modules' scoping). */
  async jurisdictions(db: Db, ids: string[]) {
    if (ids.length === 0) return [];
    return db.select({ id: enterprises.id, authorityId: enterprises.authorityId, regionCode: enterprises.regionCode }).from(enterprises).where(inArray(enterprises.id, ids));
  },

  /**
   * SQL fragments other modules compose into their aggregate queries (the enterprise tables stay read here):
   * the ids of an authority's jurisdiction, for `enterprise_id IN (…)`, and a derived table
   * (enterprise_id, authority_id, province_code).
   */
  idsOfAuthority: (authorityId: string): SQL => sql`(SELECT ${enterprises.id} FROM ${enterprises} WHERE ${enterprises.authorityId} = ${authorityId})`,
  async idsInAuthority(db: Db, authorityId: string) {
    return (await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.authorityId, authorityId))).map((r) => r.id);
  },
  /** SQL fragment for other modules' list filters: the ids of enterprises whose name contains `q` or whose credit code starts with it. */
  idsMatching: (q: string): SQL => {
    return sql`(SELECT ${enterprises.id} FROM ${enterprises} WHERE ${ilikeEscaped(enterprises.name, likeContains(q))} OR ${likeEscaped(enterprises.creditCode, likePrefix(q.toUpperCase()))})`;
  },
  jurisdictionTable: (): SQL => sql`(SELECT ${enterprises.id} AS enterprise_id, ${enterprises.authorityId} AS authority_id, left(${enterprises.regionCode}, 2) || '0000' AS province_code FROM ${enterprises})`,
  /** Derived table (enterprise_id, site_id, region_code) of the sites, for other modules' aggregates (annual-report statistics per site). */
  siteRegionTable: (): SQL => sql`(SELECT ${sites.enterpriseId} AS enterprise_id, ${sites.id} AS site_id, ${sites.regionCode} AS region_code FROM ${sites})`,

  async insert(db: Db, row: NewEnterprise) {
    await db.insert(enterprises).values(row);
  },

  async update(db: Db, id: string, patch: Partial<NewEnterprise>) {
    await db.update(enterprises).set({ ...patch, updatedAt: new Date() }).where(eq(enterprises.id, id));
  },

  /** Would setting `parentId` as the parent of `id` create a cycle? Walks up the group tree. */
  async isAncestorOrSelf(db: Db, candidateParentId: string, id: string): Promise<boolean> {
    const r = await db.execute<{ found: boolean }>(sql`
      WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM enterprises WHERE id = ${candidateParentId}
        UNION ALL
        SELECT e.id, e.parent_id, up.depth + 1 FROM enterprises e JOIN up ON e.id = up.parent_id WHERE up.depth < 50
      )
      SELECT EXISTS (SELECT 1 FROM up WHERE id = ${id}) AS found`);
    return Boolean((r as unknown as { rows: { found: boolean }[] }).rows[0]?.found);
  },

  /** Every enterprise in the same group (root parent and all descendants), including `id` itself. */
  async groupMembers(db: Db, id: string): Promise<string[]> {
    const r = await db.execute<{ id: string }>(sql`
      WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM enterprises WHERE id = ${id}
        UNION ALL
        SELECT e.id, e.parent_id, up.depth + 1 FROM enterprises e JOIN up ON e.id = up.parent_id WHERE up.depth < 50
      ),
      root AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),
      down(id, depth) AS (
        SELECT id, 0 FROM root
        UNION ALL
        SELECT e.id, down.depth + 1 FROM enterprises e JOIN down ON e.parent_id = down.id WHERE down.depth < 50
      )
      SELECT DISTINCT id FROM down`);
    return (r as unknown as { rows: { id: string }[] }).rows.map((x) => x.id);
  },

  async countByProvince(db: Db, scope: EnterpriseScope) {
    const province = sql<string>`substr(${enterprises.regionCode}, 1, 2)`;
    return db
      .select({ province, n: count() })
      .from(enterprises)
      .where(scopeWhere(scope))
      .groupBy(province)
      .orderBy(province);
  },

  /**
   * Enterprises by prefecture-level city (GB/T 2260 digits 1–4; in the four municipalities by district, all six) in
   * the scope, with one address of each group to name it (no city name table is bundled, see domain/regions.ts);
   * `only`: a subquery of enterprise ids (e.g. the announced ones).
   */
  async countByCity(db: Db, scope: EnterpriseScope, only?: SQL) {
    const city = sql<string>`CASE WHEN left(${enterprises.regionCode}, 2) IN ('11', '12', '31', '50') THEN ${enterprises.regionCode} ELSE left(${enterprises.regionCode}, 4) || '00' END`;
    return db
      .select({ city, n: count(), address: sql<string>`min(${enterprises.address})` })
      .from(enterprises)
      .where(and(scopeWhere(scope), only ? sql`${enterprises.id} IN ${only}` : undefined))
      .groupBy(city)
      .orderBy(city);
  },
};

export const siteRepo = {
  async list(db: Db, enterpriseId: string) {
    return db.select().from(sites).where(eq(sites.enterpriseId, enterpriseId)).orderBy(sites.createdAt, sites.name);
  },
  async get(db: Db, enterpriseId: string, id: string) {
    const [s] = await db.select().from(sites).where(and(eq(sites.enterpriseId, enterpriseId), eq(sites.id, id))).limit(1);
    return s;
  },
  async insert(db: Db, row: typeof sites.$inferInsert) {
    const [s] = await db.insert(sites).values(row).returning();
    return s!;
  },
  async update(db: Db, enterpriseId: string, id: string, patch: Partial<typeof sites.$inferInsert>) {
    const [s] = await db
      .update(sites)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(sites.enterpriseId, enterpriseId), eq(sites.id, id)))
      .returning();
    return s;
  },
  /** Names of many sites at once (keys are `${enterpriseId}/${siteId}`). */
  async names(db: Db, pairs: { enterpriseId: string; siteId: string }[]) {
    if (pairs.length === 0) return [];
    const ids = [...new Set(pairs.map((p) => p.siteId))];
    return db.select({ enterpriseId: sites.enterpriseId, id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, ids));
  },
  async byName(db: Db, enterpriseId: string, name: string) {
    const [s] = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.enterpriseId, enterpriseId), eq(sites.name, name))).limit(1);
    return s;
  },
};
