/**
 * Third-party test reports on traced products (issue 14 item 2; docs/public-portal.md "Test reports on products"):
 * the enterprise attaches a report of a directory organisation to one unit or to its model, uploads the file
 * (checked by content), the report shows on the product's public answer once it has its file, a catalogue
 * application cites it (the file is taken over), withdrawal hides it; other enterprises, buyers and the public
 * cannot attach; every write audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildProduct, buildTestingOrg, buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { auditCount } from './concurrency.helpers.js';
import { multipart } from './matrix/index.js';

let app: TestApp;
let miit: Session, admin: Session, other: Session, buyer: Session;
let orgId: string, unitA: string, unitB: string, unitOther: string, foreign: string;

const send = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const ok = async (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) => {
  const res = await send(s, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
const upload = (s: Session, id: string, data: Buffer = TINY_PDF, name = '检测报告.pdf') => {
  const m = multipart({ files: [{ name, data, type: 'application/pdf' }] });
  return app.inject({ method: 'POST', url: `/api/v1/catalogue/product-reports/${id}/file`, headers: { ...s.headers, ...m.headers }, payload: m.payload });
};
const publicReports = async (code: string) => (await ok(null, 'GET', `/api/v1/public/products/${encodeURIComponent(code)}/test-reports`)).items as Array<{ id: string; reportNo: string; wholeModel: boolean; file: { url: string } | null }>;
const report = (over: Record<string, unknown> = {}) => ({ productCode: unitA, testingOrgId: orgId, reportNo: 'JC-2026-001', issuedOn: '2026-10-01', conclusion: '所检项目符合 GB/T 28672-2012', ...over });

beforeAll(async () => {
  app = await buildTestApp({ PUBLIC_RATE_PER_MINUTE: 10_000 });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106' });
  const o = await buildEnterprise(s, { regionCode: '320505' });
  const users = await Promise.all([buildUser(s, 'ministry_admin'), buildUser(s, 'enterprise_admin', { organizationId: e.id }), buildUser(s, 'enterprise_admin', { organizationId: o.id }), buildUser(s, 'buyer_admin')]);
  [miit, admin, other, buyer] = await Promise.all(users.map((u) => login(app, u.username, TEST_PASSWORD)));
  const org = await ok(miit, 'POST', '/api/v1/portal/testing-organizations', { name: '产品报告测试检验中心', accreditationNo: 'CNAS L77777', provinceCode: '110000' });
  await ok(miit, 'POST', `/api/v1/portal/testing-organizations/${org.id}/publish`);
  orgId = org.id;
  const std = await ok(miit, 'POST', '/api/v1/portal/standards', { code: 'GB/T 28672-2012', title: '交流发电机', type: 'national', status: 'current' });
  await ok(miit, 'POST', `/api/v1/portal/standards/${std.id}/publish`);
  unitA = (await buildProduct(s, e.id, { model: 'JF-9' })).code;
  unitB = (await buildProduct(s, e.id, { model: 'jf-9' })).code; // same model, written in another case
  unitOther = (await buildProduct(s, e.id, { model: 'QD-1' })).code;
  foreign = (await buildProduct(s, o.id, { model: 'JF-9' })).code;
}, 240_000);
afterAll(async () => app?.close());

describe('test reports on traced products', () => {
  it('a unit’s report: attached, public once its file is there (checked by content), audited', async () => {
    const r = await ok(admin, 'POST', '/api/v1/catalogue/product-reports', report());
    expect(r).toMatchObject({ productCode: unitA, model: 'JF-9', wholeModel: false, orgName: '产品报告测试检验中心', accreditationNo: 'CNAS L77777', file: null, withdrawn: false });
    expect(await publicReports(unitA)).toEqual([]); // no file yet
    const fake = await upload(admin, r.id, Buffer.from('plain text, not a pdf'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.details[0].field).toBe('file');
    expect((await upload(admin, r.id)).statusCode).toBe(201);
    const pub = await publicReports(unitA);
    expect(pub.map((x) => x.reportNo)).toEqual(['JC-2026-001']);
    const file = await send(null, 'GET', pub[0]!.file!.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await publicReports(unitB)).toEqual([]); // another unit of the model: not this unit's report
    for (const act of ['created', 'file_added']) expect(await auditCount(app, `product_test_report.${act}`, r.id), act).toBe(1);
    // the same report twice on the same unit: 409
    const again = await send(admin, 'POST', '/api/v1/catalogue/product-reports', report());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REPORT_ALREADY_ATTACHED');
  });

  it('a model’s report shows on every unit of the model (any case), not on other models or other enterprises', async () => {
    const r = await ok(admin, 'POST', '/api/v1/catalogue/product-reports', report({ productCode: unitB, wholeModel: true, reportNo: 'JC-2026-002' }));
    expect(r).toMatchObject({ productCode: null, wholeModel: true });
    expect((await upload(admin, r.id)).statusCode).toBe(201);
    expect((await publicReports(unitA)).map((x) => x.reportNo).sort()).toEqual(['JC-2026-001', 'JC-2026-002']);
    expect((await publicReports(unitB)).map((x) => x.reportNo)).toEqual(['JC-2026-002']);
    expect(await publicReports(unitOther)).toEqual([]);
    expect(await publicReports(foreign)).toEqual([]);
  });

  it('facts checked under their fields; roles and the enterprise checked', async () => {
    const field = async (body: Record<string, unknown>) => {
      const res = await send(admin, 'POST', '/api/v1/catalogue/product-reports', body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details[0].field;
    };
    expect(await field(report({ productCode: 'RM-NOPE-0000' }))).toBe('productCode');
    expect(await field(report({ testingOrgId: '00000000-0000-4000-8000-000000000000' }))).toBe('testingOrgId');
    expect(await field(report({ issuedOn: '2999-01-01' }))).toBe('issuedOn');
    expect(await field(report({ reportNo: '' }))).toBe('reportNo');
    // another enterprise's product: 403 with the reason; buyers and the public never reach the route
    const foreignRes = await send(admin, 'POST', '/api/v1/catalogue/product-reports', report({ productCode: foreign, reportNo: 'JC-X' }));
    expect(foreignRes.statusCode).toBe(403);
    expect(foreignRes.json().error.message).toBe('只能为本企业追溯的产品附检测报告');
    expect((await send(buyer, 'POST', '/api/v1/catalogue/product-reports', report({ reportNo: 'JC-B' }))).statusCode).toBe(403);
    expect((await send(null, 'POST', '/api/v1/catalogue/product-reports', report({ reportNo: 'JC-P' }))).statusCode).toBe(401);
    // another enterprise cannot upload to or withdraw this enterprise's report (404: not theirs to see)
    const mine = (await ok(admin, 'GET', `/api/v1/catalogue/product-reports?productCode=${unitA}`)).items[0];
    expect((await upload(other, mine.id)).statusCode).toBe(404);
    expect((await send(other, 'POST', `/api/v1/catalogue/product-reports/${mine.id}/withdraw`)).statusCode).toBe(404);
    expect((await send(other, 'GET', `/api/v1/catalogue/product-reports?productCode=${unitA}`)).statusCode).toBe(403);
    expect((await ok(miit, 'GET', `/api/v1/catalogue/product-reports?productCode=${unitA}`)).items.length).toBe(2);
  });

  it('a catalogue application cites a product report: its file is taken over, so the application can be submitted', async () => {
    const [cited] = (await ok(admin, 'GET', `/api/v1/catalogue/product-reports?productCode=${unitA}`)).items.filter((x: { reportNo: string }) => x.reportNo === 'JC-2026-001');
    const body = { productName: '再制造交流发电机', model: 'JF-9', field: 'internal_combustion_engines', specifications: '14 V', standardCode: 'GB/T 28672-2012', sampleProductCode: null };
    const wrong = await send(admin, 'POST', '/api/v1/catalogue/applications', { ...body, testReports: [{ testingOrgId: orgId, reportNo: 'JC-OTHER', issuedOn: '2026-10-01', productReportId: cited.id }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('testReports.0.productReportId');
    const foreignCite = await send(other, 'POST', '/api/v1/catalogue/applications', { ...body, testReports: [{ testingOrgId: orgId, reportNo: 'JC-2026-001', issuedOn: '2026-10-01', productReportId: cited.id }] });
    expect(foreignCite.statusCode).toBe(400);
    const a = await ok(admin, 'POST', '/api/v1/catalogue/applications', { ...body, testReports: [{ testingOrgId: orgId, reportNo: 'JC-2026-001', issuedOn: '2026-10-01', productReportId: cited.id }] });
    expect(a.testReports[0]).toMatchObject({ reportNo: 'JC-2026-001', orgName: '产品报告测试检验中心', file: { mime: 'application/pdf' } });
    const file = await send(admin, 'GET', a.testReports[0].file.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('withdrawn: off the public answer and its file gone from the public route; twice: 409', async () => {
    const mine = (await ok(admin, 'GET', `/api/v1/catalogue/product-reports?productCode=${unitB}`)).items[0];
    const w = await ok(admin, 'POST', `/api/v1/catalogue/product-reports/${mine.id}/withdraw`);
    expect(w.withdrawn).toBe(true);
    expect(await publicReports(unitB)).toEqual([]);
    expect((await send(null, 'GET', `/api/v1/public/product-reports/${mine.id}/file`)).statusCode).toBe(404);
    expect((await send(admin, 'POST', `/api/v1/catalogue/product-reports/${mine.id}/withdraw`)).statusCode).toBe(409);
    expect(await auditCount(app, 'product_test_report.withdrawn', mine.id)).toBe(1);
    expect((await send(null, 'GET', '/api/v1/public/products/RM-NOPE-0000/test-reports')).statusCode).toBe(404);
  });
});

describe('testing organisations\u2019 own accounts (issue 14 item 1)', () => {
  let lab: Session, otherLab: Session, labOrg: { id: string; name: string; accreditationNo: string };
  beforeAll(async () => {
    const s = app.services;
    labOrg = await buildTestingOrg(s, { name: '机构账户检测中心', scopeFields: ['internal_combustion_engines', 'machine_tools'] });
    // MIIT's administrator creates the account from the directory entry (the users route, role of its own)
    const created = await ok(miit, 'POST', '/api/v1/users', { username: `lab-${Date.now()}`, displayName: '检测员', role: 'testing_org_staff', organizationId: labOrg.id });
    expect(created.user).toMatchObject({ role: 'testing_org_staff', organization: { id: labOrg.id, kind: 'testing_org', name: '机构账户检测中心' } });
    const otherUser = await buildUser(s, 'testing_org_staff');
    [lab, otherLab] = await Promise.all([login(app, created.user.username, created.initialPassword), login(app, otherUser.username, TEST_PASSWORD)]);
    // the initial password must be changed first
    const pw = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: lab.headers, payload: { currentPassword: created.initialPassword, newPassword: 'Jiance#2026-Lab-strong' } });
    expect(pw.statusCode, pw.body).toBeLessThan(300);
    lab = await login(app, created.user.username, 'Jiance#2026-Lab-strong');
  });

  it('only MIIT creates accounts, only for a published directory entry', async () => {
    const draft = await ok(miit, 'POST', '/api/v1/portal/testing-organizations', { name: '草稿检测机构', accreditationNo: `CNAS D${Date.now()}`, provinceCode: '110000' });
    const body = (organizationId: string) => ({ username: `lab-x-${Date.now()}`, displayName: '检测员', role: 'testing_org_staff', organizationId });
    const onDraft = await send(miit, 'POST', '/api/v1/users', body(draft.id));
    expect(onDraft.statusCode).toBe(400);
    expect(onDraft.json().error.details[0].field).toBe('organizationId');
    expect((await send(admin, 'POST', '/api/v1/users', body(labOrg.id))).statusCode).toBe(403); // an enterprise admin cannot grant the role
    // the role on an enterprise (or an enterprise role on the organisation): 400
    expect((await send(miit, 'POST', '/api/v1/users', { ...body(labOrg.id), role: 'enterprise_staff' })).statusCode).toBe(400);
    const me = await ok(lab, 'GET', '/api/v1/auth/me');
    expect(me.user.organization).toMatchObject({ kind: 'testing_org', id: labOrg.id });
  });

  it('issues a report in its own name within its accredited fields; shown as issued by the organisation; the enterprise cites but cannot withdraw it', async () => {
    const body = { productCode: unitOther, reportNo: 'JG-2026-100', issuedOn: '2026-10-02', field: 'internal_combustion_engines', conclusion: '合格' };
    const field = async (b: Record<string, unknown>) => {
      const res = await send(lab, 'POST', '/api/v1/catalogue/product-reports', b);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details[0].field;
    };
    expect(await field({ ...body, field: 'agricultural_machinery' })).toBe('field'); // outside the accredited scope
    expect(await field({ ...body, field: undefined })).toBe('field');
    expect(await field({ ...body, testingOrgId: orgId })).toBe('testingOrgId'); // another organisation's name
    const r = await ok(lab, 'POST', '/api/v1/catalogue/product-reports', body);
    expect(r).toMatchObject({ productCode: unitOther, testingOrgId: labOrg.id, orgName: '机构账户检测中心', accreditationNo: labOrg.accreditationNo, issuedByOrg: true, field: 'internal_combustion_engines' });
    expect(await auditCount(app, 'product_test_report.issued', r.id)).toBe(1);
    // another organisation's user neither uploads to nor withdraws it
    expect((await upload(otherLab, r.id)).statusCode).toBe(404);
    expect((await upload(lab, r.id)).statusCode).toBe(201);
    const pub = (await ok(null, 'GET', `/api/v1/public/products/${encodeURIComponent(unitOther)}/test-reports`)).items;
    expect(pub).toEqual([expect.objectContaining({ reportNo: 'JG-2026-100', issuedByOrg: true, orgName: '机构账户检测中心' })]);
    // the enterprise sees it in its list, cannot change or withdraw it (403 with the reason)
    const mine = (await ok(admin, 'GET', `/api/v1/catalogue/product-reports?productCode=${unitOther}`)).items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(r.id);
    const w = await send(admin, 'POST', `/api/v1/catalogue/product-reports/${r.id}/withdraw`);
    expect(w.statusCode).toBe(403);
    expect(w.json().error.message).toBe('检测机构出具的报告只能由该机构修改或撤回');
    expect((await upload(admin, r.id)).statusCode).toBe(403);
    // the organisation's own list; the other organisation's is empty
    const issued = await ok(lab, 'GET', '/api/v1/catalogue/product-reports/issued');
    expect(issued.items).toEqual([expect.objectContaining({ id: r.id, enterpriseName: expect.any(String), issuedByOrg: true })]);
    expect(issued.items[0].enterpriseName.length).toBeGreaterThan(0);
    expect((await ok(otherLab, 'GET', '/api/v1/catalogue/product-reports/issued')).items).toEqual([]);
    expect((await send(admin, 'GET', '/api/v1/catalogue/product-reports/issued')).statusCode).toBe(403);
    // a catalogue application of the enterprise cites it: the file is taken over
    const a = await ok(admin, 'POST', '/api/v1/catalogue/applications', {
      productName: '再制造起动机', model: 'QD-1', field: 'internal_combustion_engines', specifications: '', standardCode: 'GB/T 28672-2012', sampleProductCode: null,
      testReports: [{ testingOrgId: labOrg.id, reportNo: 'JG-2026-100', issuedOn: '2026-10-02', productReportId: r.id }],
    });
    expect(a.testReports[0]).toMatchObject({ orgName: '机构账户检测中心', file: { mime: 'application/pdf' } });
    // the organisation withdraws it: off the public page
    expect((await ok(lab, 'POST', `/api/v1/catalogue/product-reports/${r.id}/withdraw`)).withdrawn).toBe(true);
    expect((await ok(null, 'GET', `/api/v1/public/products/${encodeURIComponent(unitOther)}/test-reports`)).items).toEqual([]);
  });

  it('the enterprise hears of a report issued on its product once its file is there, and of its withdrawal; nobody else does', async () => {
    type Note = { kind: string; title: string; titleEn: string; link: string | null };
    const inbox = async (s: Session) => ((await ok(s, 'GET', '/api/v1/notifications?pageSize=200')).items as Note[]).filter((n) => n.kind.startsWith('product_report.'));
    const before = (await inbox(admin)).length;
    const r = await ok(lab, 'POST', '/api/v1/catalogue/product-reports', { productCode: unitOther, wholeModel: true, reportNo: 'JG-2026-200', issuedOn: '2026-10-03', field: 'machine_tools' });
    expect((await inbox(admin)).length).toBe(before); // no file yet: not public, not citable, nothing to hear
    expect((await upload(lab, r.id)).statusCode).toBe(201);
    const [issued] = await inbox(admin);
    expect(issued).toMatchObject({ kind: 'product_report.issued', title: '机构账户检测中心 为型号 QD-1 出具了检测报告 JG-2026-200', link: '/product-reports?q=JG-2026-200' });
    expect(issued!.titleEn).toContain('issued test report JG-2026-200 on model QD-1');
    expect((await upload(lab, r.id, TINY_PDF, '更正.pdf')).statusCode).toBe(201); // a second file: no second notice
    expect((await inbox(admin)).length).toBe(before + 1);
    for (const s of [other, lab, otherLab, miit]) expect(await inbox(s)).toEqual([]);
    // the enterprise's own list: both organisations' reports, the issued ones without actions; filtered by words, citable only
    const mine = await ok(admin, 'GET', '/api/v1/catalogue/product-reports/mine?q=JG-2026');
    expect(mine.items.map((x: { reportNo: string }) => x.reportNo)).toEqual(['JG-2026-200', 'JG-2026-100']);
    expect(mine.items.map((x: { actions: string[] }) => x.actions)).toEqual([[], []]);
    expect((await ok(admin, 'GET', '/api/v1/catalogue/product-reports/mine?q=JG-2026&citable=true')).items.map((x: { reportNo: string }) => x.reportNo)).toEqual(['JG-2026-200']);
    expect((await ok(other, 'GET', '/api/v1/catalogue/product-reports/mine?q=JG-2026')).total).toBe(0);
    const own = (await ok(admin, 'GET', '/api/v1/catalogue/product-reports/mine?pageSize=200')).items as Array<{ issuedByOrg: boolean; withdrawn: boolean; actions: string[] }>;
    expect(own.filter((x) => !x.issuedByOrg && !x.withdrawn).every((x) => x.actions.join() === 'upload,withdraw')).toBe(true); // its own uploads: its to change
    expect(own.some((x) => !x.issuedByOrg && !x.withdrawn)).toBe(true);
    expect((await send(lab, 'GET', '/api/v1/catalogue/product-reports/mine')).statusCode).toBe(403);
    expect((await ok(lab, 'GET', '/api/v1/catalogue/product-reports/issued')).items[0]).toMatchObject({ reportNo: 'JG-2026-200', actions: ['upload', 'withdraw'] });
    // withdrawn by the organisation: the enterprise hears of it too
    await ok(lab, 'POST', `/api/v1/catalogue/product-reports/${r.id}/withdraw`);
    expect((await inbox(admin))[0]).toMatchObject({ kind: 'product_report.withdrawn', title: '机构账户检测中心 撤回了型号 QD-1 的检测报告 JG-2026-200' });
    expect((await inbox(admin)).length).toBe(before + 2);
  });
});
