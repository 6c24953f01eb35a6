import { ROLE_VALUES, type Role } from '../../../domain/enterprise.js';
import { authorize, definePolicy, deny } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';

/** Pure predicates for users and tokens. Deny by default. */
export interface OrgRef {
  enterpriseId: string | null;
  authorityId: string | null;
  expertId: string | null;
  buyerOrgId?: string | null;
  testingOrgId?: string | null;
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
    case 'insurer_admin':
      return ['insurer_staff', 'insurer_admin'];
    case 'testing_org_admin':
      return ['testing_org_staff', 'testing_org_admin'];
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
  if (p.role === 'buyer_admin' || p.role === 'insurer_admin') return !!org.buyerOrgId && org.buyerOrgId === p.buyerOrgId;
  if (p.role === 'testing_org_admin') return !!org.testingOrgId && org.testingOrgId === p.testingOrgId;
  return false;
}

/** API tokens: an enterprise admin manages the tokens of their own enterprise. */
export function canManageTokensOf(p: Principal | null, enterpriseId: string): boolean {
  return p?.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === enterpriseId;
}

/** Users an administrator manages (their own organisation's; the ministry admin all): unknown to others (404). */
export const userPolicy = definePolicy<OrgRef>()(
  'user',
  {
    manage: (p, u) => canManageUsersOf(p, u),
    create: (p, u) => canManageUsersOf(p, u) || deny('只能为本单位创建用户', 'You may only create users in your own organisation'),
  },
  { hidden: ['manage'], objectName: ['用户', 'User'] },
);

/** Granting a role when creating a user (grantableRoles). */
export const roleGrantPolicy = definePolicy<{ role: Role }>()('role_grant', {
  grant: (p, r) => grantableRoles(p).includes(r.role) || deny('无权授予该角色', 'You may not grant this role'),
});

/** API tokens of an enterprise: its admin manages them. */
export const tokenPolicy = definePolicy<{ enterpriseId: string | null }>()('api_token', {
  manage: (p, t) => (t.enterpriseId !== null && canManageTokensOf(p, t.enterpriseId)) || deny('API 令牌由企业管理员管理', 'The enterprise admin manages API tokens'),
});

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** One's own account (the profile, the password): a signed-in user — an API token has no account to read or change. */
export const accountPolicy = definePolicy<object>()('account', {
  own: (p) => p.kind === 'user',
});

/** The caller as the user acting on their own account (403 for an API token or no principal). */
export function authorizeOwnAccount(p: Principal | null): UserPrincipal {
  authorize(p, accountPolicy, 'own', {});
  return p as UserPrincipal;
}

/** The users an administrator lists: all (MIIT's admin), their enterprise's, authority's, registered organisation's (buyer, insurer) or testing organisation's; others none. */
export type UserListScope =
  | { kind: 'all' }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'authority'; authorityId: string }
  | { kind: 'organisation'; buyerOrgId: string }
  | { kind: 'testing_org'; testingOrgId: string };

export function userListScope(p: Principal | null): UserListScope | null {
  if (p?.kind !== 'user') return null;
  if (p.role === 'ministry_admin') return { kind: 'all' };
  if (p.role === 'enterprise_admin' && p.enterpriseId) return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  if (p.role === 'authority_admin' && p.authorityId) return { kind: 'authority', authorityId: p.authorityId };
  if ((p.role === 'buyer_admin' || p.role === 'insurer_admin') && p.buyerOrgId) return { kind: 'organisation', buyerOrgId: p.buyerOrgId };
  if (p.role === 'testing_org_admin' && p.testingOrgId) return { kind: 'testing_org', testingOrgId: p.testingOrgId };
  return null;
}

/** Listing users (subject: the caller's list scope). */
export const userDirectoryPolicy = definePolicy<UserListScope | null>()('user_directory', {
  list: (_p, scope) => scope !== null,
});

/** The caller's user-list scope, after `authorize(…, 'list', …)` (403 without one). */
export function authorizedUserListScope(p: Principal | null): UserListScope {
  const scope = userListScope(p);
  authorize(p, userDirectoryPolicy, 'list', scope);
  return scope as UserListScope;
}

/** The enterprise admin managing their enterprise's API tokens, after `authorize(…, tokenPolicy, 'manage', …)`. */
export function authorizeTokenAdmin(p: Principal | null): UserPrincipal & { enterpriseId: string } {
  authorize(p, tokenPolicy, 'manage', { enterpriseId: p?.enterpriseId ?? null });
  return p as UserPrincipal & { enterpriseId: string };
}
