/**
 * Issue 15 item 10 — 规范条件 七(二)4 "因上述规定被撤销公告的企业，经整改合格 2 年后方可重新提出规范公告申请":
 * the lock holds at every step towards the 公告 (submit, forward, expert review, on-site pass, 公示 and its
 * closing, 公告), not only when a draft is created; and a revocation closes the enterprise's open applications
 * with a reason (event, audit row, notifications), which also takes a case in 公示 off the list.
 *
 * Each step is tried twice on the same case: with a running lock (a `revocations` row whose rectification is
 * pending) → 409 REAPPLY_LOCKED naming the step, nothing changed; without it → the step goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildApplication, buildEnterprise, buildExpert, buildSite, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { announcedEnterprises, requester, uploader } from './revocations.helpers.js';

const clock = manualClock('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
let app: TestApp;
let req: ReturnType<typeof requester>;
let upload: ReturnType<typeof uploader>;
let ent: Session, gd: Session, miit: Session;
const experts: { id: string; session: Session }[] = [];
let enterpriseId = '';

const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(app.services, role, { organizationId })).username, TEST_PASSWORD);

/** A running reapply lock (revoked, rectification pending) or one accepted on `acceptedOn`; returns its id. */
async function addLock(eid: string, acceptedOn: string | null = null): Promise<string> {
  const r = await app.database.raw.query<{ id: string }>(
    `INSERT INTO revocations (enterprise_id, id, revoked_at, rectification_accepted_at, reason) VALUES ($1, gen_random_uuid(), $2, $3, '七(二)4(1) 测试') RETURNING id`,
    [eid, acceptedOn ? '2024-06-01T02:00:00Z' : '2026-01-05T02:00:00Z', acceptedOn],
  );
  return r.rows[0]!.id;
}
const dropLock = (id: string) => app.database.raw.query('DELETE FROM revocations WHERE id = $1', [id]);
const stateOf = async (id: string) => (await req(miit, 'GET', `/api/v1/applications/${id}`)).json().state as string;

/** The step refused under a lock (409 naming the event, state unchanged), then allowed once the lock is gone. */
async function lockedThenAllowed(appId: string, event: string, step: () => Promise<{ statusCode: number; body: string }>) {
  const before = await stateOf(appId);
  const lock = await addLock(enterpriseId);
  try {
    const refused = await step();
    expect(refused.statusCode, refused.body).toBe(409);
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'REAPPLY_LOCKED', details: { event, reason: 'rectification_pending' } });
    expect(await stateOf(appId)).toBe(before);
  } finally {
    await dropLock(lock);
  }
  const ok = await step();
  expect(ok.statusCode, ok.body).toBeLessThan(300);
}

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  req = requester(app);
  upload = uploader(app);
  const e = await buildEnterprise(app.services, { regionCode: '440106' });
  enterpriseId = e.id;
  ent = await as('enterprise_admin', e.id);
  gd = await as('authority_reviewer', 'prov-440000');
  miit = await as('ministry_admin', 'miit');
  for (let i = 0; i < 3; i++) {
    const ex = await buildExpert(app.services);
    experts.push({ id: ex.id, session: await as('expert', ex.id) });
  }
});
afterAll(async () => app?.close());

