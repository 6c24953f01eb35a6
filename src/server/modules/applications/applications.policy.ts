import type { Principal } from '../../platform/principal.js';

/**
 * Who sees and acts on which application (规范条件 七(一)). Deny by default.
 * - The enterprise: its own applications (staff edit drafts; the admin submits and withdraws).
 * - The provincial authority: applications of enterprises it reviews (applications.authority_id), once
 *   submitted — a draft is the enterprise's working copy.
 * - MIIT: every application once submitted.
 * - An expert: only the applications they are assigned to (checked against expert_assignments).
 */
export type ActorKind = 'enterprise' | 'authority' | 'ministry' | 'expert';

export interface ApplicationRef {
  enterpriseId: string;
  authorityId: string;
  state: string;
}

export function actorKind(p: Principal | null): ActorKind | null {
  if (p?.kind !== 'user') return null;
  switch (p.role) {
    case 'enterprise_admin':
    case 'enterprise_staff':
      return 'enterprise';
    case 'authority_admin':
    case 'authority_reviewer':
      return 'authority';
    case 'ministry_admin':
    case 'ministry_officer':
      return 'ministry';
    case 'expert':
      return 'expert';
    case 'buyer_admin': // buyers (trading) take no part in the procedure
    case 'buyer_staff':
      return null;
  }
}

export type ApplicationScope =
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'authority'; authorityId: string }
  | { kind: 'ministry' }
  | { kind: 'expert'; expertId: string }
  | { kind: 'none' };

export function applicationScope(p: Principal | null): ApplicationScope {
  if (p?.kind !== 'user') return { kind: 'none' };
  const k = actorKind(p);
  if (k === 'enterprise' && p.enterpriseId) return { kind: 'enterprise', enterpriseId: p.enterpriseId };
  if (k === 'authority' && p.authorityId) return { kind: 'authority', authorityId: p.authorityId };
  if (k === 'ministry') return { kind: 'ministry' };
  if (k === 'expert' && p.expertId) return { kind: 'expert', expertId: p.expertId };
  return { kind: 'none' };
}

/** `assigned`: whether the caller (an expert) is assigned to this application. */
export function canViewApplication(p: Principal | null, a: ApplicationRef, assigned = false): boolean {
  const s = applicationScope(p);
  switch (s.kind) {
    case 'enterprise':
      return s.enterpriseId === a.enterpriseId;
    case 'authority':
      return s.authorityId === a.authorityId && a.state !== 'draft';
    case 'ministry':
      return a.state !== 'draft';
    case 'expert':
      return assigned;
    default:
      return false;
  }
}

/** Edit the form and upload attachments: the enterprise's users, while it is a draft or returned. */
export function canEditApplication(p: Principal | null, a: ApplicationRef): boolean {
  return actorKind(p) === 'enterprise' && p?.kind === 'user' && p.enterpriseId === a.enterpriseId;
}

/** Submit or withdraw: the enterprise admin (acting for the legal representative's declaration). */
export function canSubmitApplication(p: Principal | null, a: ApplicationRef): boolean {
  return p?.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === a.enterpriseId;
}

/** Provincial review steps: the enterprise's reviewing authority. */
export function canReviewAsAuthority(p: Principal | null, a: ApplicationRef): boolean {
  return actorKind(p) === 'authority' && p?.kind === 'user' && p.authorityId === a.authorityId;
}

/** MIIT steps (assign experts, on-site check, 公示, 公告, reject). */
export function canActAsMinistry(p: Principal | null): boolean {
  return actorKind(p) === 'ministry';
}
