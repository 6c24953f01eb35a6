/**
 * Issue 12 "Bulk provisioning by .xlsx": the template, an upload that provisions every row or none, per-row problems
 * naming row and column, the content and size checks, and the same file twice at once provisioning once.
 * Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from '../support/app.js';
import { makeProduct, monitoringCast } from '../support/devices.js';
import { multipart } from './matrix/index.js';

let app: TestApp;
let cast: Awaited<ReturnType<typeof monitoringCast>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  app = await buildTestApp({ MQTT_PORT: 18999 });
  cast = await monitoringCast(app);
});
afterAll(async () => app?.close());

async function workbook(rows: unknown[][], header = ['产品编码 productCode', '设备名称 name', '安装地区代码 regionCode']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('设备接入 Devices');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (s: Session, data: Buffer, name = 'devices.xlsx') => {
  const m = multipart({ files: [{ name, data, type: XLSX }] });
  return app.inject({ method: 'POST', url: '/api/v1/devices/bulk', headers: { ...s.headers, ...m.headers }, payload: m.payload });
};
const devicesOf = async (codes: string[]) =>
  (await app.database.raw.query<{ product_code: string; n: number }>(`SELECT product_code, count(*)::int AS n FROM devices WHERE product_code = ANY($1) GROUP BY product_code`, [codes])).rows;
const basic = (c: { username: string; password: string }) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;

describe('bulk provisioning by .xlsx', () => {
  it('offers the template: the devices sheet with the three columns and an instructions sheet', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/devices/bulk/template', headers: cast.admin.headers });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['设备接入 Devices', '说明 Instructions']);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['产品编码 productCode', '设备名称 name', '安装地区代码 regionCode']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/devices/bulk/template', headers: cast.staff.headers })).statusCode).toBe(403);
  });

  it('provisions every row: credentials once each, names and regions kept, audited, the passwords work', async () => {
    const codes = [await makeProduct(app, cast.admin), await makeProduct(app, cast.admin), await makeProduct(app, cast.admin, 'A10VSO-71')];
    const r = await upload(cast.admin, await workbook([[codes[0], '1号机', '440106'], [codes[1], null, '320505'], [codes[2], '泵 3', null]]));
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.provisioned).toBe(3);
    expect(body.mqtt).toEqual({ url: null, port: 18999 });
    expect(body.devices.map((d: { row: number }) => d.row)).toEqual([2, 3, 4]);
    expect(body.devices[0].device).toMatchObject({ productCode: codes[0], name: '1号机', regionCode: '440106', status: 'active' });
    expect(body.devices[1].device.name).toBe('再制造柴油发动机'); // the product's name
    expect(body.devices[2].device).toMatchObject({ productModel: 'A10VSO-71', regionCode: null });
    const passwords = body.devices.map((d: { credentials: { password: string } }) => d.credentials.password);
    expect(new Set(passwords).size).toBe(3);
    // stored as digests only
    const stored = await app.database.raw.query<{ secret_hash: string }>('SELECT secret_hash FROM devices WHERE product_code = ANY($1)', [codes]);
    expect(stored.rows.every((x) => !passwords.includes(x.secret_hash) && /^[0-9a-f]{64}$/.test(x.secret_hash))).toBe(true);
    const audits = await app.database.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'device.provisioned' AND object_id = ANY($1)`, [body.devices.map((d: { device: { id: string } }) => d.device.id)]);
    expect(audits.rows[0]!.n).toBe(3);
    for (const d of body.devices) {
      const ingest = await app.inject({
        method: 'POST', url: `/api/v1/devices/${d.device.id}/telemetry`, headers: { authorization: basic(d.credentials), 'content-type': 'application/json' },
        payload: JSON.stringify({ ts: Date.now(), values: { rpm: 1500 } }),
      });
      expect(ingest.statusCode, ingest.body).toBe(200);
    }
  });

  it('names each bad row and column and provisions none of the file', async () => {
    const good = await makeProduct(app, cast.admin);
    const taken = await makeProduct(app, cast.admin);
    expect((await app.inject({ method: 'POST', url: '/api/v1/devices', headers: cast.admin.headers, payload: { productCode: taken } })).statusCode).toBe(201);
    const foreign = await makeProduct(app, cast.owner);
    const r = await upload(cast.admin, await workbook([
      [good, '好的', '440106'],
      [good, '重复', null],
      ['RM-NO-SUCH', null, null],
      [null, '没有编码', null],
      [taken, null, null],
      [foreign, null, null],
      [await makeProduct(app, cast.admin), null, '99'],
    ]));
    expect(r.statusCode, r.body).toBe(400);
    const err = r.json().error;
    expect(err.code).toBe('BULK_INVALID');
    const at = err.details.map((d: { row: number; column: string; messageEn: string }) => [d.row, d.column, d.messageEn]);
    expect(at).toEqual([
      [3, '产品编码 productCode', 'the same product as row 2'],
      [4, '产品编码 productCode', 'no such remanufactured product in your enterprise'],
      [5, '产品编码 productCode', 'required'],
      [6, '产品编码 productCode', expect.stringContaining('is already a device')],
      [7, '产品编码 productCode', 'no such remanufactured product in your enterprise'],
      [8, '安装地区代码 regionCode', 'a 6-digit GB/T 2260 region code of one of the 31 mainland provincial divisions'],
    ]);
    expect(err.details.every((d: { field: string; message: string }) => d.field === 'file' && d.message.length > 0)).toBe(true);
    expect(err.message).toContain('第 3 行');
    expect(await devicesOf([good])).toEqual([]);
  });

  it('checks the header, the content and the size of the file', async () => {
    const code = await makeProduct(app, cast.admin);
    const bad = await upload(cast.admin, await workbook([[code]], ['产品', '设备名称 name']));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { column: string; messageEn: string }) => `${d.column}: ${d.messageEn}`)).toEqual(['产品: not a column of the template', '产品编码 productCode: required column missing']);
    const csv = await upload(cast.admin, Buffer.from(`产品编码 productCode\n${code}\n`), 'devices.xlsx');
    expect(csv.statusCode).toBe(400);
    expect(csv.json().error.details[0].field).toBe('file');
    const notZip = await upload(cast.admin, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]));
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error.details[0].field).toBe('file');
    const big = await upload(cast.admin, Buffer.concat([await workbook([[code]]), Buffer.alloc(2 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', details: [{ field: 'file' }] });
    const empty = await upload(cast.admin, await workbook([]));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].messageEn).toBe('the file has no data rows');
    const json = await app.inject({ method: 'POST', url: '/api/v1/devices/bulk', headers: cast.admin.headers, payload: { productCode: code } });
    expect(json.statusCode).toBe(400);
    expect(await devicesOf([code])).toEqual([]);
  });

  it('only the enterprise admin provisions: staff 403, a buyer 403', async () => {
    const data = await workbook([[await makeProduct(app, cast.admin)]]);
    expect((await upload(cast.staff, data)).statusCode).toBe(403);
    expect((await upload(cast.buyer, data)).statusCode).toBe(403);
  });

  it('the same file twice at once provisions once: one 201, the other refused naming the rows', async () => {
    const codes = await Promise.all([0, 1, 2, 3].map(() => makeProduct(app, cast.admin)));
    const data = await workbook(codes.map((c, i) => [c, `同时 ${i}`, '440106']));
    const answers = await Promise.all([upload(cast.admin, data), upload(cast.admin, data)]);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses[0], answers.map((a) => a.body).join('\n')).toBe(201);
    expect([400, 409]).toContain(statuses[1]);
    const refused = answers.find((a) => a.statusCode !== 201)!.json().error;
    expect(['BULK_CONFLICT', 'BULK_INVALID']).toContain(refused.code);
    expect(refused.details.map((d: { row: number }) => d.row)).toEqual([2, 3, 4, 5]);
    expect((await devicesOf(codes)).map((x) => x.n)).toEqual([1, 1, 1, 1]);
  });
});
