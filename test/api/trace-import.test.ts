/**
 * Bulk import (issue 4): templates per lifecycle step, row-by-row validation naming every bad cell, nothing
 * half-imported, progress for large files.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q } from '../../src/server/modules/trace/trace.repo.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let ent: Session, other: Session;
let enterpriseId = '';

function multipart(file: { name: string; data: Buffer }) {
  const boundary = '----trace' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (s: Session, step: string, file: { name: string; data: Buffer }) => {
  const m = multipart(file);
  return app.inject({ method: 'POST', url: `/api/v1/trace/import/${step}`, headers: { ...s.headers, ...m.headers }, payload: m.payload });
};
const counts = async () => {
  const [r] = await q<{ o: number; e: number; s: number }>(
    app.database.db,
    sql`SELECT (SELECT count(*)::int FROM trace_objects WHERE enterprise_id = ${enterpriseId}) AS o, (SELECT count(*)::int FROM epcis_events WHERE enterprise_id = ${enterpriseId}) AS e, (SELECT count(*)::int FROM trace_steps WHERE enterprise_id = ${enterpriseId}) AS s`,
  );
  return r!;
};

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106' });
  enterpriseId = e.id;
  ent = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
  other = await login(app, (await buildUser(s, 'enterprise_admin')).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('templates', () => {
  it('offers an .xlsx template with the columns and an instructions sheet, and a .csv one', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/trace/import/templates/intake', headers: ent.headers });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['旧件回收入库 intake', '说明 Instructions']);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
      '旧件编码（可空，平台分配） (coreEpc)', '旧件名称 (name)', '型号 (model)', '交回方 (source.returnedBy)', '回收渠道 (source.channel)', '以旧换新 (source.tradeIn)', '生产场地 (site)', '发生时间 (eventTime)', '备注 (note)',
    ]);
    const csv = await app.inject({ method: 'GET', url: '/api/v1/trace/import/templates/test?format=csv', headers: ent.headers });
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFF产品编码 (code),检测结论 (result),检测数据 (measurements),检测标准 (standardNo),生产场地 (site),发生时间 (eventTime),备注 (note)');
  });
});

describe('import', () => {
  it('a malformed file: every bad cell named (sheet, row, column, zh + en), nothing stored', async () => {
    const before = await counts();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('旧件回收入库 intake');
    ws.addRow(['旧件名称 (name)', '交回方 (source.returnedBy)', '回收渠道 (source.channel)', '以旧换新 (source.tradeIn)', '发生时间 (eventTime)', '颜色']);
    ws.addRow(['发动机旧件', '某汽修厂', 'dealer', '是', '2026-03-01 09:30']); // row 2: fine
    ws.addRow(['', '某汽修厂', 'pawn_shop', '也许', '2026-03-01 09:30']); // row 3: name missing, bad channel, bad bool
    ws.addRow(['变速箱旧件', '某回收公司', 'recycler', '否', '昨天']); // row 4: bad date-time
    const r = await upload(ent, 'intake', { name: 'cores.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(r.statusCode).toBe(400);
    const err = r.json().error;
    expect(err.code).toBe('IMPORT_INVALID');
    const cells = err.details.map((d: { sheet: string; row: number; column: string }) => `${d.sheet}|${d.row}|${d.column}`).sort();
    expect(cells).toEqual(
      [
        '旧件回收入库 intake|1|颜色',
        '旧件回收入库 intake|3|旧件名称 (name)',
        '旧件回收入库 intake|3|回收渠道 (source.channel)',
        '旧件回收入库 intake|3|以旧换新 (source.tradeIn)',
        '旧件回收入库 intake|4|发生时间 (eventTime)',
      ].sort(),
    );
    for (const d of err.details) {
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.messageEn).toMatch(/[a-z]/);
    }
    expect(err.messageEn).toContain('nothing was imported');
    expect(await counts()).toEqual(before);
  });

  it('a row naming an unknown object fails the whole file', async () => {
    const before = await counts();
    const csv = '回收渠道 (source.channel),旧件名称 (name),交回方 (source.returnedBy),以旧换新 (source.tradeIn)\r\ndealer,A,甲,是\r\n';
    expect((await upload(ent, 'intake', { name: 'ok.csv', data: Buffer.from(csv) })).statusCode).toBe(200);
    const after1 = await counts();
    expect(after1.e).toBe(before.e + 1);
    const insp = '旧件编码 (coreEpc),等级 (grade),结论 (result),检测数据 (measurements)\r\nurn:epc:id:sgtin:0614141.107346.1,A,accepted,硬度=45 HRC\r\nurn:epc:id:sgtin:0614141.107346.2,A,accepted,\r\n';
    const r = await upload(ent, 'inspection', { name: 'insp.csv', data: Buffer.from(insp) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([
      [2, '旧件编码 (coreEpc)'],
      [3, '旧件编码 (coreEpc)'],
    ]);
    expect(await counts()).toEqual(after1);
  });

  it('a valid .csv is imported in one go; cores get EPCs; the job says so', async () => {
    const rows = ['旧件名称 (name),交回方 (source.returnedBy),回收渠道 (source.channel),以旧换新 (source.tradeIn),发生时间 (eventTime),备注 (note)'];
    for (let i = 0; i < 5; i++) rows.push(`"发动机,旧件${i}",张三,end_user,否,2026-03-0${i + 1} 08:00,"说""明"`);
    const r = await upload(ent, 'intake', { name: 'cores.csv', data: Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`) });
    expect(r.statusCode).toBe(200);
    const job = r.json().job;
    expect(job).toMatchObject({ status: 'succeeded', processed: 5, total: 5, errors: [] });
    const names = await q<{ name: string }>(app.database.db, sql`SELECT name FROM trace_objects WHERE enterprise_id = ${enterpriseId} AND name LIKE '发动机,旧件%' ORDER BY name`);
    expect(names.map((n) => n.name)).toEqual(['发动机,旧件0', '发动机,旧件1', '发动机,旧件2', '发动机,旧件3', '发动机,旧件4']);
    expect((await app.inject({ method: 'GET', url: `/api/v1/trace/import/jobs/${job.id}`, headers: ent.headers })).json().job.status).toBe('succeeded');
    expect((await app.inject({ method: 'GET', url: `/api/v1/trace/import/jobs/${job.id}`, headers: other.headers })).statusCode).toBe(404);
  });

  it('steps with lists: disassembly and reassembly, one row per part, grouped; bad cells named by row', async () => {
    const core = 'urn:epc:id:sgtin:0614141.107346.777';
    const intake = `旧件编码（可空，平台分配） (coreEpc),旧件名称 (name),交回方 (source.returnedBy),回收渠道 (source.channel),以旧换新 (source.tradeIn)\n${core},发动机旧件,甲,dealer,是\n`;
    expect((await upload(ent, 'intake', { name: 'i.csv', data: Buffer.from(intake) })).statusCode).toBe(200);
    const dis = `旧件编码 (coreEpc),零件名称 (parts.name),零件编码（可空，平台分配） (parts.epc),发生时间 (eventTime)\n${core},缸体,urn:epc:id:sgtin:0614141.107347.1,2026-03-02 10:00\n${core},缸盖,urn:epc:id:sgtin:0614141.107347.2,\n`;
    const d = await upload(ent, 'disassembly', { name: 'd.csv', data: Buffer.from(dis) });
    expect(d.statusCode, d.body).toBe(200);
    const head = '产品组号（本文件内自定） (productRef),产品名称 (name),零件名称 (inputs.name),零件来源 (inputs.origin),零件编码 (inputs.epc),新件批次（epcClass） (inputs.epcClass),数量 (inputs.quantity),单件质量（kg） (inputs.massKg),单件价值（元，同等新件价格） (inputs.valueCny)';
    const bad = `${head}\nP1,再制造发动机,缸体,reused,urn:epc:id:sgtin:0614141.107347.1,,,300,20000\nP1,,缸盖,remanufactured,urn:epc:id:sgtin:0614141.107347.2,,,,18000\nP1,,活塞环,brand_new,,urn:epc:class:lgtin:0614141.107348.L1,4,20,3000\n`;
    const before = await counts();
    const rb = await upload(ent, 'reassembly', { name: 'r.csv', data: Buffer.from(bad) });
    expect(rb.statusCode).toBe(400);
    expect(rb.json().error.details.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '单件质量（kg） (inputs.massKg)'],
      [4, '零件来源 (inputs.origin)'],
    ]);
    expect(await counts()).toEqual(before);
    const good = bad.replace(',,18000', ',120,18000').replace('brand_new', 'new');
    const rg = await upload(ent, 'reassembly', { name: 'r.csv', data: Buffer.from(good) });
    expect(rg.statusCode, rg.body).toBe(200);
    const p = (await app.inject({ method: 'GET', url: '/api/v1/trace/products?q=再制造发动机', headers: ent.headers })).json().items[0];
    expect(p).toMatchObject({ name: '再制造发动机', massRate: 84, valueRate: 76, life: 1 });
    const up = (await app.inject({ method: 'GET', url: `/api/v1/trace/${p.code}?direction=up`, headers: ent.headers })).json();
    expect(up.nodes.map((n: { key: string }) => n.key)).toContain(core);
  });

  it('a large file runs in the background with progress', async () => {
    const rows = ['旧件名称 (name),交回方 (source.returnedBy),回收渠道 (source.channel),以旧换新 (source.tradeIn)'];
    for (let i = 0; i < 600; i++) rows.push(`批量旧件${i},回收站,recycler,否`);
    const r = await upload(ent, 'intake', { name: 'big.csv', data: Buffer.from(rows.join('\n')) });
    expect(r.statusCode).toBe(200);
    const job = r.json().job;
    expect(job).toMatchObject({ status: 'running', total: 600 });
    let last = job;
    for (let i = 0; i < 120 && last.status === 'running'; i++) {
      await new Promise((res) => setTimeout(res, 250));
      last = (await app.inject({ method: 'GET', url: `/api/v1/trace/import/jobs/${job.id}`, headers: ent.headers })).json().job;
      expect(last.processed).toBeLessThanOrEqual(600);
    }
    expect(last).toMatchObject({ status: 'succeeded', processed: 600 });
    const [n] = await q<{ n: number }>(app.database.db, sql`SELECT count(*)::int AS n FROM trace_objects WHERE enterprise_id = ${enterpriseId} AND name LIKE '批量旧件%'`);
    expect(n!.n).toBe(600);
  });
});
