/**
 * 一站式检索 (issue 14 "Search", docs/public-portal.md): one index over announced enterprises, 公告, standards,
 * policies, demonstration units, testing organisations (and listings, products by code). Relevance table:
 * each query must find its document on the first page; word order and function words do not matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { until } from '../support/wait.js';
import { buildEnterprise, buildProduct, buildSite, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let miit: Session;
const ids: Record<string, string> = {};

const send = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const ok = async (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
  const res = await send(s, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
const publish = async (kind: string, body: Record<string, unknown>) => {
  const item = await ok(miit, 'POST', `/api/v1/portal/${kind}`, body);
  await ok(miit, 'POST', `/api/v1/portal/${kind}/${item.id}/publish`);
  return item.id as string;
};
type Hit = { type: string; title: string; url: string; snippet: string; score: number };
const search = async (query: string): Promise<{ items: Hit[]; total: number }> => ok(null, 'GET', `/api/v1/public/search?${query}`);

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  miit = await login(app, (await buildUser(s, 'ministry_admin')).username, TEST_PASSWORD);
  ids.std = await publish('standards', { code: 'GB/T 28672-2012', title: '汽车零部件再制造 拆解', type: 'national', status: 'current', issuedOn: '2012-09-03', summary: '规定了汽车零部件再制造拆解的术语、要求' });
  ids.engineStd = await publish('standards', { code: 'T/CAMRA 001-2026', title: '再制造发动机 总成 技术条件', type: 'group', status: 'current', issuedOn: '2026-01-01' });
  ids.policy = await publish('policies', { title: '高端智能再制造行动计划（2018—2020年）', category: 'policy', issuedOn: '2017-11-09', docNumber: '工信部节〔2017〕265号', body: '推动盾构机、航空发动机等高端装备再制造。' });
  ids.unit = await publish('demonstration-units', { name: '长沙工程机械再制造示范基地', kind: 'base', provinceCode: '430000', city: '长沙市', field: '工程机械', year: 2018 });
  ids.org = await publish('testing-organizations', { name: '国家机电产品再制造质量检验中心', accreditationNo: 'CNAS L99999', provinceCode: '110000', scope: '再制造产品性能检测' });
  // a draft: never in the index
  await ok(miit, 'POST', '/api/v1/portal/standards', { code: 'GB/T 99999-2030', title: '液压泵 草稿标准', type: 'national', status: 'upcoming' });
  // an announced enterprise (公告 import) in Guangdong, field 内燃机
  const e = await buildEnterprise(s, { name: '广州柴油机再制造有限公司', regionCode: '440106' });
  const site = await buildSite(s, e.id, { name: '黄埔厂区' });
  await s.announcements.importHistoric(await operator(s), { docNumber: '工业和信息化部公告 2025年第7号', announcedOn: '2025-03-01', title: '符合规范条件企业名单（检索测试批）', entries: [{ enterpriseId: e.id, siteId: site.id, fields: ['internal_combustion_engines'] }] });
  ids.enterprise = e.id;
  ids.product = (await buildProduct(s, e.id, { name: '再制造柴油发动机总成', model: 'WD615' })).code;
  await s.search.sync();
});
afterAll(async () => app?.close());

describe('relevance table: each query finds its document', () => {
  const cases: Array<[string, string, (h: Hit) => boolean]> = [
    ['发动机的再制造', 'word order and 的 do not matter: finds 再制造发动机', (h) => h.type === 'standard' && h.title.includes('再制造发动机')],
    ['再制造 拆解 汽车零部件', 'words in any order', (h) => h.type === 'standard' && h.title.startsWith('GB/T 28672')],
    ['28672', 'a standard by the digits of its code', (h) => h.type === 'standard' && h.title.startsWith('GB/T 28672')],
    ['265号', 'a policy by its document number', (h) => h.type === 'policy' && h.title.includes('行动计划')],
    ['盾构机', 'a policy by a word of its body', (h) => h.type === 'policy'],
    ['长沙 示范基地', 'a demonstration unit', (h) => h.type === 'demoUnit' && h.title.includes('长沙')],
    ['检验中心', 'a testing organisation', (h) => h.type === 'testingOrg'],
    ['CNAS L99999', 'a testing organisation by accreditation number', (h) => h.type === 'testingOrg'],
    ['柴油机', 'an announced enterprise by name', (h) => h.type === 'enterprise' && h.title === '广州柴油机再制造有限公司'],
    ['黄埔厂区', 'an announced enterprise by its site', (h) => h.type === 'enterprise'],
    ['内燃机', 'an announced enterprise by its field (label)', (h) => h.type === 'enterprise'],
    ['检索测试批', 'a 公告 batch by its title', (h) => h.type === 'announcement'],
  ];
  for (const [q, why, match] of cases) {
    it(`${q} — ${why}`, async () => {
      const r = await search(`q=${encodeURIComponent(q)}`);
      expect(r.items.some(match), JSON.stringify(r.items.map((i) => [i.type, i.title]))).toBe(true);
    });
  }

  it('a title hit ranks above a body-only hit (title weight A)', async () => {
    const r = await search(`q=${encodeURIComponent('发动机')}`);
    const titleHit = r.items.findIndex((h) => h.title.includes('再制造发动机'));
    const bodyHit = r.items.findIndex((h) => h.type === 'policy'); // 航空发动机 in the body only
    expect(titleHit).toBeGreaterThanOrEqual(0);
    expect(bodyHit).toBeGreaterThan(titleHit);
    expect(r.items[titleHit]!.score).toBeGreaterThan(r.items[bodyHit]!.score);
  });

  it('snippets are HTML-escaped excerpts with the words marked', async () => {
    const r = await search(`q=${encodeURIComponent('盾构机')}`);
    const h = r.items.find((i) => i.type === 'policy')!;
    expect(h.snippet).toContain('<mark>盾构机</mark>');
    expect(h.url).toBe(`/public/policies/${ids.policy}`);
  });

  it('drafts are not found; a query of stop words only answers empty', async () => {
    expect((await search(`q=${encodeURIComponent('液压泵 草稿标准')}`)).total).toBe(0);
    expect(await search(`q=${encodeURIComponent('的 了')}`)).toMatchObject({ items: [], total: 0 });
  });

  it('a product code finds the verified product', async () => {
    const r = await search(`q=${encodeURIComponent(ids.product!)}`);
    expect(r.items[0]).toMatchObject({ type: 'product', url: `/p/${encodeURIComponent(ids.product!)}` });
  });
});

describe('filters, paging, suggestions, freshness', () => {
  it('type, region, field and year filter', async () => {
    const q = encodeURIComponent('再制造');
    const all = await search(`q=${q}&pageSize=100`);
    expect(new Set(all.items.map((h) => h.type)).size).toBeGreaterThanOrEqual(5);
    const stds = await search(`q=${q}&type=standard`);
    expect(stds.items.length).toBeGreaterThan(0);
    expect(stds.items.every((h) => h.type === 'standard')).toBe(true);
    const two = await search(`q=${q}&type=standard,policy&pageSize=100`);
    expect(new Set(two.items.map((h) => h.type))).toEqual(new Set(['standard', 'policy']));
    const gd = await search(`q=${q}&region=440000`);
    expect(gd.items.map((h) => h.type)).toEqual(['enterprise']);
    expect((await search(`q=${q}&field=internal_combustion_engines`)).items.map((h) => h.title)).toEqual(['广州柴油机再制造有限公司']);
    const y2018 = await search(`q=${q}&year=2018&pageSize=100`);
    expect(y2018.items.map((h) => h.type)).toEqual(['demoUnit']);
  });

  it('pages: total counts every match, pages do not overlap', async () => {
    const q = encodeURIComponent('再制造');
    const p1 = await search(`q=${q}&pageSize=2&page=1`);
    const p2 = await search(`q=${q}&pageSize=2&page=2`);
    expect(p1.total).toBe(p2.total);
    expect(p1.total).toBeGreaterThan(4);
    expect((p1 as unknown as { capped: boolean }).capped).toBe(false); // fewer matches than are ranked: the total is exact
    expect(p1.items.map((h) => h.url)).not.toEqual(expect.arrayContaining(p2.items.map((h) => h.url)));
  });

  it('bad input: 400 naming the field; unknown type refused', async () => {
    for (const qs of ['q=', 'q=a&type=nonsense', 'q=a&year=abc', 'q=a&region=4x']) {
      const res = await send(null, 'GET', `/api/v1/public/search?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.message).toBeTruthy();
      expect(res.json().error.messageEn).toBeTruthy();
    }
  });

  it('suggest: title words with the last one a prefix', async () => {
    const r = await ok(null, 'GET', `/api/v1/public/search/suggest?q=${encodeURIComponent('长沙 工程')}`);
    expect(r.items.map((i: { title: string }) => i.title)).toContain('长沙工程机械再制造示范基地');
    const prefix = await ok(null, 'GET', `/api/v1/public/search/suggest?q=${encodeURIComponent('柴油')}`);
    expect(prefix.items.map((i: { title: string }) => i.title)).toContain('广州柴油机再制造有限公司');
    // body words do not suggest
    expect((await ok(null, 'GET', `/api/v1/public/search/suggest?q=${encodeURIComponent('盾构')}`)).items).toEqual([]);
  });

  it('a published edit and a withdrawal show in the next search at once (after commit, cache dropped)', async () => {
    const q = encodeURIComponent('示范基地');
    const titles = async () => (await search(`q=${q}`)).items.map((h) => h.title);
    expect(await titles()).toContain('长沙工程机械再制造示范基地'); // cached now
    await ok(miit, 'PATCH', `/api/v1/portal/demonstration-units/${ids.unit}`, { name: '长沙工程机械再制造产业园' });
    expect(await titles()).not.toContain('长沙工程机械再制造示范基地');
    expect((await search(`q=${encodeURIComponent('产业园 长沙')}`)).items.map((h) => h.title)).toContain('长沙工程机械再制造产业园');
    await ok(miit, 'POST', `/api/v1/portal/demonstration-units/${ids.unit}/withdraw`);
    expect((await search(`q=${encodeURIComponent('产业园 长沙')}`)).total).toBe(0);
  });

  it('a new 公告 is searchable right after its commit (no periodic sync): the batch and its announced enterprise', async () => {
    const s = app.services;
    const e = await buildEnterprise(s, { name: '青岛盾构装备再制造有限公司', regionCode: '370202' });
    const site = await buildSite(s, e.id, { name: '即墨厂区' });
    const q = `q=${encodeURIComponent('盾构装备 青岛')}`;
    expect((await search(q)).total).toBe(0); // cached: the write must drop it too
    await s.announcements.importHistoric(await operator(s), { docNumber: '工业和信息化部公告 2026年第88号', announcedOn: '2026-11-30', title: '符合规范条件企业名单（即时检索批）', entries: [{ enterpriseId: e.id, siteId: site.id, fields: ['construction_machinery'] }] });
    // the index follows the announcement's after-commit invalidation in the background: a condition, not a sleep
    const hits = await until(() => search(q), (r) => r.items.some((h) => h.type === 'enterprise'), 10_000);
    expect(hits.items.find((h) => h.type === 'enterprise')!.title).toBe('青岛盾构装备再制造有限公司');
    const batch = await until(() => search(`q=${encodeURIComponent('即时检索批')}&type=announcement`), (r) => r.total === 1, 10_000);
    expect(batch.items[0]!.title).toBe('符合规范条件企业名单（即时检索批）');
    await s.search.idle();
  });

  it('sync is idempotent (digest: nothing rewritten) and drops what is no longer public; rebuild is MIIT only', async () => {
    expect(await app.services.search.sync()).toEqual({ written: 0, removed: 0 });
    expect((await send(null, 'POST', '/api/v1/portal/search/rebuild')).statusCode).toBe(401);
    const [a, b] = await Promise.all([ok(miit, 'POST', '/api/v1/portal/search/rebuild'), ok(miit, 'POST', '/api/v1/portal/search/rebuild')]);
    expect(a.written + b.written).toBe(0);
    expect(a.counts.find((c: { type: string }) => c.type === 'standard').n).toBe(2);
  });
});
