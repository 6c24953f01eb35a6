/**
 * Issue 16 on the demo data: statistics that do not mislead (item 5: a provincial authority's figures by city);
 * recall by what people know (item 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityName } from '../../src/domain/regions.js';
import { seedDemoData } from '../../src/server/demo.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  expect(await seedDemoData(app.services, app.database, app.config)).toBe(true);
}, 240_000);
afterAll(async () => app?.close());

type City = { regionCode: string; regionName: string; count: number };

describe('province-shaped statistics', () => {
  it('city names come from the addresses people typed; plan cities by their own name', () => {
    expect(cityName('440600', '广东省佛山市顺德区北滘镇工业大道66号')).toBe('佛山市');
    expect(cityName('441900', '广东东莞市松山湖园区')).toBe('东莞市');
    expect(cityName('310115', '上海市浦东新区张江路1号')).toBe('浦东新区');
    expect(cityName('422800', '湖北省恩施土家族苗族自治州恩施市')).toBe('恩施土家族苗族自治州');
    expect(cityName('440300', null)).toBe('深圳市');
    expect(cityName('450100', '')).toBe('450100');
  });

  it('gd-admin: enterprises by city of 广东 (home) and announced enterprises by city (统计); MIIT keeps the national shape', async () => {
    const gd = await login(app, 'gd-admin', 'Reman#2026');
    const cities = (await app.inject({ method: 'GET', url: '/api/v1/enterprises/stats/by-city', headers: gd.headers })).json().items as City[];
    expect(cities.length).toBeGreaterThan(1);
    expect(cities.every((c) => c.regionCode.startsWith('44') && c.regionCode.endsWith('00'))).toBe(true);
    expect(cities.map((c) => c.regionName)).toEqual(expect.arrayContaining(['广州市', '佛山市', '东莞市']));
    expect(cities.map((c) => c.regionName)).not.toContain('深圳市'); // reviewed by 深圳's own authority
    const { rows } = await app.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM enterprises WHERE authority_id = 'prov-440000'");
    expect(cities.reduce((n, c) => n + c.count, 0)).toBe(rows[0]!.n);

    const stats = (await app.inject({ method: 'GET', url: '/api/v1/statistics', headers: gd.headers })).json();
    expect(stats.scope.kind).toBe('authority');
    expect(stats.announced.byCity.length).toBeGreaterThan(1);
    expect(stats.announced.byCity.reduce((n: number, c: { enterprises: number }) => n + c.enterprises, 0)).toBe(stats.announced.enterprises);

    const miit = await login(app, 'miit', 'Reman#2026');
    const national = (await app.inject({ method: 'GET', url: '/api/v1/statistics', headers: miit.headers })).json();
    expect(national.announced.byCity).toEqual([]);
    expect(national.announced.byRegion.length).toBeGreaterThan(1);
  });
});

describe('recall by what people know (item 10)', () => {
  type Target = { key: string; kind: string; name: string | null; productCode: string | null; exact: boolean; by: 'lot' | 'core' };
  const targets = async (s: { headers: Record<string, string> }, q: string) => app.inject({ method: 'GET', url: `/api/v1/trace/recall/targets?q=${encodeURIComponent(q)}`, headers: s.headers });

  it('a lot number, a part name, a product code find what the recall starts from; the recall then names the units', async () => {
    const gd = await login(app, 'ent-gd', 'Reman#2026');
    const lot = (await targets(gd, 'PR2026A')).json().items as Target[];
    expect(lot[0]).toMatchObject({ key: 'urn:epc:class:lgtin:6901234.00001.PR2026A', kind: 'lot', exact: true, by: 'lot' });
    const recall = (await app.inject({ method: 'GET', url: `/api/v1/trace/recall?${lot[0]!.by}=${encodeURIComponent(lot[0]!.key)}`, headers: gd.headers })).json();
    expect(recall.items).toHaveLength(3);
    // lower case and a name: 活塞环 names the same lot
    expect(((await targets(gd, 'pr2026a')).json().items as Target[])[0]!.kind).toBe('lot');
    expect(((await targets(gd, '活塞环')).json().items as Target[]).map((t) => t.key)).toContain(lot[0]!.key);
    // a part name: every 缸体 taken out, none exact
    const blocks = (await targets(gd, '缸体')).json().items as Target[];
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.every((b) => b.name?.includes('缸体') && !b.exact && b.by === 'core')).toBe(true);
    // a product code
    const list = (await app.inject({ method: 'GET', url: '/api/v1/trace/products?pageSize=50', headers: gd.headers })).json();
    const code = list.items[0].code as string;
    expect(((await targets(gd, code)).json().items as Target[])[0]).toMatchObject({ kind: 'product', productCode: code, exact: true });
    // nothing: an empty list, not an error
    expect((await targets(gd, 'NOPE-404')).json().items).toEqual([]);
  });

  it('too short is a 400 naming q, in both languages; another enterprise finds nothing of 广州精工', async () => {
    const gd = await login(app, 'ent-gd', 'Reman#2026');
    const bad = await targets(gd, 'P');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('q');
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const js = await login(app, 'ent-js', 'Reman#2026');
    expect((await targets(js, 'PR2026A')).json().items).toEqual([]);
  });
});


describe('buttons that say why they are disabled (item 12)', () => {
  const one = async (sql: string) => (await app.database.raw.query<{ id: string }>(sql)).rows[0]!.id;

  it('完成专家复审 before every opinion is in: offered, blocked with n/3; the step itself refuses with the same rule', async () => {
    const miit = await login(app, 'miit', 'Reman#2026');
    const id = await one("SELECT id FROM applications WHERE state = 'expert_review' LIMIT 1");
    const d = (await app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: miit.headers })).json();
    expect(d.actions).toContain('complete_expert_review');
    const block = d.blocked.find((b: { action: string }) => b.action === 'complete_expert_review');
    expect(block).toMatchObject({ code: 'OPINIONS_PENDING', of: 3 });
    expect(block.done).toBeLessThan(3);
    expect(block.message).toContain(`${block.done}/3`);
    const res = await app.inject({ method: 'POST', url: `/api/v1/applications/${id}/complete-expert-review`, headers: miit.headers, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('OPINIONS_PENDING');
  });

  it('期满办结 while the window is open: blocked with the end date; 提交申请 with the missing count', async () => {
    const miit = await login(app, 'miit', 'Reman#2026');
    const notice = await one("SELECT id FROM notice_batches WHERE status = 'open' ORDER BY end_date DESC LIMIT 1");
    const n = (await app.inject({ method: 'GET', url: `/api/v1/notices/${notice}`, headers: miit.headers })).json();
    expect(n.closeBlocked).toMatchObject({ code: 'NOTICE_WINDOW_OPEN' });
    expect(n.closeBlocked.message).toContain(n.endDate);
    expect((await app.inject({ method: 'POST', url: `/api/v1/notices/${notice}/close`, headers: miit.headers, payload: {} })).json().error.code).toBe('NOTICE_WINDOW_OPEN');

    const gd = await login(app, 'ent-gd', 'Reman#2026');
    const drafts = (await app.inject({ method: 'GET', url: '/api/v1/applications?state=draft', headers: gd.headers })).json().items as { id: string }[];
    const draft = (await app.inject({ method: 'GET', url: `/api/v1/applications/${drafts[0]!.id}`, headers: gd.headers })).json();
    const submit = draft.blocked.find((b: { action: string }) => b.action === 'submit');
    if (draft.missing.length) expect(submit).toMatchObject({ code: 'INCOMPLETE', of: draft.missing.length });
    else expect(submit).toBeUndefined();
  });
});

describe('experts (item 9)', () => {
  it('expert1\'s list marks its own pending opinion; the organisation is the institution', async () => {
    const e = await login(app, 'expert1', 'Reman#2026');
    const me = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: e.headers })).json();
    expect(me.user.organization).toMatchObject({ kind: 'expert', name: '机械工业再制造技术研究院' });
    const list = (await app.inject({ method: 'GET', url: '/api/v1/applications?pageSize=100', headers: e.headers })).json();
    const review = list.items.filter((a: { state: string }) => a.state === 'expert_review');
    expect(review.length).toBeGreaterThan(0);
    expect(review.some((a: { myOpinion: string }) => a.myOpinion === 'pending')).toBe(true);
    expect(list.items.every((a: { myOpinion: string | null }) => a.myOpinion === 'pending' || a.myOpinion === 'submitted')).toBe(true);
    // others' lists carry no such mark
    const miit = await login(app, 'miit', 'Reman#2026');
    const m = (await app.inject({ method: 'GET', url: '/api/v1/applications?pageSize=5', headers: miit.headers })).json();
    expect(m.items.every((a: { myOpinion?: unknown }) => a.myOpinion === undefined)).toBe(true);
  });
});
