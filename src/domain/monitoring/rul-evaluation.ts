/**
 * Evaluation of the RUL method on held-out synthetic units against the naive baseline (mean life minus age), at
 * several points of life (issue 12; scripts/phm-eval.ts prints it, test/domain/monitoring/rul.test.ts asserts the
 * method wins on a fixed seed). Pure.
 *
 * Metrics: RMSE of the RUL in run hours, and the PHM08 challenge score (Saxena et al. 2008):
 *   s = Σ (exp(−d/13) − 1) for d < 0 (early),  Σ (exp(d/10) − 1) for d ≥ 0 (late),  d = predicted − true RUL,
 * with d in cycles. One cycle here is CYCLE_HOURS run hours, so that lives span ~150–500 cycles like the C-MAPSS
 * units the score was made for. Lower is better for both; the score punishes late predictions harder.
 */
import { DEFAULT_FAULTS, FAILURE_VIBRATION, generateFleet, truncate, type FaultOptions, type SyntheticUnit } from './synthetic.js';
import { baselineRul, estimateRul, trainDegradationModel, type DegradationModel, type EngineSample } from './rul.js';
import { forecastCoreReturns, hoursPerDay, monthStart, type FleetUnit } from './fleet-forecast.js';
import { createRng } from './prng.js';

export const CYCLE_HOURS = 10;

export function phm08Score(dCycles: number): number {
  return dCycles < 0 ? Math.exp(-dCycles / 13) - 1 : Math.exp(dCycles / 10) - 1;
}

export interface EvaluationOptions {
  seed: number;
  trainUnits: number;
  testUnits: number;
  /** points of life at which each held-out unit is cut (default 0.25, 0.5, 0.75, 0.9) */
  fractions?: number[];
  faults?: FaultOptions;
  /** quantile of the RUL distribution taken as the point estimate (default 0.5) */
  point?: number;
}

export interface MetricPair {
  method: number;
  baseline: number;
}

export interface EvaluationRow {
  fraction: number | 'all';
  n: number;
  rmse: MetricPair;
  /** PHM08 score summed over the units (as in the challenge) */
  score: MetricPair;
  /** share of true RULs inside the method's 90 % interval */
  coverage: number;
}

export interface EvaluationResult {
  model: DegradationModel;
  rows: EvaluationRow[];
}

export const toEngineSamples = (u: SyntheticUnit, upTo?: number): EngineSample[] =>
  (upTo === undefined ? u.samples : truncate(u, upTo)).map((s) => ({ ts: s.ts, runHours: s.values.runHours, rpm: s.values.rpm, vibrationRms: s.values.vibrationRms }));

export function evaluateRul(opts: EvaluationOptions): EvaluationResult {
  const faults = opts.faults ?? DEFAULT_FAULTS;
  const train = generateFleet({ seed: opts.seed, units: opts.trainUnits, faults, idPrefix: 'T' });
  const test = generateFleet({ seed: opts.seed + 7919, units: opts.testUnits, faults, idPrefix: 'H' });
  const model = trainDegradationModel(
    train.map((u) => ({ samples: toEngineSamples(u), failureHours: u.failureHours })),
    { failureLevel: FAILURE_VIBRATION },
  );
  const fractions = opts.fractions ?? [0.25, 0.5, 0.75, 0.9];
  const all: { fraction: number; errM: number; errB: number; covered: boolean }[] = [];
  for (const f of fractions) {
    for (const u of test) {
      const samples = toEngineSamples(u, f * u.failureHours);
      if (samples.length === 0) continue;
      const age = samples[samples.length - 1].runHours ?? 0;
      const truth = u.failureHours - age;
      const est = estimateRul(model, samples, { point: opts.point });
      all.push({ fraction: f, errM: est.value - truth, errB: baselineRul(model, age) - truth, covered: truth >= est.low && truth <= est.high });
    }
  }
  const row = (fraction: number | 'all', xs: typeof all): EvaluationRow => ({
    fraction,
    n: xs.length,
    rmse: { method: rmse(xs.map((x) => x.errM)), baseline: rmse(xs.map((x) => x.errB)) },
    score: { method: sum(xs.map((x) => phm08Score(x.errM / CYCLE_HOURS))), baseline: sum(xs.map((x) => phm08Score(x.errB / CYCLE_HOURS))) },
    coverage: xs.filter((x) => x.covered).length / Math.max(1, xs.length),
  });
  return { model, rows: [...fractions.map((f) => row(f, all.filter((x) => x.fraction === f))), row('all', all)] };
}

const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
const rmse = (xs: number[]) => Math.sqrt(sum(xs.map((x) => x * x)) / Math.max(1, xs.length));

export interface ForecastCheck {
  units: number;
  months: { month: string; expected: number; low: number; high: number; actual: number }[];
  /** share of months whose actual count lies in the forecast's 90 % interval */
  coverage: number;
  expectedTotal: number;
  actualTotal: number;
}

/**
 * The forecast of returning cores checked against what happened: held-out units observed at a random point of
 * life (20–95 %) on the same calendar day, their RULs forecast per month (no warranty returns), compared with the
 * months they actually reached their failure level.
 */
export function evaluateForecast(opts: { seed: number; trainUnits: number; units: number; months?: number }): ForecastCheck {
  const months = opts.months ?? 12;
  const train = generateFleet({ seed: opts.seed, units: opts.trainUnits, idPrefix: 'T' });
  const model = trainDegradationModel(train.map((u) => ({ samples: toEngineSamples(u), failureHours: u.failureHours })), { failureLevel: FAILURE_VIBRATION });
  const fleet = generateFleet({ seed: opts.seed + 104729, units: opts.units, idPrefix: 'F' });
  const rng = createRng(opts.seed + 1);
  const from = '2027-01';
  const asOf = monthStart(from);
  const units: FleetUnit[] = [];
  const failAt: number[] = [];
  for (const u of fleet) {
    const cut = toEngineSamples(u, rng.uniform(0.2, 0.95) * u.failureHours);
    if (cut.length < 2) continue;
    const est = estimateRul(model, cut);
    const first = cut[0];
    const last = cut[cut.length - 1];
    const perDay = hoursPerDay([{ ts: first.ts, value: first.runHours ?? 0 }, { ts: last.ts, value: last.runHours ?? 0 }]) ?? 12;
    units.push({ deviceId: u.params.id, model: 'engine', asOf, rul: { value: est.value, low: est.low, high: est.high, unit: 'h' }, hoursPerDay: perDay });
    failAt.push(asOf + ((u.failureHours - est.age) / u.params.hoursPerDay) * 86_400_000);
  }
  const f = forecastCoreReturns(units, { from, months, returnAtWarrantyEnd: 0 });
  const rows = f.months.map((m, i) => {
    const s = monthStart(from, i);
    const e = monthStart(from, i + 1);
    return { month: m.month, expected: m.expected, low: m.low, high: m.high, actual: failAt.filter((t) => t >= s && t < e).length };
  });
  return {
    units: units.length,
    months: rows,
    coverage: rows.filter((r) => r.actual >= r.low && r.actual <= r.high).length / rows.length,
    expectedTotal: Math.round(rows.reduce((s, r) => s + r.expected, 0) * 10) / 10,
    actualTotal: rows.reduce((s, r) => s + r.actual, 0),
  };
}
