import type { LeaseStatus } from '../../../domain/trading/lease.js';
import { definePolicy, deny } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';

/** What the rules need of a lease. */
export interface LeaseSubject {
  enterpriseId: string;
  lesseeOrgId: string;
  financierOrgId: string | null;
  status: LeaseStatus;
}

const isEnterprise = (p: Principal, l: { enterpriseId: string }) => p.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId === l.enterpriseId;
const isOrg = (p: Principal, orgId: string | null) => p.kind === 'user' && (p.role === 'buyer_admin' || p.role === 'buyer_staff') && !!orgId && p.buyerOrgId === orgId;
const isMinistry = (p: Principal) => p.kind === 'user' && (p.role === 'ministry_admin' || p.role === 'ministry_officer');
/** The lessor side: the enterprise whose unit it is, and for a finance lease the leasing company that finances it. */
export const isLessor = (p: Principal | null, l: LeaseSubject) => !!p && (isEnterprise(p, l) || isOrg(p, l.financierOrgId));
export const isLessee = (p: Principal | null, l: LeaseSubject) => !!p && isOrg(p, l.lesseeOrgId);

const LESSOR = deny('该操作由出租方（本租赁的再制造企业或融资租赁公司）执行', 'The lessor of this lease does this');
const ENTERPRISE = deny('该操作由出租产品的再制造企业执行', 'The enterprise whose unit is leased does this');

/**
 * Leases (issue 13): the lessor enterprise, the financing leasing company and the lessee read the lease; MIIT reads
 * all. The lessor side bills usage and records rents; either party ends a lease early; the enterprise takes the
 * unit back (its trace). Rules say who; domain/trading/lease.ts says when.
 */
export const leasePolicy = definePolicy<LeaseSubject>()(
  'lease',
  {
    read: (p, l) => isLessor(p, l) || isLessee(p, l) || isMinistry(p),
    bill: (p, l) => isLessor(p, l) || LESSOR,
    payRent: (p, l) => isLessor(p, l) || LESSOR,
    terminate: (p, l) => isLessor(p, l) || isLessee(p, l) || deny('只有租赁双方可以提前终止', 'Only the parties end a lease early'),
    return: (p, l) => isEnterprise(p, l) || ENTERPRISE,
  },
  { hidden: ['read'], objectName: ['租赁合同', 'Lease'] },
);
export type LeaseStep = 'bill' | 'payRent' | 'terminate' | 'return';

/** Whose leases a caller works with as a whole (no lease row yet): an enterprise's, an organisation's (lessee or leasing company), all (MIIT). */
export type LeaseBook = { enterpriseId: string } | { orgId: string } | { all: true } | null;
export const leaseBookOf = (p: Principal | null): LeaseBook => {
  if (p?.kind !== 'user') return null;
  if ((p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId) return { enterpriseId: p.enterpriseId };
  if ((p.role === 'buyer_admin' || p.role === 'buyer_staff') && p.buyerOrgId) return { orgId: p.buyerOrgId };
  return isMinistry(p) ? { all: true } : null;
};

/** Leasing out a unit (the remanufacturing enterprise's users, their own units) and listing one's leases (the parties; MIIT all). */
export const leaseBookPolicy = definePolicy<LeaseBook>()('lease_book', {
  create: (_p, b) => (!!b && 'enterpriseId' in b) || deny('只有再制造企业可以出租本企业的产品', 'Only remanufacturing enterprises lease their units'),
  list: (_p, b) => b !== null,
});
