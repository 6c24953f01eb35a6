import { and, asc, count, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { catalogueApplications as t, catalogueBatches as b } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import { searchTextRepo } from '../../platform/search/backfill.js';
import { indexText, queryTerms, tsQuery } from '../../platform/search/segment.js';

/** All SQL of the catalogue's tables (catalogue_applications, catalogue_batches). */
export type CatalogueRow = typeof t.$inferSelect;
export type BatchRow = typeof b.$inferSelect;

/** An application's searched text: name, model, specifications, standard and catalogue number. */
export type CatalogueSearchText = Pick<CatalogueRow, 'productName' | 'model' | 'specifications' | 'standardCode' | 'listedNo'>;
/** The words an application is found by: insert, update and the backfill of old rows write the same. */
const searchWords = (r: CatalogueSearchText) => indexText(r.productName, r.model, r.specifications, r.standardCode, r.listedNo);
const tsv = (r: CatalogueRow) => sql`to_tsvector('simple', ${searchWords(r)})`;

/**
 * The search backfill's SQL of catalogue_applications (platform/search/backfill.ts): applications stored with an
 * empty vector (a restore, rows loaded by SQL), or all of them after the segmenter changed, get the words insert and
 * update write, where the text is still the one read.
 */
export const catalogueSearchTexts = searchTextRepo<CatalogueSearchText>({
  table: 'catalogue_applications',
  text: { productName: 'x.product_name', model: 'x.model', specifications: 'x.specifications', standardCode: 'x.standard_code', listedNo: 'x.listed_no' },
  words: (rows) => rows.map(searchWords),
});

export type Scope = { kind: 'enterprise'; enterpriseId: string } | { kind: 'authority'; authorityId: string } | { kind: 'ministry' };

export const catalogueRepo = {
  async get(db: Db, id: string) {
    const [r] = await db.select().from(t).where(eq(t.id, id)).limit(1);
    return r;
  },
  async lock(db: Db, id: string) {
    const [r] = await db.select().from(t).where(eq(t.id, id)).for('update');
    return r;
  },
  async lockMany(db: Db, ids: string[]) {
    return db.select().from(t).where(inArray(t.id, ids)).orderBy(asc(t.id)).for('update');
  },
  async insert(db: Db, row: typeof t.$inferInsert) {
    const [r] = await db.insert(t).values(row).returning();
    const [withTsv] = await db.update(t).set({ searchTsv: tsv(r!) }).where(eq(t.id, r!.id)).returning();
    return withTsv!;
  },
  async update(db: Db, id: string, patch: Partial<typeof t.$inferInsert>) {
    const [r] = await db.update(t).set({ ...patch, updatedAt: sql`now()` }).where(eq(t.id, id)).returning();
    const [withTsv] = await db.update(t).set({ searchTsv: tsv(r!) }).where(eq(t.id, id)).returning();
    return withTsv!;
  },
  /** The applications a caller sees (drafts only to their enterprise), newest first. */
  async page(db: Db, scope: Scope, f: { state?: string; q?: string }, p: Page) {
    const conds: SQL[] = [];
    if (scope.kind === 'enterprise') conds.push(eq(t.enterpriseId, scope.enterpriseId));
    else {
      conds.push(sql`${t.state} <> 'draft'`);
      if (scope.kind === 'authority') conds.push(eq(t.authorityId, scope.authorityId));
    }
    if (f.state) conds.push(eq(t.state, f.state as 'draft'));
    const q = f.q ? tsQuery(queryTerms(f.q)) : null;
    if (f.q) conds.push(q ? sql`${t.searchTsv} @@ to_tsquery('simple', ${q})` : sql`false`);
    const where = and(...conds);
    const [rows, [n]] = await Promise.all([
      db.select().from(t).where(where).orderBy(desc(t.updatedAt), asc(t.id)).limit(p.pageSize).offset(offsetOf(p)),
      db.select({ n: count() }).from(t).where(where),
    ]);
    return { rows, total: Number(n?.n ?? 0) };
  },
  /** The public catalogue: listed models (and the models in 公示 when `inNotice`). */
  async publicPage(db: Db, f: { q?: string; field?: string; batch?: number; inNotice?: boolean }, p: Page) {
    const conds: SQL[] = [eq(t.state, f.inNotice ? 'in_notice' : 'listed')];
    if (f.field) conds.push(eq(t.field, f.field));
    if (f.batch) conds.push(sql`${t.batchId} = (SELECT id FROM catalogue_batches WHERE batch_no = ${f.batch})`);
    const q = f.q ? tsQuery(queryTerms(f.q)) : null;
    if (f.q) conds.push(q ? sql`${t.searchTsv} @@ to_tsquery('simple', ${q})` : sql`false`);
    const where = and(...conds);
    const [rows, [n]] = await Promise.all([
      db.select({ a: t, batchNo: b.batchNo, batchTitle: b.title, publishedOn: b.publishedOn }).from(t).leftJoin(b, eq(b.id, t.batchId)).where(where).orderBy(asc(t.listedNo), asc(t.noticeEndOn), asc(t.id)).limit(p.pageSize).offset(offsetOf(p)),
      db.select({ n: count() }).from(t).where(where),
    ]);
    return { rows, total: Number(n?.n ?? 0) };
  },
  async allListed(db: Db) {
    return db.select({ a: t, batchNo: b.batchNo, batchTitle: b.title, publishedOn: b.publishedOn }).from(t).innerJoin(b, eq(b.id, t.batchId)).where(eq(t.state, 'listed')).orderBy(asc(t.listedNo));
  },
  /** Listed models among (enterprise, model) pairs: the badge of labels, verification pages and listings. */
  async listedModels(db: Db, pairs: { enterpriseId: string; model: string }[]) {
    if (!pairs.length) return [];
    const ents = [...new Set(pairs.map((x) => x.enterpriseId))];
    return db
      .select({ enterpriseId: t.enterpriseId, model: t.model, listedNo: t.listedNo, batchNo: b.batchNo, id: t.id })
      .from(t)
      .innerJoin(b, eq(b.id, t.batchId))
      .where(and(eq(t.state, 'listed'), inArray(t.enterpriseId, ents)));
  },
  async batches(db: Db) {
    return db
      .select({ batch: b, n: sql<number>`(SELECT count(*)::int FROM catalogue_applications a WHERE a.batch_id = catalogue_batches.id)` })
      .from(b)
      .orderBy(desc(b.batchNo));
  },
  async lastBatchNo(db: Db) {
    const [r] = await db.select({ n: max(b.batchNo) }).from(b);
    return r?.n ?? 0;
  },
  async insertBatch(db: Db, row: typeof b.$inferInsert) {
    const [r] = await db.insert(b).values(row).returning();
    return r!;
  },
  async lastModified(db: Db) {
    const [r] = await db.select({ at: max(t.listedAt) }).from(t).where(eq(t.state, 'listed'));
    return r?.at ?? null;
  },
};
