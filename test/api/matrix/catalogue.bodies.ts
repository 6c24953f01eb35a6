import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** 再制造产品目录 (catalogue module): the parties' routes and the public's. */
const uniq = () => Math.random().toString(36).slice(2, 8).toUpperCase();
const NIL = '00000000-0000-4000-8000-000000000000';
const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export function bodies(_w: MatrixWorld): Record<string, unknown> {
  const text = { text: '矩阵意见' };
  return {
    'POST /api/v1/catalogue/applications': { productName: '矩阵目录产品', model: `MX-${uniq()}`, field: 'machine_tools', standardCode: 'GB/T 28618-2012' },
    'PATCH /api/v1/catalogue/applications/:id': { specifications: '矩阵' },
    'POST /api/v1/catalogue/applications/:id/submit': undefined,
    'POST /api/v1/catalogue/applications/:id/withdraw': undefined,
    'POST /api/v1/catalogue/applications/:id/return': text,
    'POST /api/v1/catalogue/applications/:id/provincial-reject': text,
    'POST /api/v1/catalogue/applications/:id/forward': text,
    'POST /api/v1/catalogue/applications/:id/reject': text,
    'POST /api/v1/catalogue/applications/:id/start-notice': {},
    'POST /api/v1/catalogue/applications/:id/close-notice': undefined,
    'POST /api/v1/catalogue/applications/:id/uphold-objection': text,
    'POST /api/v1/catalogue/batches': { applicationIds: [NIL] },
    'POST /api/v1/catalogue/applications/:id/reports/:n/file': undefined,
    'POST /api/v1/catalogue/product-reports': { productCode: 'RM0000000000000000', testingOrgId: NIL, reportNo: 'MX-1', issuedOn: '2026-01-01' },
    'POST /api/v1/catalogue/product-reports/:id/file': undefined,
    'POST /api/v1/catalogue/product-reports/:id/withdraw': undefined,
  };
}

/** The library's standard and the directory's testing organisation, published once. */
const fixtures = (w: PositiveWorld) =>
  w.once('catalogue-fixtures', async () => {
    const code = `GB/T C${uniq()}-2026`;
    const std = await w.must('ministry_admin', 'POST', '/api/v1/portal/standards', { code, title: '矩阵目录标准', type: 'national', status: 'current' });
    await w.must('ministry_admin', 'POST', `/api/v1/portal/standards/${std.id}/publish`);
    const org = await w.must('ministry_admin', 'POST', '/api/v1/portal/testing-organizations', { name: '矩阵检测中心', accreditationNo: `CNAS C${uniq()}`, provinceCode: '440000' });
    await w.must('ministry_admin', 'POST', `/api/v1/portal/testing-organizations/${org.id}/publish`);
    return { code, orgId: org.id as string };
  });
/**
 * Days this file moved the platform clock forward and has not yet taken back: a 公示 must be over before it closes,
 * but other areas' cases (telemetry stamped with the real time) must not find the clock weeks ahead.
 */
let ahead = 0;
const forward = (w: PositiveWorld, days: number) => {
  w.advanceDays(days);
  ahead += days;
};
const back = (w: PositiveWorld) => {
  if (ahead) w.advanceDays(-ahead);
  ahead = 0;
};

