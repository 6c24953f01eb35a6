import { nextPublicationState, type PublicationState } from '../../../domain/portal/content.js';
import { allowedActions, definePolicy } from '../../platform/authorize.js';
import { isMinistry, type Principal } from '../../platform/principal.js';

/**
 * Who may do what to the portal's content (standards, policies, demonstration units, testing organisations).
 * MIIT's users (ministry admin and officer; 行动计划 三(七): the ministry runs the public information service)
 * edit, publish and withdraw; anyone reads what is published. Drafts and withdrawn items exist only for MIIT
 * (404 to everyone else). Whether publish/withdraw fits the item's state is the state machine's decision
 * (domain/portal/content.ts; 409 for the loser of a race), not a permission.
 */
export interface ContentSubject {
  state: PublicationState;
}

export const portalContentPolicy = definePolicy<ContentSubject>()(
  'portal-content',
  {
    read: (p) => isMinistry(p),
    edit: (p) => isMinistry(p),
    publish: (p) => isMinistry(p),
    withdraw: (p) => isMinistry(p),
  },
  { hidden: ['read'], public: { read: (s) => s.state === 'published' }, objectName: ['内容', 'Content'] },
);

/** The actions to offer on an item: allowed by the policy and possible in its state. */
export function contentActions(p: Principal | null, s: ContentSubject): string[] {
  return allowedActions(p, portalContentPolicy, s).filter((a) => (a === 'publish' || a === 'withdraw' ? nextPublicationState(s.state, a) !== null : true));
}
