import { and, count, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { CHANGE_OPEN_FOR_DEADLINE } from '../../../domain/supervision/index.js';
import type { Db } from '../../db/client.js';
import { changeExpertAssignments, changeRequests } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { SupervisionScope } from '../supervision/index.js';

export type ChangeRow = typeof changeRequests.$inferSelect;
export type ChangeExpertRow = typeof changeExpertAssignments.$inferSelect;

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

type ChangeFilter = { states?: string[]; overdueOn?: string };
const listWhere = (scope: SupervisionScope, f: ChangeFilter) =>
  and(scopeWhere(scope), f.states?.length ? inArray(changeRequests.state, f.states) : undefined, f.overdueOn ? overdueWhere(f.overdueOn) : undefined);

/** All SQL on change requests (七(二)3). */
export const changeRepo = {
  async get(db: Db, id: string) {
    const [r] = await db.select().from(changeRequests).where(eq(changeRequests.id, id)).limit(1);
    return r;
  },
  /** Lock by id (the first read of a write: its decision is taken on this row). */
  async lockById(db: Db, id: string) {
    const [r] = await db.select().from(changeRequests).where(eq(changeRequests.id, id)).for('update').limit(1);
    return r;
  },
  /** The caller's requests, newest first (bounded: for the to-do list and the overdue job). */
  list(db: Db, scope: SupervisionScope, f: ChangeFilter) {
    return db.select().from(changeRequests).where(listWhere(scope, f)).orderBy(desc(changeRequests.createdAt)).limit(500);
  },
  /** One page of the caller's requests, newest first, with the total. */
  async page(db: Db, scope: SupervisionScope, f: ChangeFilter, p: Page) {
    const where = listWhere(scope, f);
    const [rows, [total]] = await Promise.all([
      db.select().from(changeRequests).where(where).orderBy(desc(changeRequests.createdAt), desc(changeRequests.id)).limit(p.pageSize).offset(offsetOf(p)),
      db.select({ n: count() }).from(changeRequests).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
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
  /** Confirmed and published changes (七(二)3 予以公告), newest first, for the public list. */
  async publishedPage(db: Db, p: Page) {
    const where = and(eq(changeRequests.state, 'confirmed'), sql`${changeRequests.publishedOn} IS NOT NULL`);
    const [rows, [total]] = await Promise.all([
      db.select().from(changeRequests).where(where).orderBy(desc(changeRequests.publishedOn), desc(changeRequests.id)).limit(p.pageSize).offset(offsetOf(p)),
      db.select({ n: count() }).from(changeRequests).where(where),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  },
};

/** The experts of a change's acceptance check (七(二)3 组织相关机构和专家验收核实). */
export const changeExpertRepo = {
  of(db: Db, enterpriseId: string, changeId: string) {
    return db
      .select()
      .from(changeExpertAssignments)
      .where(and(eq(changeExpertAssignments.enterpriseId, enterpriseId), eq(changeExpertAssignments.changeId, changeId)))
      .orderBy(changeExpertAssignments.assignedAt, changeExpertAssignments.expertId);
  },
  ofChanges(db: Db, changeIds: string[]) {
    if (changeIds.length === 0) return Promise.resolve([] as ChangeExpertRow[]);
    return db.select().from(changeExpertAssignments).where(inArray(changeExpertAssignments.changeId, changeIds));
  },
  /** The assignments of an expert still without an opinion (their to-do list). */
  pendingOf(db: Db, expertId: string) {
    return db.select().from(changeExpertAssignments).where(and(eq(changeExpertAssignments.expertId, expertId), isNull(changeExpertAssignments.submittedAt)));
  },
  async isAssigned(db: Db, changeId: string, expertId: string) {
    const [r] = await db.select({ e: changeExpertAssignments.expertId }).from(changeExpertAssignments).where(and(eq(changeExpertAssignments.changeId, changeId), eq(changeExpertAssignments.expertId, expertId))).limit(1);
    return Boolean(r);
  },
  /** Assign the experts not yet assigned: the new rows. */
  async assign(db: Db, rows: (typeof changeExpertAssignments.$inferInsert)[]) {
    if (rows.length === 0) return [];
    return db.insert(changeExpertAssignments).values(rows).onConflictDoNothing().returning();
  },
  async saveOpinion(db: Db, c: { enterpriseId: string; id: string }, expertId: string, opinion: unknown, at: Date) {
    await db
      .update(changeExpertAssignments)
      .set({ opinion, submittedAt: at })
      .where(and(eq(changeExpertAssignments.enterpriseId, c.enterpriseId), eq(changeExpertAssignments.changeId, c.id), eq(changeExpertAssignments.expertId, expertId)));
  },
};
