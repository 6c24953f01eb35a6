import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/principal.js';

/**
 * The demo module's writes. It has no table of its own (the clock's offset lives in memory, main.ts): its one
 * write is the audit row of each move of the date, in its own transaction.
 */
export const demoRepo = {
  async recordClockAdvance(db: Db, ctx: RequestContext, change: { from: string; to: string; days: number }): Promise<void> {
    await db.transaction((tx) => recordAudit(tx, ctx, { action: 'demo.clock_advanced', objectType: 'clock', objectId: null, change }));
  },
};
