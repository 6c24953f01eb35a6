import { definePolicy, deny } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';

/**
 * Who may do what with a 工单 (issue 12 "Diagnosis and warranty cases"). Deny by default; a caller who may not read
 * a case learns nothing of it (404). A case follows its device (devices.policy.ts: the maker's users while the owner
 * consents, and the organisations the trace names owner or possessor):
 * - the making enterprise's users (its service team) diagnose, visit, record parts, decide a warranty claim and
 *   conclude;
 * - the owner or possessor organisation opens cases and rates the service once concluded;
 * - both read it.
 */
export interface CaseSubject {
  /** the device's maker (the service team) */
  enterpriseId: string;
  ownerOrgId: string | null;
  possessorOrgId: string | null;
}

export const serviceTeam = (p: Principal, s: CaseSubject) =>
  p.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId === s.enterpriseId;
/** The organisation of a user: an enterprise, or a registered buyer organisation (null: none). */
export const orgOf = (p: Principal | null): string | null =>
  p?.kind !== 'user' ? null : p.role === 'enterprise_admin' || p.role === 'enterprise_staff' ? p.enterpriseId : p.role === 'buyer_admin' || p.role === 'buyer_staff' ? (p.buyerOrgId ?? null) : null;
export const holder = (p: Principal, s: CaseSubject) => {
  const org = orgOf(p);
  return org !== null && org !== s.enterpriseId && (org === s.ownerOrgId || org === s.possessorOrgId);
};
const team = (p: Principal, s: CaseSubject) => serviceTeam(p, s) || deny('只有设备制造企业的服务人员可以处理工单', "Only the service team of the device's maker works a case");

export const casePolicy = definePolicy<CaseSubject>()(
  'serviceCase',
  {
    read: (p, s) => serviceTeam(p, s) || holder(p, s),
    open: (p, s) => serviceTeam(p, s) || holder(p, s),
    diagnose: team,
    visit: team,
    parts: team,
    decideClaim: team,
    conclude: team,
    rate: (p, s) => holder(p, s) || deny('只有产品的所有者或使用方可以评价服务', 'Only the owner or possessor of the product rates the service'),
  },
  { hidden: ['read'], objectName: ['工单', 'Case'] },
);
