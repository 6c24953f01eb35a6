import { definePolicy, deny } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { MINISTRY_ROLES } from '../../platform/policy.js';

/** The trading party a caller acts for: its enterprise, or its registered organisation (recycler, dealer). */
export function partyOf(p: Principal | null): { kind: 'enterprise' | 'organisation'; id: string } | null {
  if (p?.kind !== 'user') return null;
  if ((p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId) return { kind: 'enterprise', id: p.enterpriseId };
  if ((p.role === 'buyer_admin' || p.role === 'buyer_staff') && p.buyerOrgId) return { kind: 'organisation', id: p.buyerOrgId };
  return null;
}
const isParty = (p: Principal, id: string) => partyOf(p)?.id === id;
/** The caller's trading party, or 403: only enterprises and registered organisations (recyclers, dealers) trade cores. */
export function requireParty(p: Principal | null) {
  const party = partyOf(p);
  if (!party) throw errors.forbidden('只有再制造企业和登记的回收企业、经销商参与旧件交易', 'Only enterprises and registered recyclers or dealers trade cores');
  return party;
}

/** What the rules need of a posting. */
export interface PostingSubject {
  partyId: string;
  open: boolean;
}

/**
 * 旧件交易 postings: an open posting is seen by every trading party (enterprises, registered organisations); a
 * withdrawn or filled one by its own party only. The own party withdraws it and asks for its suggestions.
 */
export const postingPolicy = definePolicy<PostingSubject>()(
  'core-posting',
  {
    read: (p, s) => isParty(p, s.partyId) || (s.open && partyOf(p) !== null),
    withdraw: (p, s) => isParty(p, s.partyId) || deny('只有发布方可以撤回', 'Only the posting party withdraws it'),
    suggest: (p, s) => isParty(p, s.partyId) || deny('只有发布方可以查看匹配建议', 'Only the posting party sees its suggestions'),
  },
  { hidden: ['read'], objectName: ['旧件供需信息', 'Core posting'] },
);

/** What the rules need of a match: the two parties and who proposed it. */
export interface MatchSubject {
  supplierId: string;
  receiverId: string;
  proposedSide: 'supply' | 'demand';
}
const proposer = (s: MatchSubject) => (s.proposedSide === 'supply' ? s.supplierId : s.receiverId);
const other = (s: MatchSubject) => (s.proposedSide === 'supply' ? s.receiverId : s.supplierId);

/**
 * A match is seen by its two parties; the party that did not propose it accepts (both then agree) or declines it;
 * the proposer may take it back (decline). Rules say who; the service says when (proposed only).
 */
export const matchPolicy = definePolicy<MatchSubject>()(
  'core-match',
  {
    read: (p, s) => isParty(p, s.supplierId) || isParty(p, s.receiverId),
    propose: (p, s) => isParty(p, s.supplierId) || isParty(p, s.receiverId) || deny('只有供应方或需求方可以提出匹配', 'Only the supplier or the receiver proposes a match'),
    accept: (p, s) => isParty(p, other(s)) || deny('由另一方确认匹配', 'The other party accepts the match'),
    decline: (p, s) => isParty(p, other(s)) || isParty(p, proposer(s)) || deny('只有交易双方可以拒绝或撤回', 'Only the two parties decline or take it back'),
    /** the source declaration's supporting document: the two parties and MIIT (规范条件 四(二) is checked by MIIT) */
    document: (p, s) => isParty(p, s.supplierId) || isParty(p, s.receiverId) || (p.kind === 'user' && (MINISTRY_ROLES as readonly string[]).includes(p.role)),
  },
  { hidden: ['read', 'document'], objectName: ['旧件交易匹配', 'Core match'] },
);
