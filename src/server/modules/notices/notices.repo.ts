import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
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
  async setOverride(db: Db, day: string, workday: boolean, note: string | null) {
    await db.insert(workdayOverrides).values({ day, workday, note }).onConflictDoUpdate({ target: workdayOverrides.day, set: { workday, note } });
  },
};
