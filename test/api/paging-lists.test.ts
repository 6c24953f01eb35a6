/**
 * Every list is paged (issue 10 §3): /tokens, /experts, /notifications, /calendar/overrides, /annual-reports (+ overdue)
 * answer {items,total,page,pageSize}, default 20, at most 200 (more: 400 naming pageSize), pages are disjoint and
 * together give the whole list. (/trace/ledger: trace-lifecycle.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildExpert, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Session, miit: Session;
let userId = '';

const get = async (s: Session, url: string) => {
  const r = await app.inject({ url, headers: s.headers });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: unknown[]; total: number; page: number; pageSize: number };
};
/** Walks a list two rows at a time: the pages are disjoint, their union is page 1 of size 200. */
async function expectPaged(s: Session, path: string, atLeast: number, key: (x: never) => string) {
  const sep = path.includes('?') ? '&' : '?';
  const all = await get(s, `${path}${sep}pageSize=200`);
  expect(all.total).toBeGreaterThanOrEqual(atLeast);
  expect(all.items).toHaveLength(all.total);
  const first = await get(s, path);
  expect(first).toMatchObject({ page: 1, pageSize: 20, total: all.total });
  const seen: string[] = [];
  for (let page = 1; (page - 1) * 2 < all.total; page++) {
    const p = await get(s, `${path}${sep}page=${page}&pageSize=2`);
    expect(p.total).toBe(all.total);
    expect(p.items.length).toBeLessThanOrEqual(2);
    seen.push(...p.items.map((x) => key(x as never)));
  }
  expect(seen).toEqual(all.items.map((x) => key(x as never)));
  const big = await app.inject({ url: `${path}${sep}pageSize=201`, headers: s.headers });
  expect(big.statusCode).toBe(400);
  expect(JSON.stringify(big.json().error.details)).toContain('pageSize');
}

beforeAll(async () => {
  app = await buildTestApp();
  const s = app.services;
  const ent = await buildEnterprise(s);
  const u = await buildUser(s, 'enterprise_admin', { organizationId: ent.id });
  userId = u.id;
  admin = await login(app, u.username, TEST_PASSWORD);
  miit = await login(app, (await buildUser(s, 'ministry_admin', { organizationId: 'miit' })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('paged lists', () => {
  it('/tokens', async () => {
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin.headers, payload: { name: `令牌${i}` } })).statusCode).toBe(201);
    await expectPaged(admin, '/api/v1/tokens', 5, (t: { id: string }) => t.id);
  });

  it('/experts, with a name search', async () => {
    for (let i = 0; i < 5; i++) await buildExpert(app.services, { name: `分页专家${i}` });
    await expectPaged(miit, '/api/v1/experts', 5, (e: { id: string }) => e.id);
    const found = await get(miit, `/api/v1/experts?q=${encodeURIComponent('分页专家3')}`);
    expect(found.total).toBe(1);
  });

  it('/notifications, newest first, with the unread count of all pages', async () => {
    await app.database.db.transaction((tx) =>
      app.services.notifications.notify(tx, Array.from({ length: 5 }, (_, i) => ({ userId, kind: 'test.paging', title: `通知${i}`, titleEn: `Note ${i}` }))),
    );
    await expectPaged(admin, '/api/v1/notifications', 5, (n: { id: string }) => n.id);
    const one = (await get(admin, '/api/v1/notifications?pageSize=1')) as unknown as { unread: number };
    expect(one.unread).toBe(5);
  });

  it('/calendar/overrides, latest day first', async () => {
    for (const d of ['2031-01-02', '2031-01-03', '2031-01-04', '2031-01-05', '2031-01-06']) {
      expect((await app.inject({ method: 'PUT', url: `/api/v1/calendar/overrides/${d}`, headers: miit.headers, payload: { workday: false } })).statusCode).toBe(204);
    }
    await expectPaged(miit, '/api/v1/calendar/overrides', 5, (o: { date: string }) => o.date);
    expect(((await get(miit, '/api/v1/calendar/overrides?pageSize=1')).items[0] as { date: string }).date >= '2031-01-06').toBe(true);
  });

  it('/annual-reports and /annual-reports/overdue answer pages (an empty one too)', async () => {
    const owed = await get(miit, '/api/v1/annual-reports?year=2025');
    expect(owed).toMatchObject({ page: 1, pageSize: 20 });
    expect(owed.items.length).toBe(Math.min(owed.total, 20));
    const overdue = await get(miit, '/api/v1/annual-reports/overdue?year=2025&page=3&pageSize=5');
    expect(overdue).toMatchObject({ page: 3, pageSize: 5 });
    expect((await app.inject({ url: '/api/v1/annual-reports/overdue?pageSize=500', headers: miit.headers })).statusCode).toBe(400);
  });
});
