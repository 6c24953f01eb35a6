/**
 * API token scopes: what a machine's token may reach. A token carries the scopes chosen when it was created; a
 * route reachable by tokens declares the scope it needs next to its policy (`policy.scope`), and a token without
 * it gets 403 INSUFFICIENT_SCOPE naming the scope. This is the one registry of known scopes: a capability that
 * opens routes to machines (telemetry, orders, …) adds its scope here with `defineScope` at module load.
 */
export interface ScopeInfo {
  scope: string;
  label: { zh: string; en: string };
}

const registry = new Map<string, ScopeInfo>();

export function defineScope(scope: string, zh: string, en: string): string {
  if (!/^[a-z]+:[a-z]+$/.test(scope)) throw new Error(`scope ${scope}: expected area:verb`);
  registry.set(scope, { scope, label: { zh, en } });
  return scope;
}

export const SCOPE_EPCIS_WRITE = defineScope('epcis:write', '上报 EPCIS 事件（/epcis/capture）', 'Capture EPCIS events (/epcis/capture)');
export const SCOPE_EPCIS_READ = defineScope('epcis:read', '查询 EPCIS 事件与采集结果', 'Query EPCIS events and capture results');
export const SCOPE_TRACE_READ = defineScope('trace:read', '读取产品、追溯树与标签', 'Read products, genealogy and labels');

/** Scopes of tokens issued before scopes existed (and the default of the token form). */
export const LEGACY_TOKEN_SCOPES: readonly string[] = [SCOPE_EPCIS_WRITE, SCOPE_EPCIS_READ, SCOPE_TRACE_READ];

export const isKnownScope = (s: string) => registry.has(s);
export const knownScopes = (): ScopeInfo[] => [...registry.values()];

/** Whether a token with these scopes may call a route needing `needed` (one scope, or any one of several). */
export function scopeAllows(granted: readonly string[], needed: string | readonly string[]): boolean {
  return typeof needed === 'string' ? granted.includes(needed) : needed.some((n) => granted.includes(n));
}
