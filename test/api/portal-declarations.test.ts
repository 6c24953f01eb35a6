/**
 * Who declares a standard (issue 14 "Standards library … the products/enterprises that declare it";
 * docs/public-portal.md "Who declares a standard"): `GET /api/v1/public/standards/:id/declarations` lists the
 * catalogue's listed models naming the standard, the traced products of announced enterprises whose label names it
 * (name, model, units — no codes) and the announced enterprises whose application (申请书 row 30) lists it. An
 * enterprise not on the announced list is never shown; a number without its year counts; another number does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationKeys, standardKey } from '../../src/domain/portal/standard-code.js';
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildApplication, buildEnterprise, buildProduct, buildSite, buildUser, enterpriseAdminCtx, operator, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { completeApplicationForm } from '../domain/fixtures.js';
import { mesDocument } from './trace-fixtures.js';

let app: TestApp;
let miit: Session;
let stdId: string, otherStdId: string, draftStdId: string;
const names = { announced: '声明标准再制造有限公司', quiet: '未公告再制造有限公司', listedOnly: '目录再制造有限公司' };
let announcedId: string, quietId: string;

const send = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const ok = async (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) => {
  const res = await send(s, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
const publish = async (kind: string, body: Record<string, unknown>) => {
  const item = await ok(miit, 'POST', `/api/v1/portal/${kind}`, body);
  await ok(miit, 'POST', `/api/v1/portal/${kind}/${item.id}/publish`);
  return item.id as string;
};

beforeAll(async () => {
  // captures over 2 events are projected by the follower after their commit (the deferred path below)
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000, TRACE_INLINE_PROJECTION_MAX: 2 });
  const s = app.services;
  miit = await login(app, (await buildUser(s, 'ministry_admin')).username, TEST_PASSWORD);
  stdId = await publish('standards', { code: 'GB/T 28672-2012', title: '汽车零部件再制造产品技术规范 交流发电机', type: 'national', status: 'current' });
  otherStdId = await publish('standards', { code: 'GB/T 28673-2012', title: '汽车零部件再制造产品技术规范 起动机', type: 'national', status: 'current' });
  draftStdId = (await ok(miit, 'POST', '/api/v1/portal/standards', { code: 'GB/T 99999-2026', title: '草稿', type: 'national', status: 'upcoming' })).id;
  const orgId = await publish('testing-organizations', { name: '声明测试检验中心', accreditationNo: 'CNAS L54321', provinceCode: '110000' });

  // announced, with an application declaring "gb/t 28672" (no year, lower case) and two traced products naming it
  const announced = await buildEnterprise(s, { name: names.announced, regionCode: '440106' });
  announcedId = announced.id;
  const site = await buildSite(s, announced.id);
  const form = completeApplicationForm();
  form.table12 = { ...form.table12, standards: [{ code: 'gb/t 28672', title: '交流发电机' }] };
  await buildApplication(s, { enterpriseId: announced.id, siteId: site.id, form, submit: true });
  for (let i = 0; i < 3; i++) await buildProduct(s, announced.id, { name: '再制造交流发电机', model: 'JF-28', standardNo: 'GB/T 28672-2012' });
  await buildProduct(s, announced.id, { name: '再制造交流发电机', model: 'JF-30', standardNo: 'GB/T28672—2012' });
  await buildProduct(s, announced.id, { name: '再制造起动机', model: 'QD-1', standardNo: 'GB/T 28673-2012' });
  await s.announcements.importHistoric(await operator(s), { docNumber: '工业和信息化部公告 声明测试', announcedOn: '2025-05-20', title: '声明测试公告', entries: [{ enterpriseId: announced.id, siteId: site.id, fields: ['internal_combustion_engines'] }] });

  // not announced: its label and its application name the standard, and neither may show
  const quiet = await buildEnterprise(s, { name: names.quiet, regionCode: '320505' });
  quietId = quiet.id;
  await buildProduct(s, quiet.id, { name: '再制造交流发电机', model: 'QUIET-1', standardNo: 'GB/T 28672-2012' });
  await buildApplication(s, { enterpriseId: quiet.id, form, submit: true });

  // not announced, but a model of it is listed in the catalogue under the standard (the catalogue is public anyway)
  const listedOnly = await buildEnterprise(s, { name: names.listedOnly, regionCode: '440106' });
  const code = (await buildProduct(s, listedOnly.id, { model: 'LST-1', standardNo: 'GB/T 28672-2012' })).code;
  const ent = await enterpriseAdminCtx(s, listedOnly.id);
  const a = await s.catalogue.create(ent, { productName: '再制造发电机总成', model: 'LST-1', field: 'internal_combustion_engines', specifications: '14 V', standardCode: 'GB/T 28672-2012', testReports: [{ testingOrgId: orgId, reportNo: 'SB-1', issuedOn: '2026-01-10' }], sampleProductCode: code });
  await s.catalogue.reports.attach(ent, a.id, 0, { filename: '报告.pdf', data: TINY_PDF });
  await s.catalogue.step(ent, a.id, 'submit');
  const reviewer = await buildUser(s, 'authority_reviewer', { organizationId: listedOnly.authorityId });
  await s.catalogue.step({ principal: principalOf(reviewer, null), ip: '127.0.0.1', requestId: 't' }, a.id, 'forward', { text: '同意' });
  await s.catalogue.importHistoricBatch(await operator(s), { title: '目录（声明测试）', publishedOn: '2026-06-30', applicationIds: [a.id] });
}, 300_000);
afterAll(async () => app?.close());

describe('standard numbers', () => {
  it('one key however written; a number without its year names the edition of the library', () => {
    expect(standardKey(' gb/t 28672—2012 ')).toBe('GB/T28672-2012');
    expect(standardKey('ＧＢ／Ｔ　28672－2012')).toBe('GB/T28672-2012');
    expect(declarationKeys('GB/T 28672-2012')).toEqual(['GB/T28672-2012', 'GB/T28672']);
    expect(declarationKeys('T/CAMR 1')).toEqual(['T/CAMR1']);
  });
});

describe('GET /api/v1/public/standards/:id/declarations', () => {
  it('lists the listed model, the products of the announced enterprise and its application — nothing of the unannounced one', async () => {
    const d = await ok(null, 'GET', `/api/v1/public/standards/${stdId}/declarations?pageSize=50`);
    expect(d.code).toBe('GB/T 28672-2012');
    expect(d.counts).toEqual({ catalogue: 1, product: 2, enterprise: 1 });
    expect(d.enterprises).toBe(2);
    // the listed-only enterprise's own traced unit is not shown: it is not on the announced list
    expect(d.items.map((x: { kind: string; enterprise: { name: string }; model: string | null; units: number | null }) => [x.kind, x.enterprise.name, x.model, x.units])).toEqual([
      ['catalogue', names.listedOnly, 'LST-1', null],
      ['product', names.announced, 'JF-28', 3],
      ['product', names.announced, 'JF-30', 1],
      ['enterprise', names.announced, null, null],
    ]);
    const product = d.items.find((x: { model: string }) => x.model === 'JF-30');
    expect(product).toMatchObject({ productName: '再制造交流发电机', declaredAs: 'GB/T28672—2012', url: null, listedNo: null });
    expect(Object.keys(product)).not.toContain('code');
    expect(d.items.find((x: { kind: string }) => x.kind === 'catalogue')).toMatchObject({ listedNo: '2026-01-001', url: '/public/catalogue?q=LST-1' });
    expect(d.items.find((x: { kind: string }) => x.kind === 'enterprise')).toMatchObject({ declaredAs: 'gb/t 28672' });
    expect(JSON.stringify(d)).not.toContain(names.quiet);
    expect(JSON.stringify(d)).not.toContain('QUIET-1');
    // the server-rendered page of the standard carries the same rows (readable without JavaScript)
    const html = await send(null, 'GET', `/public/standards/${encodeURIComponent('GB/T 28672-2012')}`);
    expect(html.statusCode).toBe(200);
    for (const words of ['执行该标准的产品与企业', '2 家企业', names.announced, names.listedOnly, 'JF-28', '2026-01-001']) expect(html.body, words).toContain(words);
    expect(html.body).not.toContain(names.quiet);
  });

  it('pages; another standard lists only its own; a draft standard is a 404', async () => {
    const p2 = await ok(null, 'GET', `/api/v1/public/standards/${stdId}/declarations?page=2&pageSize=2`);
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(p2.items.map((x: { kind: string }) => x.kind)).toEqual(['product', 'enterprise']);
    const other = await ok(null, 'GET', `/api/v1/public/standards/${otherStdId}/declarations`);
    expect(other.items.map((x: { model: string | null }) => x.model)).toEqual(['QD-1']);
    expect((await send(null, 'GET', `/api/v1/public/standards/${draftStdId}/declarations`)).statusCode).toBe(404);
    expect((await send(null, 'GET', `/api/v1/public/standards/${stdId}/declarations?pageSize=500`)).statusCode).toBe(400);
  });

  it('a write shows at once (the cached answer and the standard’s page are dropped after it commits): a new label, an announcement', async () => {
    const url = `/api/v1/public/standards/${otherStdId}/declarations`;
    const page = `/public/standards/${encodeURIComponent('GB/T 28673-2012')}`;
    expect((await ok(null, 'GET', url)).items.map((x: { model: string | null }) => x.model)).toEqual(['QD-1']); // cached now
    expect((await send(null, 'GET', page)).body).not.toContain('QD-NEW');
    // a traced product of the announced enterprise whose label names the standard
    await buildProduct(app.services, announcedId, { name: '再制造起动机', model: 'QD-NEW', standardNo: 'GB/T 28673-2012' });
    expect((await ok(null, 'GET', url)).items.map((x: { model: string | null }) => x.model)).toEqual(['QD-1', 'QD-NEW']);
    expect((await send(null, 'GET', page)).body).toContain('QD-NEW');
    // the unannounced enterprise's label shows once it is announced
    await buildProduct(app.services, quietId, { name: '再制造起动机', model: 'QD-QUIET', standardNo: 'GB/T 28673-2012' });
    expect(JSON.stringify(await ok(null, 'GET', url))).not.toContain('QD-QUIET');
    const site = await buildSite(app.services, quietId);
    await app.services.announcements.importHistoric(await operator(app.services), { docNumber: '工业和信息化部公告 声明测试二', announcedOn: '2025-06-20', title: '声明测试公告二', entries: [{ enterpriseId: quietId, siteId: site.id, fields: ['internal_combustion_engines'] }] });
    const after = await ok(null, 'GET', url);
    expect(after.items.map((x: { model: string | null }) => x.model)).toContain('QD-QUIET');
    expect((await send(null, 'GET', page)).body).toContain(names.quiet);
  });

  it('an MES capture whose projection the follower defers shows once the follower has committed it, not at the cache expiry', async () => {
    const url = `/api/v1/public/standards/${otherStdId}/declarations`;
    const models = async () => (await ok(null, 'GET', url)).items.map((x: { model: string | null }) => x.model) as (string | null)[];
    const { token } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, announcedId), 'MES');
    const follower = app.services.trace.projection;
    follower.pause();
    try {
      const core = 'urn:epc:id:sgtin:6901234.012345.DECL1';
      const product = 'urn:epc:id:sgtin:6901234.012399.DECL1';
      const at = (h: number) => `2026-04-02T0${h}:00:00Z`;
      const events = [
        { type: 'ObjectEvent', eventID: 'urn:uuid:7d000000-0000-4000-8000-000000000001', eventTime: at(1), eventTimeZoneOffset: '+08:00', epcList: [core], action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
        { type: 'ObjectEvent', eventID: 'urn:uuid:7d000000-0000-4000-8000-000000000002', eventTime: at(2), eventTimeZoneOffset: '+08:00', epcList: [core], action: 'OBSERVE', bizStep: 'inspecting' },
        {
          type: 'TransformationEvent', eventID: 'urn:uuid:7d000000-0000-4000-8000-000000000003', eventTime: at(3), eventTimeZoneOffset: '+08:00', inputEPCList: [core], outputEPCList: [product], bizStep: 'assembling',
          disposition: 'urn:reman-platform:voc:disp:remanufactured', ilmd: { 'rm:productName': '再制造起动机', 'rm:model': 'QD-MES', 'rm:standardNo': 'GB/T 28673-2012' },
        },
      ];
      const r = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { authorization: `Bearer ${token}` }, payload: mesDocument(events) });
      expect(r.statusCode, r.body).toBe(202);
      // read (and cached) between the capture's commit and its projection: not there yet
      expect(await models()).not.toContain('QD-MES');
    } finally {
      follower.resume();
    }
    await follower.drain();
    expect(await models()).toContain('QD-MES');
  });

  it('a capture that changes no product (an MES intake and inspection) leaves the answers about products cached; a sale drops them', async () => {
    const dropped: string[] = [];
    app.services.publicCache.onInvalidate((tags) => dropped.push(...tags));
    const { token } = await app.services.identity.createToken(await enterpriseAdminCtx(app.services, announcedId), 'MES');
    const capture = async (events: unknown[]) => {
      const r = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { authorization: `Bearer ${token}` }, payload: mesDocument(events) });
      expect(r.statusCode, r.body).toBe(202);
      await app.services.trace.projection.drain();
    };
    const core = 'urn:epc:id:sgtin:6901234.012345.QUIET1';
    await capture([
      { type: 'ObjectEvent', eventID: 'urn:uuid:7d000000-0000-4000-8000-000000000011', eventTime: '2026-04-03T01:00:00Z', eventTimeZoneOffset: '+08:00', epcList: [core], action: 'OBSERVE', bizStep: 'receiving', disposition: 'returned' },
      { type: 'ObjectEvent', eventID: 'urn:uuid:7d000000-0000-4000-8000-000000000012', eventTime: '2026-04-03T02:00:00Z', eventTimeZoneOffset: '+08:00', epcList: [core], action: 'OBSERVE', bizStep: 'inspecting' },
    ]);
    expect(dropped).not.toContain('declarations');
    expect(dropped).not.toContain('listings');
    // a product of the enterprise is sold (its owner changes): both are dropped after the commit
    const product = 'urn:epc:id:sgtin:6901234.012399.DECL1'; // made by the MES capture above
    await capture([
      { type: 'ObjectEvent', eventID: 'urn:uuid:7d000000-0000-4000-8000-000000000013', eventTime: '2026-04-03T03:00:00Z', eventTimeZoneOffset: '+08:00', epcList: [product], action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold' },
    ]);
    expect(dropped).toContain('declarations');
    expect(dropped).toContain('listings');
  });
});
