import type { Principal } from '../../platform/principal.js';
import { actorKind } from '../applications/applications.policy.js';

/**
 * Who sees which dynamic-management object (changes, revocation cases, complaints). Deny by default.
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

export function supervisionScope(p: Principal | null): SupervisionScope {
  if (p?.kind !== 'user') return { kind: 'none' };
  const k = actorKind(p);
  if (k === 'ministry') return { kind: 'ministry' };
  if (k === 'authority' && p.authorityId) return { kind: 'authority', authorityId: p.authorityId };
  if (k === 'enterprise' && p.enterpriseId) return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  return { kind: 'none' };
}

export interface SupervisedRef {
  enterpriseId: string | null;
  authorityId: string | null;
}

export function canSee(p: Principal | null, o: SupervisedRef): boolean {
  const s = supervisionScope(p);
  if (s.kind === 'ministry') return true;
  if (s.kind === 'authority') return o.authorityId != null && s.authorityId === o.authorityId;
  if (s.kind === 'enterprise') return o.enterpriseId != null && s.enterpriseId === o.enterpriseId;
  return false;
}

/** The enterprise's admin acts for the enterprise (change requests, statement and defence, rectification). */
export function isEnterpriseAdminOf(p: Principal | null, enterpriseId: string): boolean {
  return p?.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === enterpriseId;
}
export function isEnterpriseUserOf(p: Principal | null, enterpriseId: string): boolean {
  return actorKind(p) === 'enterprise' && p?.kind === 'user' && p.enterpriseId === enterpriseId;
}
/** The enterprise's provincial-level authority (acceptance checks, revocation requests, rectification). */
export function isAuthorityOf(p: Principal | null, authorityId: string | null): boolean {
  return actorKind(p) === 'authority' && p?.kind === 'user' && authorityId != null && p.authorityId === authorityId;
}
export function isMinistry(p: Principal | null): boolean {
  return actorKind(p) === 'ministry';
}
/** Handlers of a complaint: MIIT, and the authority of the enterprise it is about. */
export function canHandleComplaint(p: Principal | null, c: { authorityId: string | null }): boolean {
  return isMinistry(p) || isAuthorityOf(p, c.authorityId);
}
