import { authorize, definePolicy } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { enterpriseScope } from '../enterprises/enterprises.policy.js';

/**
 * Who reads which industry statistics (动态管理 七(二)1): MIIT the national figures, a provincial-level authority
 * what counts in its jurisdiction (the enterprise scope of enterprises.policy.ts); enterprises and others none. The
 * public national totals are a public route of their own (counts and sums only).
 */
export type StatsScope = { kind: 'all' } | { kind: 'authority'; authorityId: string };

/** The enterprise scope of ministry and authority users; enterprises and others: none. */
export function statsScope(p: Principal | null): StatsScope | null {
  if (p?.kind !== 'user') return null;
  const s = enterpriseScope(p);
  return s.kind === 'all' || s.kind === 'authority' ? s : null;
}

/** Subject: the caller's statistics scope (null: none — an authority user without an authority, say). */
export const statisticsPolicy = definePolicy<StatsScope | null>()('statistics', {
  read: (_p, scope) => scope !== null,
});

/** The caller's scope, after `authorize(…, 'read', …)` (403 without one). */
export function authorizedStatsScope(p: Principal | null): StatsScope {
  const scope = statsScope(p);
  authorize(p, statisticsPolicy, 'read', scope);
  return scope as StatsScope;
}
