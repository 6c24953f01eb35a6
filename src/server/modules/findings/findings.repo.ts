import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { supervisionFindings } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { SupervisionScope } from '../supervision/index.js';

export type FindingRow = typeof supervisionFindings.$inferSelect;

function scopeWhere(s: SupervisionScope): SQL | undefined {
  switch (s.kind) {
    case 'ministry':
      return undefined;
    case 'authority':
      return eq(supervisionFindings.authorityId, s.authorityId);
    default:
      return sql`false`; // an internal prompt of the authorities: enterprises never see it
  }
}
const where = (s: SupervisionScope, f: { states?: string[]; enterpriseId?: string }) =>
  and(scopeWhere(s), f.states?.length ? inArray(supervisionFindings.state, f.states) : undefined, f.enterpriseId ? eq(supervisionFindings.enterpriseId, f.enterpriseId) : undefined);

/** All SQL on supervision_findings (七(二)4(1) prompts). */
export const findingRepo = {
  /** Insert unless a finding with the same dedupe key exists (also a dismissed one): the new rows only. */
  async insertNew(db: Db, rows: (typeof supervisionFindings.$inferInsert)[]) {
    if (rows.length === 0) return [];
    return db.insert(supervisionFindings).values(rows).onConflictDoNothing({ target: supervisionFindings.dedupeKey }).returning();
  },
  async get(db: Db, id: string) {
    const [r] = await db.select().from(supervisionFindings).where(eq(supervisionFindings.id, id)).limit(1);
    return r;
  },
  async lockById(db: Db, id: string) {
    const [r] = await db.select().from(supervisionFindings).where(eq(supervisionFindings.id, id)).for('update').limit(1);
    return r;
  },
  list(db: Db, s: SupervisionScope, f: { states?: string[]; enterpriseId?: string }) {
    return db.select().from(supervisionFindings).where(where(s, f)).orderBy(desc(supervisionFindings.raisedAt)).limit(500);
  },
  async page(db: Db, s: SupervisionScope, f: { states?: string[]; enterpriseId?: string }, p: Page) {
    const w = where(s, f);
    const [rows, [total]] = await Promise.all([
      db.select().from(supervisionFindings).where(w).orderBy(desc(supervisionFindings.raisedAt), desc(supervisionFindings.id)).limit(p.pageSize).offset(offsetOf(p)),
      db.select({ n: count() }).from(supervisionFindings).where(w),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
  /** Conditional: only an open finding is dismissed (the row count decides). */
  async dismiss(db: Db, f: { enterpriseId: string; id: string }, patch: { dismissedReason: string; dismissedBy: string | null; dismissedAt: Date }) {
    const [r] = await db
      .update(supervisionFindings)
      .set({ ...patch, state: 'dismissed' })
      .where(and(eq(supervisionFindings.enterpriseId, f.enterpriseId), eq(supervisionFindings.id, f.id), eq(supervisionFindings.state, 'open')))
      .returning();
    return r;
  },
};
