/**
 * 七(二)4(1) after the 公告 (issue 15 item 15): the job re-evaluates the announced enterprises' data-decidable
 * conditions (certificates, lease, annual report figures) and puts findings on the authority's to-do list —
 * idempotent per run, dismissible with a reason; nothing automatic (no revocation case is opened).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReportForm } from '../../src/domain/annual-report/index.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { completeApplicationForm } from '../domain/fixtures.js';
import { buildTestApp, type Session, type TestApp } from '../support/app.js';
import { buildApplication, enterpriseAdminCtx } from '../support/factories.js';
import { announcedWithSessions, requester } from './revocations.helpers.js';

const clock = manualClock('2026-12-01T02:00:00Z');
let app: TestApp;
let req: ReturnType<typeof requester>;
let gd: Session, miit: Session, ent: Session;
let E: { id: string; siteId: string; name: string; creditCode: string };
let appId = '';

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  req = requester(app);
  const s = app.services;
  ({ E, gd, miit, ent } = await announcedWithSessions(app));
  // the announced application behind the list entry: its quality certificate runs to 2027-03-31
  const form = completeApplicationForm();
  form.table12!.qualityCert = { number: 'Q-2024-1', issuer: '某认证', validUntil: '2027-03-31' };
  const a = await buildApplication(s, { enterpriseId: E.id, siteId: E.siteId, form, submit: true });
  appId = a.id;
  await app.database.raw.query(`UPDATE applications SET state = 'announced' WHERE id = $1`, [appId]);
  await app.database.raw.query(`UPDATE announcement_entries SET application_id = $1 WHERE enterprise_id = $2`, [appId, E.id]);
  // its 2025 annual report with figures: R&D spending 2.5 % of the previous year's revenue
  const ctx = await enterpriseAdminCtx(s, E.id);
  const r = await s.annualReports.create(ctx, { siteId: E.siteId, year: 2025 });
  await s.annualReports.saveForm(ctx, r.id, { ...sampleReportForm({ enterpriseName: E.name }), figures: { employees: 100, collegeEducated: 40, rdStaff: 12, rdSpending: 250, previousYearRevenue: 10_000 } });
  await s.annualReports.submit(ctx, r.id);
}, 240_000);
afterAll(async () => app?.close());

const mine = async () => (await req(gd, 'GET', `/api/v1/findings?enterpriseId=${E.id}`)).json().items as { id: string; kind: string; clause: string; state: string; summary: string }[];

describe('七(二)4(1) conditions watch', () => {
  it('the report figures below 三(四) are a finding; the certificate still valid is none; a second run raises nothing', async () => {
    const first = await req(miit, 'POST', '/api/v1/findings/evaluate', {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().raised).toBe(1);
    expect((await mine()).map((f) => [f.kind, f.clause])).toEqual([['rd_spending_below', '三(四)']]);
    expect((await req(miit, 'POST', '/api/v1/findings/evaluate', {})).json().raised).toBe(0);
    expect(await mine()).toHaveLength(1);
  });

  it('the day after the certificate’s validUntil the job raises it, on the authority’s to-do list; the enterprise sees nothing', async () => {
    clock.set('2027-03-31T08:00:00Z');
    expect((await app.services.conditionsWatch(null)).raised).toBe(0);
    clock.set('2027-04-01T02:00:00Z');
    expect((await app.services.conditionsWatch(null)).raised).toBe(1);
    const cert = (await mine()).find((f) => f.kind === 'certificate_expired')!;
    expect(cert.clause).toBe('四(一)');
    expect(cert.summary).toContain('2027-03-31');
    expect((await req(gd, 'GET', '/api/v1/todos')).json().items.map((t: { id: string }) => t.id)).toContain(cert.id);
    expect((await req(ent, 'GET', '/api/v1/findings')).statusCode).toBe(403);
    expect((await req(gd, 'POST', '/api/v1/findings/evaluate', {})).statusCode).toBe(403);
  });

  it('dismissed with a reason, it stays dismissed when the job runs again; no case was opened by the platform', async () => {
    const cert = (await mine()).find((f) => f.kind === 'certificate_expired')!;
    expect((await req(gd, 'POST', `/api/v1/findings/${cert.id}/dismiss`, { reason: '企业已换发新证，有效期至 2030-03-31' })).json().state).toBe('dismissed');
    await app.services.conditionsWatch(null);
    expect((await mine()).filter((f) => f.kind === 'certificate_expired').map((f) => f.state)).toEqual(['dismissed']);
    expect((await req(miit, 'GET', '/api/v1/revocations')).json().items.filter((c: { enterpriseId: string }) => c.enterpriseId === E.id)).toEqual([]);
  });
});
