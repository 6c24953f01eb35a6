import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema.js';

export const fileRepo = {
  /** Content-addressed: the same bytes are stored once. */
  async put(db: Db, row: { sha256: string; size: number; mime: string; data: Buffer }) {
    await db.insert(files).values(row).onConflictDoNothing();
  },
  async get(db: Db, sha256: string) {
    const [f] = await db.select().from(files).where(eq(files.sha256, sha256)).limit(1);
    return f;
  },
  async meta(db: Db, shas: string[]) {
    if (shas.length === 0) return [];
    return db.select({ sha256: files.sha256, size: files.size, mime: files.mime }).from(files).where(inArray(files.sha256, shas));
  },
};
