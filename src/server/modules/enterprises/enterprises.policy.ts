import type { Principal } from '../../platform/principal.js';

/**
 * Who sees and changes which enterprise. Deny by default.
 * - MIIT (ministry roles) oversees every enterprise (规范条件 七(一)1).
 * - A provincial-level authority oversees the enterprises it reviews (七(一)4): enterprise.authorityId.
 * - Enterprise users and API tokens see only their own enterprise.
 * - Experts see only what they are assigned (announcement workflow): no enterprises directly.
 */
export interface EnterpriseRef {
  id: string;
  authorityId: string;
}

export type EnterpriseScope =
  | { kind: 'all' }
  | { kind: 'authority'; authorityId: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'none' };

export function enterpriseScope(p: Principal | null): EnterpriseScope {
  if (!p) return { kind: 'none' };
  if (p.kind === 'token') return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  switch (p.role) {
    case 'ministry_admin':
    case 'ministry_officer':
      return { kind: 'all' };
    case 'authority_admin':
    case 'authority_reviewer':
      return p.authorityId ? { kind: 'authority', authorityId: p.authorityId } : { kind: 'none' };
    case 'enterprise_admin':
    case 'enterprise_staff':
      return p.enterpriseId ? { kind: 'enterprise', enterpriseId: p.enterpriseId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

export function canViewEnterprise(p: Principal | null, e: EnterpriseRef): boolean {
  const s = enterpriseScope(p);
  return (
    s.kind === 'all' ||
    (s.kind === 'authority' && s.authorityId === e.authorityId) ||
    (s.kind === 'enterprise' && s.enterpriseId === e.id)
  );
}

/** Create an enterprise record: MIIT admin anywhere, a provincial admin within its jurisdiction. */
export function canCreateEnterprise(p: Principal | null, authorityId: string): boolean {
  if (p?.kind !== 'user') return false;
  return p.role === 'ministry_admin' || (p.role === 'authority_admin' && p.authorityId === authorityId);
}

/** Edit the profile: the enterprise's own admin, its authority's admin, the MIIT admin. */
export function canEditEnterprise(p: Principal | null, e: EnterpriseRef): boolean {
  if (p?.kind !== 'user') return false;
  if (p.role === 'ministry_admin') return true;
  if (p.role === 'authority_admin') return p.authorityId === e.authorityId;
  if (p.role === 'enterprise_admin') return p.enterpriseId === e.id;
  return false;
}

/**
 * Registration facts (credit code, region, group parent) are kept by authorities, not by the enterprise
 * itself: a change there moves the enterprise to another reviewer.
 */
export function canEditRegistration(p: Principal | null, e: EnterpriseRef): boolean {
  if (p?.kind !== 'user') return false;
  return p.role === 'ministry_admin' || (p.role === 'authority_admin' && p.authorityId === e.authorityId);
}

/** Confirm a credit code that fails the GB 32100 checksum (some early codes are legal): authorities only. */
export function canOverrideCreditCode(p: Principal | null, authorityId: string): boolean {
  if (p?.kind !== 'user') return false;
  if (p.role === 'ministry_admin' || p.role === 'ministry_officer') return true;
  return (p.role === 'authority_admin' || p.role === 'authority_reviewer') && p.authorityId === authorityId;
}

/** Sites (厂区): maintained by the enterprise's admin (and MIIT admin); read-only for its authority. */
export function canManageSites(p: Principal | null, e: EnterpriseRef): boolean {
  if (p?.kind !== 'user') return false;
  return p.role === 'ministry_admin' || (p.role === 'enterprise_admin' && p.enterpriseId === e.id);
}

/** Assign a 兵团 enterprise to the 兵团 authority explicitly: MIIT admin or the 兵团 authority's admin. */
export function canAssignXpcc(p: Principal | null): boolean {
  if (p?.kind !== 'user') return false;
  return p.role === 'ministry_admin' || (p.role === 'authority_admin' && p.authorityId === 'xpcc');
}

/**
 * Where a registration change may move an enterprise: a provincial admin corrects registrations within its
 * own jurisdiction; a move to another authority is MIIT's decision.
 */
export function canAssignToAuthority(p: Principal | null, authorityId: string): boolean {
  if (p?.kind !== 'user') return false;
  return p.role === 'ministry_admin' || (p.role === 'authority_admin' && p.authorityId === authorityId);
}
