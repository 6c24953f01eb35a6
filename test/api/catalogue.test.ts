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
import { principalOf } from '../../src/server/modules/identity/identity.service.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildProduct, buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { multipart } from './matrix/index.js';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cjkFontUnavailable, firstUnavailable, pdftotextUnavailable, requireTool } from '../support/tools.js';
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
const unit = async (model: string, ent = enterpriseId) => (await buildProduct(app.services, ent, { model, standardNo: 'GB/T 28672-2012' })).code;

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
    expect(badges.items).toEqual([{ code: productCode, listedNo: pub.items[0].listedNo, batchNo: 1, text: '再制造产品目录 第1批', textEn: 'Reman Catalogue, batch 1', url: '/public/catalogue?q=WD615-X' }]);
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

  it('/public/catalogue arrives as HTML (issue 14 item 3): title, description, canonical, the listed model, filters and pages without JavaScript', async () => {
    const page = async (url: string) => {
      const r = await send(null, 'GET', url);
      expect(r.statusCode, url).toBe(200);
      return r;
    };
    const res = await page('/public/catalogue');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>再制造产品目录 — 再制造公共信息服务平台</title>');
    expect(res.body).toMatch(/<meta name="description" content="已列入再制造产品目录的型号 1 个/);
    expect(res.body).toMatch(/<link rel="canonical" href="http:\/\/[^"/]+\/public\/catalogue">/);
    const listed = (await ok(null, 'GET', '/api/v1/public/catalogue')).items[0];
    for (const words of [listed.listedNo, '第1批', 'WD615-X', '再制造柴油发动机总成', '内燃机', `href="/public/standards/${encodeURIComponent('GB/T 28672-2012')}"`, '共 1 个型号', '<form method="get" action="/public/catalogue">'])
      expect(res.body, words).toContain(words);
    // the app's URL filters work without JavaScript; the words are escaped
    const none = await page(`/public/catalogue?q=${encodeURIComponent('<b>没有这个</b>')}`);
    expect(none.body).toContain('共 0 个型号');
    expect(none.body).not.toContain('WD615-X');
    expect(none.body).toContain('value="&lt;b&gt;没有这个&lt;/b&gt;"');
    expect((await page('/public/catalogue?field=machine_tools')).body).not.toContain('WD615-X');
    expect((await page('/public/catalogue?field=spaceships&page=-3')).body).toContain('WD615-X'); // unknown values are ignored
    const notice = await page('/public/catalogue?tab=notice');
    expect(notice.body).toContain('<h1>再制造产品目录 · 公示中</h1>');
    expect(notice.body).not.toContain('WD615-X'); // listed, no longer in 公示
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

  it('the service decides who starts, lists and publishes (catalogue.policy.ts), not only the route roles', async () => {
    const s = app.services;
    const ctxOf = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => ({
      principal: principalOf(await buildUser(s, role, organizationId ? { organizationId } : {}), null),
      ip: '127.0.0.1',
      requestId: 'policy',
    });
    const authority = await ctxOf('authority_reviewer', (await s.enterprises.getInternal(enterpriseId))!.authorityId);
    const buyer = await ctxOf('buyer_admin');
    const started = s.catalogue.create(authority, application() as Parameters<typeof s.catalogue.create>[1]);
    await expect(started).rejects.toMatchObject({ status: 403, messageZh: '只有企业用户可以申请列入目录' });
    await expect(s.catalogue.page(buyer.principal, {}, { page: 1, pageSize: 20 })).rejects.toMatchObject({ status: 403 });
    const id = await submitted();
    await expect(s.catalogue.publishBatch(authority, { applicationIds: [id] })).rejects.toMatchObject({ status: 403, messageZh: '只有工业和信息化部可以发布目录批次' });
    // the ministry may put an application into a batch only once its notice passed (the locked row decides)
    const miitCtx = await ctxOf('ministry_officer', 'miit');
    await expect(s.catalogue.publishBatch(miitCtx, { applicationIds: [id] })).rejects.toMatchObject({ status: 409 });
    expect((await s.catalogue.page(authority.principal, {}, { page: 1, pageSize: 200 })).rows.map((r) => r.id)).toContain(id);
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

describe('notifications of each step (issue 14 item 1): the enterprise and the next reviewer, and only they', () => {
  /** The kinds of the catalogue notices about application `id` each party holds, oldest first. */
  const inbox = async (s: Session, id: string) =>
    ((await ok(s, 'GET', '/api/v1/notifications?pageSize=200')).items as { kind: string; link: string | null; title: string; titleEn: string }[])
      .filter((x) => x.link === `/catalogue-applications?id=${id}`)
      .reverse();
  const kinds = async (s: Session, id: string) => (await inbox(s, id)).map((x) => x.kind);
  const parties = async (id: string) => ({
    enterprise: await kinds(admin, id),
    staff: await kinds(staff, id),
    authority: await kinds(reviewer, id),
    miit: await kinds(miit, id),
    otherAuthority: await kinds(otherReviewer, id),
    otherEnterprise: await kinds(otherEnt, id),
  });
  const draft = async () => {
    const model = `NT-${++n}`;
    const a = await ok(admin, 'POST', '/api/v1/catalogue/applications', application({ model, sampleProductCode: await unit(model) }));
    expect((await upload(admin, a.id)).statusCode).toBe(201);
    return a.id as string;
  };
  const step = (s: Session, id: string, path: string, body: unknown = {}) => ok(s, 'POST', `/api/v1/catalogue/applications/${id}/${path}`, body);

  it('submit → return → resubmit → forward → 公示 → closed → listed in a batch', async () => {
    const id = await draft();
    expect(await parties(id)).toEqual({ enterprise: [], staff: [], authority: [], miit: [], otherAuthority: [], otherEnterprise: [] }); // a draft is nobody's news
    await step(admin, id, 'submit');
    const [sub] = await inbox(reviewer, id);
    expect(sub).toMatchObject({ kind: 'catalogue.submit', title: expect.stringContaining('产品目录申请待审核'), titleEn: expect.stringContaining('awaits your review') });
    await step(reviewer, id, 'return', { text: '请补充检测项目' });
    expect((await inbox(admin, id)).at(-1)).toMatchObject({ kind: 'catalogue.return', title: expect.stringContaining('请补充检测项目') });
    await step(admin, id, 'submit');
    await step(reviewer, id, 'forward', { text: '同意报送' });
    const notice = await step(miit, id, 'start-notice', {});
    expect((await inbox(admin, id)).at(-1)!.title).toContain(`${notice.notice.startOn} — ${notice.notice.endOn}`);
    clock.set(`${addWorkingDays(clock.today(), 7)}T02:00:00Z`);
    await step(miit, id, 'close-notice');
    const batch = await ok(miit, 'POST', '/api/v1/catalogue/batches', { applicationIds: [id] });
    const listed = (await inbox(staff, id)).at(-1)!;
    expect(listed.kind).toBe('catalogue.list');
    expect(listed.title).toContain(`第${batch.batchNo}批`);
    expect(listed.titleEn).toContain(`batch ${batch.batchNo}`);
    expect(await parties(id)).toEqual({
      // every user of the enterprise hears of every step taken by the reviewers
      enterprise: ['catalogue.return', 'catalogue.forward', 'catalogue.start_notice', 'catalogue.close_notice', 'catalogue.list'],
      staff: ['catalogue.return', 'catalogue.forward', 'catalogue.start_notice', 'catalogue.close_notice', 'catalogue.list'],
      // the province: each submission to review, and MIIT's steps on what it forwarded
      authority: ['catalogue.submit', 'catalogue.submit', 'catalogue.start_notice', 'catalogue.close_notice', 'catalogue.list'],
      // MIIT: what the province forwarded (its own steps are not news to it)
      miit: ['catalogue.forward'],
      otherAuthority: [],
      otherEnterprise: [],
    });
  });

  it('rejections, an upheld objection and withdrawals reach the enterprise and whoever had the application', async () => {
    const pr = await draft();
    await step(admin, pr, 'submit');
    await step(reviewer, pr, 'provincial-reject', { text: '再制造率不足' });
    expect(await parties(pr)).toMatchObject({ enterprise: ['catalogue.provincial_reject'], authority: ['catalogue.submit'], miit: [], otherAuthority: [], otherEnterprise: [] });

    const mr = await draft();
    await step(admin, mr, 'submit');
    await step(reviewer, mr, 'forward', { text: '同意' });
    await step(miit, mr, 'reject', { text: '检测报告不符合要求' });
    expect(await parties(mr)).toMatchObject({ enterprise: ['catalogue.forward', 'catalogue.reject'], authority: ['catalogue.submit', 'catalogue.reject'], miit: ['catalogue.forward'], otherAuthority: [], otherEnterprise: [] });
    expect((await inbox(admin, mr)).at(-1)!.title).toContain('检测报告不符合要求');

    const ob = await draft();
    await step(admin, ob, 'submit');
    await step(reviewer, ob, 'forward', { text: '同意' });
    await step(miit, ob, 'start-notice', {});
    await step(miit, ob, 'uphold-objection', { text: '异议经核实成立' });
    expect(await parties(ob)).toMatchObject({
      enterprise: ['catalogue.forward', 'catalogue.start_notice', 'catalogue.uphold_objection'],
      authority: ['catalogue.submit', 'catalogue.start_notice', 'catalogue.uphold_objection'],
      miit: ['catalogue.forward'],
      otherAuthority: [],
      otherEnterprise: [],
    });

    // withdrawn: the reviewer who had it hears; a draft withdrawn is nobody's news
    const w1 = await draft();
    await step(admin, w1, 'submit');
    await step(admin, w1, 'withdraw');
    expect(await parties(w1)).toMatchObject({ enterprise: [], authority: ['catalogue.submit', 'catalogue.withdraw'], miit: [], otherAuthority: [] });
    const w2 = await draft();
    await step(admin, w2, 'submit');
    await step(reviewer, w2, 'forward', { text: '同意' });
    await step(admin, w2, 'withdraw');
    expect(await parties(w2)).toMatchObject({ enterprise: ['catalogue.forward'], authority: ['catalogue.submit', 'catalogue.withdraw'], miit: ['catalogue.forward', 'catalogue.withdraw'], otherAuthority: [] });
    const w3 = await draft();
    await step(admin, w3, 'withdraw');
    expect(await parties(w3)).toEqual({ enterprise: [], staff: [], authority: [], miit: [], otherAuthority: [], otherEnterprise: [] });
  });

  it('a refused step leaves no notification (written in the step transaction)', async () => {
    const id = await draft();
    await step(admin, id, 'submit');
    expect((await send(miit, 'POST', `/api/v1/catalogue/applications/${id}/start-notice`, {})).statusCode).toBe(409);
    expect((await send(otherReviewer, 'POST', `/api/v1/catalogue/applications/${id}/forward`, { text: '不是本省' })).statusCode).toBe(404);
    expect(await parties(id)).toEqual({ enterprise: [], staff: [], authority: ['catalogue.submit'], miit: [], otherAuthority: [], otherEnterprise: [] });
  });
});

describe('the badge of listed models (issue 14 item 2): printed labels and the public answers', () => {
  it('a unit of a listed model prints 再制造产品目录 第N批 and its number; a unit of an unlisted model does not', async (ctx) => {
    const listed = (await ok(null, 'GET', '/api/v1/public/catalogue?q=WD615-X')).items[0];
    expect(listed).toMatchObject({ model: 'WD615-X', batchNo: 1 });
    const second = await unit('WD615-X'); // another unit of the listed model
    const plain = await unit(`UNLISTED-${++n}`);
    // the public answer for the verification page and the market cards (one request for several codes)
    const badges = await ok(null, 'GET', `/api/v1/public/catalogue/badges?codes=${encodeURIComponent(`${second},${plain}`)}`);
    expect(badges.items).toEqual([{ code: second, listedNo: listed.listedNo, batchNo: 1, text: '再制造产品目录 第1批', textEn: 'Reman Catalogue, batch 1', url: '/public/catalogue?q=WD615-X' }]);
    // the SVG label carries the badge's words as its own field
    const svgOf = async (code: string) => (await send(admin, 'GET', `/api/v1/trace/products/${encodeURIComponent(code)}/label.svg`)).body;
    const badgeText = (svg: string) => [...svg.matchAll(/data-field="badge">([^<]*)</g)].map((m) => m[1]);
    expect(badgeText(await svgOf(second))).toEqual(['再制造产品目录 第1批', `目录编号 ${listed.listedNo}`]);
    expect(badgeText(await svgOf(plain))).toEqual([]);
    // the printed sheet: the text pdftotext reads back from the PDF
    requireTool(ctx, firstUnavailable(pdftotextUnavailable(), cjkFontUnavailable()));
    const textOf = (codes: string[]) => send(admin, 'POST', '/api/v1/trace/labels.pdf', { codes }).then((r) => {
      expect(r.statusCode, r.body).toBe(200);
      const file = join(tmpdir(), `catalogue-badge-${process.pid}-${codes.length}.pdf`);
      writeFileSync(file, r.rawPayload);
      const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      return out.stdout;
    });
    const both = await textOf([second, plain]);
    expect(both).toContain(second);
    expect(both).toContain(plain);
    expect(both.match(/再制造产品目录 第1批/g)).toHaveLength(1); // one of the two labels
    expect(both).toContain(listed.listedNo);
    const onlyPlain = await textOf([plain]);
    expect(onlyPlain).toContain(plain);
    expect(onlyPlain).not.toContain('再制造产品目录');
  });
});
