import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { buyerOrgs } from '../../db/schema.js';

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
};
