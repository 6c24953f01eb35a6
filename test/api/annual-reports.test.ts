/**
 * 年度报告 (规范条件 七(二)1, 附2) through the HTTP API: who owes which report, the window (opens 1 January,
 * due 31 March: on 31 March on time, on 1 April late), totals refused with the rows named, completeness,
 * the provincial review (return, accept with 审核意见, forward with the 汇总 .xlsx), overdue lists, jurisdiction
 * scoping, reminders fired once, and the overdueReports() seam for revocation (七(二)4(2)).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleReportForm } from '../../src/domain/annual-report/index.js';
import { REMAN_FIELD_VALUES, REMAN_FIELDS } from '../../src/domain/enterprise.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2025-12-31T02:00:00Z');
const on = (d: string) => clock.set(`${d}T02:00:00Z`);
let app: TestApp;
let entA: Session, staffA: Session, entB: Session, entC: Session, gd: Session, js: Session, miit: Session;
const ids: Record<string, string> = {};

const req = (s: Session | null, method: string, url: string, payload?: unknown) =>
  app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const a = await buildEnterprise(s, { regionCode: '440106', name: '广州年报测试再制造有限公司' });
  const b = await buildEnterprise(s, { regionCode: '320505', name: '苏州年报测试再制造有限公司' });
  const c = await buildEnterprise(s, { regionCode: '440106', name: '广州新公告再制造有限公司' });
  const siteA = await buildSite(s, a.id, { name: '番禺厂区' });
  const siteB = await buildSite(s, b.id, { name: '浒关厂区', regionCode: '320505' });
  const siteC = await buildSite(s, c.id, { name: '黄埔厂区' });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, siteA: siteA.id, siteB: siteB.id, siteC: siteC.id, nameA: a.name, nameB: b.name });
  const op = await operator(s);
  await s.announcements.importHistoric(op, {
    docNumber: '工业和信息化部公告 2025年第9号', announcedOn: '2025-05-10', title: '历史公告',
    entries: [{ enterpriseId: a.id, siteId: siteA.id, fields: ['internal_combustion_engines'] }, { enterpriseId: b.id, siteId: siteB.id, fields: ['machine_tools'] }],
  });
  // announced in 2026: owes the 2026 report, not the 2025 one
  await s.announcements.importHistoric(op, { docNumber: '工业和信息化部公告 2026年第1号', announcedOn: '2026-02-01', title: '2026公告', entries: [{ enterpriseId: c.id, siteId: siteC.id, fields: ['machine_tools'] }] });
  const as = async (role: Parameters<typeof buildUser>[1], organizationId: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  entA = await as('enterprise_admin', a.id);
  staffA = await as('enterprise_staff', a.id);
  entB = await as('enterprise_admin', b.id);
  entC = await as('enterprise_admin', c.id);
  gd = await as('authority_reviewer', 'prov-440000');
  js = await as('authority_reviewer', 'prov-320000');
  miit = await as('ministry_admin', 'miit');
});
afterAll(async () => app?.close());

describe('who owes, and the window', () => {
  it('lists the report owed per announced site; a site announced in 2026 owes nothing for 2025', async () => {
    const r = await req(entA, 'GET', '/api/v1/annual-reports?year=2025');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ year: 2025, opensOn: '2026-01-01', dueOn: '2026-03-31' });
    expect(r.json().items).toHaveLength(1);
    expect(r.json().items[0]).toMatchObject({ siteId: ids.siteA, state: 'not_started', open: false, overdue: false, reportId: null });
    expect((await req(entC, 'GET', '/api/v1/annual-reports?year=2025')).json().items).toHaveLength(0);
    expect((await req(entC, 'GET', '/api/v1/annual-reports?year=2026')).json().items).toHaveLength(1);
  });

  it('refuses to open the report before 1 January of the next year, and a site that does not owe it', async () => {
    const early = await req(entA, 'POST', '/api/v1/annual-reports', { siteId: ids.siteA, year: 2025 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'REPORT_NOT_OPEN' });
    clock.set('2025-12-31T15:59:00Z'); // 23:59 on 31 December in Shanghai
    expect((await req(entA, 'POST', '/api/v1/annual-reports', { siteId: ids.siteA, year: 2025 })).statusCode).toBe(409);
    clock.set('2025-12-31T16:00:00Z'); // 00:00 on 1 January in Shanghai: open (the UTC date is still 31 December)
    const notOwed = await req(entC, 'POST', '/api/v1/annual-reports', { siteId: ids.siteC, year: 2025 });
    expect(notOwed.statusCode).toBe(400);
    expect(notOwed.json().error.details[0].field).toBe('siteId');
    const foreign = await req(entA, 'POST', '/api/v1/annual-reports', { siteId: ids.siteB, year: 2025 });
    expect(foreign.statusCode).toBe(400);
  });

  it('opens on 1 January with the cover prefilled; once per site and year', async () => {
    const r = await req(entA, 'POST', '/api/v1/annual-reports', { siteId: ids.siteA, year: 2025 });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ state: 'draft', year: 2025, dueOn: '2026-03-31', siteName: '番禺厂区', can: { edit: true, submit: true, review: false } });
    expect(r.json().form.cover.enterpriseName).toBe(ids.nameA);
    ids.reportA = r.json().id;
    const again = await req(entA, 'POST', '/api/v1/annual-reports', { siteId: ids.siteA, year: 2025 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REPORT_EXISTS');
    const rb = await req(entB, 'POST', '/api/v1/annual-reports', { siteId: ids.siteB, year: 2025 });
    expect(rb.statusCode).toBe(201);
    ids.reportB = rb.json().id;
  });
});

describe('the form', () => {
  it('a draft may be incomplete, but a total that differs from its rows is refused naming the rows', async () => {
    const partial = await req(staffA, 'PUT', `/api/v1/annual-reports/${ids.reportA}/form`, { form: { outline: { s1_compliance: '执行良好' }, sites: [{ table23: { recovery: { rows: [{ name: '旧发动机', count: 3 }] } } }] } });
    expect(partial.statusCode).toBe(200);
    expect(partial.json().missing.length).toBeGreaterThan(10);
    const bad = await req(staffA, 'PUT', `/api/v1/annual-reports/${ids.reportA}/form`, {
      form: { sites: [{ table23: { recovery: { total: 10, rows: [{ name: '旧发动机', count: 3 }, { name: '旧变速箱', count: 4 }] }, sales: { total: 1, rows: [] } } }] },
    });
    expect(bad.statusCode).toBe(400);
    const err = bad.json().error;
    expect(err.code).toBe('REPORT_TOTALS_MISMATCH');
    expect(err.details.map((d: { field: string }) => d.field)).toEqual(['sites.0.table23.recovery.total', 'sites.0.table23.sales.total']);
    expect(err.details[0].message).toContain('第1行 3');
    expect(err.details[0].message).toContain('第2行 4');
    expect(err.details[0].messageEn).toContain('row 2: 4');
    // nothing was stored
    expect((await req(staffA, 'GET', `/api/v1/annual-reports/${ids.reportA}`)).json().form.outline.s1_compliance).toBe('执行良好');
  });

  it('rejects an unknown field in 再制造情况 (the nine fields of 一(一) and 其他 only)', async () => {
    const r = await req(staffA, 'PUT', `/api/v1/annual-reports/${ids.reportA}/form`, { form: { sites: [{ table23: { reman: { rows: [{ field: 'spaceships' }] } } }] } });
    expect(r.statusCode).toBe(400);
    const ok = await req(staffA, 'PUT', `/api/v1/annual-reports/${ids.reportA}/form`, { form: { sites: [{ table23: { reman: { rows: [{ field: 'other' }] } } }] } });
    expect(ok.statusCode).toBe(200);
  });

  it('submission checks completeness and is for the enterprise admin', async () => {
    const inc = await req(entA, 'POST', `/api/v1/annual-reports/${ids.reportA}/submit`, {});
    expect(inc.statusCode).toBe(400);
    expect(inc.json().error.code).toBe('REPORT_INCOMPLETE');
    expect(inc.json().error.details.some((d: { field: string }) => d.field === 'cover.contactTitle')).toBe(true);
    const full = sampleReportForm({ enterpriseName: ids.nameA });
    expect((await req(staffA, 'PUT', `/api/v1/annual-reports/${ids.reportA}/form`, { form: full })).statusCode).toBe(200);
    expect((await req(staffA, 'POST', `/api/v1/annual-reports/${ids.reportA}/submit`, {})).statusCode).toBe(403);
  });
});

describe('deadline: 31 March on time, 1 April late', () => {
  it('a report submitted on 31 March is on time', async () => {
    on('2026-03-31');
    const r = await req(entA, 'POST', `/api/v1/annual-reports/${ids.reportA}/submit`, {});
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ state: 'submitted', late: false, submittedOn: '2026-03-31', overdue: false });
    expect(r.json().totals).toEqual({ recovered: 200, remanufactured: 160, sold: 140 });
    expect((await req(entA, 'PUT', `/api/v1/annual-reports/${ids.reportA}/form`, { form: {} })).statusCode).toBe(409);
  });

  it('on 1 April an unsubmitted report is overdue: listed to its authority and MIIT, not to other provinces', async () => {
    on('2026-04-01');
    const jsList = (await req(js, 'GET', '/api/v1/annual-reports/overdue?year=2025')).json();
    expect(jsList.items.map((i: { siteId: string }) => i.siteId)).toEqual([ids.siteB]);
    expect((await req(gd, 'GET', '/api/v1/annual-reports/overdue?year=2025')).json().items).toEqual([]);
    expect((await req(miit, 'GET', '/api/v1/annual-reports/overdue?year=2025')).json().items.map((i: { siteId: string }) => i.siteId)).toEqual([ids.siteB]);
    expect((await req(entB, 'GET', '/api/v1/annual-reports/overdue?year=2025')).statusCode).toBe(403);
    const seam = await app.services.annualReports.overdueReports(2025);
    expect(seam).toEqual([expect.objectContaining({ enterpriseId: ids.b, siteId: ids.siteB, year: 2025, reportId: ids.reportB, state: 'draft', dueOn: '2026-03-31' })]);
  });

  it('a report submitted on 1 April is accepted but flagged late', async () => {
    expect((await req(entB, 'PUT', `/api/v1/annual-reports/${ids.reportB}/form`, { form: sampleReportForm({ enterpriseName: ids.nameB, scale: 0.5 }) })).statusCode).toBe(200);
    const r = await req(entB, 'POST', `/api/v1/annual-reports/${ids.reportB}/submit`, {});
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ state: 'submitted', late: true, submittedOn: '2026-04-01' });
    expect((await app.services.annualReports.overdueReports(2025))).toEqual([]);
  });
});

describe('provincial review (七(二)1)', () => {
  it('an authority sees only its jurisdiction; foreign reports are 404', async () => {
    const gdList = (await req(gd, 'GET', '/api/v1/annual-reports?year=2025')).json().items;
    expect(gdList.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([ids.a]);
    expect((await req(gd, 'GET', `/api/v1/annual-reports/${ids.reportB}`)).statusCode).toBe(404);
    expect((await req(gd, 'POST', `/api/v1/annual-reports/${ids.reportB}/accept`, { opinion: '同意' })).statusCode).toBe(404);
    expect((await req(entB, 'GET', `/api/v1/annual-reports/${ids.reportA}`)).statusCode).toBe(404);
    expect((await req(miit, 'GET', `/api/v1/annual-reports/${ids.reportB}`)).statusCode).toBe(200);
    const todos = (await req(gd, 'GET', '/api/v1/todos')).json().items.filter((t: { kind: string }) => t.kind === 'annual_report');
    expect(todos.map((t: { id: string }) => t.id)).toEqual([ids.reportA]);
    expect((await req(js, 'GET', '/api/v1/todos')).json().items.filter((t: { kind: string }) => t.kind === 'annual_report').map((t: { id: string }) => t.id)).toEqual([ids.reportB]);
  });

  it('returns for correction with a reason; the enterprise corrects and resubmits', async () => {
    const r = await req(gd, 'POST', `/api/v1/annual-reports/${ids.reportA}/return`, { reason: '请补充第三节新增检验设备清单' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ state: 'returned', returnReason: '请补充第三节新增检验设备清单' });
    const notes = (await req(entA, 'GET', '/api/v1/notifications')).json();
    expect(notes.items.some((n: { kind: string }) => n.kind === 'annual_report.returned')).toBe(true);
    const form = sampleReportForm({ enterpriseName: ids.nameA });
    form.outline!.s3_capability += '新增三坐标测量仪一台。';
    expect((await req(entA, 'PUT', `/api/v1/annual-reports/${ids.reportA}/form`, { form })).statusCode).toBe(200);
    const again = await req(entA, 'POST', `/api/v1/annual-reports/${ids.reportA}/submit`, {});
    expect(again.json()).toMatchObject({ state: 'submitted', late: true });
  });

  it('accepts with the audit opinion, then forwards the jurisdiction to MIIT once', async () => {
    expect((await req(gd, 'POST', `/api/v1/annual-reports/${ids.reportA}/accept`, { opinion: '' })).statusCode).toBe(400);
    const r = await req(gd, 'POST', `/api/v1/annual-reports/${ids.reportA}/accept`, { opinion: '经审核，该企业持续符合规范条件要求。' });
    expect(r.json()).toMatchObject({ state: 'accepted', auditOpinion: '经审核，该企业持续符合规范条件要求。' });
    expect((await req(gd, 'POST', `/api/v1/annual-reports/${ids.reportA}/accept`, { opinion: '再次' })).statusCode).toBe(409);
    const fw = await req(gd, 'POST', '/api/v1/annual-reports/forward', { year: 2025, note: '广东省2025年度汇总' });
    expect(fw.statusCode).toBe(200);
    expect(fw.json()).toMatchObject({ year: 2025, reportCount: 1 });
    expect((await req(gd, 'GET', `/api/v1/annual-reports/${ids.reportA}`)).json().state).toBe('forwarded');
    expect((await req(gd, 'POST', '/api/v1/annual-reports/forward', { year: 2025 })).statusCode).toBe(409);
    // B (江苏) untouched by 广东's forwarding
    expect((await req(js, 'GET', `/api/v1/annual-reports/${ids.reportB}`)).json().state).toBe('submitted');
    const miitNotes = (await req(miit, 'GET', '/api/v1/notifications')).json();
    expect(miitNotes.items.some((n: { kind: string }) => n.kind === 'annual_report.forwarded')).toBe(true);
  });

  it('the 汇总 .xlsx lists the jurisdiction with states, totals and opinions, and nothing foreign', async () => {
    const r = await req(gd, 'GET', '/api/v1/annual-reports/summary.xlsx?year=2025');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('年度报告汇总')!;
    expect(String(ws.getCell('A1').value)).toContain('广东');
    const row = ws.getRow(3).values as unknown[];
    expect(row).toContain(ids.nameA);
    expect(row).toContain('已报送工信部');
    expect(row).toContain('经审核，该企业持续符合规范条件要求。');
    expect(row.slice(11, 14)).toEqual([200, 160, 140]);
    expect(ws.getRow(4).getCell(1).value).toBe('合计');
    const all: string[] = [];
    wb.eachSheet((s) => s.eachRow((rr) => all.push(JSON.stringify(rr.values))));
    expect(all.join('')).not.toContain(ids.nameB);
    expect(wb.getWorksheet('再制造情况明细')!.rowCount).toBe(3);
    // issue 16 item 4: 涉及领域 by its name (机床工具), never the code (machine_tools)
    const detail: unknown[] = [];
    wb.getWorksheet('再制造情况明细')!.eachRow((rr) => detail.push(...(rr.values as unknown[])));
    expect(detail.filter((v) => (REMAN_FIELD_VALUES as readonly unknown[]).includes(v) || v === 'other')).toEqual([]);
    expect(detail.some((v) => REMAN_FIELDS.some((f) => v === f.zh))).toBe(true);
    // js accepts B: statistics below have both provinces
    expect((await req(js, 'POST', `/api/v1/annual-reports/${ids.reportB}/accept`, { opinion: '同意，逾期提交已责令说明。' })).statusCode).toBe(200);
  });
});

describe('industry statistics: scoping', () => {
  it('MIIT sees national figures; an authority only its jurisdiction', async () => {
    const national = (await req(miit, 'GET', '/api/v1/statistics?year=2025')).json();
    expect(national.scope.kind).toBe('national');
    expect(national.totals).toEqual({ reports: 2, sites: 2, recovered: 300, remanufactured: 240, sold: 210, outputValue: 3900 });
    expect(national.byRegion.map((x: { regionCode: string }) => x.regionCode)).toEqual(['320000', '440000']);
    expect(national.announced).toMatchObject({ enterprises: 3, sites: 3 });
    expect(national.byField.find((f: { field: string }) => f.field === 'internal_combustion_engines').remanufactured).toBe(150);
    const gdStats = (await req(gd, 'GET', '/api/v1/statistics?year=2025')).json();
    expect(gdStats.scope).toMatchObject({ kind: 'authority', authorityId: 'prov-440000' });
    expect(gdStats.totals).toEqual({ reports: 1, sites: 1, recovered: 200, remanufactured: 160, sold: 140, outputValue: 2600 });
    expect(gdStats.byRegion.map((x: { regionCode: string }) => x.regionCode)).toEqual(['440000']);
    expect(gdStats.announced).toMatchObject({ enterprises: 2, sites: 2 });
    const jsStats = (await req(js, 'GET', '/api/v1/statistics')).json();
    expect(jsStats.year).toBe(2025);
    expect(jsStats.totals.recovered).toBe(100);
    expect(JSON.stringify(jsStats)).not.toContain('440000');
    expect((await req(entA, 'GET', '/api/v1/statistics')).statusCode).toBe(403);
  });

  it('本年度再制造产值（万元） (附2 提纲 二) per year through the service: reviewed reports only, national or one jurisdiction', async () => {
    // A (scale 1): 2 600 万元, B (scale 0.5): 1 300 万元; both accepted above
    expect(await app.services.annualReports.outputValueByYear()).toEqual([{ year: 2025, reports: 2, outputValue: 3900 }]);
    expect(await app.services.annualReports.outputValueByYear('prov-440000')).toEqual([{ year: 2025, reports: 1, outputValue: 2600 }]);
    expect(await app.services.annualReports.outputValueByYear('prov-110000')).toEqual([]);
  });

  it('the output value reaches the statistics (MIIT, an authority, the public) and the public targets board in 亿元 (portal, issue 14)', async () => {
    expect((await req(miit, 'GET', '/api/v1/statistics')).json().outputValue).toEqual([{ year: 2025, reports: 2, outputValue: 3900 }]);
    expect((await req(gd, 'GET', '/api/v1/statistics')).json().outputValue).toEqual([{ year: 2025, reports: 1, outputValue: 2600 }]);
    app.services.publicCache.invalidate('statistics', 'portal');
    expect((await req(null, 'GET', '/api/v1/public/statistics')).json().outputValue).toEqual([{ year: 2025, reports: 2, outputValue: 3900 }]);
    const target = (await req(null, 'GET', '/api/v1/public/targets')).json().items.find((i: { key: string }) => i.key === 'outputValue');
    expect(target).toMatchObject({ target: 2000, actual: 0.39, unit: '亿元', trend: [{ year: 2025, value: 0.39 }] });
    expect(target.source).toContain('2025年，已审核的报告 2 份');
  });

  it('the statistics download as .xlsx within the same scope', async () => {
    const r = await req(gd, 'GET', '/api/v1/statistics.xlsx?year=2025');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('按地区')!.eachRow((row) => rows.push(row.values as unknown[]));
    expect(rows.map((x) => x.join('|')).join('\n')).toContain('广东省');
    expect(rows.map((x) => x.join('|')).join('\n')).not.toContain('江苏省');
  });

  it('the public national totals carry no enterprise-level data', async () => {
    const r = await req(null, 'GET', '/api/v1/public/statistics');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ announced: { enterprises: 3, sites: 3 }, year: 2025, totals: { reports: 2, recovered: 300 } });
    for (const secret of [ids.nameA, ids.nameB, ids.a, ids.b, '番禺厂区', '浒关厂区', '广州', '苏州']) expect(r.body).not.toContain(secret);
  });
});

describe('reminders 30, 7 and 1 days before 31 March, each once', () => {
  it('sends each reminder once, to every site whose report is not submitted', async () => {
    on('2027-03-01');
    const svc = app.services.annualReports;
    expect(await svc.runReminders('2027-02-28')).toBe(0);
    expect(await svc.runReminders('2027-03-01')).toBe(3); // A, B and C owe 2026
    expect(await svc.runReminders('2027-03-01')).toBe(0);
    expect(await svc.runReminders('2027-03-10')).toBe(0);
    const notes = (await req(entC, 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'annual_report.reminder');
    expect(notes).toHaveLength(1);
    expect(notes[0].title).toContain('30');
    // C submits before the 7-day reminder: only A and B are reminded
    const created = await req(entC, 'POST', '/api/v1/annual-reports', { siteId: ids.siteC, year: 2026 });
    await req(entC, 'PUT', `/api/v1/annual-reports/${created.json().id}/form`, { form: sampleReportForm() });
    expect((await req(entC, 'POST', `/api/v1/annual-reports/${created.json().id}/submit`, {})).statusCode).toBe(200);
    expect(await svc.runReminders('2027-03-24')).toBe(2);
    expect(await svc.runReminders('2027-03-24')).toBe(0);
    expect(await svc.runReminders('2027-03-30')).toBe(2);
    expect(await svc.runReminders('2027-03-31')).toBe(0);
    expect(await svc.runReminders('2027-04-01')).toBe(0);
    const count = await app.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM annual_report_reminders WHERE year = 2026');
    expect(count.rows[0]!.n).toBe(7);
  });
});

describe('计划单列市 and the traceability seam', () => {
  it('a 计划单列市 authority (深圳) sees its enterprises; the province (广东) does not', async () => {
    const s = app.services;
    const d = await buildEnterprise(s, { regionCode: '440305', name: '深圳年报测试再制造有限公司' });
    const siteD = await buildSite(s, d.id, { name: '南山厂区', regionCode: '440305' });
    await s.announcements.importHistoric(await operator(s), { docNumber: '工业和信息化部公告 2026年第7号', announcedOn: '2026-05-01', title: '深圳', entries: [{ enterpriseId: d.id, siteId: siteD.id, fields: ['office_equipment'] }] });
    const sz = await login(app, (await buildUser(s, 'authority_reviewer', { organizationId: 'city-440300' })).username, TEST_PASSWORD);
    const entD = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: d.id })).username, TEST_PASSWORD);
    expect((await req(sz, 'GET', '/api/v1/annual-reports?year=2026')).json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([d.id]);
    expect((await req(gd, 'GET', '/api/v1/annual-reports?year=2026')).json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).not.toContain(d.id);
    expect((await req(sz, 'GET', '/api/v1/statistics')).json().announced).toMatchObject({ enterprises: 1, sites: 1 });
    expect((await req(gd, 'GET', '/api/v1/statistics')).json().announced.enterprises).toBe(2);

    // a new report's 表2-3 is prefilled from the traceability service it was wired with
    const asked: unknown[] = [];
    const spy = vi.spyOn(app.services.trace, 'annualTable23').mockImplementation(async (input) => {
      asked.push(input);
      return { recovery: { total: 5, rows: [{ name: '旧复印机', model: 'C1', source: '以旧换再', count: 5 }] } } as Awaited<ReturnType<typeof app.services.trace.annualTable23>>;
    });
    try {
      const r = await req(entD, 'POST', '/api/v1/annual-reports', { siteId: siteD.id, year: 2026 });
      expect(r.statusCode).toBe(201);
      expect(r.json().form.sites[0].table23.recovery.total).toBe(5);
      expect(asked).toEqual([{ enterpriseId: d.id, siteId: siteD.id, year: 2026 }]);
      expect((await req(sz, 'GET', `/api/v1/annual-reports/${r.json().id}`)).statusCode).toBe(404); // a draft stays the enterprise's
    } finally {
      spy.mockRestore();
    }
  });
});
