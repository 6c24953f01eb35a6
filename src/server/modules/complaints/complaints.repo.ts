import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { complaints } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { SupervisionScope } from '../supervision/index.js';

export type ComplaintRow = typeof complaints.$inferSelect;

/** Handlers only: MIIT all, an authority the complaints about enterprises it reviews; nobody else. */
function scopeWhere(s: SupervisionScope): SQL | undefined {
  if (s.kind === 'ministry') return undefined;
  if (s.kind === 'authority') return eq(complaints.authorityId, s.authorityId);
  return sql`false`;
}

const listWhere = (scope: SupervisionScope, f: { states?: string[] }) => and(scopeWhere(scope), f.states?.length ? inArray(complaints.state, f.states) : undefined);

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
  /** The caller's complaints, newest first (bounded: for the to-do list). */
  list: (db: Db, scope: SupervisionScope, f: { states?: string[] }) => db.select().from(complaints).where(listWhere(scope, f)).orderBy(desc(complaints.filedAt)).limit(500),
  /** One page of the caller's complaints, newest first, with the total. */
  async page(db: Db, scope: SupervisionScope, f: { states?: string[] }, p: Page) {
    const where = listWhere(scope, f);
    const [rows, [total]] = await Promise.all([
      db.select().from(complaints).where(where).orderBy(desc(complaints.filedAt), desc(complaints.id)).limit(p.pageSize).offset(offsetOf(p)),
      db.select({ n: count() }).from(complaints).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
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
