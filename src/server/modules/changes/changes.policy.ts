import { nextChangeState, type ChangeEvent } from '../../../domain/supervision/index.js';
import { allowedActions, deny, definePolicy } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { inScope, isAuthorityOf, isEnterpriseAdminOf, isMinistry } from '../supervision/index.js';

export interface ChangeSubject {
  enterpriseId: string;
  authorityId: string;
  state: string;
  /** the experts of its acceptance check (七(二)3); loaded with the row where an expert may be the caller */
  expertIds?: readonly string[];
}

const assignedExpert = (p: Principal, c: ChangeSubject) => p.kind === 'user' && !!p.expertId && !!c.expertIds?.includes(p.expertId);

const ADMIN_FILES = deny('变更申请由企业管理员提交', 'The enterprise admin files change requests');

/** Who may do what on a change request (七(二)3); the state machine (domain) says when. */
export const changePolicy = definePolicy<ChangeSubject>()(
  'change_request',
  {
    read: (p, c) => inScope(p, c) || assignedExpert(p, c),
    check: (p, c) => isAuthorityOf(p, c.authorityId) || deny('验收核实由企业所在地省级主管部门进行', 'The enterprise’s authority performs the check'),
    /** 七(二)3 组织相关机构和专家验收核实: the authority that checks involves the experts */
    assign_experts: (p, c) => isAuthorityOf(p, c.authorityId) || deny('验收核实专家由企业所在地省级主管部门组织', 'The enterprise’s authority involves the experts'),
    opinion: (p, c) => assignedExpert(p, c) || deny('只有受邀专家可以提交验收意见', 'Only the experts involved record an opinion'),
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
const STEP_EVENT = { check: 'check_pass', resubmit: 'resubmit', confirm: 'confirm', assign_experts: 'check_pass', opinion: 'check_pass' } as const satisfies Record<string, ChangeEvent>;
export type ChangeStep = keyof typeof STEP_EVENT;
const STEPS = Object.keys(STEP_EVENT) as ChangeStep[];

/** The steps the caller may take now: the policy (who) and the state machine (when). */
export const changeActions = (p: Principal | null, c: ChangeSubject): ChangeStep[] => allowedActions(p, changePolicy, c, STEPS).filter((a) => nextChangeState(c.state, STEP_EVENT[a]) != null);
