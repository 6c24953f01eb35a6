/**
 * Pre-filling 表2-3 from the traceability records (the seam of annual-reports.service.ts).
 *
 * Two shapes of source are understood, looked up on `Services.trace` by duck typing so that this module does
 * not depend on the traceability module's code:
 * 1. `annualTable23({enterpriseId, siteId, year})` → a ready 表2-3 (preferred when offered);
 * 2. `ledger(principal, {from, to, enterpriseId})` → the 生产管理台账 (四(三)) of the year: cores received,
 *    products made, shipments. The ledger is per enterprise, not per site, so it is used only when the
 *    enterprise owes the year's report for exactly one site (otherwise each site's report would count the
 *    whole enterprise). Rows are grouped: 回收 by (name, source), 再制造 by (name, model), 销售 by (name, model,
 *    buyer); the columns the ledger does not know (型号 of cores, 涉及领域) are left for the enterprise.
 */
import type { RecoveryRow, RemanRow, SalesRow, Table23 } from '../../../domain/annual-report/index.js';
import { RECYCLING_CHANNELS } from '../../../domain/trace/vocabulary.js';
import type { Principal } from '../../platform/principal.js';

export interface Table23Source {
  annualTable23(input: { enterpriseId: string; siteId: string; year: number }): Promise<Table23 | null>;
}

export interface LedgerLike {
  coresReceived?: { name?: string | null; returnedBy?: string | null; channel?: string | null }[];
  productsMade?: { code?: string | null; name?: string | null; model?: string | null }[];
  shipments?: { code?: string | null; destination?: string | null }[];
}
interface LedgerSource {
  ledger(p: Principal | null, input: { from: string; to: string; enterpriseId?: string }): Promise<LedgerLike>;
}

function group<T, R>(items: T[], key: (t: T) => string, make: (t: T, count: number) => R): R[] {
  const m = new Map<string, { first: T; n: number }>();
  for (const t of items) {
    const k = key(t);
    const g = m.get(k);
    if (g) g.n++;
    else m.set(k, { first: t, n: 1 });
  }
  return [...m.values()].map((g) => make(g.first, g.n));
}

/** 来源: the recycling channel's Chinese label (trace vocabulary), else the code, else who returned it. */
function sourceOf(c: { channel?: string | null; returnedBy?: string | null }): string | undefined {
  if (c.channel) return (RECYCLING_CHANNELS as Record<string, { zh: string }>)[c.channel]?.zh ?? c.channel;
  return c.returnedBy || undefined;
}

/** 表2-3 from one year's ledger: totals equal their rows by construction. */
export function table23FromLedger(l: LedgerLike): Table23 {
  const recovery: RecoveryRow[] = group(
    l.coresReceived ?? [],
    (c) => `${c.name ?? ''}\u0000${sourceOf(c) ?? ''}`,
    (c, count) => ({ name: c.name ?? undefined, source: sourceOf(c), count }),
  );
  const made = l.productsMade ?? [];
  const byCode = new Map(made.filter((p) => p.code).map((p) => [p.code!, p]));
  const reman: RemanRow[] = group(made, (p) => `${p.name ?? ''}\u0000${p.model ?? ''}`, (p, count) => ({ name: p.name ?? undefined, model: p.model ?? undefined, count }));
  const sales: SalesRow[] = group(
    (l.shipments ?? []).map((s) => ({ ...s, product: s.code ? byCode.get(s.code) : undefined })),
    (s) => `${s.product?.name ?? ''}\u0000${s.product?.model ?? ''}\u0000${s.destination ?? ''}`,
    (s, count) => ({ name: s.product?.name ?? undefined, model: s.product?.model ?? undefined, buyer: s.destination ?? undefined, count }),
  );
  const sum = (rows: { count?: number | null }[]) => rows.reduce((a, r) => a + (r.count ?? 0), 0);
  return { recovery: { total: sum(recovery), rows: recovery }, reman: { total: sum(reman), rows: reman }, sales: { total: sum(sales), rows: sales } };
}

/**
 * The prefilled 表2-3 for a new report, or null (no source, several owed sites for a ledger, or the source
 * failed: the report then starts empty).
 */
export async function prefillTable23(
  trace: unknown,
  input: { principal: Principal | null; enterpriseId: string; siteId: string; year: number; sitesOwedByEnterprise: number },
): Promise<Table23 | null> {
  const t = trace as Partial<Table23Source & LedgerSource> | undefined;
  try {
    if (t && typeof t.annualTable23 === 'function') return await t.annualTable23({ enterpriseId: input.enterpriseId, siteId: input.siteId, year: input.year });
    if (t && typeof t.ledger === 'function' && input.sitesOwedByEnterprise === 1) {
      const l = await t.ledger(input.principal, { from: `${input.year}-01-01`, to: `${input.year}-12-31`, enterpriseId: input.enterpriseId });
      const table = table23FromLedger(l);
      return table.recovery?.rows?.length || table.reman?.rows?.length || table.sales?.rows?.length ? table : null;
    }
  } catch {
    // the enterprise enters the numbers by hand
  }
  return null;
}
