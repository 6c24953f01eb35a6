import { sampleReportForm } from '../../../src/domain/annual-report/sample.js';
import { announcedHomeSite } from './flows.js';
import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** Sample bodies for the 年度报告 write routes (aimed at the foreign side where a route takes an object). */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/annual-reports': { siteId: foreign.site, year: 2025 },
    'POST /api/v1/annual-reports/forward': { year: 2025, note: '矩阵报送' },
    'PUT /api/v1/annual-reports/:id/form': { form: { outline: { s1_compliance: '矩阵' } } },
    'POST /api/v1/annual-reports/:id/submit': {},
    'POST /api/v1/annual-reports/:id/return': { reason: '矩阵退回' },
    'POST /api/v1/annual-reports/:id/accept': { opinion: '矩阵同意' },
    'POST /api/v1/annual-reports/:id/table23': undefined,
    'POST /api/v1/annual-reports/:id/ministry-review': { opinion: '矩阵核查' },
  };
}

/**
 * One report per enterprise and year (issue 15 item 14): each positive case needs its own 2025 report of the home
 * enterprise, so the previous case's report is set aside first (marked merged, as the migration marks folded reports).
 */
async function freshYear(w: PositiveWorld) {
  await w.app.database.raw.query('UPDATE annual_reports SET merged_into = id WHERE enterprise_id = $1 AND year = 2025 AND merged_into IS NULL', [w.home.enterprise]);
}

/** A 2025 annual report of a new announced home site: draft, filled, submitted or accepted. */
async function reportAt(w: PositiveWorld, stage: 'draft' | 'filled' | 'submitted' | 'accepted'): Promise<{ id: string }> {
  const site = await announcedHomeSite(w);
  await freshYear(w);
  const created = await w.must('enterprise_admin', 'POST', '/api/v1/annual-reports', { siteId: site.id, year: 2025 });
  const id = created.id as string;
  if (stage === 'draft') return { id };
  // every announced site of the home enterprise is a part of the report: fill each
  const siteIds = (created.form.sites as { siteId: string }[]).map((x) => x.siteId);
  await w.must('enterprise_admin', 'PUT', `/api/v1/annual-reports/${id}/form`, { form: sampleReportForm({ enterpriseName: w.home.enterpriseName, siteIds }) });
  if (stage === 'filled') return { id };
  await w.must('enterprise_admin', 'POST', `/api/v1/annual-reports/${id}/submit`, {});
  if (stage === 'submitted') return { id };
  await w.must('authority_reviewer', 'POST', `/api/v1/annual-reports/${id}/accept`, { opinion: '矩阵同意' });
  return { id };
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
async function table23Upload(w: PositiveWorld, id: string) {
  const template = await w.call('enterprise_staff', 'GET', `/api/v1/annual-reports/${id}/table23.xlsx`);
  return { as: 'enterprise_staff' as const, params: { id }, form: { files: [{ name: 'table2-3.xlsx', data: template.rawPayload, type: XLSX }] } };
}

/** Positive cases of the 年度报告 routes. */
export const positive: Record<string, Positive> = {
  'GET /api/v1/annual-reports': { as: 'enterprise_staff' },
  'GET /api/v1/annual-reports/overdue': { as: 'authority_reviewer', query: 'year=2025' },
  'GET /api/v1/annual-reports/summary.xlsx': { as: 'authority_reviewer', query: 'year=2025' },
  'POST /api/v1/annual-reports': async (w) => {
    const site = await announcedHomeSite(w);
    await freshYear(w);
    return { as: 'enterprise_staff', body: { siteId: site.id, year: 2025 } };
  },
  'POST /api/v1/annual-reports/forward': async (w) => {
    await reportAt(w, 'accepted');
    return { as: 'authority_reviewer', body: { year: 2025, note: '矩阵报送' } };
  },
  'GET /api/v1/annual-reports/:id': async (w) => ({ as: 'authority_reviewer', params: await reportAt(w, 'submitted') }),
  'PUT /api/v1/annual-reports/:id/form': async (w) => ({ as: 'enterprise_staff', params: await reportAt(w, 'draft'), body: { form: { outline: { s1_compliance: '矩阵' } } } }),
  'POST /api/v1/annual-reports/:id/submit': async (w) => ({ as: 'enterprise_admin', params: await reportAt(w, 'filled'), body: {} }),
  'POST /api/v1/annual-reports/:id/return': async (w) => ({ as: 'authority_reviewer', params: await reportAt(w, 'submitted'), body: { reason: '矩阵退回' } }),
  'POST /api/v1/annual-reports/:id/accept': async (w) => ({ as: 'authority_reviewer', params: await reportAt(w, 'submitted'), body: { opinion: '矩阵同意' } }),
  'GET /api/v1/annual-reports/:id/docx': async (w) => ({ as: 'enterprise_staff', params: await reportAt(w, 'filled') }),
  'POST /api/v1/annual-reports/:id/ministry-review': async (w) => {
    const r = await reportAt(w, 'accepted');
    await w.must('authority_reviewer', 'POST', '/api/v1/annual-reports/forward', { year: 2025, note: '矩阵报送' });
    return { as: 'ministry_officer', params: r, body: { opinion: '矩阵核查', onsiteInspection: null } };
  },
  'GET /api/v1/annual-reports/:id/table23.xlsx': async (w) => ({ as: 'enterprise_staff', params: await reportAt(w, 'draft') }),
  'POST /api/v1/annual-reports/:id/table23': async (w) => table23Upload(w, (await reportAt(w, 'draft')).id),
  'GET /api/v1/annual-reports/:id/imports/:jobId': async (w) => {
    const { id } = await reportAt(w, 'draft');
    const up = await table23Upload(w, id);
    const res = await w.upload('enterprise_staff', `/api/v1/annual-reports/${id}/table23`, up.form);
    if (res.statusCode >= 300) throw new Error(`routes-matrix setup: table23 → ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { as: 'enterprise_staff', params: { id, jobId: res.json().id } };
  },
};
