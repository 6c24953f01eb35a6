import { and, count, eq, or, sql } from 'drizzle-orm';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { Db } from '../../db/client.js';
import { experts } from '../../db/schema.js';
import { ilikeEscaped, likeContains } from '../../db/like.js';

export type ExpertRow = typeof experts.$inferSelect;

export const expertRepo = {
  list: (db: Db) => db.select().from(experts).orderBy(experts.name),
  /** One page of the pool (q: part of the name, institution, phone or email; field: one of the nine fields). */
  async page(db: Db, page: Page, q?: string, field?: string) {
    const like = q ? likeContains(q) : null;
    const where = and(
      like ? or(ilikeEscaped(experts.name, like), ilikeEscaped(experts.phone, like), ilikeEscaped(experts.email, like), ilikeEscaped(experts.organization, like)) : undefined,
      // experts by field (issue 16 item 11): one of their fields of expertise
      field ? sql`${field} = ANY(${experts.fields})` : undefined,
    );
    const [items, [n]] = await Promise.all([
      db.select().from(experts).where(where).orderBy(experts.name, experts.id).limit(page.pageSize).offset(offsetOf(page)),
      db.select({ n: count() }).from(experts).where(where),
    ]);
    return { items, total: Number(n?.n ?? 0), ...page };
  },
  async get(db: Db, id: string) {
    const [e] = await db.select().from(experts).where(eq(experts.id, id)).limit(1);
    return e;
  },
  async insert(db: Db, row: typeof experts.$inferInsert) {
    const [e] = await db.insert(experts).values(row).returning();
    return e!;
  },
  async update(db: Db, id: string, patch: Partial<typeof experts.$inferInsert>) {
    const [e] = await db.update(experts).set({ ...patch, updatedAt: new Date() }).where(eq(experts.id, id)).returning();
    return e;
  },
};
