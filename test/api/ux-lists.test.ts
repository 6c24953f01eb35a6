/**
 * Issue 16 item 11 (lists you can search) on the demo data: MIIT's 申请审核 by authority, enterprise, submission day
 * and state; experts by field; the public announced list's .xlsx honours the list's filters; announcements newest
 * announced first.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/server/demo.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';

let app: TestApp;
let miit: Session;
beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  expect(await seedDemoData(app.services, app.database, app.config)).toBe(true);
  miit = await login(app, 'miit', 'Reman#2026');
}, 240_000);
afterAll(async () => app?.close());

type Summary = { id: string; enterpriseName: string; authority: { id: string }; state: string; submittedAt: string | null };
const list = async (s: Session, query: string) => app.inject({ method: 'GET', url: `/api/v1/applications?pageSize=200&${query}`, headers: s.headers });
const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

describe('申请审核 filters (MIIT)', () => {
  it('by reviewing authority, enterprise and state: each row matches, and the rows are all that match', async () => {
    const all = (await list(miit, '')).json().items as Summary[];
    expect(all.length).toBeGreaterThan(3);
    const authority = all[0]!.authority.id;
    const byAuthority = (await list(miit, `authority=${authority}`)).json();
    expect(byAuthority.total).toBe(all.filter((a) => a.authority.id === authority).length);
    expect((byAuthority.items as Summary[]).every((a) => a.authority.id === authority)).toBe(true);
    expect(byAuthority.total).toBeLessThan(all.length);

    const name = all[0]!.enterpriseName;
    const part = name.slice(2, 6);
    const byName = (await list(miit, `enterprise=${encodeURIComponent(part)}`)).json().items as Summary[];
    expect(byName.length).toBe(all.filter((a) => a.enterpriseName.includes(part)).length);
    expect(byName.map((a) => a.id)).toContain(all[0]!.id);

    const { rows } = await app.database.raw.query<{ credit_code: string }>('SELECT credit_code FROM enterprises WHERE name = $1', [name]);
    const byCode = (await list(miit, `enterprise=${rows[0]!.credit_code.slice(0, 12)}`)).json().items as Summary[];
    expect(byCode.map((a) => a.enterpriseName)).toContain(name);

    const state = all[0]!.state;
    const combined = (await list(miit, `authority=${authority}&state=${state}&enterprise=${encodeURIComponent(part)}`)).json().items as Summary[];
    expect(combined.length).toBe(all.filter((a) => a.authority.id === authority && a.state === state && a.enterpriseName.includes(part)).length);
  });

  it('by submission day in Asia/Shanghai, both ends included; from after to is a 400 naming the field', async () => {
    const all = ((await list(miit, '')).json().items as Summary[]).filter((a) => a.submittedAt);
    const day = shanghaiDay(all[0]!.submittedAt!);
    const onDay = (await list(miit, `from=${day}&to=${day}`)).json().items as Summary[];
    expect(onDay.length).toBe(all.filter((a) => shanghaiDay(a.submittedAt!) === day).length);
    expect(onDay.length).toBeGreaterThan(0);
    const after = (await list(miit, `from=${day}`)).json().items as Summary[];
    expect(after.length).toBe(all.filter((a) => shanghaiDay(a.submittedAt!) >= day).length);

    const bad = await list(miit, 'from=2026-12-09&to=2026-12-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('from');
    const notADate = await list(miit, 'from=2026-13-45');
    expect(notADate.statusCode).toBe(400);
    expect(JSON.stringify(notADate.json())).toContain('from');
  });

  it('a provincial authority filters only within its own jurisdiction', async () => {
    const gd = await login(app, 'gd-admin', 'Reman#2026');
    const other = (await list(gd, 'authority=prov-110000')).json();
    expect(other.total).toBe(0);
  });
});

describe('experts by field', () => {
  it('field picks the experts with that field; q finds by institution too', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/experts?field=office_equipment&pageSize=200', headers: miit.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; fields: string[] }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.fields.includes('office_equipment'))).toBe(true);
    const { rows } = await app.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM experts WHERE 'office_equipment' = ANY(fields)");
    expect(res.json().total).toBe(rows[0]!.n);
    const byOrg = (await app.inject({ method: 'GET', url: `/api/v1/experts?q=${encodeURIComponent('循环经济协会')}`, headers: miit.headers })).json().items as { name: string }[];
    expect(byOrg.map((e) => e.name)).toContain('李慧敏');
    expect((await app.inject({ method: 'GET', url: '/api/v1/experts?field=nonsense', headers: miit.headers })).statusCode).toBe(400);
  });
});

describe('the public announced list: its download honours its filters; announcements by date', () => {
  const sheetRows = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('公告名单')!;
    const out: { name: string; region: string; fields: string }[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) out.push({ name: String(row.getCell(6).value), region: String(row.getCell(5).value), fields: String(row.getCell(9).value) });
    });
    return out;
  };

  it('the .xlsx has exactly the rows the list shows for the same q, region and field', async () => {
    const everything = await sheetRows('/api/v1/public/announced-enterprises.xlsx');
    for (const query of ['region=44', 'field=machine_tools', 'q=%E5%8F%91%E5%8A%A8%E6%9C%BA']) {
      const listed = (await app.inject({ method: 'GET', url: `/api/v1/public/announced-enterprises?pageSize=200&${query}` })).json();
      const rows = await sheetRows(`/api/v1/public/announced-enterprises.xlsx?${query}`);
      expect(rows.length, query).toBe(listed.total);
      expect(rows.map((r) => r.name).sort(), query).toEqual((listed.items as { enterpriseName: string }[]).map((e) => e.enterpriseName).sort());
      expect(rows.length, query).toBeLessThan(everything.length);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/announced-enterprises.xlsx?field=nonsense' })).statusCode).toBe(400);
  });

  it('announcement batches come newest announced first', async () => {
    const items = (await app.inject({ method: 'GET', url: '/api/v1/public/announcements?pageSize=200' })).json().items as { announcedOn: string; batchNo: number }[];
    expect(items.length).toBeGreaterThan(1);
    const dates = items.map((b) => b.announcedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('objections get a tracking code like complaints (item 13)', () => {
  it('filing answers a code; anyone holding it sees the handling but not the objector; unknown codes are 404', async () => {
    const open = (await app.inject({ method: 'GET', url: '/api/v1/public/notices' })).json().items as { id: string; title: string; entries: { id: string; enterpriseName: string }[] }[];
    expect(open.length).toBeGreaterThan(0);
    const notice = open[0]!;
    const entry = notice.entries[0]!;
    const filed = await app.inject({
      method: 'POST',
      url: `/api/v1/public/notices/${notice.id}/objections`,
      payload: { name: '查询码测试人', contact: '13800000001', entryId: entry.id, reason: '该企业厂区与申报材料不符，请核实。' },
    });
    expect(filed.statusCode).toBe(201);
    const code = filed.json().trackingCode as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);

    const track = async (c: string) => app.inject({ method: 'GET', url: `/api/v1/public/objections/${encodeURIComponent(c)}` });
    const pending = await track(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toMatchObject({ trackingCode: code, status: 'pending', resolution: null, enterpriseName: entry.enterpriseName, notice: { id: notice.id, title: notice.title } });
    expect(JSON.stringify(pending.json())).not.toContain('查询码测试人');
    expect(JSON.stringify(pending.json())).not.toContain('13800000001');

    const detail = (await app.inject({ method: 'GET', url: `/api/v1/notices/${notice.id}`, headers: miit.headers })).json();
    const mine = (detail.objections as { id: string; trackingCode: string }[]).find((o) => o.trackingCode === code)!;
    expect(mine).toBeTruthy();
    const resolved = await app.inject({ method: 'POST', url: `/api/v1/objections/${mine.id}/resolve`, headers: miit.headers, payload: { decision: 'dismissed', resolution: '经核实，厂区与申报一致。' } });
    expect(resolved.statusCode).toBe(200);
    expect((await track(code)).json()).toMatchObject({ status: 'dismissed', resolution: '经核实，厂区与申报一致。' });
    expect((await track(code)).json().resolvedAt).toBeTruthy();

    expect((await track('ZZZZZZZZZZZZ')).statusCode).toBe(404);
    expect((await track('not a code')).statusCode).toBe(404);
  });
});
