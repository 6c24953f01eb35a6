import { covers } from '../../../domain/trading/insurance.js';
import { allowedActions } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { insurancePolicy, type InsuranceSubject } from './insurance.policy.js';
import type { ClaimWithPolicy, PolicyRow } from './insurance.repo.js';

/** Names of the parties of some rows (enterprise, insurer and holder organisations), looked up by the service. */
export interface PartyNames {
  enterprise(id: string): string;
  org(id: string): string;
}

export const subjectOfPolicy = (p: Pick<PolicyRow, 'enterprise_id' | 'insurer_org_id' | 'holder_org_id'>): InsuranceSubject => ({ enterpriseId: p.enterprise_id, insurerOrgId: p.insurer_org_id, holderOrgId: p.holder_org_id });
export const p2t = (p: Pick<PolicyRow, 'starts_on' | 'ends_on'>) => ({ startsOn: p.starts_on, endsOn: p.ends_on });
const iso = (v: Date | string) => new Date(v).toISOString();

/** A policy (PolicySchema): parties by name, cover and term, active today, its claims and what was paid. */
export function presentPolicy(r: PolicyRow, n: PartyNames, sums: { claims: number; paid: number } | undefined, today: string) {
  return {
    id: r.id, enterpriseId: r.enterprise_id, enterpriseName: n.enterprise(r.enterprise_id), productCode: r.product_code, productName: r.product_name, model: r.model,
    insurer: { id: r.insurer_org_id, name: n.org(r.insurer_org_id) }, holder: { id: r.holder_org_id, name: n.org(r.holder_org_id) }, orderId: r.order_id, leaseId: r.lease_id,
    policyNumber: r.policy_number, coverCny: Number(r.cover_cny), coverage: r.coverage, premiumCny: Number(r.premium_cny), startsOn: r.starts_on, endsOn: r.ends_on,
    active: covers(p2t(r), today), claims: sums?.claims ?? 0, paidCny: sums?.paid ?? 0, createdAt: iso(r.created_at),
  };
}

/** A claim routed to an insurer (ClaimSchema), with the caller's buttons: the policy (who) and pending (when). */
export function presentClaim(p: Principal | null, c: ClaimWithPolicy, n: PartyNames) {
  return {
    caseId: c.case_id, caseNumber: c.case_number, enterpriseId: c.enterprise_id, enterpriseName: n.enterprise(c.enterprise_id), productCode: c.product_code, title: c.title, description: c.description,
    openedAt: iso(c.opened_at), warrantyUntil: c.warranty_until,
    policy: { id: c.policy_id, policyNumber: c.policy_number, coverCny: Number(c.cover_cny), startsOn: c.starts_on, endsOn: c.ends_on },
    insurer: { id: c.insurer_org_id, name: n.org(c.insurer_org_id) }, status: c.status, amountCny: c.amount_cny === null ? null : Number(c.amount_cny), reason: c.reason,
    decidedAt: c.decided_at ? iso(c.decided_at) : null,
    actions: c.status === 'pending' ? allowedActions(p, insurancePolicy, subjectOfPolicy(c), ['decide'] as const) : [],
  };
}
