/**
 * Internal lists stay bounded: the expert's to-do list comes from one query on the assignments (no case detail
 * loaded per application), and the to-do list is paged with the shared paging schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { buildApplication, buildExpert, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => app?.close());

describe('to-do lists', () => {
  it("an expert's to-do list holds the assigned cases without their opinion, paged", async () => {
    const s = app.services;
    const experts = await Promise.all([1, 2, 3].map(() => buildExpert(s)));
    const users = await Promise.all(experts.map((e) => buildUser(s, 'expert', { organizationId: e.id })));
    const cases = [];
    for (let i = 0; i < 3; i++) {
      const a = await buildApplication(s, { submit: true });
      // precondition, not under test: the authority has forwarded the case
      await app.database.raw.query(`UPDATE applications SET state = 'forwarded' WHERE id = $1`, [a.id]);
      await s.review.assignExperts(await operator(s), a.id, experts.map((e) => e.id));
      cases.push(a.id);
    }
    // the first expert gives an opinion on the first case: it leaves their list, not the others'
    const ctx = { principal: principalOf(users[0]!, null), ip: '127.0.0.1', requestId: 't' };
    await s.review.recordOpinion(ctx, cases[0]!, { chapters: { 二: '符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' }, recommendation: 'approve' });

    const todos = async (i: number, query = '') => {
      const session = await login(app, users[i]!.username, TEST_PASSWORD);
      const res = await app.inject({ url: `/api/v1/todos${query}`, headers: session.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const first = await todos(0);
    expect(first.items.map((t: { id: string }) => t.id).sort()).toEqual([cases[1], cases[2]].sort());
    expect(first.items[0].title).toMatch(/^复审：/);
    const second = await todos(1);
    expect(second.total).toBe(3);
    const paged = await todos(1, '?page=2&pageSize=2');
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(1);
    expect((await app.inject({ url: '/api/v1/todos?pageSize=201', headers: (await login(app, users[1]!.username, TEST_PASSWORD)).headers })).statusCode).toBe(400);
  });
});
