/**
 * Concurrency (issue 10 §1): every state-changing route of the procedures, sent N times at once, has exactly one
 * winner; the others answer 409 in the error shape, never 5xx; the stored state and the audit trail show one
 * transition. Written for PostgreSQL (TEST_DATABASE_URL, where the requests really overlap); on PGlite they
 * serialise and must give the same answers. Save-while-submit: the frozen submitted version equals the live form.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReportForm } from '../../src/domain/annual-report/index.js';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { canonicalJson } from '../../src/server/platform/audit.js';
import { manualClock } from '../../src/server/platform/clock.js';
import type { RequestContext } from '../../src/server/platform/principal.js';
import { completeApplicationForm } from '../domain/fixtures.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildApplication, buildEnterprise, buildExpert, buildSite, buildUser, enterpriseAdminCtx, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { actorCtx, auditCount, countOf, expectOneWinner, N, race } from './concurrency.helpers.js';
import { announcedEnterprises, multipart } from './revocations.helpers.js';

// Monday 5 January 2026, 10:00 in Shanghai: the 2025 annual reports are open
const clock = manualClock('2026-01-05T02:00:00Z');
let app: TestApp;
let ent: Session, gd: Session, miit: Session;
let gdCtx: RequestContext, miitCtx: RequestContext;
let enterpriseId = '';
const experts: { id: string; ctx: RequestContext; session: Session }[] = [];

/** 七(一)3: the enterprise's other drafts, confirmed as not applied for now when one is submitted. */
const otherDrafts = async (id: string) =>
  (await app.database.raw.query<{ id: string }>(`SELECT id FROM applications WHERE state = 'draft' AND id <> $1 AND enterprise_id = (SELECT enterprise_id FROM applications WHERE id = $1)`, [id])).rows.map((r) => r.id);
const OPINION = { chapters: { 二: '符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' }, recommendation: 'approve' as const };
const FINDINGS = { 二: '合规', 三: '在用', 四: '完整', 五: '达标', 六: '健全' };
const PROVINCIAL = { opinion: '经核实，同意报送。', handler: '王五', head: '赵六', date: '2026-01-05' };

const req = (s: Session | null, method: string, url: string, payload?: unknown) =>
  app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const state = async (id: string) => (await app.services.applications.loadInternal(id))!.state;

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 100_000 }, { clock });
  const s = app.services;
  enterpriseId = (await buildEnterprise(s, { regionCode: '440106' })).id;
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  ent = await as('enterprise_admin', enterpriseId);
  const g = await actorCtx(app, 'authority_reviewer', 'prov-440000');
  gdCtx = g.ctx;
  gd = await login(app, g.username, TEST_PASSWORD);
  const m = await actorCtx(app, 'ministry_admin', 'miit');
  miitCtx = m.ctx;
  miit = await login(app, m.username, TEST_PASSWORD);
  for (let i = 0; i < 3; i++) {
    const ex = await buildExpert(s);
    const a = await actorCtx(app, 'expert', ex.id);
    experts.push({ id: ex.id, ctx: a.ctx, session: await login(app, a.username, TEST_PASSWORD) });
  }
});
afterAll(async () => app?.close());

// ---- the 规范公告 procedure, one step per test; each case is brought to the step through the services ----

const submitted = async () => buildApplication(app.services, { enterpriseId, submit: true });
async function forwarded() {
  const a = await submitted();
  await app.services.review.forward(gdCtx, a.id, PROVINCIAL);
  return a;
}
async function inExpertReview() {
  const a = await forwarded();
  await app.services.review.assignExperts(miitCtx, a.id, experts.map((e) => e.id));
  return a;
}
async function inOnsiteCheck() {
  const a = await inExpertReview();
  for (const e of experts) await app.services.review.recordOpinion(e.ctx, a.id, OPINION);
  await app.services.review.completeExpertReview(miitCtx, a.id);
  return a;
}
async function readyForNotice() {
  const a = await inOnsiteCheck();
  await app.services.review.recordOnsite(miitCtx, a.id, { team: ['李一'], date: '2026-01-05', findings: FINDINGS, photoIds: [], conclusion: 'pass' });
  return a;
}
async function inNotice() {
  const a = await readyForNotice();
  const batch = await app.services.notices.create(miitCtx, { title: '测试公示', applicationIds: [a.id] });
  return { a, batch };
}

