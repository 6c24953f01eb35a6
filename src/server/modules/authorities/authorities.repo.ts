import { eq, sql } from 'drizzle-orm';
import type { AuthoritySeed } from '../../../domain/authorities.js';
import type { Db } from '../../db/client.js';
import { authorities } from '../../db/schema.js';

export type AuthorityRow = typeof authorities.$inferSelect;

export const authorityRepo = {
  all: (db: Db) => db.select().from(authorities).orderBy(sql`${authorities.kind} = 'ministry' DESC`, authorities.regionCode, authorities.id),
  /** One authority; `lock`: its row FOR UPDATE (inside a write's transaction). */
  async get(db: Db, id: string, lock = false): Promise<AuthorityRow | undefined> {
    const q = db.select().from(authorities).where(eq(authorities.id, id)).limit(1);
    const [a] = lock ? await q.for('update') : await q;
    return a;
  },
  async update(db: Db, id: string, patch: { name?: string; nameEn?: string }) {
    const [a] = await db.update(authorities).set({ ...patch, updatedAt: new Date() }).where(eq(authorities.id, id)).returning();
    return a;
  },
  /** Insert missing seed rows; existing names (edited data) are kept. */
  async seed(db: Db, seeds: readonly AuthoritySeed[]) {
    await db
      .insert(authorities)
      .values(seeds.map((s) => ({ id: s.id, kind: s.kind, regionCode: s.regionCode, name: s.name, nameEn: s.nameEn })))
      .onConflictDoNothing();
  },
};
