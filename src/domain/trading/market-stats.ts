/**
 * Market statistics of 交易服务 (issue 13 "Quality feedback": authorities see units, value, trade-ins and leases by
 * region and field in 行业统计). Pure: the rows come from the orders and leasing modules; this sums them into the
 * totals and the two breakdowns. Region = the seller's (lessor's) province (GB/T 2260, first two digits); field =
 * the listing's field (一(一) nine fields) — a lease has no listing, so its field is unclassified (null).
 */
export interface MarketFigures {
  orders: number;
  units: number;
  valueCny: number;
  tradeIns: number;
  tradeInCreditCny: number;
  coresReceived: number;
  leases: number;
  rentToOwn: number;
  leaseValueCny: number;
}
export interface SaleRow {
  enterpriseId: string;
  field: string | null;
  orders: number;
  units: number;
  valueCny: number;
  tradeIns: number;
  tradeInCreditCny: number;
  coresReceived: number;
}
export interface LeaseRow {
  enterpriseId: string;
  leases: number;
  rentToOwn: number;
  valueCny: number;
}

export const emptyFigures = (): MarketFigures => ({ orders: 0, units: 0, valueCny: 0, tradeIns: 0, tradeInCreditCny: 0, coresReceived: 0, leases: 0, rentToOwn: 0, leaseValueCny: 0 });
const fen = (v: number) => Math.round(v * 100) / 100;

function addSale(f: MarketFigures, s: SaleRow) {
  f.orders += s.orders;
  f.units += s.units;
  f.valueCny = fen(f.valueCny + s.valueCny);
  f.tradeIns += s.tradeIns;
  f.tradeInCreditCny = fen(f.tradeInCreditCny + s.tradeInCreditCny);
  f.coresReceived += s.coresReceived;
}
function addLease(f: MarketFigures, l: LeaseRow) {
  f.leases += l.leases;
  f.rentToOwn += l.rentToOwn;
  f.leaseValueCny = fen(f.leaseValueCny + l.valueCny);
}

/** Totals, by province (code `xx0000`) and by field; `regionOf` gives an enterprise's region code. */
export function marketStatistics(sales: readonly SaleRow[], leases: readonly LeaseRow[], regionOf: (enterpriseId: string) => string | undefined) {
  const totals = emptyFigures();
  const byRegion = new Map<string, MarketFigures>();
  const byField = new Map<string | null, MarketFigures>();
  const province = (id: string) => `${(regionOf(id) ?? '00').slice(0, 2)}0000`;
  const at = <K>(m: Map<K, MarketFigures>, k: K) => m.get(k) ?? m.set(k, emptyFigures()).get(k)!;
  for (const s of sales) {
    addSale(totals, s);
    addSale(at(byRegion, province(s.enterpriseId)), s);
    addSale(at(byField, s.field), s);
  }
  for (const l of leases) {
    addLease(totals, l);
    addLease(at(byRegion, province(l.enterpriseId)), l);
    addLease(at(byField, null), l);
  }
  const order = (a: MarketFigures, b: MarketFigures) => b.valueCny + b.leaseValueCny - (a.valueCny + a.leaseValueCny);
  return {
    totals,
    byRegion: [...byRegion].map(([regionCode, f]) => ({ regionCode, ...f })).sort(order),
    byField: [...byField].map(([field, f]) => ({ field, ...f })).sort(order),
  };
}
