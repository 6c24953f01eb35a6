/**
 * The per-site report paths under concurrency (issue 15 item 14; docs/architecture.md "Writes"): one 年度报告 per
 * enterprise and year with one part per announced site (七(二)1, 附2 表2-3, 七(一)3). Written for PostgreSQL
 * (TEST_DATABASE_URL, where the requests really overlap); on PGlite they serialise and must give the same answers.
 * - creating the year's report N times at once: one 201, the others 409 REPORT_EXISTS, one row, one audit;
 * - the two sites' parts uploaded at once: each upload stores its own site's part, none overwrites the other;
 * - a part saved while the report is submitted: each save lands before the submission (and is in it) or 409;
 * - a part uploaded while the report is submitted: stored before the submission (and in it) or 409, the import
 *   then ends failed, never left running;
 * - two sites' editors saving the whole form from the same version: the first lands, the other is 409 REPORT_CHANGED
 *   (its stale copy of the first one's part never overwrites it); N saves from one version: one 200.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTotals, sampleReportForm, type AnnualReportForm } from '../../src/domain/annual-report/index.js';
import { canonicalJson } from '../../src/server/platform/audit.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildSite, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';
import { auditCount, countOf, expectOneWinner, N, race } from './concurrency.helpers.js';

// Monday 5 January 2026, 10:00 in Shanghai: the 2025 reports are open
const clock = manualClock('2026-01-05T02:00:00Z');
let app: TestApp;
let ent: Session, gd: Session;
const ids = { e: '', gz: '', sz: '', report: '' };
const req = (s: Session, method: string, url: string, payload?: unknown) => app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

function upload(siteId: string, data: Buffer) {
  const boundary = '----reman' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t23.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url: `/api/v1/annual-reports/${ids.report}/table23?siteId=${siteId}`, headers: { ...ent.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}
/** The site's 表2-3 template with `n` cores recovered (one row) and nothing remanufactured or sold. */
async function table23(siteId: string, n: number) {
  const r = await app.inject({ method: 'GET', url: `/api/v1/annual-reports/${ids.report}/table23.xlsx?siteId=${siteId}`, headers: ent.headers });
  expect(r.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const rec = wb.getWorksheet('回收情况')!;
  rec.getCell('B2').value = n;
  rec.getRow(4).values = [1, '旧发动机', 'WD615', '经销商回收', n];
  for (let row = 5; row <= 30; row++) rec.getRow(row).values = [];
  for (const name of ['再制造情况', '销售或租赁情况']) {
    const ws = wb.getWorksheet(name)!;
    ws.getCell('B2').value = 0;
    for (let row = 4; row <= 30; row++) ws.getRow(row).values = [];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const stored = async () => (await app.database.raw.query<{ state: string; form: AnnualReportForm; recovered_total: number | null; reman_total: number | null; sold_total: number | null }>(`SELECT state, form, recovered_total, reman_total, sold_total FROM annual_reports WHERE id = $1`, [ids.report])).rows[0]!;
const partOf = (f: AnnualReportForm, siteId: string) => f.sites!.find((p) => p.siteId === siteId)!;
const complete = (contactName: string, facts = '') => {
  const f = sampleReportForm({ siteIds: [ids.gz, ids.sz], compiledOn: '2026-01-05' });
  f.sites![1]!.facts = facts || undefined;
  return { ...f, cover: { ...f.cover, contactName } };
};
/** Submission and the saves or uploads raced against it, the submission in the middle. */
const aroundSubmit = (other: (i: number) => Promise<Awaited<ReturnType<typeof upload>>>) => {
  const half = Math.floor((N - 1) / 2);
  return Promise.all([...Array.from({ length: half }, (_, i) => other(i)), req(ent, 'POST', `/api/v1/annual-reports/${ids.report}/submit`, {}), ...Array.from({ length: N - 1 - half }, (_, i) => other(half + i))]);
};

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 100_000 }, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106', name: '广州并发两地再制造有限公司' });
  const gz = await buildSite(s, e.id, { name: '番禺厂区', regionCode: '440113' });
  const sz = await buildSite(s, e.id, { name: '苏州车间', regionCode: '320505' });
  Object.assign(ids, { e: e.id, gz: gz.id, sz: sz.id });
  await s.announcements.importHistoric(await operator(s), {
    docNumber: '工业和信息化部公告 2025年第7号', announcedOn: '2025-03-01', title: '历史公告',
    entries: [{ enterpriseId: e.id, siteId: gz.id, fields: ['internal_combustion_engines'] }, { enterpriseId: e.id, siteId: sz.id, fields: ['machine_tools'] }],
  });
  ent = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
  gd = await login(app, (await buildUser(s, 'authority_reviewer', { organizationId: 'prov-440000' })).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

describe('one report per enterprise and year, one part per site, under concurrency', () => {
  it('create the year’s report N times at once: one 201 with both parts, the others 409 REPORT_EXISTS; one row, one audit', async () => {
    const won = expectOneWinner(await race(() => req(ent, 'POST', '/api/v1/annual-reports', { year: 2025 })), ['REPORT_EXISTS']);
    expect(won.statusCode).toBe(201);
    ids.report = won.json().id;
    expect(won.json().form.sites.map((p: { siteId: string }) => p.siteId).sort()).toEqual([ids.gz, ids.sz].sort());
    expect(await countOf(app, `SELECT count(*)::int AS n FROM annual_reports WHERE enterprise_id = $1 AND year = 2025`, [ids.e])).toBe(1);
    expect(await auditCount(app, 'annual_report.created', ids.report)).toBe(1);
  });

  it('the two sites’ parts uploaded at once, N times: every upload is stored in its own site’s part; neither part is overwritten by the other’s', async () => {
    const files = await Promise.all(Array.from({ length: N }, (_, i) => table23(i % 2 ? ids.sz : ids.gz, 10 + i)));
    const res = await Promise.all(files.map((f, i) => upload(i % 2 ? ids.sz : ids.gz, f)));
    expect(res.map((r) => r.statusCode), res.map((r) => r.body).join(' | ')).toEqual(Array(N).fill(200));
    const { form } = await stored();
    const gzTotal = partOf(form, ids.gz).table23!.recovery!.total!;
    const szTotal = partOf(form, ids.sz).table23!.recovery!.total!;
    // each part holds one of its own site's uploads (even counts went to 番禺, odd to 苏州): an upload rewrites only
    // its site's part of the form it reads under the row lock, so no part reverts to an earlier state
    expect([10, 12, 14, 16]).toContain(gzTotal);
    expect([11, 13, 15, 17]).toContain(szTotal);
    expect(await auditCount(app, 'annual_report.table23_imported', ids.report)).toBe(N);
  });

  it('two editors save the whole form from the same version: the first lands, the second is 409 REPORT_CHANGED and the first’s part stays; N at once: one 200', async () => {
    const base = (await req(ent, 'GET', `/api/v1/annual-reports/${ids.report}`)).json().updatedAt as string;
    expect(Date.parse(base)).not.toBeNaN();
    const mine = complete('番禺联系人', '苏州车间：番禺编辑者保存');
    const first = await req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form: mine, baseUpdatedAt: base });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().updatedAt).not.toBe(base);
    // the other editor still holds the version it opened, without the first one's words
    const stale = await req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form: complete('苏州联系人'), baseUpdatedAt: base });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'REPORT_CHANGED', details: { updatedAt: first.json().updatedAt } });
    expect(stale.json().error.message).toContain('请重新载入');
    expect(partOf((await stored()).form, ids.sz).facts).toBe('苏州车间：番禺编辑者保存');
    // N saves from one version: exactly one lands
    const now = first.json().updatedAt as string;
    const won = expectOneWinner(await race((i) => req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form: complete(`联系人${i}`, `说明${i}`), baseUpdatedAt: now })), ['REPORT_CHANGED']);
    const i = Number(won.json().form.cover.contactName.replace('联系人', ''));
    expect(partOf((await stored()).form, ids.sz).facts).toBe(`说明${i}`);
    // a malformed version is a 400 naming the field
    const bad = await req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form: mine, baseUpdatedAt: 'yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('baseUpdatedAt');
  });

  it('a part saved while the report is submitted: every save lands before the submission or is 409 REPORT_FROZEN; the submitted form and totals are the last saved', async () => {
    expect((await req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form: complete('联系人') })).statusCode).toBe(200);
    const res = await aroundSubmit((i) => req(ent, 'PUT', `/api/v1/annual-reports/${ids.report}/form`, { form: complete(`联系人${i}`, `苏州车间说明${i}`) }));
    expect(res.filter((r) => r.statusCode >= 500)).toEqual([]);
    const submit = res[Math.floor((N - 1) / 2)]!;
    expect(submit.statusCode, submit.body).toBe(200);
    for (const r of res.filter((x) => x !== submit)) {
      expect([200, 409]).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json().error.code).toBe('REPORT_FROZEN');
    }
    const row = await stored();
    expect(row.state).toBe('submitted');
    const trail = (await app.database.raw.query<{ action: string; digest: string }>(`SELECT action, digest FROM audit_log WHERE object_id = $1 AND action IN ('annual_report.saved', 'annual_report.submit') ORDER BY id`, [ids.report])).rows;
    expect(trail.at(-1)!.action).toBe('annual_report.submit');
    expect(trail.at(-2)).toMatchObject({ action: 'annual_report.saved', digest: createHash('sha256').update(canonicalJson(row.form)).digest('hex') });
    const t = reportTotals(row.form);
    expect({ recovered: row.recovered_total, reman: row.reman_total, sold: row.sold_total }).toEqual({ recovered: t.recovery, reman: t.reman, sold: t.sales });
    expect(await auditCount(app, 'annual_report.submit', ids.report)).toBe(1);
  });

  it('a part uploaded while the report is submitted again: stored before the submission (and counted in it) or 409 REPORT_FROZEN, the import then failed, never left running', async () => {
    expect((await req(gd, 'POST', `/api/v1/annual-reports/${ids.report}/return`, { reason: '请核对苏州车间回收数' })).statusCode).toBe(200);
    const files = await Promise.all(Array.from({ length: N }, (_, i) => table23(ids.sz, 100 + i)));
    const before = partOf((await stored()).form, ids.sz).table23!.recovery!.total;
    const res = await aroundSubmit((i) => upload(ids.sz, files[i]!));
    expect(res.filter((r) => r.statusCode >= 500)).toEqual([]);
    const submitIndex = Math.floor((N - 1) / 2);
    const submit = res[submitIndex]!;
    expect(submit.statusCode, submit.body).toBe(200);
    const uploads = res.map((r, i) => ({ r, n: 100 + (i < submitIndex ? i : i - 1) })).filter((_, i) => i !== submitIndex);
    for (const { r } of uploads) {
      expect([200, 409]).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json().error.code).toBe('REPORT_FROZEN');
    }
    const row = await stored();
    expect(row.state).toBe('submitted');
    // the stored part is one that landed before the submission (or, none landing, the part as it was), and the
    // submitted totals count it
    const landed = uploads.filter((u) => u.r.statusCode === 200).map((u) => u.n);
    expect(landed.length ? landed : [before]).toContain(partOf(row.form, ids.sz).table23!.recovery!.total);
    expect(row.recovered_total).toBe(reportTotals(row.form).recovery);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM annual_report_imports WHERE report_id = $1 AND status = 'running'`, [ids.report])).toBe(0);
    // a refused upload has no import, or one ended failed (refused after it was read)
    expect(await countOf(app, `SELECT count(*)::int AS n FROM annual_report_imports WHERE report_id = $1 AND status = 'failed'`, [ids.report])).toBeLessThanOrEqual(uploads.filter((u) => u.r.statusCode === 409).length);
  });
});
