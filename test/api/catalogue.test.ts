/**
 * 再制造产品目录 (issue 14, docs/public-portal.md "Catalogue"): an enterprise applies to list a product model (test
 * reports of the directory's testing organisations, 再制造率 from its own trace records, a standard of the library);
 * the provincial authority returns / forwards; MIIT puts it on 公示 (working days), closes the notice once it is over
 * and lists it in a numbered batch; the public reads the catalogue, the models in notice, the batches and the badge
 * of a product code; the search finds the listed model. Rejections, withdrawal, scopes and races.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/domain/working-days.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildProduct, buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { multipart } from './matrix/index.js';
import { auditCount, expectOneWinner, race } from './concurrency.helpers.js';

const clock = manualClock('2026-12-07T02:00:00Z'); // Monday
let app: TestApp;
let miit: Session, admin: Session, staff: Session, reviewer: Session, otherReviewer: Session, otherEnt: Session;
let enterpriseId: string, otherEnterpriseId: string, orgId: string, productCode: string, foreignCode: string;

const send = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const ok = async (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
  const res = await send(s, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
const fieldOf = (res: { statusCode: number; json(): { error: { details: { field: string }[] } } }) => (expect(res.statusCode).toBe(400), res.json().error.details[0]!.field);
let n = 0;
const application = (over: Record<string, unknown> = {}) => ({
  productName: '再制造柴油发动机总成',
  model: `WD615-${++n}`,
  field: 'internal_combustion_engines',
  specifications: '功率 250 kW；排放 国六',
  standardCode: 'gb/t 28672-2012',
  testReports: [{ testingOrgId: orgId, reportNo: `BG-2026-${n}`, issuedOn: '2026-11-20' }],
  sampleProductCode: null as string | null,
  ...over,
});
/** Upload the file of report `n` (a PDF unless other bytes are given). */
const upload = (s: Session, id: string, data: Buffer = TINY_PDF, n = 0, name = '检测报告.pdf') => {
  const m = multipart({ files: [{ name, data, type: 'application/pdf' }] });
  return app.inject({ method: 'POST', url: `/api/v1/catalogue/applications/${id}/reports/${n}/file`, headers: { ...s.headers, ...m.headers }, payload: m.payload });
};
/** A traced unit of `model` of the enterprise (its 再制造率 comes from its record). */
const unit = async (model: string, ent = enterpriseId) => (await buildProduct(app.services, ent, { model })).code;

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106' });
  const other = await buildEnterprise(s, { regionCode: '320505' });
  enterpriseId = e.id;
  otherEnterpriseId = other.id;
  const users = await Promise.all([
    buildUser(s, 'ministry_admin'),
    buildUser(s, 'enterprise_admin', { organizationId: e.id }),
    buildUser(s, 'enterprise_staff', { organizationId: e.id }),
    buildUser(s, 'authority_reviewer', { organizationId: e.authorityId }),
    buildUser(s, 'authority_reviewer', { organizationId: other.authorityId }),
    buildUser(s, 'enterprise_admin', { organizationId: other.id }),
  ]);
  [miit, admin, staff, reviewer, otherReviewer, otherEnt] = await Promise.all(users.map((u) => login(app, u.username, TEST_PASSWORD)));
  const std = await ok(miit, 'POST', '/api/v1/portal/standards', { code: 'GB/T 28672-2012', title: '汽车零部件再制造产品技术规范 交流发电机', type: 'national', status: 'current' });
  await ok(miit, 'POST', `/api/v1/portal/standards/${std.id}/publish`);
  const org = await ok(miit, 'POST', '/api/v1/portal/testing-organizations', { name: '国家再制造产品质量检验检测中心（测试）', accreditationNo: 'CNAS L12345', provinceCode: '110000' });
  await ok(miit, 'POST', `/api/v1/portal/testing-organizations/${org.id}/publish`);
  orgId = org.id;
  productCode = await unit('WD615-X');
  foreignCode = await unit('WD615-X', otherEnterpriseId);
}, 240_000);
afterAll(async () => app?.close());

