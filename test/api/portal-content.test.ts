/**
 * 公共信息服务 content (docs/public-portal.md): MIIT edits standards, policies, demonstration units and testing
 * organisations as drafts, publishes and withdraws them (audited, one winner under a race); the public reads
 * published items only, paged and cached, and sees a change right after it commits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPortalDemo } from '../../src/server/demo-areas/portal.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { multipart } from './matrix/index.js';
import { auditCount, expectOneWinner, race } from './concurrency.helpers.js';

let app: TestApp;
let miit: Session;
let officer: Session;
let enterprise: Session;
beforeAll(async () => {
  app = await buildTestApp();
  const [m, o, e] = await Promise.all([buildUser(app.services, 'ministry_admin'), buildUser(app.services, 'ministry_officer'), buildUser(app.services, 'enterprise_admin')]);
  [miit, officer, enterprise] = await Promise.all([login(app, m.username, TEST_PASSWORD), login(app, o.username, TEST_PASSWORD), login(app, e.username, TEST_PASSWORD)]);
});
afterAll(async () => app?.close());

const send = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const ok = async (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
  const res = await send(s, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
let n = 0;
const standard = (over: Record<string, unknown> = {}) => ({ code: `GB/T 9${String(++n).padStart(4, '0')}-2020`, title: '再制造 柴油发动机总成技术条件', type: 'national', status: 'current', issuedOn: '2020-05-01', ...over });

describe('standards: draft → published → withdrawn', () => {
  it('the public sees a standard only once published, at once after the commit, and no longer after withdrawal', async () => {
    const s = await ok(miit, 'POST', '/api/v1/portal/standards', standard({ title: '再制造 盾构机主轴承修复技术规范', drafters: ['某研究院'] }));
    expect(s).toMatchObject({ state: 'draft', verified: false, publishedAt: null, actions: ['read', 'edit', 'publish'] });
    const q = encodeURIComponent('盾构机的主轴承');
    expect((await ok(null, 'GET', `/api/v1/public/standards?q=${q}`)).total).toBe(0); // cached now
    expect((await send(null, 'GET', `/api/v1/public/standards/${s.id}`)).statusCode).toBe(404);

    const pub = await ok(officer, 'POST', `/api/v1/portal/standards/${s.id}/publish`);
    expect(pub.state).toBe('published');
    expect(pub.actions).toEqual(['read', 'edit', 'withdraw']);
    const found = await ok(null, 'GET', `/api/v1/public/standards?q=${q}`);
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
    expect(found.items[0].actions).toEqual(['read']); // public answers are the same for everyone
    expect((await ok(null, 'GET', `/api/v1/public/standards/${s.id}`)).drafters).toEqual(['某研究院']);

    // an edit of a published standard shows at once
    await ok(miit, 'PATCH', `/api/v1/portal/standards/${s.id}`, { title: '再制造 盾构机主轴承修复与检测技术规范' });
    expect((await ok(null, 'GET', `/api/v1/public/standards?q=${q}`)).items[0].title).toBe('再制造 盾构机主轴承修复与检测技术规范');

    await ok(miit, 'POST', `/api/v1/portal/standards/${s.id}/withdraw`);
    expect((await ok(null, 'GET', `/api/v1/public/standards?q=${q}`)).total).toBe(0);
    expect((await send(null, 'GET', `/api/v1/public/standards/${s.id}`)).statusCode).toBe(404);
    expect(await auditCount(app, 'portal_standard.published', s.id)).toBe(1);
    expect(await auditCount(app, 'portal_standard.withdrawn', s.id)).toBe(1);
    expect(await auditCount(app, 'portal_standard.updated', s.id)).toBe(1);
    // the item's own audit trail, for the editing screen: newest first, editors only
    const history = await ok(officer, 'GET', `/api/v1/portal/standards/${s.id}/history`);
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(['portal_standard.withdrawn', 'portal_standard.updated', 'portal_standard.published', 'portal_standard.created']);
    expect(history.items[2].actorRole).toBe('ministry_officer');
    expect((await send(enterprise, 'GET', `/api/v1/portal/standards/${s.id}/history`)).statusCode).toBe(403);
    expect((await send(miit, 'GET', '/api/v1/portal/standards/00000000-0000-4000-8000-000000000000/history')).statusCode).toBe(404);
  });

  it('filters by status and type, finds by code, and links a replaced standard to its successor', async () => {
    const newer = await ok(miit, 'POST', '/api/v1/portal/standards', standard({ code: 'GB/T 77777-2024', title: '再制造 测试标准 新版', type: 'group' }));
    const older = await ok(miit, 'POST', '/api/v1/portal/standards', standard({ code: 'GB/T 77777-2019', title: '再制造 测试标准 旧版', type: 'group', status: 'replaced', replacedBy: 'GB/T 77777-2024' }));
    for (const x of [newer, older]) await ok(miit, 'POST', `/api/v1/portal/standards/${x.id}/publish`);
    const replaced = await ok(null, 'GET', '/api/v1/public/standards?status=replaced&type=group');
    expect(replaced.items.map((i: { code: string }) => i.code)).toEqual(['GB/T 77777-2019']);
    expect(replaced.items[0]).toMatchObject({ replacedBy: 'GB/T 77777-2024', replacedById: newer.id });
    const byCode = await ok(null, 'GET', `/api/v1/public/standards?q=${encodeURIComponent('77777')}`);
    expect(byCode.items.map((i: { code: string }) => i.code).sort()).toEqual(['GB/T 77777-2019', 'GB/T 77777-2024']);
  });

  it('a second standard with the same code (any case) is a 409 naming the field; bad input a 400 naming it', async () => {
    await ok(miit, 'POST', '/api/v1/portal/standards', standard({ code: 'GB/T 88888-2020' }));
    const dup = await send(miit, 'POST', '/api/v1/portal/standards', standard({ code: 'gb/t 88888-2020' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'STANDARD_CODE_TAKEN', details: [{ field: 'code' }] });
    const bad = await send(miit, 'POST', '/api/v1/portal/standards', standard({ type: 'national-ish' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toContain('type');
    expect((await send(null, 'GET', '/api/v1/public/standards?pageSize=500')).statusCode).toBe(400);
    expect((await send(null, 'GET', '/api/v1/public/standards?status=whatever')).statusCode).toBe(400);
  });

  it('only MIIT edits: an enterprise admin gets 403, the public 401; MIIT sees drafts, nobody else', async () => {
    expect((await send(enterprise, 'POST', '/api/v1/portal/standards', standard())).statusCode).toBe(403);
    expect((await send(null, 'POST', '/api/v1/portal/standards', standard())).statusCode).toBe(401);
    const d = await ok(miit, 'POST', '/api/v1/portal/standards', standard());
    expect((await send(enterprise, 'GET', `/api/v1/portal/standards/${d.id}`)).statusCode).toBe(403);
    expect((await send(enterprise, 'GET', `/api/v1/public/standards/${d.id}`)).statusCode).toBe(404);
    const drafts = await ok(officer, 'GET', '/api/v1/portal/standards?state=draft&pageSize=200');
    expect(drafts.items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  it('N identical publish requests at once: one 200, the rest 409, one audit row', async () => {
    const d = await ok(miit, 'POST', '/api/v1/portal/standards', standard());
    const res = await race(() => send(miit, 'POST', `/api/v1/portal/standards/${d.id}/publish`));
    expectOneWinner(res, ['STATE_CHANGED']);
    expect(await auditCount(app, 'portal_standard.published', d.id)).toBe(1);
  });
});

describe('policies, demonstration units, testing organisations', () => {
  it('a policy document carries attachments checked by content; the public downloads them once published', async () => {
    const p = await ok(miit, 'POST', '/api/v1/portal/policies', { title: '关于推进再制造产业发展的通知', category: 'notice', issuer: '工业和信息化部', docNumber: '工信部测〔2026〕1号', issuedOn: '2026-03-01', body: '为推进再制造产业高质量发展……' });
    const up = (data: Buffer, name: string) => {
      const m = multipart({ files: [{ name, data, type: 'application/pdf' }] });
      return app.inject({ method: 'POST', url: `/api/v1/portal/policies/${p.id}/attachments`, headers: { ...miit.headers, ...m.headers }, payload: m.payload });
    };
    expect((await up(Buffer.from('not a pdf at all'), 'x.pdf')).statusCode).toBe(415);
    const attached = await up(TINY_PDF, '附件一.pdf');
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json().attachments).toEqual([expect.objectContaining({ n: 0, name: '附件一.pdf', mime: 'application/pdf', size: TINY_PDF.length })]);
    expect((await send(null, 'GET', `/api/v1/public/policies/${p.id}/attachments/0`)).statusCode).toBe(404);
    expect((await send(miit, 'GET', `/api/v1/portal/policies/${p.id}/attachments/0`)).rawPayload).toEqual(TINY_PDF);

    await ok(miit, 'POST', `/api/v1/portal/policies/${p.id}/publish`);
    const list = await ok(null, 'GET', '/api/v1/public/policies?category=notice');
    expect(list.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({ docNumber: '工信部测〔2026〕1号', excerpt: expect.stringContaining('再制造产业') });
    const dl = await send(null, 'GET', `/api/v1/public/policies/${p.id}/attachments/0`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload).toEqual(TINY_PDF);
    expect((await send(null, 'GET', `/api/v1/public/policies/${p.id}/attachments/1`)).statusCode).toBe(404);
  });

  it('demonstration units filter by kind, province and year and count per province; testing organisations list published only', async () => {
    const mk = async (name: string, provinceCode: string, kind: string, year: number, publish = true) => {
      const u = await ok(miit, 'POST', '/api/v1/portal/demonstration-units', { name, kind, provinceCode, year, field: '工程机械' });
      if (publish) await ok(miit, 'POST', `/api/v1/portal/demonstration-units/${u.id}/publish`);
      return u;
    };
    await mk('测试园区甲', '430000', 'park', 2019);
    await mk('测试企业乙', '430000', 'enterprise', 2020);
    await mk('测试中心丙', '440000', 'centre', 2020);
    await mk('测试草稿丁', '440000', 'centre', 2020, false);
    const hunan = await ok(null, 'GET', '/api/v1/public/demonstration-units?province=430000');
    expect(hunan.items.map((i: { name: string }) => i.name).sort()).toEqual(['测试企业乙', '测试园区甲']);
    expect(hunan.items[0].provinceName).toBe('湖南省');
    expect((await ok(null, 'GET', '/api/v1/public/demonstration-units?kind=centre&year=2020')).items.map((i: { name: string }) => i.name)).toEqual(['测试中心丙']);
    const byProvince = await ok(null, 'GET', '/api/v1/public/demonstration-units/by-province');
    expect(byProvince.items).toEqual(expect.arrayContaining([{ provinceCode: '430000', provinceName: '湖南省', count: 2 }, { provinceCode: '440000', provinceName: '广东省', count: 1 }]));
    expect((await send(miit, 'POST', '/api/v1/portal/demonstration-units', { name: '坏省份', kind: 'park', provinceCode: '440100', year: 2020 })).statusCode).toBe(400);

    const o = await ok(miit, 'POST', '/api/v1/portal/testing-organizations', { name: '测试检测中心', accreditationNo: 'CNAS L9999', provinceCode: '320000', scope: '内燃机再制造产品检测' });
    expect((await ok(null, 'GET', '/api/v1/public/testing-organizations?q=CNAS')).items.map((i: { id: string }) => i.id)).not.toContain(o.id);
    await ok(miit, 'POST', `/api/v1/portal/testing-organizations/${o.id}/publish`);
    expect((await ok(null, 'GET', `/api/v1/public/testing-organizations?q=${encodeURIComponent('内燃机的检测')}`)).items.map((i: { id: string }) => i.id)).toEqual([o.id]);
    const dup = await send(miit, 'POST', '/api/v1/portal/testing-organizations', { name: '另一家', accreditationNo: 'cnas l9999', provinceCode: '320000' });
    expect(dup.statusCode).toBe(409);
  });
});

// seeding ~70 items through the audited use cases takes a while on a loaded machine
describe('demo data', { timeout: 300_000 }, () => {
  it('seeds 20–40 published standards (verified ones flagged), the two seed policies with their text, units across provinces', async () => {
    const fresh = await buildTestApp();
    try {
      const u = await buildUser(fresh.services, 'ministry_admin');
      await seedPortalDemo({ services: fresh.services, miit: u } as never);
      const get = async (url: string) => (await fresh.inject({ method: 'GET', url })).json();
      const std = await get('/api/v1/public/standards?pageSize=200');
      expect(std.total).toBeGreaterThanOrEqual(20);
      expect(std.total).toBeLessThanOrEqual(40);
      const codes = std.items.map((i: { code: string }) => i.code);
      for (const c of ['GB/T 28618-2012', 'GB/T 28619-2012', 'GB/T 28620-2012', 'GB/T 28672-2012', 'GB/T 32809-2016', 'GB/T 35980-2018']) expect(codes).toContain(c);
      expect(std.items.find((i: { code: string }) => i.code === 'GB/T 28620-2012').verified).toBe(true);
      expect(std.items.some((i: { verified: boolean }) => !i.verified)).toBe(true);
      expect(new Set(std.items.map((i: { status: string }) => i.status))).toEqual(new Set(['current', 'upcoming', 'replaced']));
      const policies = await get(`/api/v1/public/policies?q=${encodeURIComponent('高端智能再制造行动计划')}`);
      expect(policies.items[0]).toMatchObject({ docNumber: '工信部节〔2017〕265号', issuedOn: '2017-10-31' });
      const full = await get(`/api/v1/public/policies/${policies.items[0].id}`);
      expect(full.body).toContain('2000亿元');
      const byProvince = await get('/api/v1/public/demonstration-units/by-province');
      expect(byProvince.items.length).toBeGreaterThanOrEqual(15);
      expect((await get('/api/v1/public/testing-organizations')).total).toBeGreaterThanOrEqual(3);
    } finally {
      await fresh.close();
    }
  });
});
