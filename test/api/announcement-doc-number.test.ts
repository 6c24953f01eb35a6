/**
 * Issue 16 item 6: the 公告文号 proposed when MIIT publishes without typing one follows the year's highest
 * number ("2026年第10号" after 第9号 of May), never a lower one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/server/platform/clock.js';
import type { RequestContext } from '../../src/server/platform/principal.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildApplication, buildEnterprise, buildExpert, buildSite, operator, TEST_PASSWORD } from '../support/factories.js';
import { actorCtx } from './concurrency.helpers.js';

const clock = manualClock('2026-12-01T02:00:00Z');
let app: TestApp;
let miit: Session;
let miitCtx: RequestContext, gdCtx: RequestContext;
const experts: { id: string; ctx: RequestContext }[] = [];
const OPINION = { chapters: { 二: '符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' }, recommendation: 'approve' as const };
const FINDINGS = { 二: '合规', 三: '在用', 四: '完整', 五: '达标', 六: '健全' };

beforeAll(async () => {
  app = await buildTestApp({}, { clock });
  const m = await actorCtx(app, 'ministry_admin', 'miit');
  miitCtx = m.ctx;
  miit = await login(app, m.username, TEST_PASSWORD);
  gdCtx = (await actorCtx(app, 'authority_reviewer', 'prov-440000')).ctx;
  for (let i = 0; i < 3; i++) {
    const ex = await buildExpert(app.services);
    experts.push({ id: ex.id, ctx: (await actorCtx(app, 'expert', ex.id)).ctx });
  }
});
afterAll(async () => app?.close());

/** An application of a Guangdong enterprise whose 公示 passed (brought there through the services). */
async function noticePassed() {
  const s = app.services;
  const enterpriseId = (await buildEnterprise(s, { regionCode: '440106' })).id;
  const a = await buildApplication(s, { enterpriseId, submit: true });
  await s.review.forward(gdCtx, a.id, { opinion: '经核实，同意报送。', handler: '王五', head: '赵六', date: '2026-12-01' });
  await s.review.assignExperts(miitCtx, a.id, experts.map((e) => e.id));
  for (const e of experts) await s.review.recordOpinion(e.ctx, a.id, OPINION);
  await s.review.completeExpertReview(miitCtx, a.id);
  await s.review.recordOnsite(miitCtx, a.id, { team: ['李一'], date: '2026-12-01', findings: FINDINGS, photoIds: [], conclusion: 'pass' });
  const batch = await s.notices.create(miitCtx, { title: '文号测试公示', applicationIds: [a.id] });
  const now = clock.now().toISOString();
  clock.set('2026-12-15T02:00:00Z'); // after the five working days
  try {
    await s.notices.close(miitCtx, batch.id);
  } finally {
    clock.set(now);
  }
  return a;
}

describe('公告文号 proposed on publication', () => {
  it('follows the year’s highest number: 第10号 after 第9号 (May) and 第3号, not 第3号', async () => {
    const s = app.services;
    const op = await operator(s);
    const e = await buildEnterprise(s);
    const site = await buildSite(s, e.id);
    await s.announcements.importHistoric(op, { docNumber: '工业和信息化部公告 2026年第9号', announcedOn: '2026-05-10', title: '五月公告', entries: [{ enterpriseId: e.id, siteId: site.id, fields: ['machine_tools'] }] });
    await s.announcements.importHistoric(op, { docNumber: '工业和信息化部公告 2026年第3号', announcedOn: '2026-03-10', title: '三月公告', entries: [] });
    await s.announcements.importHistoric(op, { docNumber: '工业和信息化部公告 2025年第40号', announcedOn: '2025-12-20', title: '去年公告', entries: [] });
    const a = await noticePassed();
    const res = await app.inject({ method: 'POST', url: '/api/v1/announcements', headers: miit.headers, payload: { applicationIds: [a.id], announcedOn: '2026-12-16' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().docNumber).toBe('工业和信息化部公告 2026年第10号');
  });
});
