/**
 * Open data (issue 14 "Open data and feeds", "Value statistics and targets"; docs/public-portal.md): Atom 1.0
 * feeds parsed as XML with Atom's required elements, datasets re-read by a CSV parser (UTF-8 BOM), JSON with
 * its JSON Schema, and the targets board with its honest "no data source" for output value.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let miit: Session;
const ids: Record<string, string> = {};

const send = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const ok = async (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
  const res = await send(s, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res;
};
const publish = async (kind: string, body: Record<string, unknown>) => {
  const item = (await ok(miit, 'POST', `/api/v1/portal/${kind}`, body)).json();
  await ok(miit, 'POST', `/api/v1/portal/${kind}/${item.id}/publish`);
  return item.id as string;
};
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  miit = await login(app, (await buildUser(s, 'ministry_admin')).username, TEST_PASSWORD);
  ids.std = await publish('standards', { code: 'GB/T 28620-2012', title: '再制造率的计算方法', type: 'national', status: 'current', issuedOn: '2012-06-29', effectiveOn: '2012-12-01', drafters: ['中国标准化研究院', '某 "引号" 单位, 逗号'] });
  await publish('standards', { code: 'T/OPEN 1-2019', title: '开放数据测试标准', type: 'group', status: 'current', issuedOn: '2019-03-01' });
  await publish('standards', { code: 'GB/T 1-2010', title: '计划之前的标准', type: 'national', status: 'replaced', issuedOn: '2010-01-01' });
  await ok(miit, 'POST', '/api/v1/portal/standards', { code: 'GB/T 2-2026', title: '草稿标准', type: 'national', status: 'upcoming', issuedOn: '2026-01-01' });
  ids.policy = await publish('policies', { title: '高端智能再制造行动计划（2018—2020年）', category: 'policy', issuedOn: '2017-11-09', docNumber: '工信部节〔2017〕265号', issuer: '工业和信息化部', body: '全文' });
  await publish('demonstration-units', { name: '长沙再制造示范基地', kind: 'base', provinceCode: '430000', city: '长沙市', field: '工程机械', year: 2018 });
  await publish('demonstration-units', { name: '苏州再制造产业园', kind: 'park', provinceCode: '320000', city: '苏州市', field: '内燃机', year: 2020 });
  await publish('demonstration-units', { name: '2016年的示范企业', kind: 'enterprise', provinceCode: '110000', year: 2016 });
  const e = await buildEnterprise(s, { name: '开放数据再制造有限公司', regionCode: '440106' });
  const site = await buildSite(s, e.id, { name: '南沙厂区' });
  const batch = await s.announcements.importHistoric(await operator(s), { docNumber: '工业和信息化部公告 2025年第9号', announcedOn: '2025-05-20', title: '开放数据测试公告', entries: [{ enterpriseId: e.id, siteId: site.id, fields: ['machine_tools', 'internal_combustion_engines'] }] });
  ids.batch = batch.id;
});
afterAll(async () => app?.close());

describe('Atom feeds', () => {
  for (const kind of ['announcements', 'notices', 'standards', 'policies', 'catalogue']) {
    it(`/feeds/${kind}.atom is Atom 1.0 with the required elements`, async () => {
      const res = await ok(null, 'GET', `/feeds/${kind}.atom`);
      expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
      const doc = xml.parse(res.body);
      const feed = doc.feed;
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      // RFC 4287 4.1.1: atom:id, atom:title, atom:updated; an author (feed-level, since entries carry none)
      expect(feed.id).toMatch(new RegExp(`/feeds/${kind}\\.atom$`));
      expect(String(feed.title['#text'] ?? feed.title)).toContain('再制造');
      expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
      expect(feed.author.name).toBeTruthy();
      expect(asArray(feed.link).some((l: { '@rel'?: string; '@href': string }) => l['@rel'] === 'self' && l['@href'].endsWith(`/feeds/${kind}.atom`))).toBe(true);
      for (const entry of asArray(feed.entry) as Array<Record<string, any>>) {
        expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
        expect(String(entry.title['#text'] ?? entry.title)).toBeTruthy();
        expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      }
    });
  }

  it('entries: stable ids, drafts absent, updated moves with an edit', async () => {
    const entries = () => ok(null, 'GET', '/feeds/standards.atom').then((r) => asArray(xml.parse(r.body).feed.entry) as Array<Record<string, any>>);
    const before = await entries();
    expect(before.map((e) => String(e.title['#text'] ?? e.title))).not.toContain('GB/T 2-2026 草稿标准');
    const mine = before.find((e) => e.id === `urn:uuid:${ids.std}`)!;
    expect(mine).toBeTruthy();
    await ok(miit, 'PATCH', `/api/v1/portal/standards/${ids.std}`, { summary: '更新的摘要' });
    const after = (await entries()).find((e) => e.id === `urn:uuid:${ids.std}`)!;
    expect(Date.parse(after.updated)).toBeGreaterThan(Date.parse(mine.updated));
    const ann = asArray(xml.parse((await ok(null, 'GET', '/feeds/announcements.atom')).body).feed.entry) as Array<Record<string, any>>;
    expect(ann.map((e) => e.id)).toContain(`urn:uuid:${ids.batch}`);
  });
});

describe('datasets', () => {
  it('the list names each dataset with last-modified, licence, CSV, JSON and schema links', async () => {
    const list = (await ok(null, 'GET', '/api/v1/public/datasets')).json();
    expect(list.items.map((d: { key: string }) => d.key)).toEqual(['announced-enterprises', 'standards', 'demonstration-units', 'testing-organizations', 'catalogue', 'statistics', 'statistics-value']);
    const std = list.items.find((d: { key: string }) => d.key === 'standards');
    expect(std).toMatchObject({ licence: { name: 'CC BY 4.0' }, csv: '/api/v1/public/datasets/standards/data.csv', schema: '/api/v1/public/datasets/standards/schema.json' });
    expect(Number.isNaN(Date.parse(std.lastModified))).toBe(false);
    expect(list.items.find((d: { key: string }) => d.key === 'announced-enterprises').lastModified).toMatch(/^2025-05-/);
  });

  it('CSV: UTF-8 with BOM, re-read by csv-parse, quoting intact, published rows only', async () => {
    const res = await ok(null, 'GET', '/api/v1/public/datasets/standards/data.csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(raw, { bom: true });
    expect(rows[0]![0]).toBe('标准编号 Code');
    const body = rows.slice(1);
    expect(body.map((r) => r[0]).sort()).toEqual(['GB/T 1-2010', 'GB/T 28620-2012', 'T/OPEN 1-2019']);
    const r = body.find((x) => x[0] === 'GB/T 28620-2012')!;
    expect(r[7]).toBe('中国标准化研究院、某 "引号" 单位, 逗号');
    const ann: string[][] = parse((await ok(null, 'GET', '/api/v1/public/datasets/announced-enterprises/data.csv')).rawPayload, { bom: true, columns: false });
    expect(ann[1]).toEqual(['开放数据再制造有限公司', expect.any(String), '440000', '广东省', '南沙厂区', '机床工具、内燃机', '1', '工业和信息化部公告 2025年第9号', '2025-05-20']);
  });

  it('JSON matches its published JSON Schema (required keys and types)', async () => {
    const data = (await ok(null, 'GET', '/api/v1/public/datasets/demonstration-units/data.json')).json();
    const schema = (await ok(null, 'GET', '/api/v1/public/datasets/demonstration-units/schema.json')).json();
    expect(data).toMatchObject({ dataset: 'demonstration-units', total: 3, licence: { name: 'CC BY 4.0' } });
    const itemSchema = schema.properties.items.items;
    expect(itemSchema.required).toEqual(['name', 'kind', 'provinceCode', 'provinceName', 'city', 'field', 'year']);
    for (const item of data.items) {
      for (const k of itemSchema.required) expect(item, k).toHaveProperty(k);
      for (const [k, p] of Object.entries(itemSchema.properties as Record<string, { type?: string; enum?: string[] }>)) {
        if (p.enum) expect(p.enum).toContain(item[k]);
        else if (p.type === 'integer') expect(Number.isInteger(item[k])).toBe(true);
        else if (p.type) expect(typeof item[k]).toBe(p.type);
      }
    }
    expect((await send(null, 'GET', '/api/v1/public/datasets/nope/data.json')).statusCode).toBe(404);
    expect((await send(null, 'GET', '/api/v1/public/datasets/BAD_KEY/data.csv')).statusCode).toBe(400);
  });
});

describe('targets', () => {
  it('demonstration units and standards count from 2018 against 100 and 50; output value without reviewed reports says so', async () => {
    const { items } = (await ok(null, 'GET', '/api/v1/public/targets')).json();
    const by = Object.fromEntries(items.map((i: { key: string }) => [i.key, i]));
    expect(by.demonstrationUnits).toMatchObject({ target: 100, actual: 2, unit: '家', trend: [{ year: 2018, value: 1 }, { year: 2020, value: 2 }] });
    expect(by.standards).toMatchObject({ target: 50, actual: 1, trend: [{ year: 2019, value: 1 }] });
    expect(by.outputValue).toMatchObject({ target: 2000, actual: null, unit: '亿元' });
    expect(by.outputValue.source).toContain('暂无数据'); // no reviewed annual report states its output value here (annual-reports.test.ts has one that does)
    expect(by.announcedEnterprises).toMatchObject({ target: null, actual: 1, trend: [{ year: 2025, value: 1 }] });
    expect(by.standards.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('indexable pages without JavaScript, sitemap', () => {
  it('a standard’s page is server-rendered HTML with title, description, canonical URL and its content', async () => {
    const res = await ok(null, 'GET', `/public/standards/${encodeURIComponent('GB/T 28620-2012')}`);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<title>GB\/T 28620-2012 再制造率的计算方法 — 再制造公共信息服务平台<\/title>/);
    expect(res.body).toMatch(/<meta name="description" content="[^"]*现行/);
    expect(res.body).toMatch(/<link rel="canonical" href="http:\/\/[^"/]+\/public\/standards\/GB%2FT%2028620-2012">/);
    expect(res.body).toContain('中国标准化研究院');
    expect(res.body).toContain('某 &quot;引号&quot; 单位, 逗号'); // escaped
    expect((await send(null, 'GET', '/public/standards/GB%2FT%202-2026')).statusCode).toBe(404); // a draft
    const list = await ok(null, 'GET', '/public/standards');
    expect(list.body).toContain(`href="/public/standards/${encodeURIComponent('T/OPEN 1-2019')}"`);
    const pol = await ok(null, 'GET', `/public/policies/${ids.policy}`);
    expect(pol.body).toContain('工信部节〔2017〕265号');
    expect((await ok(null, 'GET', '/public/demonstration-units')).body).toContain('长沙再制造示范基地');
  });

  it('sitemap.xml lists the public pages and each published standard and policy', async () => {
    const res = await ok(null, 'GET', '/sitemap.xml');
    const doc = xml.parse(res.body);
    const locs = asArray(doc.urlset.url).map((u: { loc: string }) => u.loc);
    expect(locs.some((l) => l.endsWith('/public/search'))).toBe(true);
    for (const page of ['/public/catalogue', '/public/market', '/public/targets', '/public/datasets']) expect(locs.some((l) => l.endsWith(page)), page).toBe(true);
    expect(locs.some((l) => l.endsWith(`/public/standards/${encodeURIComponent('GB/T 28620-2012')}`))).toBe(true);
    expect(locs.some((l) => l.endsWith(`/public/policies/${ids.policy}`))).toBe(true);
    expect(locs.some((l) => l.includes(encodeURIComponent('GB/T 2-2026')))).toBe(false);
  });
});
