import { and, count, desc, eq, getTableName, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { portalDemoUnits, portalPolicies, portalStandards, portalTestingOrgs } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import { searchBackfillTarget, searchTextRepo, type SearchBackfillTarget } from '../../platform/search/backfill.js';
import { indexText, queryTerms, tsQuery } from '../../platform/search/segment.js';
import { ilikeEscaped, likeContains } from '../../db/like.js';

/**
 * All SQL of the portal's content tables. The four kinds share one shape (editorial state, timestamps, a search
 * vector), so one generic repo serves them; each kind says which text it indexes and how it orders.
 */
export type StandardRow = typeof portalStandards.$inferSelect;
export type PolicyRow = typeof portalPolicies.$inferSelect;
export type DemoUnitRow = typeof portalDemoUnits.$inferSelect;
export type TestingOrgRow = typeof portalTestingOrgs.$inferSelect;
type AnyContentTable = typeof portalStandards | typeof portalPolicies | typeof portalDemoUnits | typeof portalTestingOrgs;

/** The columns every content table has (typed through one of them: the generic helpers below use only these). */
const common = (t: AnyContentTable) => t as unknown as typeof portalTestingOrgs;

export interface ContentRepo<Row extends { id: string; state: string }> {
  get(db: Db, id: string): Promise<Row | undefined>;
  lock(db: Db, id: string): Promise<Row | undefined>;
  insert(db: Db, row: Record<string, unknown>): Promise<Row>;
  update(db: Db, id: string, patch: Record<string, unknown>): Promise<Row>;
  /** One page; `published` restricts to what the public sees; `where` adds the kind's filters. */
  page(db: Db, opts: { published: boolean; state?: string; q?: string; where?: SQL[] }, p: Page): Promise<{ rows: Row[]; total: number }>;
  /** Every published row (datasets, feeds, sitemaps: bounded by what MIIT edits by hand). */
  allPublished(db: Db): Promise<Row[]>;
  /** Latest change of a published row (datasets' Last-Modified). */
  lastModified(db: Db): Promise<Date | null>;
  /** The search backfill's target of the table (platform/search/backfill.ts): the words insert and update write. */
  searchBackfill(db: Db): SearchBackfillTarget;
}

function contentRepo<Row extends { id: string; state: string }>(
  table: AnyContentTable,
  opts: {
    text: (r: Row) => Array<string | null | undefined>;
    /** the columns `text` reads (its keys → `x.<column>`): the search backfill reads and compares them */
    textColumns: Partial<Record<keyof Row, string>>;
    order: Array<SQL | PgColumn>;
    codeColumn?: SQL;
  },
): ContentRepo<Row> {
  const t = common(table);
  const tsv = (r: Row) => sql`to_tsvector('simple', ${indexText(...opts.text(r))})`;
  // rows stored without their vector, or every row after the segmenter changed, get the words insert and update write
  const searchTexts = searchTextRepo<Row>({ table: getTableName(table), text: opts.textColumns as { [K in keyof Row]: string }, words: (rows) => rows.map((r) => indexText(...opts.text(r))) });
  const repo: ContentRepo<Row> = {
    async get(db, id) {
      const [r] = await db.select().from(t).where(eq(t.id, id)).limit(1);
      return r as unknown as Row | undefined;
    },
    async lock(db, id) {
      const [r] = await db.select().from(t).where(eq(t.id, id)).for('update');
      return r as unknown as Row | undefined;
    },
    async insert(db, row) {
      const [r] = await db.insert(t).values(row as never).returning();
      const [withTsv] = await db.update(t).set({ searchTsv: tsv(r as unknown as Row) } as never).where(eq(t.id, (r as unknown as Row).id)).returning();
      return withTsv as unknown as Row;
    },
    async update(db, id, patch) {
      const [r] = await db.update(t).set({ ...patch, updatedAt: sql`now()` } as never).where(eq(t.id, id)).returning();
      const [withTsv] = await db.update(t).set({ searchTsv: tsv(r as unknown as Row) } as never).where(eq(t.id, id)).returning();
      return withTsv as unknown as Row;
    },
    async page(db, f, p) {
      const conds: SQL[] = [...(f.where ?? [])];
      if (f.published) conds.push(eq(t.state, 'published'));
      else if (f.state) conds.push(eq(t.state, f.state as 'draft'));
      if (f.q) {
        const query = tsQuery(queryTerms(f.q));
        const byWords = query ? sql`${t.searchTsv} @@ to_tsquery('simple', ${query})` : undefined;
        const byCode = opts.codeColumn ? ilikeEscaped(opts.codeColumn, likeContains(f.q)) : undefined;
        const any = [byWords, byCode].filter((c): c is SQL => !!c);
        conds.push(any.length ? or(...any)! : sql`false`);
      }
      const where = conds.length ? and(...conds) : undefined;
      const [rows, [total]] = await Promise.all([
        db.select().from(t).where(where).orderBy(...opts.order).limit(p.pageSize).offset(offsetOf(p)),
        db.select({ n: count() }).from(t).where(where),
      ]);
      return { rows: rows as unknown as Row[], total: Number(total?.n ?? 0) };
    },
    async allPublished(db) {
      return (await db.select().from(t).where(eq(t.state, 'published')).orderBy(...opts.order)) as unknown as Row[];
    },
    async lastModified(db) {
      const [r] = await db.select({ at: sql<string | null>`max(${t.updatedAt})` }).from(t).where(eq(t.state, 'published'));
      return r?.at ? new Date(r.at) : null;
    },
    searchBackfill: (db) => searchBackfillTarget(db, searchTexts),
  };
  return repo;
}

export const standardRepo = {
  ...contentRepo<StandardRow>(portalStandards, {
    text: (r) => [r.code, r.title, r.titleEn, r.summary, r.drafters.join(' ')],
    textColumns: { code: 'x.code', title: 'x.title', titleEn: 'x.title_en', summary: 'x.summary', drafters: 'x.drafters' },
    order: [sql`${portalStandards.issuedOn} DESC NULLS LAST`, portalStandards.code],
    codeColumn: sql`${portalStandards.code}`,
  }),
  filters: (f: { status?: string; type?: string }) =>
    [f.status ? eq(portalStandards.status, f.status as 'current') : undefined, f.type ? eq(portalStandards.type, f.type as 'national') : undefined].filter((c): c is SQL => !!c),
  /** Published standards whose code is one of `codes` (replaced-by links). */
  async idsByCode(db: Db, codes: string[]) {
    if (!codes.length) return new Map<string, string>();
    const rows = await db
      .select({ id: portalStandards.id, code: portalStandards.code })
      .from(portalStandards)
      .where(and(eq(portalStandards.state, 'published'), sql`upper(${portalStandards.code}) IN (${sql.join(codes.map((c) => sql`${c.toUpperCase()}`), sql`, `)})`));
    return new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
  },
  /** Published standards by year of issue since `from` (the 50-standard target's trend). */
  async publishedByYear(db: Db, from: string) {
    const rows = await db
      .select({ year: sql<number>`extract(year from ${portalStandards.issuedOn})::int`, n: count() })
      .from(portalStandards)
      .where(and(eq(portalStandards.state, 'published'), sql`${portalStandards.issuedOn} >= ${from}`))
      .groupBy(sql`1`)
      .orderBy(sql`1`);
    return rows.map((r) => ({ year: Number(r.year), count: Number(r.n) }));
  },
};

export const policyRepo = {
  ...contentRepo<PolicyRow>(portalPolicies, {
    text: (r) => [r.title, r.docNumber, r.issuer, r.body],
    textColumns: { title: 'x.title', docNumber: 'x.doc_number', issuer: 'x.issuer', body: 'x.body' },
    order: [desc(portalPolicies.issuedOn), portalPolicies.title],
    codeColumn: sql`${portalPolicies.docNumber}`,
  }),
  filters: (f: { category?: string }) => (f.category ? [eq(portalPolicies.category, f.category as 'policy')] : []),
};

export const demoUnitRepo = {
  ...contentRepo<DemoUnitRow>(portalDemoUnits, {
    text: (r) => [r.name, r.city, r.field, r.description],
    textColumns: { name: 'x.name', city: 'x.city', field: 'x.field', description: 'x.description' },
    order: [desc(portalDemoUnits.year), portalDemoUnits.provinceCode, portalDemoUnits.name],
  }),
  filters: (f: { kind?: string; province?: string; field?: string; year?: number }) =>
    [
      f.kind ? eq(portalDemoUnits.kind, f.kind as 'park') : undefined,
      f.province ? eq(portalDemoUnits.provinceCode, f.province) : undefined,
      f.field ? eq(portalDemoUnits.field, f.field) : undefined,
      f.year ? eq(portalDemoUnits.year, f.year) : undefined,
    ].filter((c): c is SQL => !!c),
  /** Published units per province (the tile map), one GROUP BY. */
  async countByProvince(db: Db) {
    const rows = await db
      .select({ provinceCode: portalDemoUnits.provinceCode, n: count() })
      .from(portalDemoUnits)
      .where(eq(portalDemoUnits.state, 'published'))
      .groupBy(portalDemoUnits.provinceCode)
      .orderBy(portalDemoUnits.provinceCode);
    return rows.map((r) => ({ provinceCode: r.provinceCode, count: Number(r.n) }));
  },
  /** Published units by year of designation (cumulative on the targets board). */
  async countByYear(db: Db) {
    const rows = await db.select({ year: portalDemoUnits.year, n: count() }).from(portalDemoUnits).where(eq(portalDemoUnits.state, 'published')).groupBy(portalDemoUnits.year).orderBy(portalDemoUnits.year);
    return rows.map((r) => ({ year: r.year, count: Number(r.n) }));
  },
};

export const testingOrgRepo = {
  ...contentRepo<TestingOrgRow>(portalTestingOrgs, {
    text: (r) => [r.name, r.accreditationNo, r.scope],
    textColumns: { name: 'x.name', accreditationNo: 'x.accreditation_no', scope: 'x.scope' },
    order: [portalTestingOrgs.provinceCode, portalTestingOrgs.name],
    codeColumn: sql`${portalTestingOrgs.accreditationNo}`,
  }),
  filters: (f: { province?: string }) => (f.province ? [eq(portalTestingOrgs.provinceCode, f.province)] : []),
};

/** The portal's four content tables as targets of the search backfill (job search.backfill, registered in app.ts). */
export const portalSearchBackfill = (db: Db): SearchBackfillTarget[] => [standardRepo, policyRepo, demoUnitRepo, testingOrgRepo].map((r) => r.searchBackfill(db));
