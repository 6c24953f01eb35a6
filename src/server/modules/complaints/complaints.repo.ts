import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { complaints } from '../../db/schema.js';
import type { SupervisionScope } from '../revocations/supervision.policy.js';

export type ComplaintRow = typeof complaints.$inferSelect;

/** Handlers only: MIIT all, an authority the complaints about enterprises it reviews; nobody else. */
function scopeWhere(s: SupervisionScope): SQL | undefined {
  if (s.kind === 'ministry') return undefined;
  if (s.kind === 'authority') return eq(complaints.authorityId, s.authorityId);
  return sql`false`;
}

/** All SQL on complaints (七(二)2). */
export const complaintRepo = {
  async get(db: Db, id: string) {
    const [r] = await db.select().from(complaints).where(eq(complaints.id, id)).limit(1);
    return r;
  },
  /** Lock by id (the first read of a write: its decision is taken on this row). */
  async lockById(db: Db, id: string) {
    const [c] = await db.select().from(complaints).where(eq(complaints.id, id)).for('update').limit(1);
    return c;
  },
  async byTrackingCode(db: Db, code: string) {
    const [r] = await db.select().from(complaints).where(eq(complaints.trackingCode, code)).limit(1);
    return r;
  },
  list: (db: Db, scope: SupervisionScope, f: { states?: string[] }) =>
    db
      .select()
      .from(complaints)
      .where(and(scopeWhere(scope), f.states?.length ? inArray(complaints.state, f.states) : undefined))
      .orderBy(desc(complaints.filedAt))
      .limit(500),
  async insert(db: Db, row: typeof complaints.$inferInsert) {
    const [r] = await db.insert(complaints).values(row).returning();
    return r!;
  },
  async update(db: Db, id: string, fromStates: string[] | null, patch: Partial<ComplaintRow>) {
    const [r] = await db
      .update(complaints)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(complaints.id, id), fromStates ? inArray(complaints.state, fromStates) : undefined))
      .returning();
    return r;
  },
};
