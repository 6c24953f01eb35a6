import { applicationAt, closableNotice, homeSite, objection, reviewPanel, TINY_PDF, uniq } from './flows.js';
import type { Positive, PositiveWorld } from './index.js';

const FINDINGS = { 二: '符合', 三: '符合', 四: '符合', 五: '符合', 六: '符合' };
const attachmentOf = async (w: PositiveWorld, applicationId: string) =>
  (await w.app.database.raw.query<{ id: string }>('SELECT id FROM application_attachments WHERE application_id = $1 AND superseded_at IS NULL LIMIT 1', [applicationId])).rows[0]!.id;
const publishedBatch = async (w: PositiveWorld) => (await w.must('public', 'GET', '/api/v1/public/announcements')).items[0].id as string;

/** Positive cases of the 规范公告 procedure: applications, 公示 and objections, announcements, the calendar. */
export const positive: Record<string, Positive> = {
  'GET /api/v1/applications': { as: 'enterprise_staff' },
  'POST /api/v1/applications': async (w) => ({ as: 'enterprise_staff', body: { siteId: (await homeSite(w)).id } }),
  'GET /api/v1/applications/:id': { as: 'authority_reviewer' },
  'PUT /api/v1/applications/:id/form': async (w) => ({ as: 'enterprise_staff', params: await applicationAt(w, 'draft'), body: { form: { fields: ['machine_tools'] } } }),
  'GET /api/v1/applications/:id/check': { as: 'enterprise_staff' },
  'POST /api/v1/applications/:id/attachments': async (w) => ({
    as: 'enterprise_staff', params: await applicationAt(w, 'draft'), form: { fields: { slot: 'r04_license' }, files: [{ name: 'licence.pdf', data: TINY_PDF, type: 'application/pdf' }] },
  }),
  'DELETE /api/v1/applications/:id/attachments/:attachmentId': async (w) => {
    const { id } = await applicationAt(w, 'draft');
    return { as: 'enterprise_staff', params: { id, attachmentId: await attachmentOf(w, id) } };
  },
  'GET /api/v1/applications/:id/attachments/:attachmentId/download': async (w) => ({ as: 'authority_reviewer', params: { attachmentId: await attachmentOf(w, w.home.application!) } }),
  'GET /api/v1/applications/:id/docx': { as: 'authority_reviewer' },
  'GET /api/v1/applications/:id/table13.docx': { as: 'authority_reviewer' },
  'POST /api/v1/applications/submit': async (w) => {
    const { id } = await applicationAt(w, 'draft');
    // 七(一)3: the enterprise's other drafts are confirmed as not applied for now
    const others = (await w.app.database.raw.query<{ id: string }>(`SELECT id FROM applications WHERE state = 'draft' AND id <> $1 AND enterprise_id = (SELECT enterprise_id FROM applications WHERE id = $1)`, [id])).rows.map((r) => r.id);
    return { as: 'enterprise_admin', body: { applicationIds: [id], notApplyingNow: others } };
  },
  'POST /api/v1/applications/:id/withdraw': async (w) => ({ as: 'enterprise_admin', params: await applicationAt(w, 'submitted'), body: { reason: '矩阵撤回' } }),
  'POST /api/v1/applications/:id/return': async (w) => ({ as: 'authority_reviewer', params: await applicationAt(w, 'submitted'), body: { reason: '矩阵退回补正' } }),
  'POST /api/v1/applications/:id/provincial-reject': async (w) => ({ as: 'authority_reviewer', params: await applicationAt(w, 'submitted'), body: { reason: '矩阵不通过' } }),
  'POST /api/v1/applications/:id/forward': async (w) => ({ as: 'authority_reviewer', params: await applicationAt(w, 'submitted'), body: { opinion: '同意报送', handler: '甲', head: '乙', date: '2026-11-23' } }),
  'POST /api/v1/applications/:id/experts': async (w) => {
    const params = await applicationAt(w, 'forwarded');
    return { as: 'ministry_officer', params, body: { expertIds: (await reviewPanel(w)).ids } };
  },
  'POST /api/v1/applications/:id/opinion': async (w) => ({ as: 'expert', params: await applicationAt(w, 'expert_review'), body: { chapters: FINDINGS, recommendation: 'approve' } }),
  'POST /api/v1/applications/:id/complete-expert-review': async (w) => {
    // all three opinions in, the review not yet completed
    const { id } = await applicationAt(w, 'expert_review');
    const opinion = { chapters: FINDINGS, recommendation: 'approve' };
    await w.must('expert', 'POST', `/api/v1/applications/${id}/opinion`, opinion);
    for (const o of (await reviewPanel(w)).others) await w.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/opinion`, headers: o.session.headers, payload: opinion });
    return { as: 'ministry_officer', params: { id }, body: {} };
  },
  'POST /api/v1/applications/:id/onsite-check': async (w) => ({ as: 'ministry_officer', params: await applicationAt(w, 'onsite_check'), body: { team: ['甲'], date: '2026-11-25', findings: FINDINGS, conclusion: 'pass' } }),
  'POST /api/v1/applications/:id/reject': async (w) => ({ as: 'ministry_officer', params: await applicationAt(w, 'forwarded'), body: { reason: '矩阵审核不通过' } }),
  'GET /api/v1/notices': { as: 'ministry_officer' },
  'POST /api/v1/notices': async (w) => ({ as: 'ministry_officer', body: { title: `矩阵公示${uniq()}`, applicationIds: [(await applicationAt(w, 'ready_for_notice')).id] } }),
  'GET /api/v1/notices/:id': async (w) => ({ as: 'ministry_officer', params: { id: (await applicationAt(w, 'in_notice')).noticeId! } }),
  'GET /api/v1/notices/:id/entries': async (w) => ({ as: 'ministry_officer', params: { id: (await applicationAt(w, 'in_notice')).noticeId! } }),
  'POST /api/v1/notices/:id/close': async (w) => ({ as: 'ministry_officer', params: { id: (await closableNotice(w)).noticeId! }, body: {} }),
  'POST /api/v1/objections/:id/resolve': async (w) => ({ as: 'ministry_officer', params: { id: (await objection(w)).objectionId }, body: { decision: 'dismissed', resolution: '矩阵：异议不成立' } }),
  'GET /api/v1/public/objections/:trackingCode': async (w) => ({ as: 'public', params: { trackingCode: (await objection(w)).trackingCode } }),
  'GET /api/v1/objections/:id/evidence/:n': async (w) => ({ as: 'ministry_officer', params: { id: (await objection(w)).objectionId, n: '0' } }),
  'GET /api/v1/calendar/overrides': { as: 'ministry_officer' },
  'PUT /api/v1/calendar/overrides/:date': { as: 'ministry_admin', params: { date: '2027-12-30' }, body: { workday: true, note: '矩阵' } },
  'GET /api/v1/public/notices': { as: 'public' },
  'GET /api/v1/public/notices/:id/entries': async (w) => ({ as: 'public', params: { id: (await applicationAt(w, 'in_notice')).noticeId! } }),
  'POST /api/v1/public/notices/:id/objections': async (w) => {
    const a = await applicationAt(w, 'in_notice');
    const notice = await w.must('ministry_officer', 'GET', `/api/v1/notices/${a.noticeId}`);
    return { as: 'public', params: { id: a.noticeId! }, body: { name: '矩阵', contact: '13800000000', entryId: notice.entries[0].id, reason: '矩阵测试异议理由' } };
  },
  'POST /api/v1/announcements': async (w) => {
    const { id, noticeId } = await closableNotice(w);
    const n = await w.must('ministry_officer', 'GET', `/api/v1/notices/${noticeId}`);
    if (n.status !== 'closed') await w.must('ministry_officer', 'POST', `/api/v1/notices/${noticeId}/close`, {});
    return { as: 'ministry_officer', params: {}, body: { applicationIds: [id] } };
  },
  'GET /api/v1/public/announcements': { as: 'public' },
  'GET /api/v1/public/announcements/:id/entries': async (w) => ({ as: 'public', params: { id: await publishedBatch(w) } }),
  'GET /api/v1/public/announced-enterprises': { as: 'public' },
  'GET /api/v1/public/announced-enterprises.xlsx': { as: 'public' },
  'GET /api/v1/public/announcements/:id/docx': async (w) => ({ as: 'public', params: { id: await publishedBatch(w) } }),
  'GET /api/v1/public/announcements/:id/xlsx': async (w) => ({ as: 'public', params: { id: await publishedBatch(w) } }),
};
