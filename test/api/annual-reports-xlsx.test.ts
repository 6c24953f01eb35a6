/**
 * 表2-3 as .xlsx (附2): download the template (prefilled, with the field list validation), fill it with exceljs,
 * upload it back and read the report; a malformed upload is refused as a whole with every bad cell named and
 * nothing stored; a large upload runs as a job whose progress is polled.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2027-01-05T02:00:00Z');
let app: TestApp;
let ent: Session, other: Session;
let reportId = '';

function multipart(file: { name: string; data: Buffer }) {
  const boundary = '----reman' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (s: Session, id: string, data: Buffer) => {
  const m = multipart({ name: 'table2-3.xlsx', data });
  return app.inject({ method: 'POST', url: `/api/v1/annual-reports/${id}/table23`, headers: { ...s.headers, ...m.headers }, payload: m.payload });
};
async function template(s: Session, id: string) {
  const r = await app.inject({ method: 'GET', url: `/api/v1/annual-reports/${id}/table23.xlsx`, headers: s.headers });
  expect(r.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  return wb;
}
const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const getReport = async (id: string) => (await app.inject({ method: 'GET', url: `/api/v1/annual-reports/${id}`, headers: ent.headers })).json();

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '430104', name: '长沙表格测试再制造有限公司' });
  const site = await buildSite(s, e.id, { name: '麓谷厂区' });
  await s.announcements.importHistoric(await operator(s), { docNumber: '工业和信息化部公告 2025年第3号', announcedOn: '2025-03-01', title: '历史', entries: [{ enterpriseId: e.id, siteId: site.id, fields: ['construction_machinery'] }] });
  ent = await login(app, (await buildUser(s, 'enterprise_staff', { organizationId: e.id })).username, TEST_PASSWORD);
  other = await login(app, (await buildUser(s, 'enterprise_admin')).username, TEST_PASSWORD);
  const r = await app.inject({ method: 'POST', url: '/api/v1/annual-reports', headers: ent.headers, payload: { siteId: site.id, year: 2026 } });
  expect(r.statusCode).toBe(201);
  reportId = r.json().id;
  // a row already entered by form: the template carries it
  const saved = await app.inject({
    method: 'PUT', url: `/api/v1/annual-reports/${reportId}/form`, headers: ent.headers,
    payload: { form: { sites: [{ table23: { reman: { rows: [{ name: '再制造液压泵', model: 'A10V', field: 'construction_machinery', count: 7 }] } } }] } },
  });
  expect(saved.statusCode).toBe(200);
});
afterAll(async () => app?.close());

describe('表2-3 template', () => {
  it('has the three sheets of 表2-3 with names, headers, prefilled rows and the field list', async () => {
    const wb = await template(ent, reportId);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['回收情况', '再制造情况', '销售或租赁情况']);
    const reman = wb.getWorksheet('再制造情况')!;
    expect(String(reman.getCell('A1').value)).toContain('长沙表格测试再制造有限公司');
    expect(String(reman.getCell('A1').value)).toContain('麓谷厂区');
    expect(reman.getCell('A2').value).toBe('再制造总件数');
    expect((reman.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '产品名称', '型号', '涉及领域', '再制造件数']);
    expect((reman.getRow(4).values as unknown[]).slice(1)).toEqual([1, '再制造液压泵', 'A10V', '工程机械', 7]);
    const dv = reman.getCell('D10').dataValidation;
    expect(dv.type).toBe('list');
    expect(dv.formulae![0]).toContain('工程机械');
    expect(dv.formulae![0]).toContain('文化办公设备');
    expect(dv.formulae![0]).toContain('其他');
    expect(wb.getWorksheet('回收情况')!.getCell('D10').dataValidation?.type).not.toBe('list');
  });

  it('is not served for another enterprise’s report', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/v1/annual-reports/${reportId}/table23.xlsx`, headers: other.headers })).statusCode).toBe(404);
  });
});

describe('round trip', () => {
  it('a filled template uploads and reads back into the report', async () => {
    const wb = await template(ent, reportId);
    const rec = wb.getWorksheet('回收情况')!;
    rec.getCell('B2').value = 15;
    rec.getRow(4).values = [1, '旧液压泵', 'A10V', '经销商回收', 10];
    rec.getRow(5).values = [2, '旧油缸', 'C200', '拆解企业', 5];
    const reman = wb.getWorksheet('再制造情况')!;
    reman.getCell('B2').value = 9;
    reman.getRow(5).values = [2, '再制造机床主轴', 'S1', '机床工具', 2];
    const sales = wb.getWorksheet('销售或租赁情况')!;
    sales.getCell('B2').value = 0;
    const r = await upload(ent, reportId, await toBuffer(wb));
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'done', errors: [] });
    const t = (await getReport(reportId)).form.sites[0].table23;
    expect(t.recovery).toEqual({ total: 15, rows: [{ name: '旧液压泵', model: 'A10V', source: '经销商回收', count: 10 }, { name: '旧油缸', model: 'C200', source: '拆解企业', count: 5 }] });
    expect(t.reman.total).toBe(9);
    expect(t.reman.rows.map((x: { field: string }) => x.field)).toEqual(['construction_machinery', 'machine_tools']);
    expect(t.sales).toEqual({ total: 0, rows: [] });
    // and the downloaded template now carries what was imported
    const again = await template(ent, reportId);
    expect(again.getWorksheet('回收情况')!.getCell('B2').value).toBe(15);
  });

  it('a malformed upload is refused whole, naming every bad cell; nothing is stored', async () => {
    const before = (await getReport(reportId)).form.sites[0].table23;
    const wb = await template(ent, reportId);
    const rec = wb.getWorksheet('回收情况')!;
    rec.getCell('B2').value = 'abc'; // not a number
    rec.getRow(6).values = [3, '旧泵', '', '回收', -2]; // missing model, negative count
    const reman = wb.getWorksheet('再制造情况')!;
    reman.getCell('D5').value = '航天器'; // not one of the fields
    reman.getCell('B2').value = 100; // differs from rows 7 + 2
    wb.removeWorksheet(wb.getWorksheet('销售或租赁情况')!.id);
    const r = await upload(ent, reportId, await toBuffer(wb));
    expect(r.statusCode).toBe(400);
    const err = r.json().error;
    expect(err.code).toBe('XLSX_INVALID');
    const cells = err.details.map((d: { sheet: string; column: string; row: number }) => `${d.sheet}!${d.column}${d.row}`);
    expect(cells).toEqual(['回收情况!B2', '回收情况!C6', '回收情况!E6', '再制造情况!D5', '再制造情况!B2', '销售或租赁情况!0']);
    for (const d of err.details) {
      expect(d.reason).toBeTruthy();
      expect(d.reasonEn).toBeTruthy();
    }
    expect(err.details.find((d: { column: string; sheet: string }) => d.sheet === '再制造情况' && d.column === 'D').reason).toContain('航天器');
    expect(err.details.find((d: { column: string; sheet: string }) => d.sheet === '再制造情况' && d.column === 'B').reason).toContain('9');
    expect((await getReport(reportId)).form.sites[0].table23).toEqual(before);
  });

  it('a file that is not a workbook is refused', async () => {
    const r = await upload(ent, reportId, Buffer.from('not a spreadsheet'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('XLSX_UNREADABLE');
  });

  it('another enterprise cannot upload into the report', async () => {
    const wb = await template(ent, reportId);
    expect((await upload(other, reportId, await toBuffer(wb))).statusCode).toBe(404);
  });
});

describe('large uploads run as a job with progress', () => {
  it('answers 202 with a job whose processed/total the client polls until done', async () => {
    const wb = await template(ent, reportId);
    const rec = wb.getWorksheet('回收情况')!;
    const n = 700;
    for (let i = 0; i < n; i++) rec.getRow(4 + i).values = [i + 1, `旧件${i + 1}`, `M${i}`, '回收网络', 1];
    rec.getCell('B2').value = n;
    const r = await upload(ent, reportId, await toBuffer(wb));
    expect(r.statusCode).toBe(202);
    const job = r.json();
    expect(job).toMatchObject({ status: 'running' });
    expect(job.total).toBeGreaterThanOrEqual(n);
    let last = job;
    const seen: number[] = [];
    for (let i = 0; i < 200 && last.status === 'running'; i++) {
      await new Promise((res) => setTimeout(res, 25));
      last = (await app.inject({ method: 'GET', url: `/api/v1/annual-reports/${reportId}/imports/${job.id}`, headers: ent.headers })).json();
      seen.push(last.processed);
    }
    expect(last.status).toBe('done');
    expect(last.processed).toBe(last.total);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect((await getReport(reportId)).form.sites[0].table23.recovery.rows).toHaveLength(n);
    expect((await app.inject({ method: 'GET', url: `/api/v1/annual-reports/${reportId}/imports/${job.id}`, headers: other.headers })).statusCode).toBe(404);
  });
});
