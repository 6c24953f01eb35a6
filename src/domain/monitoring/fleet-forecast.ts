/**
 * Fleet view of an enterprise (issue 12 "Fleet view"): installed base by model and region, the health
 * distribution, and a forecast of cores returning per month from RUL estimates and warranty ends — for capacity
 * planning of the next life. Pure (docs/monitoring-health.md "Forecast of returning cores").
 *
 * Each unit returns once. Its end of life T (calendar) is lognormal, fitted to its RUL estimate (median `value`,
 * interval `low`…`high` at `level`) converted to days by the unit's utilisation (run hours per day). At its
 * warranty end W (if still ahead) the owner hands the unit back with probability q (trade-in, lease end);
 * otherwise it runs on to failure. So the probability of return in month [s, e) is
 *     P(T ∈ [s,e), T < W) + 1[W ∈ [s,e)] · q · P(T ≥ W) + (1 − q) · P(T ∈ [s,e), T ≥ W).
 * Units are independent: the month's count is Poisson-binomial; its expected value and the central interval
 * (exact distribution by convolution) are returned.
 */
import { errorFunction, probit } from 'simple-statistics';
import { HEALTH_BANDS, healthBand, type HealthBand } from './health.js';

export interface FleetUnit {
  deviceId: string;
  model?: string | null;
  region?: string | null;
  /** epoch ms the estimate was made */
  asOf: number;
  rul: { value: number; low: number; high: number; unit: 'h' } | null;
  /** run hours per calendar day (from the unit's recent runHours) */
  hoursPerDay: number;
  /** warranty end, epoch ms */
  warrantyEnd?: number | null;
  healthIndex?: number | null;
}

export interface ForecastOptions {
  /** first month, 'YYYY-MM' (months are those of Asia/Shanghai) */
  from: string;
  months: number;
  /** probability that a unit is handed back at its warranty end (default 0.25; estimate it from the trace) */
  returnAtWarrantyEnd?: number;
  /** central probability of the RUL intervals given (default 0.9) and of the count intervals returned */
  level?: number;
}

export interface ForecastMonth {
  month: string;
  expected: number;
  low: number;
  high: number;
  fromFailure: number;
  fromWarrantyEnd: number;
  byModel: Record<string, number>;
}

export interface CoreReturnForecast {
  months: ForecastMonth[];
  /** expected returns after the last month */
  later: number;
  /** units without an RUL estimate (not forecast) */
  withoutEstimate: number;
}

const SHANGHAI_OFFSET = 8 * 3600_000;
const DAY = 86_400_000;
const Phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));

