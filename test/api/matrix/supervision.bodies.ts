import { announcedEnterprise, announcedHomeSite, PNG, TINY_PDF } from './flows.js';
import type { MatrixWorld, Positive, PositiveWorld } from './index.js';

/** Sample bodies for the dynamic-management routes (changes, revocations, complaints), aimed at foreign objects. */
export function bodies({ foreign, home }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/revocations': { enterpriseId: foreign.enterprise, grounds: ['falsification'], facts: '矩阵测试：报请撤销外省企业' },
    'POST /api/v1/revocations/:id/evidence': undefined,
    'POST /api/v1/revocations/:id/notify': { noticeText: '矩阵测试告知内容' },
    'POST /api/v1/revocations/:id/relay': {},
    'POST /api/v1/revocations/:id/statement': { statement: '矩阵测试陈述申辩' },
    'POST /api/v1/revocations/:id/decide': { outcome: 'revoked', hearingSummary: '矩阵', reason: '矩阵' },
    'POST /api/v1/revocations/:id/rectification': { text: '矩阵测试整改说明' },
    'POST /api/v1/revocations/:id/rectification/review': { accept: true, opinion: '矩阵' },
    'POST /api/v1/changes': { siteId: foreign.site, changeDate: '2026-11-01', description: '矩阵测试变更说明', items: [{ fact: 'address', old: '旧址', new: '新址' }] },
    'POST /api/v1/changes/:id/check': { passed: true, opinion: '矩阵' },
    'POST /api/v1/changes/:id/resubmit': { description: '矩阵测试重新提交' },
    'POST /api/v1/changes/:id/confirm': { confirmed: true, opinion: '矩阵' },
    'POST /api/v1/changes/flag-overdue': {},
    'POST /api/v1/changes/:id/experts': { expertIds: [home.expert] },
    'POST /api/v1/changes/:id/opinion': { chapters: { 二: '矩阵' }, conclusion: 'meets' },
    'POST /api/v1/findings/:id/dismiss': { reason: '矩阵不予报请' },
    'POST /api/v1/findings/evaluate': {},
    // anyone may complain about any enterprise (and its authority is told): the sample names none on the platform, so
    // that the "nothing foreign changed" snapshot stays meaningful
    'POST /api/v1/public/complaints': { subject: '矩阵测试投诉', enterpriseName: '矩阵：不在平台上的企业', facts: '矩阵测试：投诉的事实说明', contact: '13800000000' },
    'POST /api/v1/complaints/:id/handle': { action: 'accept' },
    'POST /api/v1/complaints/:id/assign': { enterpriseId: foreign.enterprise },
    'POST /api/v1/complaints/:id/revocation': { grounds: ['falsification'], facts: '矩阵测试立案事实' },
  };
}

const GROUNDS = ['falsification'];
/**
 * One revocation case carried through its procedure by the positive cases in route order (open → evidence →
 * notify → relay → statement → decide → rectification → review), on an announced enterprise of its own.
 */
const revocationCase = (w: PositiveWorld) =>
  w.once('revocation-case', async () => {
    const e = await announcedEnterprise(w);
    const r = await w.upload('authority_reviewer', '/api/v1/revocations', { fields: { enterpriseId: e.id, grounds: GROUNDS, facts: '矩阵：报请撤销的事实' }, files: [{ name: 'evidence.pdf', data: TINY_PDF, type: 'application/pdf', field: 'files' }] });
    if (r.statusCode !== 201) throw new Error(`routes-matrix setup: revocation → ${r.statusCode} ${r.body.slice(0, 300)}`);
    return { id: r.json().id as string, sha: r.json().evidence[0].sha256 as string, enterprise: e };
  });
