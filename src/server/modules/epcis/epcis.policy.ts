import { authorize, definePolicy, deny } from '../../platform/authorize.js';
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

export const EPCIS_READ_ROLES = ['enterprise_staff', 'enterprise_admin', 'enterprise_token', 'authority_reviewer', 'authority_admin', 'ministry_officer', 'ministry_admin'] as const;
export const EPCIS_CAPTURE_ROLES = ['enterprise_staff', 'enterprise_admin', 'enterprise_token'] as const;

/** Reading events (subject: the caller's read scope): any scope but none. */
export const epcisEventsPolicy = definePolicy<EpcisReadScope>()('epcis_events', {
  read: (_p, s) => s.kind !== 'none' || deny('无权查看 EPCIS 事件', 'You may not read EPCIS events'),
});

/** An enterprise's event stream (subject: its enterprise; null: the caller has none to capture into). */
export const epcisStreamPolicy = definePolicy<{ enterpriseId: string | null }>()('epcis_stream', {
  /** capture into one's own stream (the caller's enterprise as subject) */
  capture: (_p, s) => s.enterpriseId !== null || deny('只有企业（用户或 API 令牌）可以采集 EPCIS 事件', 'Only an enterprise (user or API token) may capture EPCIS events'),
  /** capture into this stream (captureInTx, called by other modules for a named enterprise) */
  capture_into: (p, s) => (s.enterpriseId !== null && captureEnterprise(p) === s.enterpriseId) || deny('只能采集本企业的 EPCIS 事件', "You may only capture into your own enterprise's event stream"),
});

/** The enterprise the caller captures into, after `authorize(…, epcisStreamPolicy, 'capture', …)`. */
export function authorizedCaptureEnterprise(p: Principal | null): string {
  const enterpriseId = captureEnterprise(p);
  authorize(p, epcisStreamPolicy, 'capture', { enterpriseId });
  return enterpriseId as string;
}

/** captureInTx: a system context (no principal: demo seeding, imports) captures anywhere; a caller only its own. */
export function authorizeCaptureInto(p: Principal | null, enterpriseId: string): void {
  if (p) authorize(p, epcisStreamPolicy, 'capture_into', { enterpriseId });
}
