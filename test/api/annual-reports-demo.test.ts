/**
 * The demo data of the annual reports: reports in every state (draft, submitted, returned, accepted,
 * forwarded, overdue) and several years of reviewed reports for the statistics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/server/demo.js';
import { manualClock, shiftableClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock: shiftableClock(manualClock('2026-11-23T02:00:00Z')) });
  expect(await seedDemoData(app.services, app.database, app.config)).toBe(true);
}, 240_000);
afterAll(async () => app?.close());

describe('annual-report demo data', () => {
  it('has 2025 reports in every state, including overdue ones', async () => {
    const items = await app.services.annualReports.list({ kind: 'user', role: 'ministry_admin', userId: '00000000-0000-4000-8000-000000000000', username: 'x', enterpriseId: null, authorityId: 'miit', expertId: null, mustChangePassword: false, sessionTokenHash: null }, 2025);
    const states = new Set(items.map((i) => i.state));
    for (const s of ['draft', 'submitted', 'returned', 'accepted', 'forwarded', 'not_started']) expect(states, s).toContain(s);
    expect(items.filter((i) => i.overdue).map((i) => i.enterpriseName).sort()).toEqual(['东莞精密机床再制造有限公司', '常州恒力动力再制造有限公司', '杭州钱塘办公设备再制造有限公司'].sort()); // a returned report is not submitted either
    expect(items.find((i) => i.enterpriseName.startsWith('潍坊'))!.late).toBe(true);
    expect((await app.services.annualReports.overdueReports(2024)).map((o) => o.enterpriseName)).toEqual(['杭州钱塘办公设备再制造有限公司']);
  });

  it('gives the statistics three years, and demo logins that see their part', async () => {
    const s = await app.services.statistics.compute({ kind: 'all' });
    expect(s.trend.map((t) => t.year)).toEqual([2023, 2024, 2025]);
    expect(s.byRegion.length).toBeGreaterThanOrEqual(3);
    const gd = await login(app, 'gd-reviewer', 'Reman#2026');
    const todos = (await app.inject({ url: '/api/v1/todos', headers: gd.headers })).json().items.filter((t: { kind: string }) => t.kind === 'annual_report');
    expect(todos).toHaveLength(1);
    const dg = await login(app, 'ent-dg', 'Reman#2026');
    const mine = (await app.inject({ url: '/api/v1/annual-reports?year=2025', headers: dg.headers })).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ state: 'draft', overdue: true });
  });
});
