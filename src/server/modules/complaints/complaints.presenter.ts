import { COMPLAINT_STATES } from '../../../domain/supervision/index.js';
import type { Principal } from '../../platform/principal.js';
import { complaintActions } from './complaints.policy.js';
import type { ComplaintRow } from './complaints.repo.js';

const stateLabel = (s: string) => COMPLAINT_STATES.find((x) => x.key === s) ?? { zh: s, en: s };
const CONCLUDED = ['substantiated', 'unsubstantiated', 'dismissed'];

/** The public tracking view: status and public outcome only — never the contact, evidence or handlers. */
export function presentPublic(c: ComplaintRow) {
  return {
    trackingCode: c.trackingCode,
    subject: c.subject,
    enterpriseName: c.enterpriseName,
    state: c.state,
    stateZh: stateLabel(c.state).zh,
    stateEn: stateLabel(c.state).en,
    anonymous: c.contact == null,
    filedAt: c.filedAt.toISOString(),
    concludedOn: c.concludedOn,
    outcome: CONCLUDED.includes(c.state) ? c.conclusion : null,
  };
}

/** The handlers' view (MIIT and the enterprise's authority): with the contact and the evidence list. */
export function presentForHandler(p: Principal | null, c: ComplaintRow) {
  return {
    ...presentPublic(c),
    id: c.id,
    enterpriseId: c.enterpriseId,
    authorityId: c.authorityId,
    facts: c.facts,
    contact: c.contact,
    evidenceCount: c.evidence.length,
    filedByUser: c.filedBy != null,
    revocationCaseId: c.revocationCaseId,
    actions: complaintActions(p, c),
  };
}

/** What the filer is told, with the tracking code. */
export function presentFiled(c: ComplaintRow) {
  const anonymous = c.contact == null;
  return {
    trackingCode: c.trackingCode,
    anonymous,
    message: anonymous ? '已收到您的匿名投诉举报。请保存查询码，凭码查询办理进度（匿名投诉无法回访）。' : '已收到您的投诉举报。请保存查询码，凭码查询办理进度；联系方式仅办理部门可见。',
    messageEn: anonymous
      ? 'Your anonymous complaint was received. Keep the tracking code to follow it (we cannot contact you).'
      : 'Your complaint was received. Keep the tracking code to follow it; only the handling authorities see your contact details.',
  };
}
