import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { isShiftable, type Clock } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';

const ClockSchema = z.object({ today: z.string(), offsetDays: z.number(), shiftable: z.boolean() });
const disabled = () => new DomainError(404, 'DEMO_CLOCK_DISABLED', '仅演示模式（REMAN_DEMO=1）可调整平台日期', 'The platform date can be moved only in demo mode (REMAN_DEMO=1)');

/**
 * The platform's date, and in demo mode a way to move it forward (e.g. past a 公示 window). Every move is
 * audited. Outside demo mode the clock is the system clock and cannot be moved.
 */
export async function demoRoutes(root: FastifyInstance, { clock, db }: { clock: Clock; db: Db }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/clock', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['ops'], summary: '平台日期 The platform date', response: { 200: ClockSchema } },
    handler: async () => ({ today: clock.today(), offsetDays: isShiftable(clock) ? clock.offsetDays() : 0, shiftable: isShiftable(clock) }),
  });
  app.post('/api/v1/clock/advance', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['ops'],
      summary: '演示：平台日期前进 N 天 Demo: move the platform date forward',
      body: z.object({ days: z.number().int().min(1).max(60) }),
      response: { 200: ClockSchema },
    },
    handler: async (req) => {
      if (!isShiftable(clock)) throw disabled();
      const from = clock.today();
      clock.shiftDays(req.body.days);
      await db.transaction((tx) => recordAudit(tx, req.ctx, { action: 'demo.clock_advanced', objectType: 'clock', objectId: null, change: { from, to: clock.today(), days: req.body.days } }));
      return { today: clock.today(), offsetDays: clock.offsetDays(), shiftable: true };
    },
  });
}
