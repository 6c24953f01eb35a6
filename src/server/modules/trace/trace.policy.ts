import type { Principal } from '../../platform/principal.js';

/**
 * Who records lifecycle steps and changes product status (deny by default). Reading is scoped by the epcis
 * module's readable enterprises (own enterprise / the authority's jurisdiction / MIIT all), the same rule
 * as for the events themselves.
 */

/** The enterprise whose stream a caller writes into: enterprise users only (machines use /epcis). */
export function traceWriterEnterprise(p: Principal | null): string | null {
  if (p?.kind !== 'user') return null;
  if (p.role !== 'enterprise_admin' && p.role !== 'enterprise_staff') return null;
  return p.enterpriseId;
}

export function canRecordSteps(p: Principal | null, enterpriseId: string): boolean {
  return traceWriterEnterprise(p) === enterpriseId;
}

/** Recall or revoke a product code: the enterprise's admin (its own products). */
export function canChangeStatus(p: Principal | null, enterpriseId: string): boolean {
  return p?.kind === 'user' && p.role === 'enterprise_admin' && p.enterpriseId === enterpriseId;
}
