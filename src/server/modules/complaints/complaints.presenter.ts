import { COMPLAINT_STATES } from '../../../domain/supervision/index.js';
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
export function presentForHandler(c: ComplaintRow, actions: string[]) {
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
    actions,
  };
}