describe('applications: drafts, attachments, submission', () => {
  it('create draft: one per site, the others 409 APPLICATION_OPEN (not a unique-index 500)', async () => {
    const siteId = (await buildSite(app.services, enterpriseId)).id;
    const res = await race(() => req(ent, 'POST', '/api/v1/applications', { siteId }));
    const won = expectOneWinner(res, ['APPLICATION_OPEN']);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM applications WHERE site_id = $1`, [siteId])).toBe(1);
    expect(await auditCount(app, 'application.created', won.json().id)).toBe(1);
  });

  it('replace one attachment: one new revision; remove one attachment: removed once', async () => {
    const ctx = await enterpriseAdminCtx(app.services, enterpriseId);
    const draft = await app.services.applications.create(ctx, (await buildSite(app.services, enterpriseId)).id);
    const first = await app.services.applications.upload(ctx, draft.id, { slot: 'r04_license', filename: 'a.pdf', data: TINY_PDF });
    const res = await race(() => {
      const m = multipart({ slot: 'r04_license', replacesId: first.id }, [{ name: 'b.pdf', data: TINY_PDF, field: 'file' }]);
      return app.inject({ method: 'POST', url: `/api/v1/applications/${draft.id}/attachments`, headers: { ...ent.headers, ...m.headers }, payload: m.payload });
    });
    const won = expectOneWinner(res, ['ATTACHMENT_SUPERSEDED']);
    expect(won.json()).toMatchObject({ revision: 2, replacesId: first.id });
    expect(await countOf(app, `SELECT count(*)::int AS n FROM application_attachments WHERE application_id = $1 AND superseded_at IS NULL`, [draft.id])).toBe(1);
    expect(await auditCount(app, 'application.attachment_uploaded', draft.id)).toBe(2);

    const removed = await race(() => req(ent, 'DELETE', `/api/v1/applications/${draft.id}/attachments/${won.json().id}`));
    expectOneWinner(removed, ['ATTACHMENT_SUPERSEDED']);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM application_attachments WHERE application_id = $1 AND superseded_at IS NULL`, [draft.id])).toBe(0);
    expect(await auditCount(app, 'application.attachment_removed', draft.id)).toBe(1);
  });

  it('submit: one submission, one frozen version', async () => {
    const a = await buildApplication(app.services, { enterpriseId });
    const notApplyingNow = await otherDrafts(a.id);
    expectOneWinner(await race(() => req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [a.id], notApplyingNow })), ['ILLEGAL_TRANSITION']);
    expect(await state(a.id)).toBe('submitted');
    expect(await auditCount(app, 'application.submit', a.id)).toBe(1);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM application_versions WHERE application_id = $1`, [a.id])).toBe(1);
  });

  it('save while submitting: every save lands before the submission or is refused; the frozen version is the live form', async () => {
    const a = await buildApplication(app.services, { enterpriseId });
    const form = (i: number) => {
      const f = completeApplicationForm();
      return { ...f, table11: { ...f.table11, contactName: `联系人${i}` } };
    };
    const half = N / 2;
    const res = await Promise.all([
      ...Array.from({ length: half }, (_, i) => req(ent, 'PUT', `/api/v1/applications/${a.id}/form`, { form: form(i) })),
      req(ent, 'POST', '/api/v1/applications/submit', { applicationIds: [a.id], notApplyingNow: await otherDrafts(a.id) }),
      ...Array.from({ length: half }, (_, i) => req(ent, 'PUT', `/api/v1/applications/${a.id}/form`, { form: form(half + i) })),
    ]);
    expect(res[half]!.statusCode, res[half]!.body).toBe(200);
    for (const r of res) {
      expect([200, 409]).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json().error.code).toBe('APPLICATION_FROZEN');
    }
    const { rows } = await app.database.raw.query<{ frozen: unknown; live: unknown }>(
      `SELECT v.form AS frozen, a.form AS live FROM applications a JOIN application_versions v ON v.application_id = a.id AND v.version = a.version WHERE a.id = $1`,
      [a.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.frozen).toEqual(rows[0]!.live);
    const saves = res.filter((r, i) => i !== half && r.statusCode === 200).length;
    expect(await auditCount(app, 'application.saved', a.id)).toBe(1 + saves); // the factory's save + the winners
  });
});

describe('applications: review', () => {
  it('forward and return: one each', async () => {
    const a = await submitted();
    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/applications/${a.id}/forward`, PROVINCIAL)), ['ILLEGAL_TRANSITION']);
    expect(await state(a.id)).toBe('forwarded');
    expect(await auditCount(app, 'application.forward', a.id)).toBe(1);

    const b = await submitted();
    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/applications/${b.id}/return`, { reason: '请补充材料' })), ['ILLEGAL_TRANSITION']);
    const after = (await app.services.applications.loadInternal(b.id))!;
    expect(after).toMatchObject({ state: 'returned', version: b.version + 1 });
    expect(await auditCount(app, 'application.return_for_supplement', b.id)).toBe(1);
  });

  it('assign experts: one assignment of three', async () => {
    const a = await forwarded();
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/applications/${a.id}/experts`, { expertIds: experts.map((e) => e.id) })), ['ILLEGAL_TRANSITION']);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM expert_assignments WHERE application_id = $1`, [a.id])).toBe(3);
    expect(await auditCount(app, 'application.assign_experts', a.id)).toBe(1);
  });

  it('expert opinion: the same opinion sent N times is recorded once', async () => {
    const a = await inExpertReview();
    expectOneWinner(await race(() => req(experts[0]!.session, 'POST', `/api/v1/applications/${a.id}/opinion`, OPINION)), ['OPINION_UNCHANGED']);
    expect(await auditCount(app, 'application.record_opinion', a.id)).toBe(1);
    // a revision is still a new opinion
    const revised = await req(experts[0]!.session, 'POST', `/api/v1/applications/${a.id}/opinion`, { ...OPINION, recommendation: 'revise' });
    expect(revised.statusCode).toBe(200);
  });

  it('complete expert review and record the on-site check: one each', async () => {
    const a = await inExpertReview();
    for (const e of experts) await app.services.review.recordOpinion(e.ctx, a.id, OPINION);
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/applications/${a.id}/complete-expert-review`, {})), ['ILLEGAL_TRANSITION']);
    expect(await state(a.id)).toBe('onsite_check');
    expect(await auditCount(app, 'application.complete_expert_review', a.id)).toBe(1);

    const body = { team: ['李一'], date: '2026-01-05', findings: FINDINGS, photoIds: [], conclusion: 'pass' };
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/applications/${a.id}/onsite-check`, body)), ['ILLEGAL_TRANSITION']);
    expect(await state(a.id)).toBe('ready_for_notice');
    expect(await countOf(app, `SELECT count(*)::int AS n FROM onsite_checks WHERE application_id = $1`, [a.id])).toBe(1);
    expect(await auditCount(app, 'application.onsite_recorded', a.id)).toBe(1);
  });

  it('withdraw: one withdrawal', async () => {
    const a = await submitted();
    expectOneWinner(await race(() => req(ent, 'POST', `/api/v1/applications/${a.id}/withdraw`, { reason: '暂缓申请' })), ['ILLEGAL_TRANSITION']);
    expect(await auditCount(app, 'application.withdraw', a.id)).toBe(1);
  });
});

describe('公示 and 公告', () => {
  it('add to notice: one batch lists the case', async () => {
    const a = await readyForNotice();
    expectOneWinner(await race((i) => req(miit, 'POST', '/api/v1/notices', { title: `公示 ${i}`, applicationIds: [a.id] })), ['ILLEGAL_TRANSITION']);
    expect(await state(a.id)).toBe('in_notice');
    expect(await countOf(app, `SELECT count(*)::int AS n FROM notice_entries WHERE application_id = $1`, [a.id])).toBe(1);
    expect(await auditCount(app, 'application.add_to_notice', a.id)).toBe(1);
  });

  it('objection resolved as upheld and as dismissed at once: one decision, and the case follows it', async () => {
    const { a, batch } = await inNotice();
    const [entry] = await app.services.notices.entries([batch.id]);
    const o = await app.services.notices.fileObjection({ principal: null, ip: '127.0.0.2', requestId: 't' }, batch.id, { name: '张三', contact: '13800000000', entryId: entry!.id, reason: '请核实该企业情况。' }, []);
    const res = await race((i) =>
      req(miit, 'POST', `/api/v1/objections/${o.id}/resolve`, i % 2 ? { decision: 'dismissed', resolution: '异议不成立。' } : { decision: 'upheld', resolution: '异议成立。' }),
    );
    const won = expectOneWinner(res, ['ALREADY_RESOLVED']);
    const decision = won.json().status as string;
    const { rows } = await app.database.raw.query<{ status: string }>(`SELECT status FROM objections WHERE id = $1`, [o.id]);
    expect(rows[0]!.status).toBe(decision);
    const [after] = await app.services.notices.entries([batch.id]);
    if (decision === 'upheld') {
      expect(await state(a.id)).toBe('rejected');
      expect(after!.status).toBe('removed');
      expect(await auditCount(app, 'application.uphold_objection', a.id)).toBe(1);
    } else {
      expect(await state(a.id)).toBe('in_notice');
      expect(after!.status).toBe('listed');
      expect(await auditCount(app, 'application.uphold_objection', a.id)).toBe(0);
    }
    expect((await auditCount(app, 'notice.objection_upheld', o.id)) + (await auditCount(app, 'notice.objection_dismissed', o.id))).toBe(1);
  });

  it('close the notice, then publish the announcement: one each (the batch number is drawn once)', async () => {
    const { a, batch } = await inNotice();
    const today = clock.now().toISOString();
    clock.set('2026-01-20T02:00:00Z'); // after the window
    try {
      expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/notices/${batch.id}/close`, {})), ['NOTICE_CLOSED']);
      expect(await state(a.id)).toBe('notice_passed');
      expect(await auditCount(app, 'notice.closed', batch.id)).toBe(1);

      const res = await race(() => req(miit, 'POST', '/api/v1/announcements', { applicationIds: [a.id], announcedOn: '2026-01-20' }));
      expectOneWinner(res, ['ILLEGAL_TRANSITION']);
      expect(await state(a.id)).toBe('announced');
      expect(await countOf(app, `SELECT count(*)::int AS n FROM announcement_entries WHERE application_id = $1`, [a.id])).toBe(1);
      expect(await auditCount(app, 'application.announce', a.id)).toBe(1);
    } finally {
      clock.set(today);
    }
  });

  it('publish different cases at once: distinct batch numbers, no 500; the same document number twice: 409', async () => {
    const today = clock.now().toISOString();
    const cases = [];
    for (let i = 0; i < 3; i++) cases.push(await inNotice());
    clock.set('2026-01-20T02:00:00Z');
    try {
      for (const c of cases) await app.services.notices.close(miitCtx, c.batch.id);
      const res = await Promise.all(cases.map((c) => req(miit, 'POST', '/api/v1/announcements', { applicationIds: [c.a.id], announcedOn: '2026-01-20' })));
      expect(res.map((r) => r.statusCode), res.map((r) => r.body).join(' | ')).toEqual([201, 201, 201]);
      expect(new Set(res.map((r) => r.json().batchNo)).size).toBe(3);
      const dup = app.services.announcements.importHistoric(miitCtx, { docNumber: res[0]!.json().docNumber, announcedOn: '2026-01-20', title: '重复文号', entries: [] });
      await expect(dup).rejects.toMatchObject({ status: 409, code: 'ANNOUNCEMENT_EXISTS' });
    } finally {
      clock.set(today);
    }
  });
});

