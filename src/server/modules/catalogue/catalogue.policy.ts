import type { CatalogueState } from '../../../domain/catalogue/workflow.js';
import { definePolicy } from '../../platform/authorize.js';
import { isAuthority, isEnterpriseUser, isMinistry, type Principal } from '../../platform/principal.js';

/**
 * Who may do what to a catalogue application (再制造产品目录), as for a 规范公告 application (applications.policy.ts):
 * the enterprise its own (staff and admin edit the draft; the admin submits and withdraws — the application is the
 * enterprise's voluntary act, 七(一)2); the provincial authority that reviews the enterprise (enterprise.authorityId)
 * once submitted (七(一)4); MIIT every submitted application (七(一)5). Others learn nothing (404). Whether the
 * state allows a step is the state machine's decision (domain/catalogue/workflow.ts; 409 for the loser of a race).
 */
export interface CatalogueSubject {
  enterpriseId: string;
  authorityId: string;
  state: CatalogueState;
}

const own = (p: Principal, s: CatalogueSubject) => isEnterpriseUser(p) && p.enterpriseId === s.enterpriseId;
const admin = (p: Principal, s: CatalogueSubject) => own(p, s) && p.kind === 'user' && p.role === 'enterprise_admin';
const reviewer = (p: Principal, s: CatalogueSubject) => isAuthority(p) && p.authorityId === s.authorityId && s.state !== 'draft';
const ministry = (p: Principal, s: CatalogueSubject) => isMinistry(p) && s.state !== 'draft';

export const catalogueApplicationPolicy = definePolicy<CatalogueSubject>()(
  'catalogue-application',
  {
    read: (p, s) => own(p, s) || reviewer(p, s) || ministry(p, s),
    edit: (p, s) => own(p, s),
    submit: (p, s) => admin(p, s),
    withdraw: (p, s) => admin(p, s),
    return: (p, s) => reviewer(p, s),
    provincial_reject: (p, s) => reviewer(p, s),
    forward: (p, s) => reviewer(p, s),
    reject: (p, s) => ministry(p, s),
    start_notice: (p, s) => ministry(p, s),
    close_notice: (p, s) => ministry(p, s),
    uphold_objection: (p, s) => ministry(p, s),
  },
  { hidden: ['read'], objectName: ['目录申请', 'Catalogue application'] },
);
