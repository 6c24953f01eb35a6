import { isAuthority, isEnterpriseUser, isMinistry as isMinistryPrincipal, type Principal } from '../../platform/principal.js';

/**
 * Who sees which dynamic-management object (changes, revocation cases, complaints) — the part the three
 * modules share; each module's own `<m>.policy.ts` declares its actions with `definePolicy` from these
 * predicates. Deny by default.
 * - MIIT: everything (七(二) — MIIT 实行动态管理).
 * - A provincial-level authority: objects of enterprises it reviews (authority_id, copied from the enterprise).
 * - Enterprise users: their own enterprise's changes and revocation cases (never complaints).
 * - Experts and API tokens: nothing.
 */
export type SupervisionScope =
  | { kind: 'ministry' }
  | { kind: 'authority'; authorityId: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'none' };

/** The caller's scope, for list queries (the repos filter by it in SQL). */
export function supervisionScope(p: Principal | null): SupervisionScope {
  if (p?.kind !== 'user') return { kind: 'none' };
  if (isMinistryPrincipal(p)) return { kind: 'ministry' };
  if (isAuthority(p) && p.authorityId) return { kind: 'authority', authorityId: p.authorityId };
  if (isEnterpriseUser(p) && p.enterpriseId) return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  return { kind: 'none' };
}

/** What the shared rules look at: whose object it is. */
export interface SupervisedRef {
  enterpriseId: string | null;
  authorityId: string | null;
}

/** Within the caller's scope (the read rule of changes and revocation cases). */
export function inScope(p: Principal | null, o: SupervisedRef): boolean {
  const s = supervisionScope(p);
  if (s.kind === 'ministry') return true;
  if (s.kind === 'authority') return o.authorityId != null && s.authorityId === o.authorityId;
  if (s.kind === 'enterprise') return o.enterpriseId != null && s.enterpriseId === o.enterpriseId;
  return false;
}

/** The enterprise's admin acts for the enterprise (change requests, statement and defence, rectification). */
export function isEnterpriseAdminOf(p: Principal | null, enterpriseId: string | null): boolean {
  return p?.kind === 'user' && p.role === 'enterprise_admin' && enterpriseId != null && p.enterpriseId === enterpriseId;
}
/** The enterprise's provincial-level authority (acceptance checks, revocation requests, rectification). */
export function isAuthorityOf(p: Principal | null, authorityId: string | null): boolean {
  return isAuthority(p) && authorityId != null && p.authorityId === authorityId;
}
export const isMinistry = (p: Principal | null): boolean => isMinistryPrincipal(p);
/** The enterprise's side of an object (it never sees evidence that may identify a complainant). */
export const isEnterpriseSide = (p: Principal | null): boolean => supervisionScope(p).kind === 'enterprise';
