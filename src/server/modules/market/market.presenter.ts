import type { marketStatistics } from '../../../domain/trading/market-stats.js';
import { findProvince } from '../../../domain/regions.js';

type Statistics = ReturnType<typeof marketStatistics>;

/** 行业统计 · 交易市场 (MarketStats): the period, whose figures, totals, by province (named) and by field. */
export function presentMarketStats(s: Statistics, q: { from: string; to: string; all: boolean }) {
  return {
    from: q.from,
    to: q.to,
    scope: q.all ? ('all' as const) : ('jurisdiction' as const),
    totals: s.totals,
    byRegion: s.byRegion.map((r) => ({ ...r, regionName: findProvince(r.regionCode)?.name ?? '—' })),
    byField: s.byField,
  };
}

/** The public aggregate of a calendar year (no enterprise named): units and value sold, trade-ins, leases. */
export function presentTradedValue(year: number, s: Statistics) {
  return { year, units: s.totals.units, valueCny: s.totals.valueCny, tradeIns: s.totals.tradeIns, leases: s.totals.leases, leaseValueCny: s.totals.leaseValueCny };
}
