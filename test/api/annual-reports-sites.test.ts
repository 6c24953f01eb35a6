/**
 * One 年度报告 per enterprise and year with one part per announced site (规范条件 七(二)1, 附2 表2-3, 七(一)3; issue 15
 * item 14): an enterprise registered in 广东 with announced sites in 广东 and 江苏 starts one report with two parts,
 * each 表2-3 prefilled from its own site's traced events; the registered authority (广东) reviews; 江苏 reads the
 * report with only its site's part and cannot review; submission totals are the sums of the parts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReportForm } from '../../src/domain/annual-report/index.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2025-06-01T02:00:00Z');
let app: TestApp;
let ent: Session, gd: Session, js: Session, miit: Session;
const ids: Record<string, string> = {};
const req = (s: Session, method: string, url: string, payload?: unknown) => app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106', name: '广州两地再制造有限公司' });
  const gz = await buildSite(s, e.id, { name: '番禺厂区', regionCode: '440113' });
  const sz = await buildSite(s, e.id, { name: '苏州车间', regionCode: '320505' });
  Object.assign(ids, { e: e.id, gz: gz.id, sz: sz.id });
  await s.announcements.importHistoric(await operator(s), {
    docNumber: '工业和信息化部公告 2025年第3号', announcedOn: '2025-03-01', title: '历史公告',
    entries: [{ enterpriseId: e.id, siteId: gz.id, fields: ['internal_combustion_engines'] }, { enterpriseId: e.id, siteId: sz.id, fields: ['machine_tools'] }],
  });
  const as = async (role: Parameters<typeof buildUser>[1], organizationId: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  ent = await as('enterprise_admin', e.id);
  gd = await as('authority_reviewer', 'prov-440000');
  js = await as('authority_reviewer', 'prov-320000');
  miit = await as('ministry_officer', 'miit');
  // traced in 2025: a product made at 番禺, a core received at 苏州
  const reassembly = { name: '再制造发动机', model: 'WD615-R', eventTime: '2025-05-02T02:00:00Z', site: gz.id, inputs: [{ origin: 'new', epcClass: 'urn:epc:class:lgtin:6901234.000017.L1', quantity: 1, name: '缸体', massKg: 100, valueCny: 1000 }] };
  expect((await req(ent, 'POST', '/api/v1/trace/steps/reassembly', reassembly)).statusCode).toBe(201);
  const intake = { name: '机床旧件', model: 'CK6140', source: { returnedBy: '某机床厂', channel: 'recycler', tradeIn: false }, eventTime: '2025-05-03T02:00:00Z', site: '苏州车间' };
  expect((await req(ent, 'POST', '/api/v1/trace/steps/intake', intake)).statusCode).toBe(201);
});
afterAll(async () => app?.close());

describe('one report, one part per announced site', () => {
  it('is owed once by the enterprise with both sites; its parts are prefilled from each site’s own traced events', async () => {
    clock.set('2026-01-05T02:00:00Z');
    const list = (await req(ent, 'GET', '/api/v1/annual-reports?year=2025')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].sites.map((x: { siteId: string }) => x.siteId).sort()).toEqual([ids.gz, ids.sz].sort());
    const created = await req(ent, 'POST', '/api/v1/annual-reports', { year: 2025 });
    expect(created.statusCode, created.body).toBe(201);
    ids.report = created.json().id;
    const parts = created.json().form.sites as { siteId: string; table23?: { recovery?: { total: number }; reman?: { total: number } } }[];
    expect(parts.find((x) => x.siteId === ids.gz)!.table23).toMatchObject({ reman: { total: 1 }, recovery: { total: 0 } });
    expect(parts.find((x) => x.siteId === ids.sz)!.table23).toMatchObject({ reman: { total: 0 }, recovery: { total: 1 } });
    expect((await req(ent, 'POST', '/api/v1/annual-reports', { year: 2025 })).json().error.code).toBe('REPORT_EXISTS');
  });

  it('a part for a site the report does not have is refused naming it; the totals are the sums of the parts', async () => {
    const bad = await req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form: sampleReportForm({ siteIds: ['00000000-0000-4000-8000-000000000000'] }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('sites.0.siteId');
    // 苏州 makes machine tools only and states its share of the 2,600 万元; 番禺 states none
    const form = sampleReportForm({ siteIds: [ids.gz!, ids.sz!] });
    const sz = form.sites![1]!;
    sz.table23!.reman!.rows = sz.table23!.reman!.rows!.map((r) => ({ ...r, field: 'machine_tools' as const }));
    sz.outputValue = 2700;
    const over = await req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'REPORT_PART_VALUE_EXCEEDS', details: [{ field: 'sites.1.outputValue' }] });
    sz.outputValue = 600;
    const ok = await req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form });
    expect(ok.statusCode, ok.body).toBe(200);
    const sub = await req(ent, 'POST', `/api/v1/annual-reports/${ids.report}/submit`, {});
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().totals).toEqual({ recovered: 400, remanufactured: 320, sold: 280 });
  });

  it('the registered province reviews the whole report; the other province reads only its site’s part and cannot review', async () => {
    const whole = (await req(gd, 'GET', `/api/v1/annual-reports/${ids.report}`)).json();
    expect(whole.sites).toHaveLength(2);
    expect(whole.can.review).toBe(true);
    const jsList = (await req(js, 'GET', '/api/v1/annual-reports?year=2025')).json();
    expect(jsList.items.map((x: { reportId: string }) => x.reportId)).toEqual([ids.report]);
    const part = await req(js, 'GET', `/api/v1/annual-reports/${ids.report}`);
    expect(part.statusCode).toBe(200);
    expect(part.json().form.sites.map((x: { siteId: string }) => x.siteId)).toEqual([ids.sz]);
    expect(part.json().can.review).toBe(false);
    // the reader is told, and its totals are its part's (not the sum with the part it does not read)
    expect(part.json().partsOnly).toBe(true);
    expect(part.json().totals).toEqual({ recovered: 200, remanufactured: 160, sold: 140 });
    expect(whole.partsOnly).toBe(false);
    const ministry = (await req(miit, 'GET', `/api/v1/annual-reports/${ids.report}`)).json();
    expect(ministry.form.sites).toHaveLength(2);
    expect(ministry.partsOnly).toBe(false);
    expect((await req(js, 'POST', `/api/v1/annual-reports/${ids.report}/accept`, { opinion: '同意' })).statusCode).toBe(404);
    expect((await req(gd, 'POST', `/api/v1/annual-reports/${ids.report}/accept`, { opinion: '经审核，两个厂区均持续符合规范条件。' })).statusCode).toBe(200);
  });
});

describe('statistics per site part (七(二)1, 附2 表2-3 per site; issue 14 value by region and field)', () => {
  type Region = { regionCode: string; reports: number; sites: number; recovered: number; remanufactured: number; sold: number; outputValue: number };
  const stats = async (s: Session) => {
    const r = await req(s, 'GET', '/api/v1/statistics?year=2025');
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const region = (list: Region[], code: string) => list.find((x) => x.regionCode === code);

  it('MIIT: each part in its site’s province, the report once in the registered province; the value split only as stated', async () => {
    const s = await stats(miit);
    expect(s.totals).toMatchObject({ reports: 1, sites: 2, recovered: 400, remanufactured: 320, sold: 280, outputValue: 2600 });
    expect(region(s.byRegion, '440000')).toMatchObject({ reports: 1, sites: 1, recovered: 200, remanufactured: 160, sold: 140, outputValue: 2000 });
    expect(region(s.byRegion, '320000')).toMatchObject({ reports: 0, sites: 1, recovered: 200, remanufactured: 160, sold: 140, outputValue: 600 });
    expect(s.valueByRegion).toEqual([
      { regionCode: '320000', regionName: '江苏省', outputValue: 600, reports: 1 },
      { regionCode: '440000', regionName: '广东省', outputValue: 2000, reports: 1 },
    ]);
    // 苏州's stated 600 is machine tools (its rows name one field); the rest covers 番禺's rows of two fields: 跨领域
    expect(s.valueByField).toEqual([
      { field: 'machine_tools', outputValue: 600, reports: 1 },
      { field: 'cross_field', outputValue: 2000, reports: 1 },
    ]);
    expect(s.byField).toEqual([
      { field: 'machine_tools', remanufactured: 160 },
      { field: 'internal_combustion_engines', remanufactured: 100 },
      { field: 'basic_mechanical_parts', remanufactured: 60 },
    ]);
    expect(s.outputValue).toEqual([{ year: 2025, reports: 1, outputValue: 2600 }]);
  });

  it('each province counts its own site’s part; the registered province the report and the rest of the value', async () => {
    const g = await stats(gd);
    expect(g.totals).toMatchObject({ reports: 1, sites: 1, recovered: 200, remanufactured: 160, outputValue: 2000 });
    expect(g.byRegion.map((x: Region) => x.regionCode)).toEqual(['440000']);
    expect(g.byField).toEqual([{ field: 'internal_combustion_engines', remanufactured: 100 }, { field: 'basic_mechanical_parts', remanufactured: 60 }]);
    const j = await stats(js);
    expect(j.totals).toMatchObject({ reports: 0, sites: 1, recovered: 200, remanufactured: 160, outputValue: 600 });
    expect(j.byRegion.map((x: Region) => x.regionCode)).toEqual(['320000']);
    expect(j.valueByField).toEqual([{ field: 'machine_tools', outputValue: 600, reports: 1 }]);
    expect(j.outputValue).toEqual([{ year: 2025, reports: 1, outputValue: 600 }]);
    // the .xlsx carries the value sheets
    const x = await req(js, 'GET', '/api/v1/statistics.xlsx?year=2025');
    expect(x.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const byField = wb.getWorksheet('产值按领域')!;
    expect(byField.getRow(2).values).toEqual([undefined, '机床工具', 600, 1]);
    expect(wb.getWorksheet('产值按地区')!.getRow(3).values).toEqual([undefined, '江苏省', 600, 1]);
  });

  it('the public: national totals once; a value cell of one enterprise is pooled, never its figure', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/public/statistics' });
    expect(r.statusCode).toBe(200);
    const p = r.json();
    expect(p.totals).toMatchObject({ reports: 1, sites: 2, recovered: 400, outputValue: 2600 });
    expect(p.value).toEqual({
      year: 2025,
      byRegion: [{ regionCode: 'pooled', regionName: '其他地区（合并）', outputValue: 2600, reports: 1 }],
      byField: [{ field: 'pooled', outputValue: 2600, reports: 1 }],
    });
    expect(r.body).not.toContain('广州两地');
    const ds = await app.inject({ method: 'GET', url: '/api/v1/public/datasets/statistics-value/data.json' });
    expect(ds.statusCode, ds.body).toBe(200);
    expect(ds.json().items).toEqual([
      { year: 2025, dimension: 'region', key: 'pooled', name: '其他地区（合并）', outputValue: 2600, reports: 1 },
      { year: 2025, dimension: 'field', key: 'pooled', name: '其他（合并，每项不足3家企业）', outputValue: 2600, reports: 1 },
    ]);
  });
});
