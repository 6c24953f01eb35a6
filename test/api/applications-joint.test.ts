/**
 * 规范条件 七(一)3 一并提交 (issue 15 item 11): an enterprise with several sites submits the sites it applies for
 * in one submission; submitting while another site's application is a draft needs the confirmation that the
 * other site is not applied for now — recorded with the submission and audited on the draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildApplication, buildEnterprise, buildSite, buildUser, enterpriseAdminCtx, TEST_PASSWORD } from '../support/factories.js';

const clock = manualClock('2026-11-23T02:00:00Z');
let app: TestApp;
let ent: Session;
let a = '', b = '', c = '', foreignDraft = '';

const req = (s: Session, method: string, url: string, payload?: unknown) =>
  app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  const s = app.services;
  const e = await buildEnterprise(s, { regionCode: '440106' });
  ent = await login(app, (await buildUser(s, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
  a = (await buildApplication(s, { enterpriseId: e.id, siteId: (await buildSite(s, e.id, { name: '一号厂区' })).id })).id;
  b = (await buildApplication(s, { enterpriseId: e.id, siteId: (await buildSite(s, e.id, { name: '二号厂区' })).id })).id;
  // a third site's draft, only started
  const ctx = await enterpriseAdminCtx(s, e.id);
  c = (await s.applications.create(ctx, (await buildSite(s, e.id, { name: '三号车间' })).id)).id;
  foreignDraft = (await buildApplication(s)).id;
}, 240_000);
afterAll(async () => app?.close());

const stateOf = async (id: string) => (await req(ent, 'GET', `/api/v1/applications/${id}`)).json().state;

describe('七(一)3 一并提交', () => {
  it('submitting one site while others are drafts is refused, naming each other draft', async () => {
    const res = await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [a] });
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('OTHER_SITES_IN_DRAFT');
    expect(err.message).toContain('七(一)3');
    expect(err.message).toContain('二号厂区');
    expect(err.messageEn).toMatch(/together/);
    expect(err.details.field).toBe('notApplyingNow');
    expect(err.details.drafts.map((d: { applicationId: string }) => d.applicationId).sort()).toEqual([b, c].sort());
    expect(err.details.drafts.map((d: { siteName: string }) => d.siteName).sort()).toEqual(['三号车间', '二号厂区'].sort());
    expect(await stateOf(a)).toBe('draft');
  });

  it('confirming only some of them is not enough: the rest are named', async () => {
    const res = await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [a], notApplyingNow: [b] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.drafts.map((d: { applicationId: string }) => d.applicationId)).toEqual([c]);
  });

  it('a confirmation must name another draft of the enterprise (400 naming notApplyingNow)', async () => {
    for (const bad of [[a, b, c], [b, c, foreignDraft], [b, c, '00000000-0000-4000-8000-000000000000']]) {
      const res = await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [a], notApplyingNow: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('notApplyingNow');
    }
    expect(await stateOf(a)).toBe('draft');
  });

  it('submitted together with the confirmation for the third: recorded in the events and audited on the draft', async () => {
    const res = await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [a, b], notApplyingNow: [c] });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { state: string }) => x.state)).toEqual(['submitted', 'submitted']);
    expect(await stateOf(c)).toBe('draft');
    const d = (await req(ent, 'GET', `/api/v1/applications/${a}`)).json();
    const submitEvent = d.events.find((e: { event: string }) => e.event === 'submit');
    expect(submitEvent.note.submittedTogether.sort()).toEqual([a, b].sort());
    expect(submitEvent.note.notApplyingNow).toEqual([expect.objectContaining({ applicationId: c, siteName: '三号车间' })]);
    const { rows } = await app.database.raw.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 AND action = 'application.not_applying_now'`, [c]);
    expect(rows).toHaveLength(1);
  });
});