describe('annual reports', () => {
  let site = { id: '', siteId: '' };
  let entA: Session;
  beforeAll(async () => {
    [site] = (await announcedEnterprises(app, 1)) as typeof site[];
    entA = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: site.id })).username, TEST_PASSWORD);
  });
  const complete = (contactName = '联系人') => {
    const f = sampleReportForm({ compiledOn: '2026-01-05' });
    return { ...f, cover: { ...f.cover, contactName } };
  };

  it('create report: one per site and year, the others 409 REPORT_EXISTS', async () => {
    const res = await race(() => req(entA, 'POST', '/api/v1/annual-reports', { siteId: site.siteId, year: 2025 }));
    const won = expectOneWinner(res, ['REPORT_EXISTS']);
    expect(await auditCount(app, 'annual_report.created', won.json().id)).toBe(1);
  });

  it('save while submitting, then submit, return, accept and forward: one each; the submitted totals are the live form', async () => {
    const [r] = (await app.services.annualReports.list((await enterpriseAdminCtx(app.services, site.id)).principal, 2025)).map((o) => o.report!);
    const id = r!.id;
    await app.services.annualReports.saveForm(await enterpriseAdminCtx(app.services, site.id), id, complete());
    const half = N / 2;
    const res = await Promise.all([
      ...Array.from({ length: half }, (_, i) => req(entA, 'PUT', `/api/v1/annual-reports/${id}/form`, { form: complete(`联系人${i}`) })),
      req(entA, 'POST', `/api/v1/annual-reports/${id}/submit`, {}),
      ...Array.from({ length: half }, (_, i) => req(entA, 'PUT', `/api/v1/annual-reports/${id}/form`, { form: complete(`联系人${half + i}`) })),
    ]);
    expect(res[half]!.statusCode, res[half]!.body).toBe(200);
    for (const x of res) {
      expect([200, 409]).toContain(x.statusCode);
      if (x.statusCode === 409) expect(x.json().error.code).toBe('REPORT_FROZEN');
    }
    // The audit chain is appended under a lock held until commit, so its ids are the commit order: no save
    // committed after the submission, and the form submitted (the stored one) is the last save's form (its digest).
    const { rows } = await app.database.raw.query<{ state: string; form: unknown }>(`SELECT state, form FROM annual_reports WHERE id = $1`, [id]);
    expect(rows[0]!.state).toBe('submitted');
    const trail = (await app.database.raw.query<{ action: string; digest: string }>(`SELECT action, digest FROM audit_log WHERE object_id = $1 AND action IN ('annual_report.saved', 'annual_report.submit') ORDER BY id`, [id])).rows;
    expect(trail.at(-1)!.action).toBe('annual_report.submit');
    expect(trail.at(-2)).toMatchObject({ action: 'annual_report.saved', digest: createHash('sha256').update(canonicalJson(rows[0]!.form)).digest('hex') });

    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/annual-reports/${id}/return`, { reason: '请补充' })), ['ILLEGAL_TRANSITION']);
    expect(await auditCount(app, 'annual_report.return', id)).toBe(1);

    expectOneWinner(await race(() => req(entA, 'POST', `/api/v1/annual-reports/${id}/submit`, {})), ['ILLEGAL_TRANSITION']);
    expect(await auditCount(app, 'annual_report.submit', id)).toBe(2); // the first submission and this one

    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/annual-reports/${id}/accept`, { opinion: '同意' })), ['ILLEGAL_TRANSITION']);
    expect(await auditCount(app, 'annual_report.accept', id)).toBe(1);

    expectOneWinner(await race(() => req(gd, 'POST', '/api/v1/annual-reports/forward', { year: 2025 })), ['NOTHING_TO_FORWARD']);
    expect(await auditCount(app, 'annual_report.forward', id)).toBe(1);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM annual_report_forwardings WHERE authority_id = 'prov-440000' AND year = 2025`, [])).toBe(1);
  });
});

describe('dynamic management: changes, complaints, revocations', () => {
  let ents: { id: string; siteId: string }[] = [];
  let entSession: Session;
  beforeAll(async () => {
    ents = await announcedEnterprises(app, 2);
    entSession = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: ents[0]!.id })).username, TEST_PASSWORD);
  });

  it('change request: check and confirm, one each', async () => {
    const c = await app.services.changes.create(await enterpriseAdminCtx(app.services, ents[0]!.id), { changeDate: '2026-01-02', description: '企业更名', items: [{ fact: 'enterpriseName', old: '旧名', new: '新名再制造有限公司' }] }, []);
    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/changes/${c.id}/check`, { passed: true, opinion: '合格' })), ['INVALID_STATE']);
    expect(await auditCount(app, 'change.check_pass', c.id)).toBe(1);
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/changes/${c.id}/confirm`, { confirmed: true, opinion: '核实' })), ['INVALID_STATE']);
    expect(await auditCount(app, 'change.confirm', c.id)).toBe(1);
  });

  it('change experts, an expert opinion and dismissing a finding (七(二)3, 七(二)4(1)): one each', async () => {
    const c = await app.services.changes.create(await enterpriseAdminCtx(app.services, ents[1]!.id), { changeDate: '2026-01-02', description: '地址变更', items: [{ fact: 'address', old: '旧址', new: '新址' }] }, []);
    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/changes/${c.id}/experts`, { expertIds: [experts[0]!.id] })), ['ALREADY_ASSIGNED']);
    expect(await auditCount(app, 'change.experts_assigned', c.id)).toBe(1);
    const opinion = { chapters: { 二: '符合' }, conclusion: 'meets' };
    expectOneWinner(await race(() => req(experts[0]!.session, 'POST', `/api/v1/changes/${c.id}/opinion`, opinion)), ['OPINION_UNCHANGED']);
    expect(await auditCount(app, 'change.expert_opinion', c.id)).toBe(1);
    await req(gd, 'POST', `/api/v1/changes/${c.id}/check`, { passed: true, opinion: '合格' });
    await req(miit, 'POST', `/api/v1/changes/${c.id}/confirm`, { confirmed: false, opinion: '不符合' });
    const f = (await req(gd, 'GET', '/api/v1/findings?state=open')).json().items.find((x: { subjectId: string }) => x.subjectId === c.id);
    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/findings/${f.id}/dismiss`, { reason: '已研究，不予报请' })), ['INVALID_STATE']);
    expect(await auditCount(app, 'finding.dismissed', f.id)).toBe(1);
  });

  it('complaint: accept, assign and open a case from it, one each', async () => {
    const c = await app.services.complaints.file({ principal: null, ip: '127.0.0.3', requestId: 't' }, { subject: '未标注再制造', enterpriseName: '不存在的企业', facts: '购买的产品没有再制造标识。', contact: null }, []);
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/complaints/${c.id}/handle`, { action: 'accept' })), ['INVALID_STATE']);
    expect(await auditCount(app, 'complaint.accept', c.id)).toBe(1);
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/complaints/${c.id}/assign`, { enterpriseId: ents[1]!.id })), ['ALREADY_ASSIGNED']);
    expect(await auditCount(app, 'complaint.assigned', c.id)).toBe(1);
    await app.services.complaints.handle(miitCtx, c.id, { action: 'substantiate', note: '情况属实' });
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/complaints/${c.id}/revocation`, { grounds: ['falsification'], facts: '投诉经核实属实。' })), ['CASE_EXISTS', 'CASE_OPEN']);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM revocation_cases WHERE enterprise_id = $1`, [ents[1]!.id])).toBe(1);
  });

  it('revocation: open, notify, statement, decision, rectification and its review, one each', async () => {
    const e = ents[0]!;
    const res = await race(() => req(miit, 'POST', '/api/v1/revocations', { enterpriseId: e.id, grounds: ['falsification'], facts: '报送材料弄虚作假。' }));
    const won = expectOneWinner(res, ['CASE_OPEN']);
    const id = won.json().id as string;
    expect(await countOf(app, `SELECT count(*)::int AS n FROM revocation_cases WHERE enterprise_id = $1`, [e.id])).toBe(1);
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/revocations/${id}/notify`, { noticeText: '拟撤销公告，请陈述申辩。' })), ['INVALID_STATE']);
    expect(await auditCount(app, 'revocation.notice_sent', id)).toBe(1);
    // 七(二)4: the provincial authority relays the notice to the enterprise, once
    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/revocations/${id}/relay`, {})), ['INVALID_STATE']);
    expect(await auditCount(app, 'revocation.notified', id)).toBe(1);
    const statement = await race(() => {
      const m = multipart({ statement: '我们已整改。' });
      return app.inject({ method: 'POST', url: `/api/v1/revocations/${id}/statement`, headers: { ...entSession.headers, ...m.headers }, payload: m.payload });
    });
    expectOneWinner(statement, ['NOT_IN_HEARING', 'INVALID_STATE']);
    expect(await auditCount(app, 'revocation.statement_received', id)).toBe(1);

    const decide = await race(() => req(miit, 'POST', `/api/v1/revocations/${id}/decide`, { outcome: 'revoked', hearingSummary: '已听取陈述申辩', reason: '情形属实' }));
    expectOneWinner(decide, ['ALREADY_DECIDED', 'INVALID_STATE']);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM revocations WHERE case_id = $1`, [id])).toBe(1);
    expect(await auditCount(app, 'revocation.revoked', id)).toBe(1);

    const rectification = await race(() => {
      const m = multipart({ text: '已完成全部整改工作。' });
      return app.inject({ method: 'POST', url: `/api/v1/revocations/${id}/rectification`, headers: { ...entSession.headers, ...m.headers }, payload: m.payload });
    });
    expectOneWinner(rectification, ['RECTIFICATION_NOT_OPEN']);
    expect(await auditCount(app, 'revocation.rectification_filed', id)).toBe(1);
    expectOneWinner(await race(() => req(gd, 'POST', `/api/v1/revocations/${id}/rectification/review`, { accept: true, opinion: '整改合格' })), ['RECTIFICATION_NOT_SUBMITTED']);
    expect(await auditCount(app, 'revocation.rectification_accepted', id)).toBe(1);
  });
});