/** A change request of a new announced home site; `failed`: its check did not pass (to be resubmitted). */
async function changeAt(w: PositiveWorld, stage: 'submitted' | 'check_failed' | 'check_passed', file = false) {
  const site = await announcedHomeSite(w);
  const body = { siteId: site.id, changeDate: '2026-11-20', description: '矩阵：地址变更说明', items: [{ fact: 'address', old: '旧址', new: '新址' }] };
  let id: string;
  if (file) {
    const r = await w.upload('enterprise_admin', '/api/v1/changes', { fields: { ...body, items: JSON.stringify(body.items) }, files: [{ name: '执照.pdf', data: TINY_PDF, type: 'application/pdf', field: 'files' }] });
    if (r.statusCode !== 201) throw new Error(`routes-matrix setup: change → ${r.statusCode} ${r.body.slice(0, 300)}`);
    id = r.json().id;
  } else id = (await w.must('enterprise_admin', 'POST', '/api/v1/changes', body)).id;
  if (stage !== 'submitted') await w.must('authority_reviewer', 'POST', `/api/v1/changes/${id}/check`, { passed: stage === 'check_passed', opinion: '矩阵核实' });
  return id;
}
/** A public complaint about the home enterprise (or an announced one of its own), handled up to `stage`. */
async function complaintAt(w: PositiveWorld, stage: 'received' | 'substantiated', about?: string, evidence = false) {
  const fields = { subject: '矩阵投诉', enterpriseName: about ?? w.home.enterpriseName!, facts: '矩阵测试：再制造产品未标注再制造信息', contact: '13800000000' };
  const r = await w.upload(null, '/api/v1/public/complaints', { fields, files: evidence ? [{ name: 'photo.png', data: PNG, type: 'image/png', field: 'files' }] : [] });
  if (r.statusCode !== 201) throw new Error(`routes-matrix setup: complaint → ${r.statusCode} ${r.body.slice(0, 300)}`);
  const code = r.json().trackingCode as string;
  const list = (await w.must('ministry_officer', 'GET', '/api/v1/complaints')).items as { id: string; trackingCode: string }[];
  const id = list.find((c) => c.trackingCode === code)!.id;
  if (stage === 'substantiated') {
    for (const action of ['accept', 'investigate']) await w.must('ministry_officer', 'POST', `/api/v1/complaints/${id}/handle`, { action });
    await w.must('ministry_officer', 'POST', `/api/v1/complaints/${id}/handle`, { action: 'substantiate', note: '矩阵：经核查情况属实' });
  }
  return { id, code };
}

