import { marketStatistics } from '../../../domain/trading/market-stats.js';
import { findProvince } from '../../../domain/regions.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';

/** What the market statistics read of the trading modules and the registry (wired in app.ts). */
export interface MarketDeps {
  clock: Clock;
  orders: { aggregates(ids: string[] | null, from: Date, to: Date): Promise<{ enterprise_id: string; listing_id: string; orders: number; units: number; value_cny: string; trade_ins: number; trade_in_credit_cny: string; cores_received: number }[]> };
  leasing: { aggregates(ids: string[] | null, from: string, to: string): Promise<{ enterprise_id: string; leases: number; rent_to_own: number; value_cny: string }[]> };
  listings: { fieldsOf(ids: string[]): Promise<{ id: string; field: string | null }[]> };
  enterprises: { idsInAuthority(authorityId: string): Promise<string[]>; cards(ids: string[]): Promise<Map<string, { regionCode: string }>> };
}

const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const shanghai = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * 交易服务 market statistics (issue 13): units sold, value, trade-ins, leases by region and field, for the
 * authorities (their jurisdiction) and MIIT (all); the public total of remanufactured products traded for the
 * portal's statistics (`tradedValue`).
 */
export function createMarketService(deps: MarketDeps) {
  const { clock } = deps;

  async function compute(ids: string[] | null, from: string, to: string) {
    const [sales, leases] = await Promise.all([deps.orders.aggregates(ids, shanghai(from), shanghai(to)), deps.leasing.aggregates(ids, from, to)]);
    const fields = new Map((await deps.listings.fieldsOf([...new Set(sales.map((s) => s.listing_id))])).map((l) => [l.id, l.field]));
    const cards = await deps.enterprises.cards([...new Set([...sales.map((s) => s.enterprise_id), ...leases.map((l) => l.enterprise_id)])]);
    return marketStatistics(
      sales.map((s) => ({ enterpriseId: s.enterprise_id, field: fields.get(s.listing_id) ?? null, orders: s.orders, units: s.units, valueCny: Number(s.value_cny), tradeIns: s.trade_ins, tradeInCreditCny: Number(s.trade_in_credit_cny), coresReceived: s.cores_received })),
      leases.map((l) => ({ enterpriseId: l.enterprise_id, leases: l.leases, rentToOwn: l.rent_to_own, valueCny: Number(l.value_cny) })),
      (id) => cards.get(id)?.regionCode,
    );
  }

  return {
    /** Authorities: their jurisdiction's enterprises; MIIT: all. [from, to) defaults to this year up to today. */
    async statistics(p: Principal | null, q: { from?: string; to?: string }) {
      let ids: string[] | null;
      if (p?.kind === 'user' && (p.role === 'ministry_admin' || p.role === 'ministry_officer')) ids = null;
      else if (p?.kind === 'user' && (p.role === 'authority_admin' || p.role === 'authority_reviewer') && p.authorityId) ids = await deps.enterprises.idsInAuthority(p.authorityId);
      else throw errors.forbidden('市场统计仅向主管部门开放', 'Market statistics are for the authorities');
      const today = clock.today();
      const to = q.to ?? plusDays(today, 1);
      const from = q.from ?? `${today.slice(0, 4)}-01-01`;
      if (from >= to) throw errors.field('from', '起始日期须早于截止日期', 'from must be before to');
      const s = await compute(ids, from, to);
      return { from, to, scope: ids === null ? ('all' as const) : ('jurisdiction' as const), totals: s.totals, byRegion: s.byRegion.map((r) => ({ ...r, regionName: findProvince(r.regionCode)?.name ?? '—' })), byField: s.byField };
    },
    /**
     * The public aggregate (no enterprise named): remanufactured units sold on the platform's market and their
     * value, trade-ins and leases, for a calendar year (Asia/Shanghai) — the portal's "value traded" figure.
     */
    async tradedValue(year: number) {
      const s = await compute(null, `${year}-01-01`, `${year + 1}-01-01`);
      return { year, units: s.totals.units, valueCny: s.totals.valueCny, tradeIns: s.totals.tradeIns, leases: s.totals.leases, leaseValueCny: s.totals.leaseValueCny };
    },
  };
}
export type MarketService = ReturnType<typeof createMarketService>;
