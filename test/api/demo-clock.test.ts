import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, shiftableClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';

/** Demo mode: MIIT may move the platform date forward (audited); elsewhere the clock cannot move. */
let demo: TestApp, plain: TestApp;
let admin: Session, officer: Session, plainAdmin: Session;

beforeAll(async () => {
  demo = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock: shiftableClock(manualClock('2026-11-23T02:00:00Z')) });
  plain = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  admin = await login(demo, (await buildUser(demo.services, 'ministry_admin')).username, TEST_PASSWORD);
  officer = await login(demo, (await buildUser(demo.services, 'ministry_officer')).username, TEST_PASSWORD);
  plainAdmin = await login(plain, (await buildUser(plain.services, 'ministry_admin')).username, TEST_PASSWORD);
});
afterAll(async () => {
  await demo?.close();
  await plain?.close();
});

describe('deployment status (read by the login page)', () => {
  it('says whether demo data is on and whether this is production', async () => {
    const prod = await buildTestApp({ NODE_ENV: 'production', REMAN_DEMO: true });
    try {
      expect((await prod.inject('/api/v1/public/status')).json()).toEqual({ demo: true, production: true });
    } finally {
      await prod.close();
    }
    expect((await plain.inject('/api/v1/public/status')).json()).toEqual({ demo: false, production: false });
  });
});

describe('platform date', () => {
  it('the ministry admin moves the demo date forward; the move is audited', async () => {
    expect((await demo.inject({ url: '/api/v1/clock', headers: officer.headers })).json()).toEqual({ today: '2026-11-23', offsetDays: 0, shiftable: true });
    const res = await demo.inject({ method: 'POST', url: '/api/v1/clock/advance', headers: admin.headers, payload: { days: 6 } });
    expect(res.json()).toEqual({ today: '2026-11-29', offsetDays: 6, shiftable: true });
    expect(demo.services.clock.today()).toBe('2026-11-29');
    const { rows } = await demo.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'demo.clock_advanced'`);
    expect(rows[0]!.n).toBe(1);
  });

  it('others may not; bad input is a 400; outside demo mode the clock does not move', async () => {
    expect((await demo.inject({ method: 'POST', url: '/api/v1/clock/advance', headers: officer.headers, payload: { days: 1 } })).statusCode).toBe(403);
    expect((await demo.inject({ method: 'POST', url: '/api/v1/clock/advance', headers: admin.headers, payload: { days: 0 } })).statusCode).toBe(400);
    // outside demo mode the route does not exist at all
    const refused = await plain.inject({ method: 'POST', url: '/api/v1/clock/advance', headers: plainAdmin.headers, payload: { days: 1 } });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');
    expect(plain.routeRegistry.some((r) => r.url === '/api/v1/clock/advance')).toBe(false);
    expect(demo.routeRegistry.some((r) => r.url === '/api/v1/clock/advance')).toBe(true);
    expect((await plain.inject({ url: '/api/v1/clock', headers: plainAdmin.headers })).json().shiftable).toBe(false);
  });
});
