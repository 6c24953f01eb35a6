/**
 * The demo data of 动态管理 (src/server/demo-areas/supervision.ts): a change in progress, an overdue change, a
 * revocation with its hearing ready for MIIT's decision, a revoked enterprise under the two-year lock, and
 * complaints in every state — walked by the demo logins as a newcomer would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/server/demo.js';
import { manualClock, shiftableClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock: shiftableClock(manualClock('2026-11-23T02:00:00Z')) });
  expect(await seedDemoData(app.services, app.database, app.config)).toBe(true);
}, 300_000);
afterAll(async () => app?.close());

const get = async (who: string, url: string) => (await app.inject({ url, headers: (await login(app, who, 'Reman#2026')).headers })).json();

describe('supervision demo data', () => {
  it('complaints in every state, and MIIT sees them all', async () => {
    const items = (await get('miit', '/api/v1/complaints')).items as { state: string; revocationCaseId: string | null }[];
    expect(new Set(items.map((c) => c.state))).toEqual(new Set(['received', 'accepted', 'investigating', 'substantiated', 'unsubstantiated', 'dismissed']));
    expect(items.some((c) => c.state === 'substantiated' && c.revocationCaseId)).toBe(true);
  });

  it('changes: 广州精工’s awaits gd-reviewer; a confirmed one shows its history; an overdue one is flagged', async () => {
    const gd = (await get('gd-reviewer', '/api/v1/changes')).items;
    expect(gd).toHaveLength(1);
    expect(gd[0]).toMatchObject({ state: 'submitted', actions: ['check', 'assign_experts'] }); // 七(二)3: the authority may involve experts
    const overdue = (await get('hb-reviewer', '/api/v1/changes?overdue=true')).items;
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ deadline: '2025-01-10', overdueFlagged: true });
    const list = (await app.inject({ url: `/api/v1/public/announced-enterprises?q=${encodeURIComponent('武汉江城')}` })).json();
    expect(list.items[0]).toMatchObject({ siteName: '江夏金港厂区' });
    expect(list.items[0].history[0]).toMatchObject({ fact: 'siteName', old: '江夏厂区', new: '江夏金港厂区' });
  });

  it('the workbench lists the supervision to-dos of each role', async () => {
    const states = async (who: string) => ((await get(who, '/api/v1/todos')).items as { kind: string; state: string }[]).filter((t) => t.kind === 'supervision').map((t) => t.state);
    expect(await states('gd-reviewer')).toEqual(expect.arrayContaining(['change_check', 'complaint_accepted']));
    expect(await states('miit')).toEqual(expect.arrayContaining(['revocation_decide', 'complaint_received', 'complaint_investigating']));
    expect(await states('ent-wh')).toEqual([]); // its statement is in; the decision is MIIT's
    expect(await states('js-reviewer')).toEqual([]);
  });

  it('a newcomer as miit revokes 武汉江城 after its hearing; it leaves the public list', async () => {
    const miit = await login(app, 'miit', 'Reman#2026');
    const cases = (await app.inject({ url: '/api/v1/revocations?state=statement_received', headers: miit.headers })).json().items;
    expect(cases).toHaveLength(1);
    expect(cases[0].actions).toContain('decide');
    const d = await app.inject({ method: 'POST', url: `/api/v1/revocations/${cases[0].id}/decide`, headers: miit.headers, payload: { outcome: 'revoked', hearingSummary: '企业称系经销商所为，但未提供证据。', reason: '七(二)4(1)、(5) 情形成立。' } });
    expect(d.statusCode).toBe(200);
    expect((await app.inject({ url: `/api/v1/public/announced-enterprises?q=${encodeURIComponent('武汉江城')}` })).json().total).toBe(0);
    // ent-wh now cannot start a new application (rectification pending)
    const wh = await login(app, 'ent-wh', 'Reman#2026');
    const sites = (await app.inject({ url: `/api/v1/enterprises/${cases[0].enterpriseId}/sites`, headers: wh.headers })).json().items;
    const res = await app.inject({ method: 'POST', url: '/api/v1/applications', headers: wh.headers, payload: { siteId: sites[0].id } });
    expect(res.statusCode).toBe(409);
  });

  it('荆州楚天 was revoked after a hearing; its rectification was accepted on 2025-06-20: locked until 2027-06-20', async () => {
    const jz = await login(app, 'ent-jz', 'Reman#2026');
    const cases = (await app.inject({ url: '/api/v1/revocations', headers: jz.headers })).json().items;
    expect(cases[0]).toMatchObject({ state: 'revoked', origin: 'provincial_request', decidedOn: '2025-03-25', rectificationAcceptedOn: '2025-06-20', reapplyFrom: '2027-06-21' });
    expect(cases[0].facts).toContain('【平台记录】');
    const sites = (await app.inject({ url: `/api/v1/enterprises/${cases[0].enterpriseId}/sites`, headers: jz.headers })).json().items;
    const res = await app.inject({ method: 'POST', url: '/api/v1/applications', headers: jz.headers, payload: { siteId: sites[0].id } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ until: '2027-06-20' });
  });
});
