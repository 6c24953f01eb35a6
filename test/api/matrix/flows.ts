/**
 * Shared fixtures of the positive matrix: objects of the home side brought to the state a route needs, through
 * the real API (or the test factories where the API has no shortcut). Each is made once per key.
 */
import { buildApplication, buildEnterprise, buildSite, buildUser, operator, TEST_PASSWORD, TINY_PDF } from '../../support/factories.js';
import { login } from '../../support/app.js';
import type { PositiveWorld } from './index.js';

export { TINY_PDF };
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e40000000049454e44ae426082', 'hex');
let n = 0;
export const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** A new site of the home enterprise. */
export const homeSite = (w: PositiveWorld) => buildSite(w.app.services, w.home.enterprise!, { name: `矩阵厂区${uniq()}` });

/** A new site of the home enterprise on the announced list (historic batch of 2025-05-10: owes its 2025 annual report). */
export async function announcedHomeSite(w: PositiveWorld) {
  const site = await homeSite(w);
  await w.app.services.announcements.importHistoric(await operator(w.app.services), {
    docNumber: `工业和信息化部公告 2025年第${uniq()}号（矩阵）`, announcedOn: '2025-05-10', title: '矩阵历史批次',
    entries: [{ enterpriseId: w.home.enterprise!, siteId: site.id, fields: ['machine_tools'] }],
  });
  return site;
}

/** Two more experts (with sessions) beside the home expert: an expert review needs three. */
export function reviewPanel(w: PositiveWorld) {
  return w.once('panel', async () => {
    const others = [];
    for (let i = 0; i < 2; i++) {
      const u = await buildUser(w.app.services, 'expert');
      others.push({ id: u.expertId!, session: await login(w.app, u.username, TEST_PASSWORD) });
    }
    return { ids: [w.home.expertSelf!, ...others.map((o) => o.id)], others };
  });
}

export type Stage = 'draft' | 'submitted' | 'forwarded' | 'expert_review' | 'onsite_check' | 'ready_for_notice' | 'in_notice';
const FINDINGS = { 二: '符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' };

/** A new application of the home enterprise brought to `stage`; returns its id (and the notice's at in_notice). */
export async function applicationAt(w: PositiveWorld, stage: Stage): Promise<{ id: string; noticeId?: string }> {
  const a = await buildApplication(w.app.services, { enterpriseId: w.home.enterprise!, submit: stage !== 'draft' });
  const id = a.id;
  const order: Stage[] = ['draft', 'submitted', 'forwarded', 'expert_review', 'onsite_check', 'ready_for_notice', 'in_notice'];
  const reach = (s: Stage) => order.indexOf(stage) >= order.indexOf(s);
  if (reach('forwarded')) await w.must('authority_reviewer', 'POST', `/api/v1/applications/${id}/forward`, { opinion: '同意报送', handler: '甲', head: '乙', date: '2026-11-23' });
  if (reach('expert_review')) await w.must('ministry_officer', 'POST', `/api/v1/applications/${id}/experts`, { expertIds: (await reviewPanel(w)).ids });
  if (reach('onsite_check')) {
    const opinion = { chapters: FINDINGS, recommendation: 'approve' };
    await w.must('expert', 'POST', `/api/v1/applications/${id}/opinion`, opinion);
    for (const o of (await reviewPanel(w)).others) {
      const r = await w.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/opinion`, headers: o.session.headers, payload: opinion });
      if (r.statusCode !== 200) throw new Error(`matrix setup: opinion → ${r.statusCode} ${r.body}`);
    }
    await w.must('ministry_officer', 'POST', `/api/v1/applications/${id}/complete-expert-review`, {});
  }
  if (reach('ready_for_notice')) await w.must('ministry_officer', 'POST', `/api/v1/applications/${id}/onsite-check`, { team: ['甲'], date: '2026-11-25', findings: FINDINGS, conclusion: 'pass' });
  if (reach('in_notice')) {
    const notice = await w.must('ministry_officer', 'POST', '/api/v1/notices', { title: `矩阵公示${uniq()}`, applicationIds: [id] });
    return { id, noticeId: notice.id };
  }
  return { id };
}

/** A notice of the home side that has run its window, without objections: closable. */
export function closableNotice(w: PositiveWorld) {
  return w.once('closable-notice', async () => {
    const a = await applicationAt(w, 'in_notice');
    w.advanceDays(14);
    return a;
  });
}

/** An open notice with one public objection carrying an evidence file. */
export function objection(w: PositiveWorld) {
  return w.once('objection', async () => {
    const a = await applicationAt(w, 'in_notice');
    const notice = await w.must('ministry_officer', 'GET', `/api/v1/notices/${a.noticeId}`);
    const entryId = notice.entries[0].id as string;
    const r = await w.upload(null, `/api/v1/public/notices/${a.noticeId}/objections`, {
      fields: { name: '矩阵异议人', contact: '13800000000', entryId, reason: '矩阵测试：附现场照片，请核实。' },
      files: [{ name: 'photo.png', data: PNG, type: 'image/png' }],
    });
    if (r.statusCode !== 201) throw new Error(`matrix setup: objection → ${r.statusCode} ${r.body}`);
    const detail = await w.must('ministry_officer', 'GET', `/api/v1/notices/${a.noticeId}`);
    return { noticeId: a.noticeId!, entryId, objectionId: detail.objections[0].id as string, trackingCode: (r.json() as { trackingCode: string }).trackingCode };
  });
}

/**
 * Another announced Guangdong enterprise with an enterprise_admin session: revocation cases are one open case per
 * enterprise and a revoked enterprise leaves the announced list, so they do not use the home enterprise.
 */
export async function announcedEnterprise(w: PositiveWorld) {
  const s = w.app.services;
  const e = await buildEnterprise(s, { regionCode: '440106' });
  const site = await buildSite(s, e.id);
  await s.announcements.importHistoric(await operator(s), {
    docNumber: `工业和信息化部公告 2025年第${uniq()}号（矩阵）`, announcedOn: '2025-05-10', title: '矩阵历史批次',
    entries: [{ enterpriseId: e.id, siteId: site.id, fields: ['machine_tools'] }],
  });
  const admin = await buildUser(s, 'enterprise_admin', { organizationId: e.id });
  return { id: e.id, name: e.name, siteId: site.id, session: await login(w.app, admin.username, TEST_PASSWORD) };
}
