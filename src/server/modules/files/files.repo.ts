import { eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema.js';

export const fileRepo = {
  /** Content-addressed: the same bytes are recorded once. The bytes themselves live in the blob store. */
  async put(db: Db, row: { sha256: string; size: number; mime: string }) {
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
  /** Rows whose bytes are still in the table (stored before the file store existed). */
  async withBytes(db: Db, limit: number) {
    return db.select({ sha256: files.sha256, data: files.data }).from(files).where(isNotNull(files.data)).limit(limit);
  },
  /** Which of these addresses a row of `files` records (the rest are unreferenced blobs). */
  async recorded(db: Db, shas: string[]): Promise<Set<string>> {
    if (shas.length === 0) return new Set();
    return new Set((await db.select({ sha256: files.sha256 }).from(files).where(inArray(files.sha256, shas))).map((r) => r.sha256.trim()));
  },
  async dropBytes(db: Db, sha256: string) {
    await db.update(files).set({ data: null }).where(eq(files.sha256, sha256));
  },
};
