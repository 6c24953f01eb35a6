/**
 * 撤销公告 (规范条件 七(二)4) through the HTTP API: the five grounds, a provincial request and MIIT's own case,
 * the hearing (告知 → 陈述和申辩) before any decision, the public list after a revocation, the rectification
 * and the two-year reapply lock counted from the accepted rectification, jurisdiction scoping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVOCATION_GROUND_KEYS } from '../../src/domain/supervision/index.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { announcedEnterprises, requester, uploader } from './revocations.helpers.js';

const clock = manualClock('2026-12-01T02:00:00Z'); // Tuesday, 10:00 in Shanghai
let app: TestApp;
let req: ReturnType<typeof requester>;
let upload: ReturnType<typeof uploader>;
let gd: Session, js: Session, miit: Session, officer: Session;
const ents: { id: string; siteId: string; name: string; creditCode: string; admin?: Session }[] = [];

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  req = requester(app);
  upload = uploader(app);
  const s = app.services;
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  gd = await as('authority_reviewer', 'prov-440000');
  js = await as('authority_reviewer', 'prov-320000');
  miit = await as('ministry_admin', 'miit');
  officer = await as('ministry_officer', 'miit');
  for (const e of await announcedEnterprises(app, 7)) ents.push({ ...e, admin: await as('enterprise_admin', e.id) });
});
afterAll(async () => app?.close());

describe('grounds (七(二)4 (1)–(5))', () => {
  it('the five grounds are exactly those of the clause', async () => {
    expect(REVOCATION_GROUND_KEYS).toHaveLength(5);
  });

  it('a provincial authority requests a revocation on each of the five grounds, with evidence', async () => {
    for (const [i, g] of REVOCATION_GROUND_KEYS.entries()) {
      const res = await upload(gd, '/api/v1/revocations', { enterpriseId: ents[i]!.id, grounds: g, facts: `第 ${i + 1} 项情形的事实说明` }, [{ name: 'evidence.pdf', data: TINY_PDF }]);
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({ state: 'opened', origin: 'provincial_request', enterpriseId: ents[i]!.id });
      expect(c.grounds[0]).toMatchObject({ key: g, clause: `七(二)4(${i + 1})` });
      expect(c.evidence).toHaveLength(1);
      // 七(二)4(2): the annual-reports capability's record of the overdue 2025 report is attached to the facts
      if (g === 'annual_report_missing') expect(c.facts).toMatch(/【平台记录】.*2025 年度报告逾期未报送（截止 2026-03-31）/);
      else expect(c.facts).not.toContain('【平台记录】');
    }
  });

  it('an unknown ground is refused, naming the field', async () => {
    const res = await req(miit, 'POST', '/api/v1/revocations', { enterpriseId: ents[5]!.id, grounds: ['late_payment'], facts: '不在七(二)4 之列的理由' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('grounds');
    const none = await req(miit, 'POST', '/api/v1/revocations', { enterpriseId: ents[5]!.id, grounds: [], facts: '没有理由也想撤销' });
    expect(none.statusCode).toBe(400);
  });

  it('a second open case for the same enterprise is refused', async () => {
    const res = await req(miit, 'POST', '/api/v1/revocations', { enterpriseId: ents[0]!.id, grounds: ['falsification'], facts: '重复立案测试事实' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CASE_OPEN');
  });
});

describe('jurisdiction', () => {
  it('another province’s authority cannot request, see or act on the case (404), and its list is empty', async () => {
    const res = await req(js, 'POST', '/api/v1/revocations', { enterpriseId: ents[5]!.id, grounds: ['falsification'], facts: '外省报请测试事实' });
    expect(res.statusCode).toBe(404);
    const list = (await req(gd, 'GET', '/api/v1/revocations')).json().items;
    expect(list.length).toBeGreaterThanOrEqual(5);
    const id = list[0].id;
    expect((await req(js, 'GET', `/api/v1/revocations/${id}`)).statusCode).toBe(404);
    expect((await req(js, 'GET', '/api/v1/revocations')).json().items).toEqual([]);
    // another enterprise does not see it either; its own enterprise sees it only once notified
    expect((await req(ents[6]!.admin!, 'GET', `/api/v1/revocations/${id}`)).statusCode).toBe(404);
    const owner = ents.find((e) => e.id === list[0].enterpriseId)!;
    expect((await req(owner.admin!, 'GET', `/api/v1/revocations/${id}`)).statusCode).toBe(404);
  });
});

describe('hearing before the decision (七(二)4 告知 + 陈述和申辩)', () => {
  let caseId = '';
  const e = () => ents[5]!;

  it('MIIT opens a case itself; deciding before the notice is 409 HEARING_REQUIRED', async () => {
    const res = await req(officer, 'POST', '/api/v1/revocations', { enterpriseId: e().id, grounds: ['supervision_refused_or_failed', 'conditions_not_maintained'], facts: '监督检查不合格，整改未完成' });
    expect(res.statusCode).toBe(201);
    expect(res.json().origin).toBe('ministry');
    caseId = res.json().id;
    const d = await req(miit, 'POST', `/api/v1/revocations/${caseId}/decide`, { outcome: 'revoked', hearingSummary: '未听取', reason: '直接撤销' });
    expect(d.statusCode).toBe(409);
    expect(d.json().error.code).toBe('HEARING_REQUIRED');
  });

  it('the authority cannot notify or decide (MIIT only)', async () => {
    expect((await req(gd, 'POST', `/api/v1/revocations/${caseId}/notify`, { noticeText: '拟撤销公告，请陈述申辩' })).statusCode).toBe(403);
    expect((await req(gd, 'POST', `/api/v1/revocations/${caseId}/decide`, { outcome: 'revoked', hearingSummary: 'x x', reason: 'x x' })).statusCode).toBe(403);
  });

  it('七(二)4: the notice goes to the authority first; the enterprise is notified when the authority relays it', async () => {
    const res = await req(miit, 'POST', `/api/v1/revocations/${caseId}/notify`, { noticeText: '经查，贵企业监督检查不合格，拟撤销公告。请在期限内陈述和申辩。' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'notice_sent', noticeSentOn: '2026-12-01', notifiedOn: null, relayedOn: null, statementWorkingDays: 10 });
    const gdN = (await req(gd, 'GET', '/api/v1/notifications')).json().items;
    expect(gdN.some((n: { kind: string }) => n.kind === 'revocation.notice')).toBe(true);
    // not yet relayed: the enterprise neither sees the case nor is told; no decision either
    expect((await req(e().admin!, 'GET', `/api/v1/revocations/${caseId}`)).statusCode).toBe(404);
    expect((await req(e().admin!, 'GET', '/api/v1/notifications')).json().items.some((n: { kind: string }) => n.kind === 'revocation.notice')).toBe(false);
    expect((await req(miit, 'POST', `/api/v1/revocations/${caseId}/decide`, { outcome: 'revoked', hearingSummary: '未送达', reason: '未送达' })).json().error.code).toBe('HEARING_REQUIRED');
    expect((await req(gd, 'GET', `/api/v1/revocations/${caseId}`)).json().actions).toContain('relay');
    // only the enterprise's own authority relays; the date lies between the sending and today
    expect((await req(js, 'POST', `/api/v1/revocations/${caseId}/relay`, {})).statusCode).toBe(404);
    expect((await req(miit, 'POST', `/api/v1/revocations/${caseId}/relay`, {})).statusCode).toBe(403);
    for (const relayedOn of ['2026-11-30', '2026-12-02']) {
      const bad = await req(gd, 'POST', `/api/v1/revocations/${caseId}/relay`, { relayedOn });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('relayedOn');
    }
    const relayed = await req(gd, 'POST', `/api/v1/revocations/${caseId}/relay`, { relayedOn: '2026-12-01' });
    expect(relayed.statusCode, relayed.body).toBe(200);
    // relayed on Tue 2026-12-01: ten working days from Wed 12-02 → Tue 12-15; both dates kept
    expect(relayed.json()).toMatchObject({ state: 'notified', noticeSentOn: '2026-12-01', relayedOn: '2026-12-01', notifiedOn: '2026-12-01', statementDue: '2026-12-15' });
    expect((await req(gd, 'POST', `/api/v1/revocations/${caseId}/relay`, {})).statusCode).toBe(409);
    const entN = (await req(e().admin!, 'GET', '/api/v1/notifications')).json().items;
    expect(entN.some((n: { kind: string }) => n.kind === 'revocation.notice')).toBe(true);
    // now the enterprise sees its case (without the evidence list)
    const seen = await req(e().admin!, 'GET', `/api/v1/revocations/${caseId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toContain('statement');
  });

  it('deciding while the period runs and no statement was received is 409 HEARING_PERIOD_OPEN', async () => {
    const d = await req(miit, 'POST', `/api/v1/revocations/${caseId}/decide`, { outcome: 'revoked', hearingSummary: '期内', reason: '提前决定' });
    expect(d.statusCode).toBe(409);
    expect(d.json().error.code).toBe('HEARING_PERIOD_OPEN');
  });

  it('the enterprise submits its statement and defence with attachments; then MIIT revokes', async () => {
    const st = await upload(e().admin!, `/api/v1/revocations/${caseId}/statement`, { statement: '我公司已完成整改，申请不予撤销。' }, [{ name: 'defence.pdf', data: TINY_PDF }]);
    expect(st.statusCode, st.body).toBe(200);
    expect(st.json()).toMatchObject({ state: 'statement_received', statementOn: '2026-12-01' });
    expect(st.json().statementFiles).toHaveLength(1);
    const again = await req(e().admin!, 'POST', `/api/v1/revocations/${caseId}/statement`, { statement: '再次陈述申辩内容' });
    expect(again.statusCode).toBe(409);
    const d = await req(miit, 'POST', `/api/v1/revocations/${caseId}/decide`, { outcome: 'revoked', hearingSummary: '企业称已整改，但未提供检验合格证明。', reason: '监督检查不合格且未能保持规范条件要求' });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ state: 'revoked', decidedOn: '2026-12-01' });
  });

  it('a revoked enterprise is off the public list; the published batch shows it revoked and when', async () => {
    const list = (await req(null, 'GET', `/api/v1/public/announced-enterprises?q=${encodeURIComponent(e().name)}`)).json();
    expect(list.total).toBe(0);
    const other = (await req(null, 'GET', `/api/v1/public/announced-enterprises?q=${encodeURIComponent(ents[6]!.name)}`)).json();
    expect(other.total).toBe(1);
    const batches = (await req(null, 'GET', '/api/v1/public/announcements')).json().items;
    const entry = batches.flatMap((b: { entries: { creditCode: string }[] }) => b.entries).find((x: { creditCode: string }) => x.creditCode === e().creditCode);
    expect(entry).toMatchObject({ status: 'revoked', revokedOn: '2026-12-01' });
  });

  it('when the period elapses without a statement, MIIT may decide; a late statement is refused', async () => {
    const e4 = ents[4]!;
    const c = (await req(miit, 'GET', '/api/v1/revocations')).json().items.find((x: { enterpriseId: string }) => x.enterpriseId === e4.id);
    expect((await req(miit, 'POST', `/api/v1/revocations/${c.id}/notify`, { noticeText: '拟撤销公告告知书', statementDue: '2026-12-04' })).statusCode).toBe(200);
    const n = await req(gd, 'POST', `/api/v1/revocations/${c.id}/relay`, {});
    expect(n.json()).toMatchObject({ state: 'notified', statementDue: '2026-12-04' });
    clock.set('2026-12-04T15:00:00Z'); // 23:00 in Shanghai on the due day: still open
    expect((await req(miit, 'POST', `/api/v1/revocations/${c.id}/decide`, { outcome: 'not_revoked', hearingSummary: 'x x', reason: 'x x' })).json().error.code).toBe('HEARING_PERIOD_OPEN');
    clock.set('2026-12-05T02:00:00Z');
    const late = await req(e4.admin!, 'POST', `/api/v1/revocations/${c.id}/statement`, { statement: '逾期提交的陈述申辩' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('STATEMENT_PERIOD_CLOSED');
    const d = await req(miit, 'POST', `/api/v1/revocations/${c.id}/decide`, { outcome: 'not_revoked', hearingSummary: '企业在期限内未陈述申辩。', reason: '经复核事故等级未达较大，不予撤销' });
    expect(d.statusCode).toBe(200);
    expect(d.json().state).toBe('not_revoked');
    expect((await req(null, 'GET', `/api/v1/public/announced-enterprises?q=${encodeURIComponent(e4.name)}`)).json().total).toBe(1);
    clock.set('2026-12-01T02:00:00Z');
  });
});

describe('rectification and the two-year lock (七(二)4 经整改合格2年后)', () => {
  const e = () => ents[5]!;
  let caseId = '';

  it('a new application is refused while the rectification is pending', async () => {
    caseId = (await req(miit, 'GET', '/api/v1/revocations?state=revoked')).json().items[0].id;
    const res = await req(e().admin!, 'POST', '/api/v1/applications', { siteId: e().siteId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'REAPPLY_LOCKED', details: { until: null } });
  });

  it('the enterprise files the rectification; another province cannot review it; its authority accepts', async () => {
    clock.set('2027-03-10T02:00:00Z');
    const r = await upload(e().admin!, `/api/v1/revocations/${caseId}/rectification`, { text: '已更换检测设备并通过第三方检验。' }, [{ name: 'report.pdf', data: TINY_PDF }]);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().rectificationState).toBe('submitted');
    expect((await req(js, 'POST', `/api/v1/revocations/${caseId}/rectification/review`, { accept: true, opinion: '外省验收' })).statusCode).toBe(404);
    expect((await req(miit, 'POST', `/api/v1/revocations/${caseId}/rectification/review`, { accept: true, opinion: '部里验收' })).statusCode).toBe(403);
    const ok = await req(gd, 'POST', `/api/v1/revocations/${caseId}/rectification/review`, { accept: true, opinion: '经现场核实，整改合格。' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rectificationState: 'accepted', rectificationAcceptedOn: '2027-03-10', reapplyFrom: '2029-03-11' });
  });

  it('a new draft is refused the day before two years have passed and allowed the day after', async () => {
    clock.set('2029-03-10T02:00:00Z');
    const locked = await req(e().admin!, 'POST', '/api/v1/applications', { siteId: e().siteId });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'REAPPLY_LOCKED', details: { until: '2029-03-10', reapplyFrom: '2029-03-11' } });
    clock.set('2029-03-11T02:00:00Z');
    expect((await req(e().admin!, 'POST', '/api/v1/applications', { siteId: e().siteId })).statusCode).toBe(201);
    clock.set('2026-12-01T02:00:00Z');
  });
});
