import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { ShiftableClock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/principal.js';
import { demoPolicy } from './demo.policy.js';
import { demoRepo } from './demo.repo.js';

/** Demo mode's one use case: MIIT's admin moves the platform date forward; every move is audited. */
export function createDemoClockService({ clock, db }: { clock: ShiftableClock; db: Db }) {
  return {
    async advance(ctx: RequestContext, days: number) {
      authorize(ctx.principal, demoPolicy, 'advanceClock', {});
      const from = clock.today();
      clock.shiftDays(days);
      await demoRepo.recordClockAdvance(db, ctx, { from, to: clock.today(), days });
    },
  };
}
