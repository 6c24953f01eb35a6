/**
 * 投诉举报 (规范条件 七(二)2) through the HTTP API: public filing (JSON or multipart with evidence), the
 * tracking code, the handlers (MIIT and the enterprise's authority), contact details hidden from the
 * enterprise and from the public, evidence checks, rate limiting, and a substantiated complaint that opens a
 * revocation case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACKING_CODE_RE } from '../../src/domain/supervision/index.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildUser, TEST_PASSWORD, TINY_PDF } from '../support/factories.js';
import { announcedEnterprises, PNG, requester, uploader } from './revocations.helpers.js';

const clock = manualClock('2026-12-01T02:00:00Z');
let app: TestApp;
let req: ReturnType<typeof requester>;
let upload: ReturnType<typeof uploader>;
let gd: Session, js: Session, miit: Session, ent: Session, entStaff: Session;
let E: { id: string; siteId: string; name: string; creditCode: string };
const CONTACT = '张先生 13912345678 zhang@example.cn';
let ip = 0;
const nextIp = () => `10.1.0.${++ip}`; // each filing from its own address, so only the rate-limit test hits the limit

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000, UPLOAD_MAX_MB: 1 }, { clock });
  req = requester(app);
  upload = uploader(app);
  const s = app.services;
  const as = async (role: Parameters<typeof buildUser>[1], organizationId?: string) => login(app, (await buildUser(s, role, { organizationId })).username, TEST_PASSWORD);
  [E] = (await announcedEnterprises(app, 1)) as [typeof E];
  gd = await as('authority_reviewer', 'prov-440000');
  js = await as('authority_reviewer', 'prov-320000');
  miit = await as('ministry_admin', 'miit');
  ent = await as('enterprise_admin', E.id);
  entStaff = await as('enterprise_staff', E.id);
});
afterAll(async () => app?.close());

const file = (payload: object, remoteAddress = nextIp()) => app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload, remoteAddress });

describe('filing and tracking', () => {
  let code = '';
  let id = '';

  it('anyone files with JSON and gets an unguessable tracking code; without contact it is anonymous', async () => {
    const res = await file({ subject: '旧件来源不明', enterpriseName: '某不存在的再制造公司', facts: '该公司回收的旧件没有任何来源记录，疑似来自非法拆解。' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().trackingCode).toMatch(TRACKING_CODE_RE);
    expect(res.json()).toMatchObject({ anonymous: true });
    expect(res.json().message).toContain('匿名');
    const other = await file({ subject: '旧件来源不明', enterpriseName: '某不存在的再制造公司', facts: '该公司回收的旧件没有任何来源记录，疑似来自非法拆解。' });
    expect(other.json().trackingCode).not.toBe(res.json().trackingCode);
  });

  it('a complaint with contact and evidence files (multipart) about a registered enterprise is matched to it', async () => {
    const res = await upload(null, '/api/v1/public/complaints', { subject: '再制造产品未标注', enterpriseName: ` ${E.name} `, facts: '购买的再制造发动机没有任何再制造标识，也无使用说明。', contact: CONTACT }, [
      { name: 'photo.png', data: PNG },
      { name: 'invoice.pdf', data: TINY_PDF },
    ], nextIp());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().anonymous).toBe(false);
    code = res.json().trackingCode;
    const list = (await req(gd, 'GET', '/api/v1/complaints')).json().items;
    const mine = list.find((c: { trackingCode: string }) => c.trackingCode === code);
    expect(mine).toMatchObject({ enterpriseId: E.id, authorityId: 'prov-440000', contact: CONTACT, evidenceCount: 2, state: 'received' });
    id = mine.id;
    const ev = await req(gd, 'GET', `/api/v1/complaints/${id}/evidence/0`);
    expect(ev.statusCode).toBe(200);
    expect(ev.headers['content-type']).toBe('image/png');
  });

  it('the public tracking view shows the status, never the contact or the evidence', async () => {
    const res = await req(null, 'GET', `/api/v1/public/complaints/${code.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ trackingCode: code, state: 'received', stateZh: '已收到，待受理', outcome: null, anonymous: false });
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('zhang@');
    expect(Object.keys(res.json())).not.toContain('contact');
    expect(Object.keys(res.json())).not.toContain('evidenceCount');
    expect((await req(null, 'GET', '/api/v1/public/complaints/ZZZZZZZZZZZZ')).statusCode).toBe(404);
    expect((await req(null, 'GET', '/api/v1/public/complaints/x')).statusCode).toBe(404);
  });

  it('the enterprise never sees complaints (nor the contact); another province’s authority gets 404', async () => {
    for (const s of [ent, entStaff]) {
      expect((await req(s, 'GET', '/api/v1/complaints')).statusCode).toBe(403);
      const one = await req(s, 'GET', `/api/v1/complaints/${id}`);
      expect(one.statusCode).toBe(403);
      expect(one.body).not.toContain('13912345678');
    }
    expect((await req(js, 'GET', `/api/v1/complaints/${id}`)).statusCode).toBe(404);
    expect((await req(js, 'POST', `/api/v1/complaints/${id}/handle`, { action: 'accept' })).statusCode).toBe(404);
    expect((await req(js, 'GET', '/api/v1/complaints')).json().items).toEqual([]);
    // an unmatched complaint is MIIT's alone until it is assigned
    expect((await req(gd, 'GET', '/api/v1/complaints')).json().items).toHaveLength(1);
    expect((await req(miit, 'GET', '/api/v1/complaints')).json().items).toHaveLength(3);
  });

  it('handlers accept, investigate and conclude with reasons; the public sees the outcome', async () => {
    expect((await req(gd, 'POST', `/api/v1/complaints/${id}/handle`, { action: 'substantiate', note: '跳步' })).statusCode).toBe(409);
    expect((await req(gd, 'POST', `/api/v1/complaints/${id}/handle`, { action: 'accept' })).json().state).toBe('accepted');
    expect((await req(gd, 'POST', `/api/v1/complaints/${id}/handle`, { action: 'investigate' })).json().state).toBe('investigating');
    const noReason = await req(gd, 'POST', `/api/v1/complaints/${id}/handle`, { action: 'substantiate' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error.details)).toContain('note');
    const done = await req(gd, 'POST', `/api/v1/complaints/${id}/handle`, { action: 'substantiate', note: '经现场核查，该批产品未按规范条件六(二)标注再制造信息，情况属实。' });
    expect(done.json()).toMatchObject({ state: 'substantiated', concludedOn: '2026-12-01' });
    const pub = (await req(null, 'GET', `/api/v1/public/complaints/${code}`)).json();
    expect(pub).toMatchObject({ state: 'substantiated', outcome: expect.stringContaining('情况属实') });
  });

  it('MIIT opens a revocation case from the substantiated complaint; the enterprise’s view of it has no contact', async () => {
    expect((await req(gd, 'POST', `/api/v1/complaints/${id}/revocation`, { grounds: ['conditions_not_maintained'], facts: '省级不能立案' })).statusCode).toBe(403);
    const res = await req(miit, 'POST', `/api/v1/complaints/${id}/revocation`, { grounds: ['conditions_not_maintained'], facts: '投诉经核实属实：产品未标注再制造信息。' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ origin: 'complaint', complaintId: id, state: 'opened' });
    expect(res.json().evidence).toHaveLength(2);
    const caseId = res.json().id;
    expect((await req(miit, 'GET', `/api/v1/complaints/${id}`)).json().revocationCaseId).toBe(caseId);
    expect((await req(miit, 'POST', `/api/v1/complaints/${id}/revocation`, { grounds: ['falsification'], facts: '重复立案测试' })).statusCode).toBe(409);
    await req(miit, 'POST', `/api/v1/revocations/${caseId}/notify`, { noticeText: '拟撤销公告，请陈述申辩。' });
    await req(gd, 'POST', `/api/v1/revocations/${caseId}/relay`, {}); // 七(二)4: through the provincial authority
    const seen = await req(ent, 'GET', `/api/v1/revocations/${caseId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ complaintId: null, evidence: [] });
    expect(seen.body).not.toContain('13912345678');
    expect(seen.body).not.toContain(code);
  });

  it('a logged-in user may file too (recorded for the handlers, not shown to the public)', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/public/complaints', headers: entStaff.headers, payload: { subject: '同行举报', enterpriseName: '某不存在的再制造公司', facts: '以登录用户身份提交的投诉举报，用于测试记录提交人。' }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(201);
    const mine = (await req(miit, 'GET', '/api/v1/complaints')).json().items.find((c: { trackingCode: string }) => c.trackingCode === res.json().trackingCode);
    expect(mine.filedByUser).toBe(true);
    const pub = await req(null, 'GET', `/api/v1/public/complaints/${res.json().trackingCode}`);
    expect(Object.keys(pub.json())).not.toContain('filedByUser');
  });

  it('a cross-site post with the session cookie but without the CSRF token is filed as anonymous, not in the user’s name', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/public/complaints', headers: { cookie: entStaff.headers.cookie! }, payload: { subject: '跨站伪造', enterpriseName: '某不存在的再制造公司', facts: '没有 CSRF 令牌、只带会话 Cookie 的提交应按匿名处理。' }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(201);
    const filed = (await req(miit, 'GET', '/api/v1/complaints')).json().items.find((c: { trackingCode: string }) => c.trackingCode === res.json().trackingCode);
    expect(filed.filedByUser).toBe(false);
  });

  it('MIIT assigns an unmatched complaint to an enterprise; its authority then sees it', async () => {
    const unmatched = (await req(miit, 'GET', '/api/v1/complaints')).json().items.find((c: { enterpriseId: string | null }) => c.enterpriseId == null);
    expect((await req(gd, 'GET', `/api/v1/complaints/${unmatched.id}`)).statusCode).toBe(404);
    const a = await req(miit, 'POST', `/api/v1/complaints/${unmatched.id}/assign`, { enterpriseId: E.id });
    expect(a.json()).toMatchObject({ enterpriseId: E.id, authorityId: 'prov-440000' });
    expect((await req(gd, 'GET', `/api/v1/complaints/${unmatched.id}`)).statusCode).toBe(200);
  });
});

describe('evidence checks and rate limit', () => {
  it('refuses a wrong-type evidence file (by content) and an oversize one, storing nothing', async () => {
    const before = (await req(miit, 'GET', '/api/v1/complaints')).json().items.length;
    const wrong = await upload(null, '/api/v1/public/complaints', { subject: '类型错误', enterpriseName: E.name, facts: '附件是一个伪装成 PDF 的文本文件。' }, [{ name: 'fake.pdf', data: Buffer.from('just text, not a pdf at all'), type: 'application/pdf' }], nextIp());
    expect(wrong.statusCode).toBe(415);
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const tooBig = await upload(null, '/api/v1/public/complaints', { subject: '文件过大', enterpriseName: E.name, facts: '附件超过单个文件大小上限的测试。' }, [{ name: 'big.pdf', data: big }], nextIp());
    expect(tooBig.statusCode).toBe(413);
    const six = await upload(null, '/api/v1/public/complaints', { subject: '文件过多', enterpriseName: E.name, facts: '附件数量超过五个的测试用例。' }, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, data: PNG })), nextIp());
    expect(six.statusCode).toBeGreaterThanOrEqual(400);
    expect(six.statusCode).toBeLessThan(500);
    const missing = await file({ subject: '缺事实', enterpriseName: E.name });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().error.details)).toContain('facts');
    expect((await req(miit, 'GET', '/api/v1/complaints')).json().items.length).toBe(before);
  });

  it('filing is rate-limited per address (10 a minute)', async () => {
    const body = { subject: '频繁提交', enterpriseName: E.name, facts: '同一地址在一分钟内反复提交投诉。' };
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await file(body, '10.9.9.9')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
    expect((await file(body, '10.9.9.10')).statusCode).toBe(201);
  });
});