/** Start of a month in Asia/Shanghai, epoch ms. */
export function monthStart(month: string, add = 0): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new Error(`month must be YYYY-MM: ${month}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1 + add, 1) - SHANGHAI_OFFSET;
}

const monthLabel = (ms: number) => new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 7);

/** CDF of a unit's end of life (epoch ms). */
export function endOfLifeCdf(u: Pick<FleetUnit, 'asOf' | 'rul' | 'hoursPerDay'>, level = 0.9): (t: number) => number {
  const rul = u.rul!;
  const perDay = Math.max(u.hoursPerDay, 0.01);
  if (rul.value <= 0) return (t) => (t >= u.asOf ? 1 : 0);
  const med = rul.value / perDay;
  const lo = Math.max(rul.low, 1e-3 * rul.value, 0.01) / perDay;
  const hi = Math.max(rul.high, rul.value * 1.001) / perDay;
  const z = probit(1 - (1 - level) / 2);
  const mu = Math.log(med);
  const sigma = Math.max((Math.log(hi) - Math.log(lo)) / (2 * z), 1e-3);
  return (t) => {
    const days = (t - u.asOf) / DAY;
    return days <= 0 ? 0 : Phi((Math.log(days) - mu) / sigma);
  };
}

/** Probability mass of the count of independent events (Poisson-binomial), truncated far in the tail. */
export function poissonBinomial(ps: readonly number[]): number[] {
  const mean = ps.reduce((s, p) => s + p, 0);
  const sd = Math.sqrt(ps.reduce((s, p) => s + p * (1 - p), 0));
  const K = Math.min(ps.length, Math.ceil(mean + 10 * sd + 10));
  let dist = new Float64Array(K + 1);
  dist[0] = 1;
  for (const p of ps) {
    if (p <= 0) continue;
    const next = new Float64Array(K + 1);
    for (let k = 0; k <= K; k++) {
      if (dist[k] === 0) continue;
      next[k] += dist[k] * (1 - p);
      if (k + 1 <= K) next[k + 1] += dist[k] * p;
    }
    dist = next;
  }
  return [...dist];
}

function centralInterval(pmf: readonly number[], level: number): [number, number] {
  const a = (1 - level) / 2;
  let c = 0;
  let low = 0;
  for (let k = 0; k < pmf.length; k++) {
    c += pmf[k];
    if (c > a) {
      low = k;
      break;
    }
  }
  c = 0;
  let high = pmf.length - 1;
  for (let k = 0; k < pmf.length; k++) {
    c += pmf[k];
    if (c >= 1 - a) {
      high = k;
      break;
    }
  }
  return [low, high];
}

export function forecastCoreReturns(units: readonly FleetUnit[], opts: ForecastOptions): CoreReturnForecast {
  const q = opts.returnAtWarrantyEnd ?? 0.25;
  const level = opts.level ?? 0.9;
  const bounds = Array.from({ length: opts.months + 1 }, (_, i) => monthStart(opts.from, i));
  const perMonth: { p: number; fail: number; warranty: number; model: string }[][] = bounds.slice(1).map(() => []);
  let later = 0;
  let withoutEstimate = 0;
  for (const u of units) {
    if (!u.rul) {
      withoutEstimate++;
      continue;
    }
    const G = endOfLifeCdf(u, level);
    const W = u.warrantyEnd != null && u.warrantyEnd > u.asOf ? u.warrantyEnd : Infinity;
    const survivesW = W === Infinity ? 0 : 1 - G(W);
    const massIn = (s: number, e: number) => {
      const before = G(Math.min(e, W)) - G(Math.min(s, W));
      const after = W === Infinity ? 0 : G(Math.max(e, W)) - G(Math.max(s, W));
      const atW = W >= s && W < e ? q * survivesW : 0;
      return { fail: before + (1 - q) * after, warranty: atW };
    };
    const model = u.model ?? '—';
    for (let i = 0; i < opts.months; i++) {
      const { fail, warranty } = massIn(Math.max(bounds[i], u.asOf), bounds[i + 1]);
      if (fail + warranty > 0) perMonth[i].push({ p: Math.min(1, fail + warranty), fail, warranty, model });
    }
    const end = bounds[opts.months];
    const tail = massIn(Math.max(end, u.asOf), Infinity);
    later += tail.fail + tail.warranty;
  }
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const months = perMonth.map((rows, i): ForecastMonth => {
    const [low, high] = centralInterval(poissonBinomial(rows.map((r) => r.p)), level);
    const byModel: Record<string, number> = {};
    for (const r of rows) byModel[r.model] = (byModel[r.model] ?? 0) + r.p;
    for (const k of Object.keys(byModel)) byModel[k] = round2(byModel[k]);
    return {
      month: monthLabel(bounds[i]),
      expected: round2(rows.reduce((s, r) => s + r.p, 0)),
      low,
      high,
      fromFailure: round2(rows.reduce((s, r) => s + r.fail, 0)),
      fromWarrantyEnd: round2(rows.reduce((s, r) => s + r.warranty, 0)),
      byModel,
    };
  });
  return { months, later: round2(later), withoutEstimate };
}

/** Installed base by model and by region, and the health distribution by band. */
export function fleetSummary(units: readonly FleetUnit[]): { total: number; byModel: Record<string, number>; byRegion: Record<string, number>; health: Record<HealthBand | 'unknown', number> } {
  const byModel: Record<string, number> = {};
  const byRegion: Record<string, number> = {};
  const health = Object.fromEntries([...HEALTH_BANDS.map((b) => [b.key, 0]), ['unknown', 0]]) as Record<HealthBand | 'unknown', number>;
  for (const u of units) {
    byModel[u.model ?? '—'] = (byModel[u.model ?? '—'] ?? 0) + 1;
    byRegion[u.region ?? '—'] = (byRegion[u.region ?? '—'] ?? 0) + 1;
    health[u.healthIndex == null ? 'unknown' : healthBand(u.healthIndex)]++;
  }
  return { total: units.length, byModel, byRegion, health };
}

/** Utilisation from a runHours series: run hours per calendar day between the first and last point. */
export function hoursPerDay(points: readonly { ts: number; value: number }[]): number | null {
  if (points.length < 2) return null;
  const s = [...points].sort((a, b) => a.ts - b.ts);
  const days = (s[s.length - 1].ts - s[0].ts) / DAY;
  if (days <= 0) return null;
  return Math.max(0, (s[s.length - 1].value - s[0].value) / days);
}
