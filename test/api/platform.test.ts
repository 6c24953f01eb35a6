import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORITY_SEEDS } from '../../src/domain/authorities.js';
import { validateCreditCode } from '../../src/domain/credit-code.js';
import { seedDemoData, DEMO_PASSWORD } from '../../src/server/demo.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
  await seedDemoData(app.services, app.database, app.config);
});
afterAll(async () => app?.close());

describe('health, API docs, errors', () => {
  it('GET /healthz names the database engine', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: app.database.kind });
  });

  it('serves OpenAPI 3 generated from the Zod schemas, and the docs UI', async () => {
    const spec = (await app.inject('/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.paths['/api/v1/enterprises'].get).toBeDefined();
    const loginBody = spec.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(loginBody.required).toEqual(expect.arrayContaining(['username', 'password']));
    const docs = await app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('unknown API paths answer 404 in the one error shape', async () => {
    const res = await app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.json().error.messageEn).toMatch(/No route/);
  });

  it('echoes a request id on every answer', async () => {
    const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect((await app.inject('/healthz')).headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('a too-large or malformed body is a 4xx, not a 500', async () => {
    const big = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: `{"username":"${'x'.repeat(2_000_000)}"}` });
    expect(big.statusCode).toBe(413);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{bad' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBeTruthy();
  });
});

describe('reference data and demo world', () => {
  it('lists the 38 authorities publicly', async () => {
    const res = await app.inject('/api/v1/authorities');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(38);
    expect(res.json().items.map((a: { id: string }) => a.id).sort()).toEqual(AUTHORITY_SEEDS.map((a) => a.id).sort());
  });

  it('ministry admin renames an authority (names are data); the enterprise presenter follows', async () => {
    const miit = await login(app, 'miit', DEMO_PASSWORD);
    const res = await app.inject({ method: 'PATCH', url: '/api/v1/authorities/city-440300', headers: miit.headers, payload: { name: '深圳市工业和信息化局（新）' } });
    expect(res.statusCode).toBe(200);
    const sz = await login(app, 'ent-sz', DEMO_PASSWORD);
    const list = (await app.inject({ url: '/api/v1/enterprises', headers: sz.headers })).json();
    expect(list.items[0].authority).toEqual({ id: 'city-440300', name: '深圳市工业和信息化局（新）' });
  });

  it('demo: every login works; credit codes pass GB 32100; 深圳 enterprise is reviewed by 深圳; ent-gd has three sites (the third, 白云车间, carries the newcomer case waiting for gd-reviewer)', async () => {
    for (const u of ['miit', 'gd-reviewer', 'js-reviewer', 'sz-reviewer', 'expert1', 'ent-gd', 'ent-js', 'ent-sz']) {
      const s = await login(app, u, DEMO_PASSWORD);
      const me = (await app.inject({ url: '/api/v1/auth/me', headers: s.headers })).json();
      expect(me.user.username).toBe(u);
    }
    const miit = await login(app, 'miit', DEMO_PASSWORD);
    const all = (await app.inject({ url: '/api/v1/enterprises?pageSize=100', headers: miit.headers })).json();
    expect(all.total).toBeGreaterThanOrEqual(3);
    for (const e of all.items) expect(validateCreditCode(e.creditCode).ok).toBe(true);

    const sz = await login(app, 'ent-sz', DEMO_PASSWORD);
    const szList = (await app.inject({ url: '/api/v1/enterprises', headers: sz.headers })).json();
    expect(szList.items).toHaveLength(1);
    expect(szList.items[0].authority.id).toBe('city-440300');

    const gd = await login(app, 'ent-gd', DEMO_PASSWORD);
    const gdList = (await app.inject({ url: '/api/v1/enterprises', headers: gd.headers })).json();
    expect(gdList.items[0].siteCount).toBe(3); // demo-areas/newcomer.ts adds 白云车间 with a submitted application

    const gdReviewer = await login(app, 'gd-reviewer', DEMO_PASSWORD);
    const gdSeen = (await app.inject({ url: '/api/v1/enterprises?pageSize=100', headers: gdReviewer.headers })).json();
    expect(gdSeen.items.every((e: { authority: { id: string } }) => e.authority.id === 'prov-440000')).toBe(true);
    expect(gdSeen.items.some((e: { name: string }) => e.name.includes('深圳'))).toBe(false);
  });

  it('demo: 规范公告 cases in every state, one published 公告 listing the 广东 enterprise, one 公示 open today', async () => {
    const { rows } = await app.database.raw.query<{ state: string }>('SELECT DISTINCT state FROM applications');
    const { APPLICATION_STATE_KEYS } = await import('../../src/domain/announcement/workflow.js');
    // every state, `closed` too (因撤销公告终止, 七(二)4): the revoked 荆州楚天's 沙市车间 draft was closed with the revocation
    expect(rows.map((r) => r.state).sort()).toEqual([...APPLICATION_STATE_KEYS].sort());
    const pub = (await app.inject('/api/v1/public/announcements')).json();
    // 第一批 went through the procedure; other capabilities' demo data add historic (imported) lists
    const first = pub.items.find((b: { batchNo: number }) => b.batchNo === 1);
    expect(first.entries.map((e: { enterpriseName: string }) => e.enterpriseName)).toEqual(['广州精工再制造科技有限公司']);
    const open = (await app.inject('/api/v1/public/notices')).json();
    expect(open.items).toHaveLength(1);
    expect(open.items[0].startDate <= app.services.clock.today() && app.services.clock.today() <= open.items[0].endDate).toBe(true);
    // the demo reviewer's to-do list holds the case awaiting it
    const js = await login(app, 'js-reviewer', DEMO_PASSWORD);
    const todos = (await app.inject({ url: '/api/v1/todos', headers: js.headers })).json();
    expect(todos.items.length).toBe(1);
  });

  it('demo seeding is idempotent', async () => {
    expect(await seedDemoData(app.services, app.database, app.config)).toBe(false);
  });
});
