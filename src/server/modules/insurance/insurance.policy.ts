import { definePolicy, deny } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';

/** What the rules need of a policy or of a claim routed under it. */
export interface InsuranceSubject {
  enterpriseId: string;
  insurerOrgId: string;
  holderOrgId: string;
}

const isEnterprise = (p: Principal, s: InsuranceSubject) => p.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId === s.enterpriseId;
/** The insurer's users (roles insurer_admin/insurer_staff) and the holder's (a buyer or lessee: the buyer roles). */
const isInsurer = (p: Principal, orgId: string) => p.kind === 'user' && (p.role === 'insurer_admin' || p.role === 'insurer_staff') && p.buyerOrgId === orgId;
const isHolder = (p: Principal, orgId: string) => p.kind === 'user' && (p.role === 'buyer_admin' || p.role === 'buyer_staff') && p.buyerOrgId === orgId;
const isMinistry = (p: Principal) => p.kind === 'user' && (p.role === 'ministry_admin' || p.role === 'ministry_officer');

/**
 * Quality insurance (issue 13 保险): the insured unit's enterprise, the insurer and the policy holder (buyer or lessee)
 * read a policy and its claims; MIIT reads all. The insurer decides a claim routed to it. Rules say who;
 * domain/trading/insurance.ts says when.
 */
export const insurancePolicy = definePolicy<InsuranceSubject>()(
  'insurance',
  {
    read: (p, s) => isEnterprise(p, s) || isInsurer(p, s.insurerOrgId) || isHolder(p, s.holderOrgId) || isMinistry(p),
    decide: (p, s) => isInsurer(p, s.insurerOrgId) || deny('理赔由承保的保险机构处理', 'The insurer of the policy decides the claim'),
  },
  { hidden: ['read'], objectName: ['保单', 'Insurance policy'] },
);

/** Whose policies, claims and figures a caller sees as a whole (no policy row yet). */
export type InsuranceBook = { all: true } | { enterpriseId: string } | { orgId: string } | { authorityId: string } | null;
export const insuranceBookOf = (p: Principal | null): InsuranceBook => {
  if (p?.kind !== 'user') return null;
  if (isMinistry(p)) return { all: true };
  if ((p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId) return { enterpriseId: p.enterpriseId };
  if ((p.role === 'buyer_admin' || p.role === 'buyer_staff' || p.role === 'insurer_admin' || p.role === 'insurer_staff') && p.buyerOrgId) return { orgId: p.buyerOrgId };
  if ((p.role === 'authority_admin' || p.role === 'authority_reviewer') && p.authorityId) return { authorityId: p.authorityId };
  return null;
};

/**
 * Recording a policy (the insured unit's enterprise, for its own sale or lease), the lists of policies and claims
 * (the enterprise its own, an organisation those it holds or underwrites, MIIT all) and the figures (also a
 * provincial authority, its jurisdiction's enterprises).
 */
export const insuranceBookPolicy = definePolicy<InsuranceBook>()('insurance_book', {
  record: (_p, b) => (!!b && 'enterpriseId' in b) || deny('只有再制造企业可以登记产品质量保险', 'Only the enterprise of the unit records its insurance'),
  list: (_p, b) => !!b && !('authorityId' in b),
  figures: (_p, b) => b !== null,
});