describe('七(二)4: the reapply lock at every step', () => {
  let id = '';
  let noticeId = '';

  it('submit (also the boundary: locked on the last day of the two years, allowed the day after)', async () => {
    const a = await buildApplication(app.services, { enterpriseId, siteId: (await buildSite(app.services, enterpriseId, { name: '锁定测试厂区' })).id });
    id = a.id;
    await lockedThenAllowed(id, 'submit', () => req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [id] }));
    expect(await stateOf(id)).toBe('submitted');

    // the last locked day: accepted 2024-11-23 → locked through 2026-11-23 (today), free from 2026-11-24
    const other = await buildApplication(app.services, { enterpriseId, siteId: (await buildSite(app.services, enterpriseId, { name: '边界厂区' })).id });
    const accepted = await addLock(enterpriseId, '2024-11-23');
    try {
    const lastDay = await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [other.id] });
    expect(lastDay.statusCode).toBe(409);
    expect(lastDay.json().error).toMatchObject({ code: 'REAPPLY_LOCKED', details: { until: '2026-11-23', reapplyFrom: '2026-11-24', reason: 'within_lock_period' } });
    clock.set('2026-11-24T02:00:00Z');
    expect((await req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [other.id] })).statusCode).toBe(200);
    } finally {
      clock.set('2026-11-23T02:00:00Z');
      await dropLock(accepted);
    }
  });

  it('forward (provincial authority, 表1-3)', async () => {
    await lockedThenAllowed(id, 'forward', () => req(gd, 'POST', `/api/v1/applications/${id}/forward`, { opinion: '经核实，同意报送。', handler: '王五', head: '赵六', date: '2026-11-23' }));
    expect(await stateOf(id)).toBe('forwarded');
  });

  it('expert review: assignment, each opinion, completion', async () => {
    await lockedThenAllowed(id, 'assign_experts', () => req(miit, 'POST', `/api/v1/applications/${id}/experts`, { expertIds: experts.map((e) => e.id) }));
    const chapters = { 二: '符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' };
    await lockedThenAllowed(id, 'record_opinion', () => req(experts[0]!.session, 'POST', `/api/v1/applications/${id}/opinion`, { chapters, recommendation: 'approve' }));
    for (const ex of experts.slice(1)) expect((await req(ex.session, 'POST', `/api/v1/applications/${id}/opinion`, { chapters, recommendation: 'approve' })).statusCode).toBe(200);
    await lockedThenAllowed(id, 'complete_expert_review', () => req(miit, 'POST', `/api/v1/applications/${id}/complete-expert-review`, {}));
    expect(await stateOf(id)).toBe('onsite_check');
  });

  it('on-site check passed', async () => {
    const findings = { 二: '合规', 三: '合规', 四: '合规', 五: '合规', 六: '合规' };
    await lockedThenAllowed(id, 'record_onsite_pass', () => req(miit, 'POST', `/api/v1/applications/${id}/onsite-check`, { team: ['李一'], date: '2026-11-23', findings, photoIds: [], conclusion: 'pass' }));
    expect(await stateOf(id)).toBe('ready_for_notice');
  });

  it('公示: listing and closing the window', async () => {
    await lockedThenAllowed(id, 'add_to_notice', async () => {
      const r = await req(miit, 'POST', '/api/v1/notices', { title: '锁定测试公示', applicationIds: [id] });
      if (r.statusCode < 300) noticeId = r.json().id;
      return r;
    });
    expect(await stateOf(id)).toBe('in_notice');
    clock.set('2026-11-28T02:00:00Z'); // after the 5 working days
    await lockedThenAllowed(id, 'close_notice', () => req(miit, 'POST', `/api/v1/notices/${noticeId}/close`, {}));
    expect(await stateOf(id)).toBe('notice_passed');
  });

  it('公告', async () => {
    await lockedThenAllowed(id, 'announce', () => req(miit, 'POST', '/api/v1/announcements', { applicationIds: [id], announcedOn: '2026-11-30' }));
    expect(await stateOf(id)).toBe('announced');
  });

  it('steps that end a case stay open under the lock (withdrawal)', async () => {
    const a = await buildApplication(app.services, { enterpriseId, siteId: (await buildSite(app.services, enterpriseId, { name: '撤回厂区' })).id });
    const lock = await addLock(enterpriseId);
    try {
      expect((await req(ent, 'POST', `/api/v1/applications/${a.id}/withdraw`, { reason: '企业决定暂不申请' })).statusCode).toBe(200);
    } finally {
      await dropLock(lock);
    }
  });
});

