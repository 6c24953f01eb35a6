/**
 * The owner's consent to the manufacturer's service access to a connected product (issue 12 "Devices and
 * ownership": "The owner can grant or withdraw the manufacturer's service access (consent, audited)"). Pure.
 *
 * Stored: `manufacturerAccess` and `consentParty`, the owner's party who last withdrew or granted it. A decision
 * binds only while that party still owns the product: after a resale the new owner has not decided, and access
 * is granted by default (the maker serves the warranty, 规范条件 六(一) after-sales quality).
 */
export interface ConsentState {
  manufacturerAccess: boolean;
  consentParty: string | null;
}

/** The consent in effect for the product's current owner party. */
export function effectiveAccess(s: ConsentState, ownerParty: string | null): boolean {
  return s.manufacturerAccess || s.consentParty === null || s.consentParty !== ownerParty;
}

export type ConsentDecision = { ok: true; next: ConsentState } | { ok: false; code: 'CONSENT_UNCHANGED'; message: string; messageEn: string };

/** The owner (party `ownerParty`) sets the maker's access to `want`; setting what is already in effect is a conflict. */
export function decideConsent(s: ConsentState, ownerParty: string, want: boolean): ConsentDecision {
  if (effectiveAccess(s, ownerParty) === want) {
    return want
      ? { ok: false, code: 'CONSENT_UNCHANGED', message: '制造企业已有服务访问权限', messageEn: 'The maker already has service access' }
      : { ok: false, code: 'CONSENT_UNCHANGED', message: '制造企业的服务访问已撤回', messageEn: "The maker's service access is already withdrawn" };
  }
  return { ok: true, next: { manufacturerAccess: want, consentParty: ownerParty } };
}
