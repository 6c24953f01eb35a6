import { and, asc, count, desc, eq, inArray, like, lte, max, or, sql, type SQL } from 'drizzle-orm';
import { offsetOf, type Page } from '../../platform/paging.js';
import { rowsOf, type Db } from '../../db/client.js';
import { announcementBatches, announcementEntries } from '../../db/schema.js';
import { ilikeEscaped, likeEscaped, likeContains, likePrefix } from '../../db/like.js';

export type AnnouncementRow = typeof announcementBatches.$inferSelect;
export type AnnouncementEntryRow = typeof announcementEntries.$inferSelect;


/** All SQL on 公告 batches and their entries (the published list). */
export const announcementRepo = {
  /**
   * Batch numbers are max + 1: the transaction that numbers a batch holds this lock until it commits, so two
   * publications never draw the same number (transaction-scoped advisory lock; key next to the audit chain's).
   */
  async lockNumbering(db: Db) {
    await db.execute(sql`SELECT pg_advisory_xact_lock(727004)`);
  },
  async nextBatchNo(db: Db) {
    const [r] = await db.select({ n: max(announcementBatches.batchNo) }).from(announcementBatches);
    return Number(r?.n ?? 0) + 1;
  },
  /** Document numbers that may be of `year` (the domain reads the number out of each: domain/publication/doc-number.ts). */
  async docNumbersOfYear(db: Db, year: number) {
    const rows = await db.select({ d: announcementBatches.docNumber }).from(announcementBatches).where(like(announcementBatches.docNumber, `%${year}%`));
    return rows.map((r) => r.d);
  },
  /** undefined when the batch or document number is taken (unique): the caller answers 409. */
  async insertBatch(db: Db, row: typeof announcementBatches.$inferInsert) {
    const [b] = await db.insert(announcementBatches).values(row).onConflictDoNothing().returning();
    return b;
  },
  async insertEntries(db: Db, rows: (typeof announcementEntries.$inferInsert)[]) {
    if (rows.length) await db.insert(announcementEntries).values(rows);
  },
  /** Newest first by the date announced (issue 16 item 11), the batch number breaking ties. */
  batches: (db: Db) => db.select().from(announcementBatches).orderBy(desc(announcementBatches.announcedOn), desc(announcementBatches.batchNo)),
  /** One page of batches (newest announced first) with each batch's entry count. */
  async batchPage(db: Db, p: Page) {
    const [rows, [total]] = await Promise.all([
      db
        .select({ batch: announcementBatches, entryCount: sql<number>`(SELECT count(*)::int FROM announcement_entries e WHERE e.batch_id = announcement_batches.id)` })
        .from(announcementBatches)
        .orderBy(desc(announcementBatches.announcedOn), desc(announcementBatches.batchNo))
        .limit(p.pageSize)
        .offset(offsetOf(p)),
      db.select({ n: count() }).from(announcementBatches),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  /** The first page of entries of each of these batches, one query (a batch's seq runs 1…n without gaps). */
  entryFirstPages: (db: Db, batchIds: string[], pageSize: number) =>
    batchIds.length === 0
      ? Promise.resolve([])
      : db.select().from(announcementEntries).where(and(inArray(announcementEntries.batchId, batchIds), lte(announcementEntries.seq, pageSize))).orderBy(asc(announcementEntries.seq)),
  async batch(db: Db, id: string) {
    const [b] = await db.select().from(announcementBatches).where(eq(announcementBatches.id, id)).limit(1);
    return b;
  },
  entriesOf: (db: Db, batchId: string) => db.select().from(announcementEntries).where(eq(announcementEntries.batchId, batchId)).orderBy(asc(announcementEntries.seq)),
  async entryPage(db: Db, batchId: string, p: Page) {
    const where = eq(announcementEntries.batchId, batchId);
    const [rows, [total]] = await Promise.all([
      db.select().from(announcementEntries).where(where).orderBy(asc(announcementEntries.seq)).limit(p.pageSize).offset(offsetOf(p)),
      db.select({ n: count() }).from(announcementEntries).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  allEntries: (db: Db) => db.select().from(announcementEntries).orderBy(asc(announcementEntries.batchId), asc(announcementEntries.seq)),

  activeOf: (db: Db, enterpriseId: string) =>
    db.select().from(announcementEntries).where(and(eq(announcementEntries.enterpriseId, enterpriseId), eq(announcementEntries.status, 'active'))),
  /** 七(二)4: take an enterprise's active entries off the list, remembering the day. */
  async markRevoked(db: Db, enterpriseId: string, on: string) {
    const rows = await db
      .update(announcementEntries)
      .set({ status: 'revoked', revokedOn: on })
      .where(and(eq(announcementEntries.enterpriseId, enterpriseId), eq(announcementEntries.status, 'active')))
      .returning({ batchId: announcementEntries.batchId, seq: announcementEntries.seq });
    return rows.length;
  },
  /** 七(二)3: a confirmed change updates the active entries' facts and appends old → new to their history. */
  async applyChange(db: Db, e: { batchId: string; seq: number }, patch: { enterpriseName?: string; siteName?: string }, history: { on: string; fact: string; old: string; new: string }[]) {
    await db
      .update(announcementEntries)
      .set({ ...patch, history: sql`${announcementEntries.history} || ${JSON.stringify(history)}::jsonb` })
      .where(and(eq(announcementEntries.batchId, e.batchId), eq(announcementEntries.seq, e.seq)));
  },

  /** Active entries with their batch date (read by the annual-report and statistics capabilities). */
  async activeSites(db: Db) {
    return db
      .select({
        enterpriseId: announcementEntries.enterpriseId,
        siteId: announcementEntries.siteId,
        provinceCode: announcementEntries.provinceCode,
        enterpriseName: announcementEntries.enterpriseName,
        siteName: announcementEntries.siteName,
        fields: announcementEntries.fields,
        announcedOn: announcementBatches.announcedOn,
      })
      .from(announcementEntries)
      .innerJoin(announcementBatches, eq(announcementBatches.id, announcementEntries.batchId))
      .where(eq(announcementEntries.status, 'active'))
      .orderBy(asc(announcementBatches.announcedOn), asc(announcementEntries.seq));
  },

  /**
   * The announced sites as a derived table (enterprise_id, site_id, province_code, fields): one row per site,
   * its earliest active entry. For other modules' aggregate queries (annual-report statistics by province).
   */
  announcedSitesTable: (): SQL => sql`(SELECT DISTINCT ON (e.enterprise_id, e.site_id) e.enterprise_id, e.site_id, e.province_code, e.fields
    FROM announcement_entries e JOIN announcement_batches b ON b.id = e.batch_id WHERE e.status = 'active'
    ORDER BY e.enterprise_id, e.site_id, b.announced_on, e.seq)`,

  /** Announced enterprises and sites counted in SQL: in total, by province, by field; `within`: enterprise ids (a subquery). */
  async announcedCounts(db: Db, within?: SQL, detail = true) {
    const where = within ? sql`WHERE s.enterprise_id IN ${within}` : sql``;
    const sites = announcementRepo.announcedSitesTable();
    const [totals, byRegion, byField] = await Promise.all([
      rowsOf<{ enterprises: number; sites: number }>(db, sql`SELECT count(DISTINCT s.enterprise_id)::int AS enterprises, count(*)::int AS sites FROM ${sites} s ${where}`),
      detail
        ? rowsOf<{ province_code: string; enterprises: number; sites: number }>(db, sql`SELECT s.province_code, count(DISTINCT s.enterprise_id)::int AS enterprises, count(*)::int AS sites FROM ${sites} s ${where} GROUP BY s.province_code ORDER BY s.province_code`)
        : [],
      detail
        ? rowsOf<{ field: string; enterprises: number }>(db, sql`SELECT f AS field, count(DISTINCT s.enterprise_id)::int AS enterprises FROM ${sites} s CROSS JOIN LATERAL unnest(s.fields) AS f ${where} GROUP BY f`)
        : [],
    ]);
    return { enterprises: totals[0]?.enterprises ?? 0, sites: totals[0]?.sites ?? 0, byRegion, byField };
  },

  /** The current announced list (active entries), searchable by name, region prefix and field. */
  async search(db: Db, f: { q?: string; regionPrefix?: string; field?: string }, page: number, pageSize: number) {
    const where: SQL | undefined = and(
      eq(announcementEntries.status, 'active'),
      f.q ? or(ilikeEscaped(announcementEntries.enterpriseName, likeContains(f.q)), likeEscaped(announcementEntries.creditCode, likePrefix(f.q.toUpperCase()))) : undefined,
      f.regionPrefix ? like(announcementEntries.provinceCode, `${f.regionPrefix}%`) : undefined,
      f.field ? sql`${f.field} = ANY(${announcementEntries.fields})` : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({ entry: announcementEntries, batch: announcementBatches })
        .from(announcementEntries)
        .innerJoin(announcementBatches, eq(announcementBatches.id, announcementEntries.batchId))
        .where(where)
        .orderBy(desc(announcementBatches.announcedOn), desc(announcementBatches.batchNo), asc(announcementEntries.seq))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(announcementEntries).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
};
