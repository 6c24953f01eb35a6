/**
 * Issue 10 §6: spreadsheets people actually send (GBK CSV from Chinese Excel, CSV with a BOM) and the ones
 * attackers send (an .xlsx that inflates to a huge sheet, a file with far more rows than the cap). Parsing
 * runs in a worker thread, so the server keeps answering while it reads.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q } from '../../src/server/modules/trace/trace.repo.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let ent: Session;
let enterpriseId = '';

function upload(step: string, file: { name: string; data: Buffer }) {
  const boundary = '----sheet' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url: `/api/v1/trace/import/${step}`, headers: { ...ent.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}
const names = async (like: string) =>
  (await q<{ name: string }>(app.database.db, sql`SELECT name FROM trace_objects WHERE enterprise_id = ${enterpriseId} AND name LIKE ${like} ORDER BY name`)).map((r) => r.name);
const HEADER = '旧件名称 (name),交回方 (source.returnedBy),回收渠道 (source.channel),以旧换新 (source.tradeIn)';

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  const e = await buildEnterprise(app.services, { regionCode: '440106' });
  enterpriseId = e.id;
  ent = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('CSV encodings', () => {
  it('a GBK file from Chinese Excel imports with correct Chinese', async () => {
    const text = `${HEADER}\r\n再制造发动机缸体甲,广州回收站,recycler,否\r\n齿轮箱壳体乙,深圳拆解厂,dealer,是\r\n`;
    const gbk = iconv.encode(text, 'gbk');
    expect(gbk.equals(Buffer.from(text, 'utf8'))).toBe(false);
    const r = await upload('intake', { name: 'gbk.csv', data: gbk });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().job).toMatchObject({ status: 'succeeded', total: 2 });
    expect(await names('%体%')).toEqual(['再制造发动机缸体甲', '齿轮箱壳体乙']);
  });

  it('a UTF-16 file with a byte-order mark imports too', async () => {
    const text = `${HEADER}\r\n变速箱壳体丙,杭州回收站,recycler,否\r\n`;
    const r = await upload('intake', { name: 'utf16.csv', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expect(r.statusCode, r.body).toBe(200);
    expect(await names('变速箱%')).toEqual(['变速箱壳体丙']);
  });
});

describe('hostile spreadsheets', () => {
  it('a small .xlsx whose sheet XML inflates beyond the cap is refused before it is read', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('入厂回收').addRow(['旧件名称 (name)']);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    // ~72 MB of sheet XML, as in the report that opened the issue
    const rows = row.repeat(Math.ceil((72 * 1024 * 1024) / row.length));
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const r = await upload('intake', { name: 'bomb.xlsx', data: bomb });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE', details: [{ field: 'file' }] });
  });

  it('a file with more rows than the cap is refused while the server keeps answering', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('入厂回收');
    ws.addRow(HEADER.split(','));
    for (let i = 0; i < 12_000; i++) ws.addRow([`批量旧件${i}`, '回收站', 'recycler', '否']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    let settled = false;
    const pending = upload('intake', { name: 'many.xlsx', data }).finally(() => (settled = true));
    let healthy = 0;
    while (!settled) {
      const h = await app.inject({ method: 'GET', url: '/healthz' });
      expect(h.statusCode).toBe(200);
      if (!settled) healthy++;
      // PGlite answers within microtasks: let the worker's reply (a macrotask) through between checks
      await new Promise((res) => setImmediate(res));
    }
    const r = await pending;
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.details[0].field).toBe('file');
    expect(r.json().error.messageEn).toMatch(/10001 rows/);
    // health checks were answered while the file was being read, not queued behind it
    expect(healthy).toBeGreaterThanOrEqual(3);
    expect(await names('批量旧件%')).toEqual([]);
  });
});