/** Positive cases of dynamic management: revocations, changes, complaints. */
export const positive: Record<string, Positive> = {
  'GET /api/v1/revocations': { as: 'enterprise_staff' },
  'POST /api/v1/revocations': async (w) => ({ as: 'authority_reviewer', body: { enterpriseId: (await announcedEnterprise(w)).id, grounds: GROUNDS, facts: '矩阵：报请撤销的事实' } }),
  'GET /api/v1/revocations/:id': async (w) => ({ as: 'authority_reviewer', params: { id: (await revocationCase(w)).id } }),
  'POST /api/v1/revocations/:id/evidence': async (w) => ({ as: 'authority_reviewer', params: { id: (await revocationCase(w)).id }, form: { files: [{ name: 'more.png', data: PNG, type: 'image/png', field: 'files' }] } }),
  'POST /api/v1/revocations/:id/notify': async (w) => ({ as: 'ministry_officer', params: { id: (await revocationCase(w)).id }, body: { noticeText: '矩阵：拟撤销公告告知' } }),
  'POST /api/v1/revocations/:id/relay': async (w) => ({ as: 'authority_reviewer', params: { id: (await revocationCase(w)).id }, body: {} }),
  'POST /api/v1/revocations/:id/statement': async (w) => {
    const c = await revocationCase(w);
    return { as: 'enterprise_admin', headers: c.enterprise.session.headers, params: { id: c.id }, body: { statement: '矩阵：陈述和申辩内容' } };
  },
  'POST /api/v1/revocations/:id/decide': async (w) => ({ as: 'ministry_officer', params: { id: (await revocationCase(w)).id }, body: { outcome: 'revoked', hearingSummary: '矩阵听取', reason: '矩阵理由' } }),
  'POST /api/v1/revocations/:id/rectification': async (w) => {
    const c = await revocationCase(w);
    return { as: 'enterprise_admin', headers: c.enterprise.session.headers, params: { id: c.id }, body: { text: '矩阵：整改情况说明' } };
  },
  'POST /api/v1/revocations/:id/rectification/review': async (w) => ({ as: 'authority_reviewer', params: { id: (await revocationCase(w)).id }, body: { accept: true, opinion: '矩阵验收' } }),
  'GET /api/v1/revocations/:id/files/:sha': async (w) => {
    const c = await revocationCase(w);
    return { as: 'authority_reviewer', params: { id: c.id, sha: c.sha } };
  },
  'GET /api/v1/changes': { as: 'enterprise_staff' },
  'POST /api/v1/changes': async (w) => ({ as: 'enterprise_admin', body: { siteId: (await announcedHomeSite(w)).id, changeDate: '2026-11-20', description: '矩阵：地址变更说明', items: [{ fact: 'address', old: '旧址', new: '新址' }] } }),
  'GET /api/v1/changes/:id': async (w) => ({ as: 'authority_reviewer', params: { id: await changeAt(w, 'submitted') } }),
  'POST /api/v1/changes/:id/check': async (w) => ({ as: 'authority_reviewer', params: { id: await changeAt(w, 'submitted') }, body: { passed: true, opinion: '矩阵核实通过' } }),
  'POST /api/v1/changes/:id/resubmit': async (w) => ({ as: 'enterprise_admin', params: { id: await changeAt(w, 'check_failed') }, body: { description: '矩阵：补充材料后重新提交' } }),
  'POST /api/v1/changes/:id/confirm': async (w) => ({ as: 'ministry_officer', params: { id: await changeAt(w, 'check_passed') }, body: { confirmed: true, opinion: '矩阵核实无误' } }),
  'POST /api/v1/changes/flag-overdue': { as: 'ministry_officer', body: {} },
  'POST /api/v1/changes/:id/experts': async (w) => ({ as: 'authority_reviewer', params: { id: await changeAt(w, 'submitted') }, body: { expertIds: [w.home.expertSelf!] } }),
  'POST /api/v1/changes/:id/opinion': async (w) => {
    const id = await changeAt(w, 'submitted');
    await w.must('authority_reviewer', 'POST', `/api/v1/changes/${id}/experts`, { expertIds: [w.home.expertSelf!] });
    return { as: 'expert', params: { id }, body: { chapters: { 二: '矩阵：变更后仍符合' }, conclusion: 'meets' } };
  },
  'GET /api/v1/public/changes': { as: 'public' },
  'GET /api/v1/findings': { as: 'authority_reviewer' },
  'POST /api/v1/findings/evaluate': { as: 'ministry_officer', body: {} },
  'POST /api/v1/findings/:id/dismiss': async (w) => {
    // a change MIIT did not confirm: a possible ground 七(二)4(1) on the authority's list
    const id = await changeAt(w, 'check_passed');
    await w.must('ministry_officer', 'POST', `/api/v1/changes/${id}/confirm`, { confirmed: false, opinion: '矩阵：不符合' });
    const f = ((await w.must('authority_reviewer', 'GET', '/api/v1/findings?state=open')).items as { id: string; subjectId: string }[]).find((x) => x.subjectId === id)!;
    return { as: 'authority_reviewer', params: { id: f.id }, body: { reason: '矩阵：不予报请撤销' } };
  },
  'GET /api/v1/changes/:id/files/:sha': async (w) => {
    const id = await changeAt(w, 'submitted', true);
    const c = await w.must('authority_reviewer', 'GET', `/api/v1/changes/${id}`);
    return { as: 'authority_reviewer', params: { id, sha: c.attachments[0].sha256 } };
  },
  'POST /api/v1/public/complaints': async (w) => ({ as: 'public', body: { subject: '矩阵投诉', enterpriseName: w.home.enterpriseName, facts: '矩阵测试：再制造产品未标注再制造信息', contact: '13800000000' } }),
  'GET /api/v1/public/complaints/:trackingCode': async (w) => ({ as: 'public', params: { trackingCode: (await complaintAt(w, 'received')).code } }),
  'GET /api/v1/complaints': { as: 'authority_reviewer' },
  'GET /api/v1/complaints/:id': async (w) => ({ as: 'authority_reviewer', params: { id: (await complaintAt(w, 'received')).id } }),
  'POST /api/v1/complaints/:id/handle': async (w) => ({ as: 'authority_reviewer', params: { id: (await complaintAt(w, 'received')).id }, body: { action: 'accept' } }),
  'POST /api/v1/complaints/:id/assign': async (w) => ({ as: 'ministry_officer', params: { id: (await complaintAt(w, 'received', '矩阵：平台上没有的企业')).id }, body: { enterpriseId: w.home.enterprise } }),
  'POST /api/v1/complaints/:id/revocation': async (w) => {
    const e = await announcedEnterprise(w);
    return { as: 'ministry_officer', params: { id: (await complaintAt(w, 'substantiated', e.name)).id }, body: { grounds: GROUNDS, facts: '矩阵：投诉属实，立案' } };
  },
  'GET /api/v1/complaints/:id/evidence/:n': async (w) => ({ as: 'authority_reviewer', params: { id: (await complaintAt(w, 'received', undefined, true)).id, n: '0' } }),
};
