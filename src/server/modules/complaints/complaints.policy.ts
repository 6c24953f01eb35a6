import { nextComplaintState, type ComplaintEvent } from '../../../domain/supervision/index.js';
import { allowedActions, definePolicy, type Rule } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { isAuthorityOf, isMinistry } from '../supervision/index.js';

export interface ComplaintSubject {
  enterpriseId: string | null;
  authorityId: string | null;
  state: string;
  revocationCaseId: string | null;
}

/** Handlers of a complaint: MIIT, and the authority of the enterprise it is about (never the enterprise). */
const handler: Rule<ComplaintSubject> = (p, c) => isMinistry(p) || isAuthorityOf(p, c.authorityId);

/** Who may do what on a complaint (七(二)2); the state machine (domain) says when. */
export const complaintPolicy = definePolicy<ComplaintSubject>()(
  'complaint',
  {
    read: handler,
    accept: handler,
    dismiss: handler,
    investigate: handler,
    substantiate: handler,
    unsubstantiate: handler,
    /** link it to a registered enterprise */
    assign: (p) => isMinistry(p),
    open_revocation: (p) => isMinistry(p),
  },
  { hidden: ['read'], objectName: ['投诉举报', 'Complaint'] },
);

export const COMPLAINT_EVENTS = ['accept', 'dismiss', 'investigate', 'substantiate', 'unsubstantiate'] as const satisfies readonly ComplaintEvent[];
const STEPS = [...COMPLAINT_EVENTS, 'assign', 'open_revocation'] as const;
type ComplaintStep = (typeof STEPS)[number];

/** Whether the complaint's state allows the step now. */
function stepOpen(a: ComplaintStep, c: ComplaintSubject): boolean {
  if (a === 'assign') return true;
  if (a === 'open_revocation') return c.state === 'substantiated' && !c.revocationCaseId && c.enterpriseId != null;
  return nextComplaintState(c.state, a) != null;
}

/** The steps the caller may take now: the policy (who) and the state machine (when). */
export const complaintActions = (p: Principal | null, c: ComplaintSubject): ComplaintStep[] => allowedActions(p, complaintPolicy, c, STEPS).filter((a) => stepOpen(a, c));
