import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { offsetOf, type Page } from '../../platform/paging.js';
import { rowsOf, type Db } from '../../db/client.js';
import { noticeBatches, noticeEntries, objections, workdayOverrides } from '../../db/schema.js';

export type NoticeRow = typeof noticeBatches.$inferSelect;
export type NoticeEntryRow = typeof noticeEntries.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;

/** All SQL on 公示 batches, their entries and objections, and the working-day overrides. */
export const noticeRepo = {
  async insertBatch(db: Db, row: typeof noticeBatches.$inferInsert) {
    const [b] = await db.insert(noticeBatches).values(row).returning();
    return b!;
  },
  async insertEntries(db: Db, rows: (typeof noticeEntries.$inferInsert)[]) {
    if (rows.length) await db.insert(noticeEntries).values(rows);
  },
  async get(db: Db, id: string) {
    const [b] = await db.select().from(noticeBatches).where(eq(noticeBatches.id, id)).limit(1);
    return b;
  },
  async lock(db: Db, id: string) {
    const [b] = await db.select().from(noticeBatches).where(eq(noticeBatches.id, id)).for('update').limit(1);
    return b;
  },
  list: (db: Db) => db.select().from(noticeBatches).orderBy(desc(noticeBatches.startDate), desc(noticeBatches.createdAt)),
  /** One page of batches (newest first), or of the batches open on `openOn`; with the count of entries (listed only: `listedOnly`). */
  async page(db: Db, p: Page, f: { openOn?: string; listedOnly?: boolean } = {}) {
    const where = f.openOn ? and(eq(noticeBatches.status, 'open'), lte(noticeBatches.startDate, f.openOn), gte(noticeBatches.endDate, f.openOn)) : undefined;
    const order = f.openOn ? [asc(noticeBatches.endDate), asc(noticeBatches.createdAt)] : [desc(noticeBatches.startDate), desc(noticeBatches.createdAt)];
    const listed = f.listedOnly ? sql`AND e.status = 'listed'` : sql``;
    const [rows, [total]] = await Promise.all([
      db
        .select({ batch: noticeBatches, entryCount: sql<number>`(SELECT count(*)::int FROM notice_entries e WHERE e.batch_id = notice_batches.id ${listed})` })
        .from(noticeBatches)
        .where(where)
        .orderBy(...order)
        .limit(p.pageSize)
        .offset(offsetOf(p)),
      db.select({ n: count() }).from(noticeBatches).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  /** Entries of these batches ranked by seq within each batch, rows `from`…`to` of each (1-based), one query. */
  async entryWindows(db: Db, batchIds: string[], from: number, to: number, listedOnly: boolean) {
    if (batchIds.length === 0) return [];
    return rowsOf<{ batch_id: string; id: string; enterprise_id: string; application_id: string; seq: number; status: string; total: number }>(
      db,
      sql`SELECT * FROM (
            SELECT e.batch_id, e.id, e.enterprise_id, e.application_id, e.seq, e.status,
                   row_number() OVER (PARTITION BY e.batch_id ORDER BY e.seq)::int AS rn, count(*) OVER (PARTITION BY e.batch_id)::int AS total
            FROM notice_entries e
            WHERE e.batch_id IN (${sql.join(batchIds.map((id) => sql`${id}::uuid`), sql`, `)}) ${listedOnly ? sql`AND e.status = 'listed'` : sql``}
          ) w WHERE w.rn BETWEEN ${from} AND ${to} ORDER BY w.batch_id, w.seq`,
    );
  },
  /** Open batches whose window contains `today`. */
  openOn: (db: Db, today: string) =>
    db
      .select()
      .from(noticeBatches)
      .where(and(eq(noticeBatches.status, 'open'), lte(noticeBatches.startDate, today), gte(noticeBatches.endDate, today)))
      .orderBy(asc(noticeBatches.endDate)),
  entries: (db: Db, batchIds: string[]) =>
    batchIds.length ? db.select().from(noticeEntries).where(inArray(noticeEntries.batchId, batchIds)).orderBy(asc(noticeEntries.seq)) : Promise.resolve([]),
  async entry(db: Db, batchId: string, entryId: string) {
    const [e] = await db.select().from(noticeEntries).where(and(eq(noticeEntries.batchId, batchId), eq(noticeEntries.id, entryId))).limit(1);
    return e;
  },
  async setEntryStatus(db: Db, batchId: string, entryId: string, status: string) {
    await db.update(noticeEntries).set({ status }).where(and(eq(noticeEntries.batchId, batchId), eq(noticeEntries.id, entryId)));
  },
  async close(db: Db, id: string) {
    await db.update(noticeBatches).set({ status: 'closed', closedAt: new Date() }).where(eq(noticeBatches.id, id));
  },
  async insertObjection(db: Db, row: typeof objections.$inferInsert) {
    const [o] = await db.insert(objections).values(row).returning();
    return o!;
  },
  objections: (db: Db, batchId: string) => db.select().from(objections).where(eq(objections.batchId, batchId)).orderBy(asc(objections.filedAt)),
  async objectionByTrackingCode(db: Db, code: string) {
    const [o] = await db.select().from(objections).where(eq(objections.trackingCode, code)).limit(1);
    return o;
  },
  async objection(db: Db, id: string) {
    const [o] = await db.select().from(objections).where(eq(objections.id, id)).limit(1);
    return o;
  },
  /** Conditional: only a pending objection is resolved; false when another request resolved it first. */
  async resolveObjection(db: Db, id: string, patch: { status: string; resolution: string; resolvedBy: string }) {
    const rows = await db
      .update(objections)
      .set({ ...patch, resolvedAt: new Date() })
      .where(and(eq(objections.id, id), eq(objections.status, 'pending')))
      .returning({ id: objections.id });
    return rows.length === 1;
  },
  async pendingCount(db: Db) {
    const r = await db.execute<{ batch_id: string; n: number }>(sql`SELECT batch_id, count(*)::int AS n FROM objections WHERE status = 'pending' GROUP BY batch_id`);
    return (r as unknown as { rows: { batch_id: string; n: number }[] }).rows;
  },
  workdayOverrides: (db: Db) => db.select().from(workdayOverrides).orderBy(asc(workdayOverrides.day)),
  /** One page of the overrides, latest day first (the list screen); the calendar itself reads them all. */
  async workdayOverridePage(db: Db, page: Page) {
    const [items, [n]] = await Promise.all([
      db.select().from(workdayOverrides).orderBy(desc(workdayOverrides.day)).limit(page.pageSize).offset(offsetOf(page)),
      db.select({ n: count() }).from(workdayOverrides),
    ]);
    return { items: items.map((o) => ({ date: o.day, workday: o.workday })), total: Number(n?.n ?? 0), ...page };
  },
  async setOverride(db: Db, day: string, workday: boolean, note: string | null) {
    await db.insert(workdayOverrides).values({ day, workday, note }).onConflictDoUpdate({ target: workdayOverrides.day, set: { workday, note } });
  },
};
