import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { isShiftable, type Clock } from '../../platform/clock.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';

const ClockSchema = z.object({ today: z.string(), offsetDays: z.number(), shiftable: z.boolean() });

/**
 * The platform's date, and in demo mode a way to move it forward (e.g. past a 公示 window). Every move is
 * audited. Outside demo mode the clock is the system clock and the move route is not registered at all.
 */
export async function demoRoutes(root: FastifyInstance, { clock, db, config }: { clock: Clock; db: Db; config: Pick<AppConfig, 'REMAN_DEMO' | 'NODE_ENV'> }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Read by the login page: demo logins on a production deployment get a loud banner there (and in the logs).
  app.get('/api/v1/public/status', {
    config: { policy: { public: true } },
    schema: {
      tags: ['public'],
      summary: '平台运行模式 Deployment mode (demo data, production)',
      response: { 200: z.object({ demo: z.boolean(), production: z.boolean() }) },
    },
    handler: async () => ({ demo: config.REMAN_DEMO, production: config.NODE_ENV === 'production' }),
  });
  app.get('/api/v1/clock', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['ops'], summary: '平台日期 The platform date', response: { 200: ClockSchema } },
    handler: async () => ({ today: clock.today(), offsetDays: isShiftable(clock) ? clock.offsetDays() : 0, shiftable: isShiftable(clock) }),
  });
  // The date-shift route exists only in demo mode (main.ts makes the clock shiftable only with REMAN_DEMO).
  if (!isShiftable(clock)) return;
  app.post('/api/v1/clock/advance', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: {
      tags: ['ops'],
      summary: '演示：平台日期前进 N 天 Demo: move the platform date forward',
      body: z.object({ days: z.number().int().min(1).max(60) }),
      response: { 200: ClockSchema },
    },
    handler: async (req) => {
      const from = clock.today();
      clock.shiftDays(req.body.days);
      await db.transaction((tx) => recordAudit(tx, req.ctx, { action: 'demo.clock_advanced', objectType: 'clock', objectId: null, change: { from, to: clock.today(), days: req.body.days } }));
      return { today: clock.today(), offsetDays: clock.offsetDays(), shiftable: true };
    },
  });
}
