import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { experts } from '../../db/schema.js';

export type ExpertRow = typeof experts.$inferSelect;

export const expertRepo = {
  list: (db: Db) => db.select().from(experts).orderBy(experts.name),
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
