import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { revocationCases, revocations } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { SupervisionScope } from '../supervision/index.js';

export type RevocationCaseRow = typeof revocationCases.$inferSelect;
export type RevocationLockRow = typeof revocations.$inferSelect;

function scopeWhere(s: SupervisionScope): SQL | undefined {
  switch (s.kind) {
    case 'ministry':
      return undefined;
    case 'authority':
      return eq(revocationCases.authorityId, s.authorityId);
    case 'enterprise':
      // the enterprise learns of a case when MIIT notifies it (七(二)4 提前告知企业)
      return and(eq(revocationCases.enterpriseId, s.enterpriseId), sql`${revocationCases.state} <> 'opened'`);
    case 'none':
      return sql`false`;
  }
}

const listWhere = (scope: SupervisionScope, f: { states?: string[]; enterpriseId?: string }) =>
  and(scopeWhere(scope), f.states?.length ? inArray(revocationCases.state, f.states) : undefined, f.enterpriseId ? eq(revocationCases.enterpriseId, f.enterpriseId) : undefined);

/** All SQL on revocation cases and on the reapply-lock table `revocations` (七(二)4). */
export const revocationRepo = {
  async get(db: Db, id: string) {
    const [r] = await db.select().from(revocationCases).where(eq(revocationCases.id, id)).limit(1);
    return r;
  },
  /** Lock by id (the first read of a write: its decision is taken on this row). */
  async lockById(db: Db, id: string) {
    const [r] = await db.select().from(revocationCases).where(eq(revocationCases.id, id)).for('update').limit(1);
    return r;
  },
  /**
   * Serialise the opening of cases per enterprise until commit (transaction-scoped advisory lock): the
   * "one open case per enterprise" check that follows is then decided on what is committed.
   */
  async lockOpening(db: Db, enterpriseId: string) {
    await db.execute(sql`SELECT pg_advisory_xact_lock(727005, hashtext(${enterpriseId}))`);
  },
  /** The caller's cases, newest first (bounded: for the to-do list). */
  list(db: Db, scope: SupervisionScope, f: { states?: string[]; enterpriseId?: string }) {
    return db.select().from(revocationCases).where(listWhere(scope, f)).orderBy(desc(revocationCases.createdAt)).limit(500);
  },
  /** One page of the caller's cases, newest first, with the total. */
  async page(db: Db, scope: SupervisionScope, f: { states?: string[] }, p: Page) {
    const where = listWhere(scope, f);
    const [rows, [total]] = await Promise.all([
      db.select().from(revocationCases).where(where).orderBy(desc(revocationCases.createdAt), desc(revocationCases.id)).limit(p.pageSize).offset(offsetOf(p)),
      db.select({ n: count() }).from(revocationCases).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  async openFor(db: Db, enterpriseId: string) {
    const [r] = await db
      .select()
      .from(revocationCases)
      .where(and(eq(revocationCases.enterpriseId, enterpriseId), inArray(revocationCases.state, ['opened', 'notified', 'statement_received'])))
      .limit(1);
    return r;
  },
  async insert(db: Db, row: typeof revocationCases.$inferInsert) {
    const [r] = await db.insert(revocationCases).values(row).returning();
    return r!;
  },
  /** Guarded update: only when the row is still in `fromStates` (concurrent double clicks lose). */
  async update(db: Db, c: { enterpriseId: string; id: string }, fromStates: string[], patch: Partial<RevocationCaseRow>) {
    const [r] = await db
      .update(revocationCases)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(revocationCases.enterpriseId, c.enterpriseId), eq(revocationCases.id, c.id), inArray(revocationCases.state, fromStates)))
      .returning();
    return r;
  },
  async insertLock(db: Db, row: typeof revocations.$inferInsert) {
    await db.insert(revocations).values(row);
  },
  async setLockAccepted(db: Db, enterpriseId: string, caseId: string, acceptedOn: string) {
    await db.update(revocations).set({ rectificationAcceptedAt: acceptedOn }).where(and(eq(revocations.enterpriseId, enterpriseId), eq(revocations.id, caseId)));
  },
  locksOf: (db: Db, enterpriseId: string) => db.select().from(revocations).where(eq(revocations.enterpriseId, enterpriseId)),
};

/**
 * The reapply-lock reader the applications service uses before a new draft (七(二)4: 经整改合格 2 年后方可重新提出).
 * Created before the applications service (it needs nothing but the database).
 */
export function createRevocationLocks({ db }: { db: Db }) {
  return {
    /** `conn`: the caller's transaction, so that a step decides on what its own transaction sees (七(二)4 at every step). */
    async history(enterpriseId: string, conn: Db = db): Promise<{ revokedAt: Date; rectificationAcceptedAt: string | null }[]> {
      return (await revocationRepo.locksOf(conn, enterpriseId)).map((r) => ({ revokedAt: r.revokedAt, rectificationAcceptedAt: r.rectificationAcceptedAt }));
    },
  };
}
export type RevocationLocks = ReturnType<typeof createRevocationLocks>;