describe('七(二)4: a revocation closes the enterprise’s open applications', () => {
  it('draft, submitted and in-公示 cases end with the revocation as reason; the notice passes without the closed one', async () => {
    clock.set('2026-11-30T02:00:00Z'); // Monday
    const [e] = await announcedEnterprises(app, 1);
    const admin = await as('enterprise_admin', e!.id);
    const s = app.services;
    const draft = await buildApplication(s, { enterpriseId: e!.id, siteId: (await buildSite(s, e!.id, { name: '草稿厂区' })).id });
    const submitted = await buildApplication(s, { enterpriseId: e!.id, siteId: (await buildSite(s, e!.id, { name: '已提交厂区' })).id, submit: true });
    // a case of the enterprise in 公示 together with another enterprise's case
    const inNotice = await buildApplication(s, { enterpriseId: e!.id, siteId: (await buildSite(s, e!.id, { name: '公示厂区' })).id, submit: true });
    const bystander = await buildApplication(s, { submit: true });
    const chapters = { 二: '符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' };
    for (const a of [inNotice, bystander]) {
      const authority = await as('authority_reviewer', a.authorityId);
      expect((await req(authority, 'POST', `/api/v1/applications/${a.id}/forward`, { opinion: '同意报送。', handler: '王五', head: '赵六', date: '2026-11-30' })).statusCode).toBe(200);
      expect((await req(miit, 'POST', `/api/v1/applications/${a.id}/experts`, { expertIds: experts.map((x) => x.id) })).statusCode).toBe(200);
      for (const ex of experts) expect((await req(ex.session, 'POST', `/api/v1/applications/${a.id}/opinion`, { chapters, recommendation: 'approve' })).statusCode).toBe(200);
      expect((await req(miit, 'POST', `/api/v1/applications/${a.id}/complete-expert-review`, {})).statusCode).toBe(200);
      expect((await req(miit, 'POST', `/api/v1/applications/${a.id}/onsite-check`, { team: ['李一'], date: '2026-11-30', findings: chapters, photoIds: [], conclusion: 'pass' })).statusCode).toBe(200);
    }
    const notice = await req(miit, 'POST', '/api/v1/notices', { title: '撤销测试公示', applicationIds: [inNotice.id, bystander.id] });
    expect(notice.statusCode, notice.body).toBe(201);

    const opened = await upload(miit, '/api/v1/revocations', { enterpriseId: e!.id, grounds: 'falsification', facts: '报送材料弄虚作假的事实说明' });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id;
    expect((await req(miit, 'POST', `/api/v1/revocations/${caseId}/notify`, { noticeText: '拟撤销公告，请陈述申辩。', statementDue: '2026-12-04' })).statusCode).toBe(200);
    // 七(二)4: the enterprise's provincial authority relays the notice
    const relayed = await req(await as('authority_reviewer', submitted.authorityId), 'POST', `/api/v1/revocations/${caseId}/relay`, {});
    expect(relayed.statusCode, relayed.body).toBe(200);
    expect((await upload(admin, `/api/v1/revocations/${caseId}/statement`, { statement: '我方对事实无异议。' })).statusCode).toBe(200);
    const decided = await req(miit, 'POST', `/api/v1/revocations/${caseId}/decide`, { outcome: 'revoked', hearingSummary: '企业无异议', reason: '材料弄虚作假属实' });
    expect(decided.statusCode, decided.body).toBe(200);

    for (const a of [draft, submitted, inNotice]) {
      const d = (await req(miit, 'GET', `/api/v1/applications/${a.id}`)).json();
      expect(d.state).toBe('closed');
      expect(d.outcomeReason).toMatch(/七\(二\)4\(3\).*七\(二\)4/);
    }
    const audit = await app.database.raw.query<{ object_id: string }>(`SELECT object_id FROM audit_log WHERE action = 'application.close_on_revocation' AND enterprise_id = $1`, [e!.id]);
    expect(audit.rows.map((r) => r.object_id).sort()).toEqual([draft.id, submitted.id, inNotice.id].sort());
    const notes = await app.database.raw.query<{ org_id: string }>(`SELECT org_id FROM notifications WHERE kind = 'application.closed' AND link = $1`, [`/applications/${submitted.id}`]);
    expect(notes.rows.map((r) => r.org_id).sort()).toEqual([e!.id, submitted.authorityId].sort());
    expect((await req(miit, 'GET', `/api/v1/applications/${bystander.id}`)).json().state).toBe('in_notice');

    // the window closes: the other enterprise's case passes; the closed one leaves the list
    clock.set('2026-12-08T02:00:00Z');
    const closed = await req(miit, 'POST', `/api/v1/notices/${notice.json().id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await req(miit, 'GET', `/api/v1/applications/${bystander.id}`)).json().state).toBe('notice_passed');
    const entries = await app.database.raw.query<{ application_id: string; status: string }>(`SELECT application_id, status FROM notice_entries WHERE batch_id = $1`, [notice.json().id]);
    expect(Object.fromEntries(entries.rows.map((r) => [r.application_id, r.status]))).toEqual({ [inNotice.id]: 'removed', [bystander.id]: 'passed' });

    // and no new draft while the rectification is pending
    const again = await req(admin, 'POST', '/api/v1/applications', { siteId: (await buildSite(s, e!.id, { name: '新厂区' })).id });
    expect(again.json().error.code).toBe('REAPPLY_LOCKED');
  });
});
