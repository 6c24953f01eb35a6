import { and, count, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { buyerOrgs } from '../../db/schema.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import { ilikeEscaped, likeEscaped, likeContains, likePrefix } from '../../db/like.js';

/** All SQL on buyer_orgs. */
export type BuyerOrgRow = typeof buyerOrgs.$inferSelect;

export const buyerRepo = {
  /** INSERT … ON CONFLICT DO NOTHING: undefined when the credit code is registered already. */
  async insert(db: Db, row: typeof buyerOrgs.$inferInsert): Promise<BuyerOrgRow | undefined> {
    const [r] = await db.insert(buyerOrgs).values(row).onConflictDoNothing().returning();
    return r;
  },
  async get(db: Db, id: string): Promise<BuyerOrgRow | undefined> {
    const [r] = await db.select().from(buyerOrgs).where(eq(buyerOrgs.id, id)).limit(1);
    return r;
  },
  async byCreditCode(db: Db, creditCode: string): Promise<BuyerOrgRow | undefined> {
    const [r] = await db.select().from(buyerOrgs).where(eq(buyerOrgs.creditCode, creditCode)).limit(1);
    return r;
  },
  async names(db: Db, ids: string[]) {
    if (!ids.length) return [];
    return db.select({ id: buyerOrgs.id, name: buyerOrgs.name }).from(buyerOrgs).where(inArray(buyerOrgs.id, ids));
  },
  /** A page of organisations of one kind, by name; `q`: part of the name or the start of the credit code. */
  async list(db: Db, filter: { kind: 'buyer' | 'insurer'; q?: string }, page: Page) {
    const q = filter.q;
    const where = and(eq(buyerOrgs.kind, filter.kind), q ? or(ilikeEscaped(buyerOrgs.name, likeContains(q)), likeEscaped(buyerOrgs.creditCode, likePrefix(q.toUpperCase()))) : undefined);
    const [rows, [n]] = await Promise.all([
      db.select().from(buyerOrgs).where(where).orderBy(buyerOrgs.name, buyerOrgs.id).limit(page.pageSize).offset(offsetOf(page)),
      db.select({ n: count() }).from(buyerOrgs).where(where),
    ]);
    return { rows, total: Number(n?.n ?? 0) };
  },
};
