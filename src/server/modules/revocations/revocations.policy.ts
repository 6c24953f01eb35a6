import { REVOCATION_STEPS, revocationStepOpen } from '../../../domain/supervision/index.js';
import { allowedActions, deny, definePolicy } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { inScope, isAuthorityOf, isEnterpriseAdminOf, isEnterpriseSide, isMinistry } from '../supervision/index.js';

/** What the rules of a case look at (a `RevocationCaseRow` is one). */
export interface RevocationSubject {
  enterpriseId: string;
  authorityId: string;
  state: string;
}

/**
 * Who may do what on a revocation case (七(二)4). Whether the case's state allows a step is the domain's
 * `revocationStepOpen` (a step out of turn answers 409, not 403).
 */
export const revocationPolicy = definePolicy<RevocationSubject>()(
  'revocation_case',
  {
    // the enterprise learns of a case when MIIT notifies it (七(二)4 提前告知企业)
    read: (p, c) => inScope(p, c) && !(isEnterpriseSide(p) && (c.state === 'opened' || c.state === 'notice_sent')),
    /** the evidence list may identify a complainant: MIIT and the authority only */
    read_evidence: (p, c) => isMinistry(p) || isAuthorityOf(p, c.authorityId),
    notify: (p) => isMinistry(p) || deny('告知由工业和信息化部作出', 'MIIT sends the notice'),
    /** 七(二)4 通过省级工业和信息化主管部门告知企业: the enterprise's own authority relays MIIT's notice */
    relay: (p, c) => isAuthorityOf(p, c.authorityId) || deny('告知书由企业所在地省级主管部门转告企业', 'The enterprise’s provincial authority relays the notice'),
    decide: (p) => isMinistry(p) || deny('撤销决定由工业和信息化部作出', 'MIIT decides'),
    evidence: (p, c) => isMinistry(p) || isAuthorityOf(p, c.authorityId),
    statement: (p, c) => isEnterpriseAdminOf(p, c.enterpriseId) || deny('陈述和申辩由企业管理员提交', 'The enterprise admin submits the statement'),
    rectification: (p, c) => isEnterpriseAdminOf(p, c.enterpriseId) || deny('整改材料由企业管理员提交', 'The enterprise admin files the rectification'),
    review_rectification: (p, c) => isAuthorityOf(p, c.authorityId) || deny('整改由企业所在地省级主管部门验收', 'The enterprise’s authority reviews the rectification'),
  },
  { hidden: ['read', 'evidence'], objectName: ['撤销案件', 'Revocation case'] },
);

/** Opening a case is an act on the enterprise: MIIT, or the enterprise's own authority (others: 404). */
export const revocationOpeningPolicy = definePolicy<{ authorityId: string }>()(
  'revocation_opening',
  { open: (p, e) => isMinistry(p) || isAuthorityOf(p, e.authorityId) },
  { hidden: ['open'], objectName: ['企业', 'Enterprise'] },
);
export type RevocationAction = keyof typeof revocationPolicy.rules;

/** The steps the caller may take on the case today: the policy (who) and the domain (when). */
export const caseActions = (p: Principal | null, c: RevocationSubject & { statementDue: string | null; rectificationState: string | null }, today: string) =>
  allowedActions(p, revocationPolicy, c, REVOCATION_STEPS).filter((a) => revocationStepOpen(a, c, today));