describe('registry: creates that collide on a unique index', () => {
  it('the same credit code, site name or username N times: one created, the others 409', async () => {
    const creditCode = makeCreditCode('440106', '1234567'.padEnd(9, '8'));
    const enterprise = (i: number) => ({ name: `并发登记再制造有限公司${i}`, creditCode, regionCode: '440106', address: '测试地址', legalRepresentative: '张三', contactName: '李四', contactPhone: '020-12345678', enterpriseType: 'private', listingStatus: 'none' });
    const won = expectOneWinner(await race((i) => req(miit, 'POST', '/api/v1/enterprises', enterprise(i))), ['CREDIT_CODE_TAKEN']);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM enterprises WHERE credit_code = $1`, [creditCode])).toBe(1);

    const id = won.json().id as string;
    expectOneWinner(await race(() => req(miit, 'POST', `/api/v1/enterprises/${id}/sites`, { name: '并发厂区', address: '厂区地址', regionCode: '440106' })), ['SITE_NAME_TAKEN']);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM sites WHERE enterprise_id = $1`, [id])).toBe(1);

    const username = `race-${Date.now().toString(36)}`;
    expectOneWinner(await race(() => req(miit, 'POST', '/api/v1/users', { username, displayName: '并发', role: 'enterprise_staff', organizationId: id })), ['USERNAME_TAKEN']);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM users WHERE username = $1`, [username])).toBe(1);
  });
});

describe('traceability: steps and status under the enterprise stream lock', () => {
  const step = (kind: string, body: unknown, key?: string) =>
    app.inject({ method: 'POST', url: `/api/v1/trace/steps/${kind}`, headers: { ...ent.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: body as object });
  const events = () => countOf(app, `SELECT count(*)::int AS n FROM epcis_events WHERE enterprise_id = $1`, [enterpriseId]);
  const src = { returnedBy: '并发汽修厂', channel: 'service_center', tradeIn: false };
  async function disassembledCore() {
    const core = (await step('intake', { name: '并发旧件', source: src })).json().coreEpc as string;
    const d = await step('disassembly', { coreEpc: core, parts: [{ name: '缸体' }, { name: '缸盖' }] });
    expect(d.statusCode, d.body).toBe(201);
    return { core, parts: d.json().parts as { epc: string; name: string }[] };
  }

  it('the same step with one Idempotency-Key N times: one event; a later repeat is 409 too', async () => {
    const before = await events();
    const key = `intake-${Date.now()}`;
    const won = expectOneWinner(await race(() => step('intake', { name: '并发旧件', source: src }, key)), ['DUPLICATE_REQUEST']);
    expect(await events()).toBe(before + 1);
    const again = await step('intake', { name: '并发旧件', source: src }, key);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.eventIds).toEqual(won.json().eventIds);
    // a different key is another recording; the same key of another step is not a repeat
    expect((await step('intake', { name: '并发旧件', source: src }, `${key}-2`)).statusCode).toBe(201);
    const core = won.json().coreEpc as string;
    expect((await step('inspection', { coreEpc: core, grade: 'A', result: 'accepted' }, key)).statusCode).toBe(201);
    expect(await events()).toBe(before + 3);
  });

  it('marking (the label) with one key N times: one 标识 event of the product', async () => {
    const { parts } = await disassembledCore();
    const p = await step('reassembly', { name: '并发再制造产品', inputs: [{ epc: parts[0]!.epc, origin: 'reused', name: '缸体', massKg: 10, valueCny: 100 }] });
    expect(p.statusCode, p.body).toBe(201);
    const code = p.json().product.code as string;
    const before = await events();
    expectOneWinner(await race(() => step('marking', { code }, `mark-${code}`)), ['DUPLICATE_REQUEST']);
    expect(await events()).toBe(before + 1);
    expect(await auditCount(app, 'trace.marking', code)).toBe(1);
  });

  it('disassembling one core N times at once (no key): one disassembly, the others 409 CORE_DISASSEMBLED', async () => {
    const core = (await step('intake', { name: '并发旧件', source: src })).json().coreEpc as string;
    const before = await events();
    expectOneWinner(await race(() => step('disassembly', { coreEpc: core, parts: [{ name: '缸体' }] })), ['CORE_DISASSEMBLED']);
    expect(await events()).toBe(before + 1);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM trace_edges WHERE enterprise_id = $1 AND child_key = $2 AND kind = 'disassembly'`, [enterpriseId, core])).toBe(1);
  });

  it('building one part into N products at once (no key): one product, the others 409 INPUT_CONSUMED naming the input', async () => {
    const { parts } = await disassembledCore();
    const body = { name: '并发再制造产品', inputs: [{ epc: parts[1]!.epc, origin: 'remanufactured', name: '缸盖', massKg: 10, valueCny: 100 }] };
    const res = await race(() => step('reassembly', body));
    expectOneWinner(res, ['INPUT_CONSUMED']);
    expect(res.find((r) => r.statusCode === 409)!.json().error.details).toMatchObject({ field: 'inputs.0.epc', epc: parts[1]!.epc });
    expect(await countOf(app, `SELECT count(*)::int AS n FROM trace_products WHERE enterprise_id = $1 AND $2 = ANY(life_core_keys)`, [enterpriseId, parts[1]!.epc])).toBeLessThanOrEqual(1);
    expect(await countOf(app, `SELECT count(*)::int AS n FROM trace_edges WHERE enterprise_id = $1 AND child_key = $2 AND kind = 'transformation'`, [enterpriseId, parts[1]!.epc])).toBe(1);
  });

  it('recall N times at once: idempotent (every answer 200 and recalled), one 召回 event and one audit row', async () => {
    const { parts } = await disassembledCore();
    const code = (await step('reassembly', { name: '并发召回产品', inputs: [{ epc: parts[0]!.epc, origin: 'reused', name: '缸体', massKg: 10, valueCny: 100 }] })).json().product.code as string;
    const before = await events();
    const res = await race(() => req(ent, 'POST', `/api/v1/trace/products/${code}/status`, { status: 'recalled', reason: '批次缺陷召回' }));
    expect(res.map((r) => r.statusCode)).toEqual(res.map(() => 200));
    expect(res.every((r) => r.json().status === 'recalled')).toBe(true);
    expect(await events()).toBe(before + 1);
    expect(await auditCount(app, 'trace.product.recalled', code)).toBe(1);
  });
});
