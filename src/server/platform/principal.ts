import type { Role } from '../../domain/enterprise.js';

/** Who is calling. Anonymous callers have no principal (public endpoints only). */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      username: string;
      role: Role;
      /** The organisation: exactly one of these is set (enforced in SQL). */
      enterpriseId: string | null;
      authorityId: string | null;
      expertId: string | null;
      /** a registered buyer organisation (trading), or the insurer of an insurer's user; absent or null for every other role */
      buyerOrgId?: string | null;
      /** a testing organisation of the portal's directory (issue 14); absent or null for every other role */
      testingOrgId?: string | null;
      mustChangePassword: boolean;
      sessionTokenHash: string | null;
    }
  | {
      /** A machine (MES, device) using an enterprise API token. */
      kind: 'token';
      tokenId: string;
      role: 'enterprise_token';
      enterpriseId: string;
      tokenName: string;
      /** what this token may reach (platform/scopes.ts) */
      scopes: readonly string[];
    };

export type Actor = Principal['role'] | 'public';

/** Per-request facts every use case receives: who, from where, which request. */
export interface RequestContext {
  principal: Principal | null;
  ip: string;
  requestId: string;
}

export function isMinistry(p: Principal | null): boolean {
  return p?.kind === 'user' && (p.role === 'ministry_admin' || p.role === 'ministry_officer');
}
export function isAuthority(p: Principal | null): p is Extract<Principal, { kind: 'user' }> & { authorityId: string } {
  return p?.kind === 'user' && (p.role === 'authority_admin' || p.role === 'authority_reviewer');
}
/** A user of a registered buyer organisation (trading), with the organisation's id. */
export function isBuyer(p: Principal | null): p is Extract<Principal, { kind: 'user' }> & { buyerOrgId: string } {
  return p?.kind === 'user' && (p.role === 'buyer_admin' || p.role === 'buyer_staff') && !!p.buyerOrgId;
}
/** A user of an insurer (保险: a registered organisation of kind insurer, named by buyerOrgId), with its id. */
export function isInsurer(p: Principal | null): p is Extract<Principal, { kind: 'user' }> & { buyerOrgId: string } {
  return p?.kind === 'user' && (p.role === 'insurer_admin' || p.role === 'insurer_staff') && !!p.buyerOrgId;
}
/** A user of a third-party testing organisation (portal directory: its staff or administrator), with the organisation's id. */
export function isTestingOrgUser(p: Principal | null): p is Extract<Principal, { kind: 'user' }> & { testingOrgId: string } {
  return p?.kind === 'user' && (p.role === 'testing_org_staff' || p.role === 'testing_org_admin') && !!p.testingOrgId;
}
export function isEnterpriseUser(p: Principal | null): boolean {
  return p?.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff');
}

/**
 * The organisation a caller holds products for (owner or possessor per the trace): its enterprise (an enterprise user or
 * an enterprise's API token), or its registered buyer organisation. Devices and their alarms follow it.
 */
export function holderOrgOf(p: Principal): string | null {
  if (p.kind === 'token') return p.enterpriseId;
  if (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') return p.enterpriseId;
  return p.role === 'buyer_admin' || p.role === 'buyer_staff' ? (p.buyerOrgId ?? null) : null;
}
