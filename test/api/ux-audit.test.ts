/**
 * The audit log a person can search (issue 16 item 11) and read (item 4): filters by user, action (code or area),
 * object and Asia/Shanghai dates; the .xlsx export honours the same filters and names actions and objects in words.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabel, auditObjectLabel } from '../../src/domain/audit-labels.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Awaited<ReturnType<typeof login>>;
let adminName: string;
let enterpriseId: string;

beforeAll(async () => {
  app = await buildTestApp();
  const u = await buildUser(app.services, 'ministry_admin');
  adminName = u.username;
  admin = await login(app, u.username, TEST_PASSWORD);
  const e = await buildEnterprise(app.services);
  enterpriseId = e.id;
  const r = await app.inject({ method: 'PATCH', url: `/api/v1/enterprises/${e.id}`, headers: admin.headers, payload: { contactPhone: '020-11112222' } });
  expect(r.statusCode).toBe(200);
});
afterAll(async () => app?.close());

const get = (url: string) => app.inject({ method: 'GET', url, headers: admin.headers });
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('audit log: filters and export', () => {
  it('filters by user, by action code or area, by object and by day', async () => {
    const all = (await get('/api/v1/audit?pageSize=200')).json();
    const byUser = (await get(`/api/v1/audit?actor=${adminName}&pageSize=200`)).json();
    expect(byUser.total).toBeGreaterThan(0);
    expect(byUser.total).toBeLessThan(all.total);
    expect(byUser.items.every((i: { actorUsername: string }) => i.actorUsername === adminName)).toBe(true);

    const exact = (await get('/api/v1/audit?action=enterprise.updated')).json();
    expect(exact.items.map((i: { objectId: string }) => i.objectId)).toContain(enterpriseId);
    expect(exact.items.every((i: { action: string }) => i.action === 'enterprise.updated')).toBe(true);
    const area = (await get('/api/v1/audit?action=auth')).json();
    expect(area.total).toBeGreaterThan(0);
    expect(area.items.every((i: { action: string }) => i.action.startsWith('auth.'))).toBe(true);

    const obj = (await get(`/api/v1/audit?objectType=enterprise&objectId=${enterpriseId}`)).json();
    expect(obj.items.length).toBeGreaterThan(0);
    expect(obj.items.every((i: { objectId: string }) => i.objectId === enterpriseId)).toBe(true);

    const d = today();
    expect((await get(`/api/v1/audit?from=${d}&to=${d}`)).json().total).toBe(all.total);
    expect((await get('/api/v1/audit?to=2000-01-01')).json().total).toBe(0);
  });

  it('bad filters are a 400 naming the field in both languages', async () => {
    const r = await get('/api/v1/audit?from=2026-13-45x');
    expect(r.statusCode).toBe(400);
    const order = await get('/api/v1/audit?from=2026-12-02&to=2026-12-01');
    expect(order.statusCode).toBe(400);
    expect(order.json().error.message).toContain('from');
    expect(order.json().error.messageEn).toContain('from');
    expect((await get('/api/v1/audit?action=DROP%20TABLE')).statusCode).toBe(400);
  });

  it('the .xlsx export honours the filters and names actions and objects in words', async () => {
    const r = await get(`/api/v1/audit/export.xlsx?action=enterprise.updated&objectId=${enterpriseId}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2);
    expect(row.getCell(3).value).toBe(adminName);
    expect(row.getCell(4).value).toBe('企业：修改');
    expect(row.getCell(5).value).toBe('enterprise.updated');
    expect(row.getCell(6).value).toBe('企业');
    expect(String(row.getCell(2).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('every action the demo world and these tests wrote has words, not its code', async () => {
    const { rows } = await app.database.raw.query<{ action: string; object_type: string }>('SELECT DISTINCT action, object_type FROM audit_log');
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) {
      expect(auditActionLabel(r.action).zh, r.action).not.toBe(r.action);
      expect(auditObjectLabel(r.object_type).zh, r.object_type).not.toBe(r.object_type);
    }
    expect(auditActionLabel('auth.login')).toEqual({ zh: '登录', en: 'Signed in' });
    expect(auditActionLabel('revocation.revoked').zh).toBe('撤销公告：决定撤销');
    expect(auditActionLabel('application.submit').zh).toBe('申请：提交申请');
    expect(auditActionLabel('trace.shipping').en).toBe('Traceability: Shipping');
    expect(auditActionLabel('newmodule.frobbed').zh).toBe('newmodule.frobbed');
  });
});
