import type { Principal } from '../../platform/principal.js';
import { enterpriseScope, type EnterpriseScope } from '../enterprises/enterprises.policy.js';

/**
 * Who captures into and reads which EPCIS event stream (issue 4 "Access"). Deny by default.
 * - An enterprise (its users and its API tokens) captures into and reads only its own stream.
 * - MIIT (ministry roles) reads every stream (规范条件 七(一)1); it captures nothing.
 * - A provincial-level authority reads the streams of the enterprises it reviews (七(一)4), resolved through
 *   the enterprises service (enterprises.authority_id), never by reading that table here.
 * - Experts and the public: nothing (the public sees only what the verification page shows).
 */
/** Reading follows the enterprise scope exactly (own enterprise, jurisdiction, all, none): one definition. */
export type EpcisReadScope = EnterpriseScope;
export const epcisReadScope: (p: Principal | null) => EpcisReadScope = enterpriseScope;

/** The enterprise whose stream this principal captures into, or null when it may not capture. */
export function captureEnterprise(p: Principal | null): string | null {
  if (!p) return null;
  if (p.kind === 'token') return p.enterpriseId;
  if ((p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId) return p.enterpriseId;
  return null;
}

/** captureInTx: the caller's own enterprise, or a system context (no principal: demo seeding, imports). */
export function mayCaptureInto(p: Principal | null, enterpriseId: string): boolean {
  if (!p) return true;
  return captureEnterprise(p) === enterpriseId;
}

export const EPCIS_READ_ROLES = ['enterprise_staff', 'enterprise_admin', 'enterprise_token', 'authority_reviewer', 'authority_admin', 'ministry_officer', 'ministry_admin'] as const;
export const EPCIS_CAPTURE_ROLES = ['enterprise_staff', 'enterprise_admin', 'enterprise_token'] as const;