/** A fresh application of the home enterprise, of a model with a traced unit, moved to `to`. */
async function application(w: PositiveWorld, to: 'draft' | 'submitted' | 'forwarded' | 'in_notice' | 'notice_passed' = 'draft') {
  back(w); // the close-notice case left the clock ahead for its request
  const f = await fixtures(w);
  const model = `MX-${uniq()}`;
  const step = (name: string, body: unknown) => w.must('enterprise_staff', 'POST', `/api/v1/trace/steps/${name}`, body);
  const core = (await step('intake', { name: '矩阵旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } })).coreEpc as string;
  const product = (await step('reassembly', { name: '矩阵目录产品', model, inputs: [{ epc: core, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }] })).product;
  const a = await w.must('enterprise_staff', 'POST', '/api/v1/catalogue/applications', {
    productName: '矩阵目录产品', model, field: 'machine_tools', standardCode: f.code,
    testReports: [{ testingOrgId: f.orgId, reportNo: `R-${uniq()}`, issuedOn: '2026-11-01' }], sampleProductCode: product.code,
  });
  const id = a.id as string;
  const up = await w.upload('enterprise_staff', `/api/v1/catalogue/applications/${id}/reports/0/file`, { files: [{ name: 'report.pdf', data: TINY_PDF, type: 'application/pdf' }] });
  if (up.statusCode !== 201) throw new Error(`report file: ${up.statusCode} ${up.body}`);
  if (to === 'draft') return id;
  await w.must('enterprise_admin', 'POST', `/api/v1/catalogue/applications/${id}/submit`);
  if (to === 'submitted') return id;
  await w.must('authority_reviewer', 'POST', `/api/v1/catalogue/applications/${id}/forward`, { text: '同意' });
  if (to === 'forwarded') return id;
  await w.must('ministry_officer', 'POST', `/api/v1/catalogue/applications/${id}/start-notice`, {});
  if (to === 'in_notice') return id;
  forward(w, 14);
  await w.must('ministry_officer', 'POST', `/api/v1/catalogue/applications/${id}/close-notice`);
  back(w);
  return id;
}
const text = { text: '矩阵意见' };

export const positive: Record<string, Positive> = {
  'GET /api/v1/catalogue/applications': { as: 'authority_reviewer' },
  'POST /api/v1/catalogue/applications': async (w) => {
    const f = await fixtures(w);
    return { as: 'enterprise_staff', body: { productName: '矩阵目录产品', model: `MX-${uniq()}`, field: 'machine_tools', standardCode: f.code } };
  },
  'GET /api/v1/catalogue/applications/:id': async (w) => ({ as: 'enterprise_staff', params: { id: await application(w) } }),
  'PATCH /api/v1/catalogue/applications/:id': async (w) => ({ as: 'enterprise_staff', params: { id: await application(w) }, body: { specifications: '矩阵修改' } }),
  'POST /api/v1/catalogue/applications/:id/submit': async (w) => ({ as: 'enterprise_admin', params: { id: await application(w) } }),
  'POST /api/v1/catalogue/applications/:id/withdraw': async (w) => ({ as: 'enterprise_admin', params: { id: await application(w, 'submitted') } }),
  'POST /api/v1/catalogue/applications/:id/return': async (w) => ({ as: 'authority_reviewer', params: { id: await application(w, 'submitted') }, body: text }),
  'POST /api/v1/catalogue/applications/:id/provincial-reject': async (w) => ({ as: 'authority_admin', params: { id: await application(w, 'submitted') }, body: text }),
  'POST /api/v1/catalogue/applications/:id/forward': async (w) => ({ as: 'authority_reviewer', params: { id: await application(w, 'submitted') }, body: text }),
  'POST /api/v1/catalogue/applications/:id/reject': async (w) => ({ as: 'ministry_officer', params: { id: await application(w, 'forwarded') }, body: text }),
  'POST /api/v1/catalogue/applications/:id/start-notice': async (w) => ({ as: 'ministry_admin', params: { id: await application(w, 'forwarded') }, body: {} }),
  'POST /api/v1/catalogue/applications/:id/close-notice': async (w) => {
    const id = await application(w, 'in_notice');
    forward(w, 14); // taken back by the next case of this file
    return { as: 'ministry_admin', params: { id } };
  },
  'POST /api/v1/catalogue/applications/:id/uphold-objection': async (w) => ({ as: 'ministry_admin', params: { id: await application(w, 'in_notice') }, body: text }),
  'POST /api/v1/catalogue/batches': async (w) => ({ as: 'ministry_admin', body: { applicationIds: [await application(w, 'notice_passed')] } }),
  'GET /api/v1/public/catalogue': async (w) => (back(w), { as: 'public', query: 'field=machine_tools' }),
  'GET /api/v1/public/catalogue/notices': { as: 'public' },
  'GET /api/v1/public/catalogue/batches': { as: 'public' },
  'GET /api/v1/public/catalogue/badges': { as: 'public', query: 'codes=RM0000000000000000' },
  'POST /api/v1/catalogue/applications/:id/reports/:n/file': async (w) => ({ as: 'enterprise_admin', params: { id: await application(w), n: '0' }, form: { files: [{ name: 'again.pdf', data: TINY_PDF, type: 'application/pdf' }] } }),
  'GET /api/v1/catalogue/applications/:id/reports/:n/file': async (w) => ({ as: 'authority_reviewer', params: { id: await application(w, 'submitted'), n: '0' } }),
  'GET /api/v1/public/catalogue/:id/reports/:n/file': async (w) => ({ as: 'public', params: { id: await application(w, 'in_notice'), n: '0' } }),
  'POST /api/v1/catalogue/product-reports': async (w) => ({ as: 'enterprise_staff', body: await productReportBody(w) }),
  'POST /api/v1/catalogue/product-reports/:id/file': async (w) => ({ as: 'enterprise_admin', params: { id: await productReport(w, false) }, form: { files: [{ name: 'r.pdf', data: TINY_PDF, type: 'application/pdf' }] } }),
  'POST /api/v1/catalogue/product-reports/:id/withdraw': async (w) => ({ as: 'enterprise_admin', params: { id: await productReport(w, true) } }),
  'GET /api/v1/catalogue/product-reports/issued': { as: 'testing_org_staff' },
  'GET /api/v1/catalogue/product-reports/mine': { as: 'enterprise_staff', query: 'q=PR-&citable=true' },
  'GET /api/v1/catalogue/product-reports': async (w) => ({ as: 'ministry_officer', query: `productCode=${(await productReportBody(w)).productCode}` }),
  'GET /api/v1/public/products/:code/test-reports': async (w) => ({ as: 'public', params: { code: (await productReportBody(w)).productCode } }),
  'GET /api/v1/public/product-reports/:id/file': async (w) => ({ as: 'public', params: { id: await productReport(w, true) } }),
};

/** A traced unit of the home enterprise and a fresh report body for it (test reports on products, issue 14 item 2). */
async function productReportBody(w: PositiveWorld) {
  const f = await fixtures(w);
  const code = await w.once('catalogue-report-unit', async () => {
    const step = (name: string, body: unknown) => w.must('enterprise_staff', 'POST', `/api/v1/trace/steps/${name}`, body);
    const core = (await step('intake', { name: '矩阵旧件', source: { returnedBy: '矩阵', channel: 'other', tradeIn: false } })).coreEpc as string;
    return (await step('reassembly', { name: '矩阵报告产品', model: `MR-${uniq()}`, inputs: [{ epc: core, origin: 'reused', name: '机体', massKg: 10, valueCny: 100 }] })).product.code as string;
  });
  return { productCode: code, testingOrgId: f.orgId, reportNo: `PR-${uniq()}`, issuedOn: '2026-01-01' };
}
/** A report on that unit, with its file when `withFile`. */
async function productReport(w: PositiveWorld, withFile: boolean) {
  const r = await w.must('enterprise_staff', 'POST', '/api/v1/catalogue/product-reports', await productReportBody(w));
  if (withFile) {
    const up = await w.upload('enterprise_staff', `/api/v1/catalogue/product-reports/${r.id}/file`, { files: [{ name: 'r.pdf', data: TINY_PDF, type: 'application/pdf' }] });
    if (up.statusCode !== 201) throw new Error(`product report file: ${up.statusCode} ${up.body}`);
  }
  return r.id as string;
}
