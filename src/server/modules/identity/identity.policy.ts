import { ROLE_VALUES, type Role } from '../../../domain/enterprise.js';
import type { Principal } from '../../platform/principal.js';

/** Pure predicates for users and tokens. Deny by default. */
export interface OrgRef {
  enterpriseId: string | null;
  authorityId: string | null;
  expertId: string | null;
  buyerOrgId?: string | null;
}

/** Roles an administrator may grant: enterprise and provincial admins within their own kind; MIIT any. */
export function grantableRoles(p: Principal | null): readonly Role[] {
  if (p?.kind !== 'user') return [];
  switch (p.role) {
    case 'enterprise_admin':
      return ['enterprise_staff', 'enterprise_admin'];
    case 'authority_admin':
      return ['authority_reviewer', 'authority_admin'];
    case 'buyer_admin':
      return ['buyer_staff', 'buyer_admin'];
    case 'ministry_admin':
      return ROLE_VALUES;
    default:
      return [];
  }
}

/** Whether an admin manages users of this organisation (their own; the ministry admin all). */
export function canManageUsersOf(p: Principal | null, org: OrgRef): boolean {
  if (p?.kind !== 'user') return false;
  if (p.role === 'ministry_admin') return true;
  if (p.role === 'enterprise_admin') return org.enterpriseId !== null && org.enterpriseId === p.enterpriseId;
  if (p.role === 'authority_admin') return org.authorityId !== null && org.authorityId === p.authorityId;
  if (p.role === 'buyer_admin') return !!org.buyerOrgId && org.buyerOrgId === p.buyerOrgId;
  return false;
}

/** API tokens: an enterprise admin manages the tokens of their own enterprise. */
export function canManageTokensOf(p: Principal | null, enterpriseId: string): boolean {
  return p?.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === enterpriseId;
}