describe('the path to the catalogue', () => {
  it('apply → province returns → resubmit → forward → 公示 (working days) → closed after its end → batch → public, badge, search', async () => {
    // the facts other modules vouch for are checked, each under its field
    expect(fieldOf(await send(admin, 'POST', '/api/v1/catalogue/applications', application({ standardCode: 'GB/T 1-1900' })))).toBe('standardCode');
    expect(fieldOf(await send(admin, 'POST', '/api/v1/catalogue/applications', application({ testReports: [{ testingOrgId: '00000000-0000-4000-8000-000000000000', reportNo: 'X1', issuedOn: '2026-11-01' }] })))).toBe('testReports.0.testingOrgId');
    expect(fieldOf(await send(admin, 'POST', '/api/v1/catalogue/applications', application({ model: 'WD615-X', sampleProductCode: foreignCode })))).toBe('sampleProductCode');
    expect(fieldOf(await send(admin, 'POST', '/api/v1/catalogue/applications', application({ sampleProductCode: productCode })))).toBe('sampleProductCode'); // another model
    expect(fieldOf(await send(admin, 'POST', '/api/v1/catalogue/applications', { ...application(), field: 'spaceships' }))).toBe('field');

    const a = await ok(staff, 'POST', '/api/v1/catalogue/applications', application({ model: 'WD615-X' }));
    expect(a).toMatchObject({ state: 'draft', standardCode: 'GB/T 28672-2012', massRate: null, actions: ['edit'] });
    expect(a.testReports[0]).toMatchObject({ orgName: '国家再制造产品质量检验检测中心（测试）', accreditationNo: 'CNAS L12345' });
    // submitting needs the report's file: checked by content (a text file named .pdf is refused), then downloadable by the parties
    expect(fieldOf(await send(admin, 'POST', `/api/v1/catalogue/applications/${a.id}/submit`))).toBe('testReports.0.file');
    const fake = await upload(staff, a.id, Buffer.from('not a pdf at all'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.details[0].field).toBe('file');
    expect(fieldOf(await upload(staff, a.id, TINY_PDF, 3))).toBe('n');
    expect((await upload(otherEnt, a.id)).statusCode).toBe(404);
    const up = await upload(staff, a.id);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().testReports[0].file).toEqual({ name: '检测报告.pdf', mime: 'application/pdf', size: TINY_PDF.length, url: `/api/v1/catalogue/applications/${a.id}/reports/0/file` });
    const dl = await send(staff, 'GET', `/api/v1/catalogue/applications/${a.id}/reports/0/file`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(TINY_PDF)).toBe(true);
    expect((await send(null, 'GET', `/api/v1/public/catalogue/${a.id}/reports/0/file`)).statusCode).toBe(404); // a draft: not public
    // submitting needs the rate from the trace records
    expect(fieldOf(await send(admin, 'POST', `/api/v1/catalogue/applications/${a.id}/submit`))).toBe('sampleProductCode');
    const withRate = await ok(staff, 'PATCH', `/api/v1/catalogue/applications/${a.id}`, { sampleProductCode: productCode });
    expect(withRate.massRate).toBeGreaterThan(0);
    expect(withRate.massRate).toBeLessThanOrEqual(100);
    expect((await send(staff, 'POST', `/api/v1/catalogue/applications/${a.id}/submit`)).statusCode).toBe(403); // the admin submits
    // a draft is the enterprise's own: the authority and MIIT do not see it
    expect((await send(reviewer, 'GET', `/api/v1/catalogue/applications/${a.id}`)).statusCode).toBe(404);
    await ok(admin, 'POST', `/api/v1/catalogue/applications/${a.id}/submit`);

    expect((await send(otherReviewer, 'GET', `/api/v1/catalogue/applications/${a.id}`)).statusCode).toBe(404);
    expect((await send(otherEnt, 'GET', `/api/v1/catalogue/applications/${a.id}`)).statusCode).toBe(404);
    expect((await ok(reviewer, 'GET', '/api/v1/catalogue/applications?state=submitted')).items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect((await ok(otherReviewer, 'GET', '/api/v1/catalogue/applications')).items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    expect(fieldOf(await send(reviewer, 'POST', `/api/v1/catalogue/applications/${a.id}/return`, {}))).toBe('text');
    const returned = await ok(reviewer, 'POST', `/api/v1/catalogue/applications/${a.id}/return`, { text: '请补充第三方检测报告的检测项目' });
    expect(returned).toMatchObject({ state: 'returned', reason: '请补充第三方检测报告的检测项目' });
    const edited = await ok(staff, 'PATCH', `/api/v1/catalogue/applications/${a.id}`, { specifications: '功率 250 kW；排放 国六；检测项目：台架性能', testReports: [{ testingOrgId: orgId, reportNo: a.testReports[0].reportNo, issuedOn: '2026-11-20' }] });
    expect(edited.testReports[0].file?.name).toBe('检测报告.pdf'); // the same report keeps its file
    expect((await ok(reviewer, 'GET', `/api/v1/catalogue/applications/${a.id}`)).testReports[0].file.url).toContain('/reports/0/file');
    await ok(admin, 'POST', `/api/v1/catalogue/applications/${a.id}/submit`);
    // MIIT cannot skip the province; the province forwards with its opinion
    expect((await send(miit, 'POST', `/api/v1/catalogue/applications/${a.id}/start-notice`, {})).statusCode).toBe(409);
    expect((await ok(reviewer, 'POST', `/api/v1/catalogue/applications/${a.id}/forward`, { text: '材料齐全，同意报送' })).provincialOpinion).toBe('材料齐全，同意报送');

    const inNotice = await ok(miit, 'POST', `/api/v1/catalogue/applications/${a.id}/start-notice`, {});
    expect(inNotice.notice).toEqual({ startOn: '2026-12-07', endOn: addWorkingDays('2026-12-07', 5) });
    expect((await send(reviewer, 'GET', `/api/v1/catalogue/applications/${a.id}/reports/0/file`)).statusCode).toBe(200);
    expect((await send(null, 'GET', `/api/v1/public/catalogue/${a.id}/reports/0/file`)).rawPayload.equals(TINY_PDF)).toBe(true); // in 公示: public evidence
    const notices = await ok(null, 'GET', '/api/v1/public/catalogue/notices');
    expect(notices.items.find((i: { id: string }) => i.id === a.id)).toMatchObject({ model: 'WD615-X', notice: inNotice.notice, listedNo: null });
    const running = await send(miit, 'POST', `/api/v1/catalogue/applications/${a.id}/close-notice`);
    expect(running.statusCode).toBe(409);
    expect(running.json().error.code).toBe('NOTICE_RUNNING');
    clock.set(`${addWorkingDays('2026-12-07', 6)}T02:00:00Z`);
    await ok(miit, 'POST', `/api/v1/catalogue/applications/${a.id}/close-notice`);

    expect((await ok(null, 'GET', '/api/v1/public/catalogue')).items.map((i: { id: string }) => i.id)).not.toContain(a.id); // cached now
    const batch = await ok(miit, 'POST', '/api/v1/catalogue/batches', { applicationIds: [a.id] });
    expect(batch).toMatchObject({ batchNo: 1, title: '再制造产品目录（第1批）', models: 1 });
    const pub = await ok(null, 'GET', `/api/v1/public/catalogue?q=${encodeURIComponent('发动机 再制造')}&field=internal_combustion_engines`);
    expect(pub.items).toHaveLength(1);
    expect(pub.items[0]).toMatchObject({ id: a.id, listedNo: `${clock.today().slice(0, 4)}-01-001`, batchNo: 1, model: 'WD615-X', fieldLabel: '内燃机', standardCode: 'GB/T 28672-2012' });
    expect(pub.items[0].testReports[0]).toEqual({ orgName: '国家再制造产品质量检验检测中心（测试）', accreditationNo: 'CNAS L12345', reportNo: expect.any(String), issuedOn: '2026-11-20', file: { name: '检测报告.pdf', mime: 'application/pdf', size: TINY_PDF.length, url: `/api/v1/public/catalogue/${a.id}/reports/0/file` } });
    expect(pub).toMatchObject({ total: 1, page: 1 });
    expect((await ok(null, 'GET', '/api/v1/public/catalogue?field=machine_tools')).total).toBe(0);
    expect((await ok(null, 'GET', '/api/v1/public/catalogue/batches')).items[0]).toMatchObject({ batchNo: 1, models: 1 });
    // the badge of a unit of the listed model; not of another enterprise's unit of a same-named model
    const badges = await ok(null, 'GET', `/api/v1/public/catalogue/badges?codes=${encodeURIComponent(`${productCode},${foreignCode},NOPE-1`)}`);
    expect(badges.items).toEqual([{ code: productCode, listedNo: pub.items[0].listedNo, batchNo: 1, url: '/public/catalogue?q=WD615-X' }]);
    // the one search, at once after the commit
    const hits = await ok(null, 'GET', `/api/v1/public/search?q=${encodeURIComponent('柴油发动机 WD615-X')}&type=catalogue`);
    expect(hits.items[0]).toMatchObject({ type: 'catalogue', title: '再制造柴油发动机总成 WD615-X' });
    // open data: the catalogue dataset (CSV with BOM re-read by csv-parse; JSON) and the Atom feed of batches
    const csv: string[][] = parse((await send(null, 'GET', '/api/v1/public/datasets/catalogue/data.csv')).rawPayload, { bom: true });
    expect(csv[0]!.slice(0, 3)).toEqual(['目录编号 Catalogue number', '批次 Batch', '批次发布日期 Batch published (YYYY-MM-DD)']);
    expect(csv.slice(1)).toEqual([[pub.items[0].listedNo, '1', clock.today(), expect.any(String), '再制造柴油发动机总成', 'WD615-X', '内燃机', 'GB/T 28672-2012', String(withRate.massRate), expect.any(String), expect.stringContaining('国家再制造产品质量检验检测中心（测试）')]]);
    const json = await ok(null, 'GET', '/api/v1/public/datasets/catalogue/data.json');
    expect(json).toMatchObject({ dataset: 'catalogue', total: 1, items: [{ listedNo: pub.items[0].listedNo, model: 'WD615-X', massRate: withRate.massRate }] });
    expect((await ok(null, 'GET', '/api/v1/public/datasets')).items.find((d: { key: string }) => d.key === 'catalogue').lastModified).toBeTruthy();
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse((await send(null, 'GET', '/feeds/catalogue.atom')).body).feed;
    expect(feed.entry).toMatchObject({ id: `urn:uuid:${batch.id}`, title: { '#text': '再制造产品目录（第1批）' } });
    expect(String(feed.entry.summary['#text'] ?? feed.entry.summary)).toContain(`${pub.items[0].listedNo} 再制造柴油发动机总成 WD615-X`);
    for (const act of ['created', 'report_file_added', 'submitted', 'returned', 'updated', 'forwarded', 'notice_started', 'notice_closed', 'listed']) expect(await auditCount(app, `catalogue_application.${act}`, a.id), act).toBeGreaterThanOrEqual(1);
    // listed: no further step, and a second application for the same model is refused
    expect((await send(admin, 'POST', `/api/v1/catalogue/applications/${a.id}/withdraw`)).statusCode).toBe(409);
    const again = await send(admin, 'POST', '/api/v1/catalogue/applications', application({ model: 'wd615-x' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MODEL_ALREADY_APPLIED');
  });
});

describe('other endings, scopes and races', () => {
  /** A submitted application of a fresh model (with its own traced unit). */
  const submitted = async () => {
    const model = `QD-${++n}`;
    const a = await ok(admin, 'POST', '/api/v1/catalogue/applications', application({ model, sampleProductCode: await unit(model) }));
    expect((await upload(admin, a.id)).statusCode).toBe(201);
    await ok(admin, 'POST', `/api/v1/catalogue/applications/${a.id}/submit`);
    return a.id as string;
  };
  const forwarded = async () => {
    const id = await submitted();
    await ok(reviewer, 'POST', `/api/v1/catalogue/applications/${id}/forward`, { text: '同意' });
    return id;
  };

  it('province rejects; MIIT rejects; an objection upheld during 公示; the enterprise withdraws — each final', async () => {
    const p = await submitted();
    expect((await ok(reviewer, 'POST', `/api/v1/catalogue/applications/${p}/provincial-reject`, { text: '再制造率不足' })).state).toBe('provincial_rejected');
    const m = await forwarded();
    expect((await ok(miit, 'POST', `/api/v1/catalogue/applications/${m}/reject`, { text: '检测报告不符合要求' })).state).toBe('rejected');
    const o = await forwarded();
    await ok(miit, 'POST', `/api/v1/catalogue/applications/${o}/start-notice`, { workingDays: 7 });
    expect((await ok(miit, 'POST', `/api/v1/catalogue/applications/${o}/uphold-objection`, { text: '公示期间收到实名异议，经核实成立' })).state).toBe('rejected');
    const w = await submitted();
    expect((await ok(admin, 'POST', `/api/v1/catalogue/applications/${w}/withdraw`)).state).toBe('withdrawn');
    for (const id of [p, m, o, w]) expect((await send(admin, 'POST', `/api/v1/catalogue/applications/${id}/submit`)).statusCode).toBe(409);
    // a notice cannot start in the past; a batch takes only models whose notice passed
    const f = await forwarded();
    expect(fieldOf(await send(miit, 'POST', `/api/v1/catalogue/applications/${f}/start-notice`, { startOn: '2020-01-01' }))).toBe('startOn');
    const early = await send(miit, 'POST', '/api/v1/catalogue/batches', { applicationIds: [f] });
    expect(early.statusCode).toBe(409);
  });

  it('roles: the public gets 401, an enterprise cannot review, an authority cannot publish a batch, a buyer gets 403', async () => {
    const id = await submitted();
    expect((await send(null, 'GET', '/api/v1/catalogue/applications')).statusCode).toBe(401);
    expect((await send(admin, 'POST', `/api/v1/catalogue/applications/${id}/forward`, { text: '自己批准' })).statusCode).toBe(403);
    expect((await send(otherReviewer, 'POST', `/api/v1/catalogue/applications/${id}/forward`, { text: '不是本省' })).statusCode).toBe(404);
    expect((await send(reviewer, 'POST', '/api/v1/catalogue/batches', { applicationIds: [id] })).statusCode).toBe(403);
    const buyer = await login(app, (await buildUser(app.services, 'buyer_admin')).username, TEST_PASSWORD);
    expect((await send(buyer, 'GET', '/api/v1/catalogue/applications')).statusCode).toBe(403);
    expect(fieldOf(await send(null, 'GET', '/api/v1/public/catalogue?field=spaceships'))).toBe('field');
  });

  it('N identical forwards: one 200, the rest 409; N identical batches: one batch', async () => {
    const id = await submitted();
    expectOneWinner(await race(() => send(reviewer, 'POST', `/api/v1/catalogue/applications/${id}/forward`, { text: '同意报送' })));
    expect(await auditCount(app, 'catalogue_application.forwarded', id)).toBe(1);
    await ok(miit, 'POST', `/api/v1/catalogue/applications/${id}/start-notice`, {});
    clock.set(`${addWorkingDays(clock.today(), 7)}T02:00:00Z`);
    await ok(miit, 'POST', `/api/v1/catalogue/applications/${id}/close-notice`);
    const winner = expectOneWinner(await race(() => send(miit, 'POST', '/api/v1/catalogue/batches', { applicationIds: [id], title: '第二批' })));
    expect(winner.json()).toMatchObject({ batchNo: 2, models: 1 });
    expect((await ok(null, 'GET', '/api/v1/public/catalogue/batches')).items.map((b: { batchNo: number }) => b.batchNo)).toEqual([2, 1]);
  });
});
