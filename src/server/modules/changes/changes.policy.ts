import { nextChangeState, type ChangeEvent } from '../../../domain/supervision/index.js';
import { allowedActions, deny, definePolicy } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { inScope, isAuthorityOf, isEnterpriseAdminOf, isMinistry } from '../supervision/index.js';

export interface ChangeSubject {
  enterpriseId: string;
  authorityId: string;
  state: string;
}

const ADMIN_FILES = deny('变更申请由企业管理员提交', 'The enterprise admin files change requests');

/** Who may do what on a change request (七(二)3); the state machine (domain) says when. */
export const changePolicy = definePolicy<ChangeSubject>()(
  'change_request',
  {
    read: (p, c) => inScope(p, c),
    check: (p, c) => isAuthorityOf(p, c.authorityId) || deny('验收核实由企业所在地省级主管部门进行', 'The enterprise’s authority performs the check'),
    resubmit: (p, c) => isEnterpriseAdminOf(p, c.enterpriseId) || ADMIN_FILES,
    confirm: (p) => isMinistry(p) || deny('核实由工业和信息化部进行', 'MIIT confirms'),
  },
  { hidden: ['read'], objectName: ['变更申请', 'Change request'] },
);

/** Filing a change request is an act of the enterprise's admin for their own enterprise. */
export const changeFilingPolicy = definePolicy<{ enterpriseId: string | null }>()('change_filing', {
  file: (p, e) => isEnterpriseAdminOf(p, e.enterpriseId) || ADMIN_FILES,
});

/** The buttons of a change request and the event each one starts. */
const STEP_EVENT = { check: 'check_pass', resubmit: 'resubmit', confirm: 'confirm' } as const satisfies Record<string, ChangeEvent>;
export type ChangeStep = keyof typeof STEP_EVENT;
const STEPS = Object.keys(STEP_EVENT) as ChangeStep[];

/** The steps the caller may take now: the policy (who) and the state machine (when). */
export const changeActions = (p: Principal | null, c: ChangeSubject): ChangeStep[] => allowedActions(p, changePolicy, c, STEPS).filter((a) => nextChangeState(c.state, STEP_EVENT[a]) != null);
