import { marketStatistics } from '../../../domain/trading/market-stats.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { marketStatsPolicy, marketStatsScopeOf } from './market.policy.js';
import { presentMarketStats, presentTradedValue } from './market.presenter.js';
import { createMarketRepo } from './market.repo.js';

/** What the market statistics read of the trading modules and the registry (wired in app.ts). */
export interface MarketDeps {
  clock: Clock;
  orders: { aggregates(ids: string[] | null, from: Date, to: Date): Promise<{ enterprise_id: string; listing_id: string; orders: number; units: number; value_cny: string; trade_ins: number; trade_in_credit_cny: string; cores_received: number }[]> };
  leasing: { aggregates(ids: string[] | null, from: string, to: string): Promise<{ enterprise_id: string; leases: number; rent_to_own: number; value_cny: string }[]> };
  listings: { fieldsOf(ids: string[]): Promise<{ id: string; field: string | null }[]> };
  enterprises: { idsInAuthority(authorityId: string): Promise<string[]>; cards(ids: string[]): Promise<Map<string, { regionCode: string }>> };
}

const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 交易服务 market statistics (issue 13): units sold, value, trade-ins, leases by region and field, for the
 * authorities (their jurisdiction) and MIIT (all); the public total of remanufactured products traded for the
 * portal's statistics (`tradedValue`).
 */
export function createMarketService(deps: MarketDeps) {
  const { clock } = deps;

  const repo = createMarketRepo(deps);
  async function compute(ids: string[] | null, from: string, to: string) {
    const f = await repo.figures(ids, from, to);
    return marketStatistics(f.sales, f.leases, f.regionOf);
  }

  return {
    /** Authorities: their jurisdiction's enterprises; MIIT: all. [from, to) defaults to this year up to today. */
    async statistics(p: Principal | null, q: { from?: string; to?: string }) {
      const scope = marketStatsScopeOf(p);
      authorize(p, marketStatsPolicy, 'read', scope);
      const ids = scope.ministry ? null : await repo.idsInAuthority(scope.authorityId!);
      const today = clock.today();
      const to = q.to ?? plusDays(today, 1);
      const from = q.from ?? `${today.slice(0, 4)}-01-01`;
      if (from >= to) throw errors.field('from', '起始日期须早于截止日期', 'from must be before to');
      return presentMarketStats(await compute(ids, from, to), { from, to, all: ids === null });
    },
    /**
     * The public aggregate (no enterprise named): remanufactured units sold on the platform's market and their
     * value, trade-ins and leases, for a calendar year (Asia/Shanghai) — the portal's "value traded" figure.
     */
    async tradedValue(year: number) {
      return presentTradedValue(year, await compute(null, `${year}-01-01`, `${year + 1}-01-01`));
    },
  };
}
export type MarketService = ReturnType<typeof createMarketService>;
