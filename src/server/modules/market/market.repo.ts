import type { LeaseRow, SaleRow } from '../../../domain/trading/market-stats.js';
import type { MarketDeps } from './market.service.js';

const shanghai = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * The market statistics' reads. The module has no table of its own: orders, leases, listings and the registry are
 * read through their modules' exported services (wired in app.ts), never their tables — this file is the one place
 * that knows where each figure comes from, as a repo knows its SQL. Days are Asia/Shanghai calendar days, [from, to).
 */
export function createMarketRepo(deps: Omit<MarketDeps, 'clock'>) {
  return {
    /** Sales (with trade-ins) and leases of the enterprises `ids` (null: all), each sale with its listing's field. */
    async figures(ids: string[] | null, from: string, to: string): Promise<{ sales: SaleRow[]; leases: LeaseRow[]; regionOf: (enterpriseId: string) => string | undefined }> {
      const [sales, leases] = await Promise.all([deps.orders.aggregates(ids, shanghai(from), shanghai(to)), deps.leasing.aggregates(ids, from, to)]);
      const fields = new Map((await deps.listings.fieldsOf([...new Set(sales.map((s) => s.listing_id))])).map((l) => [l.id, l.field]));
      const cards = await deps.enterprises.cards([...new Set([...sales.map((s) => s.enterprise_id), ...leases.map((l) => l.enterprise_id)])]);
      return {
        sales: sales.map((s) => ({ enterpriseId: s.enterprise_id, field: fields.get(s.listing_id) ?? null, orders: s.orders, units: s.units, valueCny: Number(s.value_cny), tradeIns: s.trade_ins, tradeInCreditCny: Number(s.trade_in_credit_cny), coresReceived: s.cores_received })),
        leases: leases.map((l) => ({ enterpriseId: l.enterprise_id, leases: l.leases, rentToOwn: l.rent_to_own, valueCny: Number(l.value_cny) })),
        regionOf: (id: string) => cards.get(id)?.regionCode,
      };
    },
    /** The enterprises in an authority's jurisdiction. */
    idsInAuthority: (authorityId: string) => deps.enterprises.idsInAuthority(authorityId),
  };
}
