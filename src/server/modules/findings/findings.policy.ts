import { allowedActions, deny, definePolicy } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { isAuthorityOf, isMinistry } from '../supervision/index.js';

export interface FindingSubject {
  enterpriseId: string;
  authorityId: string;
  state: string;
}

/**
 * Who sees and handles a finding (a possible ground 七(二)4(1) found by the platform): the enterprise's
 * provincial authority — which 报请 a revocation, 七(二)4 — and MIIT. Enterprises never see it (it is a prompt
 * to consider, not a case). The state says when: only an open finding is dismissed.
 */
export const findingPolicy = definePolicy<FindingSubject>()(
  'supervision_finding',
  {
    read: (p, f) => isMinistry(p) || isAuthorityOf(p, f.authorityId),
    dismiss: (p, f) => isMinistry(p) || isAuthorityOf(p, f.authorityId) || deny('由企业所在地省级主管部门或工信部处理', 'The enterprise’s authority or MIIT handles it'),
  },
  { hidden: ['read'], objectName: ['核查提示', 'Finding'] },
);

export const findingActions = (p: Principal | null, f: FindingSubject) => allowedActions(p, findingPolicy, f, ['dismiss'] as const).filter(() => f.state === 'open');
