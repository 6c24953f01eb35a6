import { and, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { serviceCaseEvents, serviceCases } from '../../db/schema.js';

/** All SQL on service_cases and service_case_events. */
export type CaseRow = typeof serviceCases.$inferSelect;
export type CaseEventRow = typeof serviceCaseEvents.$inferSelect;
export interface CaseFilter {
  state?: CaseRow['state'];
  deviceId?: string;
  claim?: 'pending' | 'accepted' | 'rejected' | 'any';
}

export const caseRepo = {
  /** Insert; null when the alarm has a case already (one case per alarm: unique partial index). */
  async insert(db: Db, row: typeof serviceCases.$inferInsert) {
    const [r] = await db.insert(serviceCases).values(row).onConflictDoNothing().returning();
    return r ?? null;
  },
  async get(db: Db, id: string) {
    const [r] = await db.select().from(serviceCases).where(eq(serviceCases.id, id)).limit(1);
    return r ?? null;
  },
  async lock(db: Db, id: string) {
    const [r] = await db.select().from(serviceCases).where(eq(serviceCases.id, id)).for('update').limit(1);
    return r ?? null;
  },
  async byAlarm(db: Db, alarmId: string) {
    const [r] = await db.select().from(serviceCases).where(eq(serviceCases.alarmId, alarmId)).limit(1);
    return r ?? null;
  },
  /** Conditional on the version read under the lock (belt and braces: the row is locked). */
  async update(db: Db, id: string, version: number, patch: Partial<typeof serviceCases.$inferInsert>) {
    const [r] = await db
      .update(serviceCases)
      .set({ ...patch, version: version + 1, updatedAt: sql`now()` })
      .where(and(eq(serviceCases.id, id), eq(serviceCases.version, version)))
      .returning();
    return r ?? null;
  },
  async addEvent(db: Db, e: typeof serviceCaseEvents.$inferInsert) {
    await db.insert(serviceCaseEvents).values(e);
  },
  async events(db: Db, caseId: string) {
    return db.select().from(serviceCaseEvents).where(eq(serviceCaseEvents.caseId, caseId)).orderBy(serviceCaseEvents.id);
  },
  /** The cases of a maker's enterprise and/or those an organisation opened (owner), or of one device. */
  async list(db: Db, scope: { enterpriseId: string | null; openedByOrg: string | null } | { deviceId: string }, f: CaseFilter, page: number, pageSize: number) {
    const who: SQL | undefined =
      'deviceId' in scope
        ? eq(serviceCases.deviceId, scope.deviceId)
        : or(scope.enterpriseId ? eq(serviceCases.enterpriseId, scope.enterpriseId) : undefined, scope.openedByOrg ? eq(serviceCases.openedByOrg, scope.openedByOrg) : undefined);
    const where = and(
      who ?? sql`false`,
      f.state ? eq(serviceCases.state, f.state) : undefined,
      f.deviceId && !('deviceId' in scope) ? eq(serviceCases.deviceId, f.deviceId) : undefined,
      f.claim === 'any' ? isNotNull(serviceCases.claimStatus) : f.claim ? eq(serviceCases.claimStatus, f.claim) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db.select().from(serviceCases).where(where).orderBy(desc(serviceCases.openedAt), desc(serviceCases.id)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(serviceCases).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  /** Every case of some enterprises opened in [from, to) (statistics; bounded by the caller's scope). */
  async forStatistics(db: Db, enterpriseIds: string[] | null, from: Date | null, to: Date | null) {
    return db
      .select()
      .from(serviceCases)
      .where(
        and(
          enterpriseIds ? (enterpriseIds.length ? inArray(serviceCases.enterpriseId, enterpriseIds) : sql`false`) : undefined,
          from ? sql`${serviceCases.openedAt} >= ${from}` : undefined,
          to ? sql`${serviceCases.openedAt} < ${to}` : undefined,
        ),
      )
      .limit(100_000);
  },
};
