import { and, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { CHANGE_OPEN_FOR_DEADLINE } from '../../../domain/supervision/index.js';
import type { Db } from '../../db/client.js';
import { changeRequests } from '../../db/schema.js';
import type { SupervisionScope } from '../revocations/supervision.policy.js';

export type ChangeRow = typeof changeRequests.$inferSelect;

function scopeWhere(s: SupervisionScope): SQL | undefined {
  switch (s.kind) {
    case 'ministry':
      return undefined;
    case 'authority':
      return eq(changeRequests.authorityId, s.authorityId);
    case 'enterprise':
      return eq(changeRequests.enterpriseId, s.enterpriseId);
    case 'none':
      return sql`false`;
  }
}
/** 七(二)3 overdue: acceptance check not passed and the one-year period over (deadline before today). */
const overdueWhere = (today: string) => and(inArray(changeRequests.state, [...CHANGE_OPEN_FOR_DEADLINE]), lt(changeRequests.deadline, today));

/** All SQL on change requests (七(二)3). */
export const changeRepo = {
  async get(db: Db, id: string) {
    const [r] = await db.select().from(changeRequests).where(eq(changeRequests.id, id)).limit(1);
    return r;
  },
  list(db: Db, scope: SupervisionScope, f: { states?: string[]; overdueOn?: string }) {
    return db
      .select()
      .from(changeRequests)
      .where(and(scopeWhere(scope), f.states?.length ? inArray(changeRequests.state, f.states) : undefined, f.overdueOn ? overdueWhere(f.overdueOn) : undefined))
      .orderBy(desc(changeRequests.createdAt))
      .limit(500);
  },
  async insert(db: Db, row: typeof changeRequests.$inferInsert) {
    const [r] = await db.insert(changeRequests).values(row).returning();
    return r!;
  },
  async update(db: Db, c: { enterpriseId: string; id: string }, fromStates: string[], patch: Partial<ChangeRow>) {
    const [r] = await db
      .update(changeRequests)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(changeRequests.enterpriseId, c.enterpriseId), eq(changeRequests.id, c.id), inArray(changeRequests.state, fromStates)))
      .returning();
    return r;
  },
  /** Claim the overdue, not yet flagged requests (each flagged once: idempotent). */
  async flagOverdue(db: Db, today: string, at: Date) {
    return db
      .update(changeRequests)
      .set({ overdueFlaggedAt: at })
      .where(and(overdueWhere(today), isNull(changeRequests.overdueFlaggedAt)))
      .returning();
  },
};
