import { and, count, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deviceCommands } from '../../db/schema.js';

/** All SQL on device_commands (远程诊断). */
export type CommandRow = typeof deviceCommands.$inferSelect;

export const commandRepo = {
  async insert(db: Db, row: typeof deviceCommands.$inferInsert) {
    const [r] = await db.insert(deviceCommands).values(row).returning();
    return r!;
  },
  async get(db: Db, id: string) {
    const [r] = await db.select().from(deviceCommands).where(eq(deviceCommands.id, id)).limit(1);
    return r ?? null;
  },
  /**
   * Settle a command once: only while it is still `sent` (a reply racing the timeout, or a second reply, changes
   * nothing). A reply must come from the command's own device. Null when it was settled already (or is not its own).
   */
  async settle(db: Db, id: string, deviceId: string | null, patch: { state: 'replied' | 'failed' | 'timeout'; reply?: unknown; error?: string | null; at: Date }) {
    const [r] = await db
      .update(deviceCommands)
      .set({ state: patch.state, reply: patch.reply ?? null, error: patch.error ?? null, settledAt: patch.at })
      .where(and(eq(deviceCommands.id, id), eq(deviceCommands.state, 'sent'), deviceId ? eq(deviceCommands.deviceId, deviceId) : undefined))
      .returning();
    return r ?? null;
  },
  /** Commands past their timeout that no reply settled (the sender's timer was lost: a restart). */
  async overdue(db: Db, now: Date, limit = 500) {
    return db
      .select({ id: deviceCommands.id })
      .from(deviceCommands)
      .where(and(eq(deviceCommands.state, 'sent'), lte(deviceCommands.timeoutAt, now)))
      .orderBy(deviceCommands.timeoutAt)
      .limit(limit);
  },
  async list(db: Db, f: { deviceId: string; caseId?: string }, page: number, pageSize: number) {
    const where = and(eq(deviceCommands.deviceId, f.deviceId), f.caseId ? eq(deviceCommands.caseId, f.caseId) : undefined);
    const rows = await db.select().from(deviceCommands).where(where).orderBy(desc(deviceCommands.sentAt), desc(deviceCommands.id)).limit(pageSize).offset((page - 1) * pageSize);
    const [{ n }] = (await db.select({ n: count() }).from(deviceCommands).where(where)) as [{ n: number }];
    return { rows, total: Number(n) };
  },
  async ofCase(db: Db, caseId: string, limit = 100) {
    return db.select().from(deviceCommands).where(eq(deviceCommands.caseId, caseId)).orderBy(desc(deviceCommands.sentAt)).limit(limit);
  },
  /** Commands waiting for a reply from one device (at most a few at a time). */
  async pendingOf(db: Db, deviceId: string) {
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(deviceCommands).where(and(eq(deviceCommands.deviceId, deviceId), eq(deviceCommands.state, 'sent')))) as [{ n: number }];
    return n;
  },
};
