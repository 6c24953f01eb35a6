import { authorize, definePolicy, deny } from '../../platform/authorize.js';
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

/** Writing into an enterprise's stream (subject: the caller's own enterprise as a writer, or null): its users. */
export const traceStreamPolicy = definePolicy<{ enterpriseId: string | null }>()('trace_stream', {
  record: (p, s) => (s.enterpriseId !== null && canRecordSteps(p, s.enterpriseId)) || deny('只有企业用户可以记录生产过程', 'Only enterprise users record lifecycle steps'),
  import: (p, s) => (s.enterpriseId !== null && canRecordSteps(p, s.enterpriseId)) || deny('只有企业用户可以导入', 'Only enterprise users import'),
});

/** The enterprise the caller records or imports into, after `authorize(…, traceStreamPolicy, action, …)`. */
export function authorizedWriterEnterprise(p: Principal | null, action: 'record' | 'import'): string {
  const enterpriseId = traceWriterEnterprise(p);
  authorize(p, traceStreamPolicy, action, { enterpriseId });
  return enterpriseId as string;
}

/** A product code of an enterprise (its enterprise never changes). Reading it: the epcis readable scope (404). */
export const traceProductPolicy = definePolicy<{ enterpriseId: string }>()('trace_product', {
  /** recall or revoke */
  change_status: (p, r) => canChangeStatus(p, r.enterpriseId),
});
