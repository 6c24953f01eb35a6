import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { isShiftable, type Clock } from '../../platform/clock.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';
import { demoPolicy } from './demo.policy.js';
import { presentClock, presentStatus } from './demo.presenter.js';
import { AdvanceClockBody, ClockSchema, DeploymentStatus } from './demo.schema.js';
import { createDemoClockService } from './demo.service.js';

/**
 * The platform's date, and in demo mode a way to move it forward (e.g. past a 公示 window). Every move is
 * audited. Outside demo mode the clock is the system clock and the move route is not registered at all.
 */
export async function demoRoutes(root: FastifyInstance, { clock, db, config }: { clock: Clock; db: Db; config: Pick<AppConfig, 'REMAN_DEMO' | 'NODE_ENV'> }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Read by the login page: demo logins on a production deployment get a loud banner there (and in the logs).
  app.get('/api/v1/public/status', {
    config: { policy: { public: true } },
    schema: { tags: ['public'], summary: '平台运行模式 Deployment mode (demo data, production)', response: { 200: DeploymentStatus } },
    handler: async () => presentStatus(config),
  });
  app.get('/api/v1/clock', {
    config: { policy: { roles: MINISTRY_ROLES } },
    schema: { tags: ['ops'], summary: '平台日期 The platform date', response: { 200: ClockSchema } },
    handler: async (req) => {
      authorize(req.principal, demoPolicy, 'readClock', {});
      return presentClock(clock);
    },
  });
  // The date-shift route exists only in demo mode (main.ts makes the clock shiftable only with REMAN_DEMO).
  if (!isShiftable(clock)) return;
  const demoClock = createDemoClockService({ clock, db });
  app.post('/api/v1/clock/advance', {
    config: { policy: { roles: ['ministry_admin'] } },
    schema: { tags: ['ops'], summary: '演示：平台日期前进 N 天 Demo: move the platform date forward', body: AdvanceClockBody, response: { 200: ClockSchema } },
    handler: async (req) => {
      await demoClock.advance(req.ctx, req.body.days);
      return presentClock(clock);
    },
  });
}
