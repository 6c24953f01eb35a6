/**
 * 年度报告 read again (issue 15 item 14): MIIT reviews a forwarded report and schedules an on-site inspection when
 * needed (附2 三 "工业和信息化部将对相关情况进行核查，必要时进行现场审查"); the report downloads as a printable, signable
 * .docx of 附2 (cover with 单位公章, outline, 表2-1, 表2-3, the legal representative's confirmation).
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReportForm } from '../../src/domain/annual-report/index.js';
import { manualClock } from '../../src/server/platform/clock.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildUser, enterpriseAdminCtx, TEST_PASSWORD } from '../support/factories.js';
import { announcedWithSessions, requester } from './revocations.helpers.js';

const clock = manualClock('2026-02-10T02:00:00Z');
let app: TestApp;
let req: ReturnType<typeof requester>;
let gd: Session, miit: Session, ent: Session;
let E: { id: string; siteId: string; name: string; creditCode: string };
let reportId = '';

beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 }, { clock });
  req = requester(app);
  const s = app.services;
  ({ E, gd, miit, ent } = await announcedWithSessions(app));
  const ctx = await enterpriseAdminCtx(s, E.id);
  const r = await s.annualReports.create(ctx, { siteId: E.siteId, year: 2025 });
  reportId = r.id;
  await s.annualReports.saveForm(ctx, r.id, sampleReportForm({ enterpriseName: E.name, compiledOn: '2026-02-01' }));
  await s.annualReports.submit(ctx, r.id);
}, 240_000);
afterAll(async () => app?.close());

const OPINION = { opinion: '报告内容与省级审核意见一致，研发投入需现场核实。', onsiteInspection: { date: '2026-04-15', note: '核实研发投入和检测设备' } };

describe('附2 三: MIIT 核查, 现场审查', () => {
  it('only a forwarded report is reviewed, only by MIIT', async () => {
    expect((await req(miit, 'POST', `/api/v1/annual-reports/${reportId}/ministry-review`, OPINION)).json().error).toMatchObject({ code: 'INVALID_STATE', details: { state: 'submitted' } });
    await req(gd, 'POST', `/api/v1/annual-reports/${reportId}/accept`, { opinion: '经审核，符合要求。' });
    expect((await req(gd, 'POST', '/api/v1/annual-reports/forward', { year: 2025 })).statusCode).toBe(200);
    expect((await req(gd, 'POST', `/api/v1/annual-reports/${reportId}/ministry-review`, OPINION)).statusCode).toBe(403);
    expect((await req(ent, 'POST', `/api/v1/annual-reports/${reportId}/ministry-review`, OPINION)).statusCode).toBe(403);
    expect((await req(miit, 'GET', `/api/v1/annual-reports/${reportId}`)).json().can.ministryReview).toBe(true);
  });

  it('an inspection date in the past is refused naming the field', async () => {
    const res = await req(miit, 'POST', `/api/v1/annual-reports/${reportId}/ministry-review`, { ...OPINION, onsiteInspection: { date: '2026-02-09', note: '过去的日期' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('onsiteInspection.date');
  });

  it('MIIT records its opinion and schedules the inspection; the enterprise and the authority are told; once only', async () => {
    const res = await req(miit, 'POST', `/api/v1/annual-reports/${reportId}/ministry-review`, OPINION);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'forwarded', ministryOpinion: OPINION.opinion, onsiteInspection: OPINION.onsiteInspection, can: { ministryReview: false } });
    const notes = (await req(ent, 'GET', '/api/v1/notifications')).json().items.map((n: { title: string }) => n.title);
    expect(notes.some((t: string) => t.includes('2026-04-15') && t.includes('现场审查'))).toBe(true);
    expect((await req(gd, 'GET', '/api/v1/notifications')).json().items.some((n: { title: string }) => n.title.includes('现场审查'))).toBe(true);
    expect((await req(miit, 'POST', `/api/v1/annual-reports/${reportId}/ministry-review`, { opinion: '再次核查' })).json().error.code).toBe('ALREADY_REVIEWED');
  });
});

describe('附2 as a printable, signable .docx', () => {
  it('has the cover with 单位公章, the outline, 表2-1, 表2-3 with the figures, and signature lines', async () => {
    const res = await req(ent, 'GET', `/api/v1/annual-reports/${reportId}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of ['执行情况和企业发展年度报告', '（单位公章）', E.name, '编 报 要 求', '一、《机电产品再制造行业规范条件》执行情况说明', '表 2-1', '7.其他需要说明的情况。', '表 2-3', '机电产品再制造经营情况报表', '回收情况', '销售或租赁情况', '法定代表人（签字）', '企业（盖章）', '2026年2月1日']) {
      expect(text, s).toContain(s);
    }
    const form = sampleReportForm({ enterpriseName: E.name });
    expect(text).toContain(String(form.sites![0]!.table23!.reman!.total));
    // another province's authority cannot download it
    const js = await login(app, (await buildUser(app.services, 'authority_reviewer', { organizationId: 'prov-320000' })).username, TEST_PASSWORD);
    expect((await req(js, 'GET', `/api/v1/annual-reports/${reportId}/docx`)).statusCode).toBe(404);
  });
});
