/**
 * Synthetic run-to-failure histories of remanufactured diesel engines (issue 12 "Health, remaining useful life"):
 * the repo's own stand-in for field data, used by the RUL evaluation (scripts/phm-eval.ts), the simulator
 * (scripts/simulate.ts) and the demo. Pure and seeded: the same seed gives the same fleet.
 *
 * The wear law (docs/monitoring-health.md "The synthetic fleet"): a latent degradation — the excess of bearing
 * vibration over the healthy level — grows exponentially with wear age,
 *     D(τ) = θ · exp(β · τ),   θ ~ LogNormal, β ~ LogNormal (per unit),
 * where wear age τ accumulates run hours weighted by the operating regime (heavy load wears faster). The unit
 * fails when D reaches FAILURE_EXCESS (vibration at the ISO 10816-3 zone C/D boundary, 7.1 mm/s). The sensors see
 * the regime's own level plus the degradation, with multiplicative process noise and measurement noise;
 * coolant temperature rises and oil pressure falls with degradation. Sensor faults are injected and labelled:
 * spikes, stuck values, dropouts of one metric, and whole samples missing (device offline).
 */
import { createRng, type Rng } from './prng.js';

export const ENGINE_METRICS = ['coolantTemp', 'oilPressure', 'rpm', 'runHours', 'vibrationRms'] as const;
export type EngineMetric = (typeof ENGINE_METRICS)[number];

export interface Regime {
  name: string;
  rpm: number;
  coolantTemp: number;
  oilPressure: number;
  /** healthy vibration level in this regime, mm/s */
  vibration: number;
  /** wear age accrued per run hour */
  wear: number;
}

/** Idle, cruise, heavy load. */
export const ENGINE_REGIMES: readonly Regime[] = [
  { name: 'idle', rpm: 750, coolantTemp: 82, oilPressure: 220, vibration: 1.5, wear: 0.6 },
  { name: 'cruise', rpm: 1500, coolantTemp: 88, oilPressure: 340, vibration: 1.8, wear: 1.0 },
  { name: 'heavy', rpm: 1900, coolantTemp: 93, oilPressure: 400, vibration: 2.1, wear: 1.5 },
];
/** Regime switching: probability of staying in the regime at each sample, and the long-run shares. */
const REGIME_STAY = 0.8;
const REGIME_SHARES = [0.25, 0.5, 0.25];

/** Failure: vibration excess over the idle level reaching 7.1 − 1.5 mm/s (ISO 10816-3 zone C/D boundary). */
export const FAILURE_VIBRATION = 7.1;
export const FAILURE_EXCESS = FAILURE_VIBRATION - ENGINE_REGIMES[0].vibration;

export interface UnitParams {
  id: string;
  /** initial degradation, mm/s */
  theta: number;
  /** degradation rate per wear hour */
  beta: number;
  /** sd of the multiplicative (log-space) process noise */
  sigma: number;
  /** run hours per calendar day */
  hoursPerDay: number;
}

export interface FaultOptions {
  /** per sample and metric */
  spike: number;
  /** per sample and metric; lasts stuckLength samples */
  stuck: number;
  stuckLength: [number, number];
  /** per sample and metric; lasts dropoutLength samples */
  dropout: number;
  dropoutLength: [number, number];
  /** per sample: the device is offline for offlineLength samples */
  offline: number;
  offlineLength: [number, number];
}

export const DEFAULT_FAULTS: FaultOptions = {
  spike: 0.004,
  stuck: 0.0015,
  stuckLength: [3, 12],
  dropout: 0.002,
  dropoutLength: [2, 10],
  offline: 0.003,
  offlineLength: [2, 15],
};
export const NO_FAULTS: FaultOptions = { ...DEFAULT_FAULTS, spike: 0, stuck: 0, dropout: 0, offline: 0 };

export interface FleetOptions {
  seed: number;
  units: number;
  /** run hours between samples */
  sampleEveryHours?: number;
  faults?: FaultOptions;
  /** epoch ms of each unit's first sample (installation) */
  startTs?: number;
  idPrefix?: string;
}

export type FaultKind = 'spike' | 'stuck' | 'dropout' | 'offline';
export interface FaultRecord {
  kind: FaultKind;
  metric: EngineMetric | null;
  fromIndex: number;
  toIndex: number;
}

export interface SyntheticSample {
  ts: number;
  runHours: number;
  regime: number;
  /** the metrics as reported (faults applied; a dropped-out metric is absent) */
  values: Partial<Record<EngineMetric, number>>;
  /** ground truth, not reported: latent degradation excess, mm/s */
  degradation: number;
}

export interface SyntheticUnit {
  params: UnitParams;
  /** run hours at failure (first sample whose latent degradation reached FAILURE_EXCESS) */
  failureHours: number;
  samples: SyntheticSample[];
  faults: FaultRecord[];
}

/** Draw one unit's parameters. Median life ≈ ln(FAILURE_EXCESS/θ)/β ≈ 3,000 run hours, spread ≈ ±30 %. */
export function drawUnitParams(rng: Rng, id: string): UnitParams {
  const theta = Math.exp(rng.gauss(Math.log(0.25), 0.3));
  const beta = Math.exp(rng.gauss(Math.log(1.05e-3), 0.25));
  return { id, theta, beta, sigma: 0.1, hoursPerDay: rng.uniform(8, 20) };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A running engine: call `advance(hours)` for the next sample. Used for whole histories (below) and live by the
 * simulator (with its own time step). Faults are not applied here (see `withFaults`).
 */
export function engineUnit(rng: Rng, params: UnitParams, startHours = 0) {
  let runHours = startHours;
  let wearAge = startHours;
  let regime = 1;
  return {
    get runHours() {
      return runHours;
    },
    get failed() {
      return params.theta * Math.exp(params.beta * wearAge) >= FAILURE_EXCESS;
    },
    advance(hours: number): { runHours: number; regime: number; degradation: number; values: Record<EngineMetric, number> } {
      if (!rng.chance(REGIME_STAY)) {
        const u = rng.next();
        regime = u < REGIME_SHARES[0] ? 0 : u < REGIME_SHARES[0] + REGIME_SHARES[1] ? 1 : 2;
      }
      const r = ENGINE_REGIMES[regime];
      runHours += hours;
      wearAge += hours * r.wear;
      const degradation = params.theta * Math.exp(params.beta * wearAge);
      const d = Math.min(degradation / FAILURE_EXCESS, 1.2);
      const observedExcess = degradation * Math.exp(rng.gauss(0, params.sigma) - (params.sigma * params.sigma) / 2);
      return {
        runHours,
        regime,
        degradation,
        values: {
          coolantTemp: round(r.coolantTemp + 8 * d + rng.gauss(0, 0.8), 1),
          oilPressure: round(r.oilPressure * (1 - 0.25 * d) + rng.gauss(0, 6), 0),
          rpm: round(r.rpm + rng.gauss(0, 25), 0),
          runHours: round(runHours, 1),
          vibrationRms: round(Math.max(0.05, r.vibration + observedExcess + rng.gauss(0, 0.05)), 3),
        },
      };
    },
  };
}

/** One unit's run-to-failure history, sampled every `sampleEveryHours` run hours, faults injected. */
export function generateUnit(rng: Rng, params: UnitParams, opts: { sampleEveryHours?: number; faults?: FaultOptions; startTs?: number } = {}): SyntheticUnit {
  const every = opts.sampleEveryHours ?? 10;
  const startTs = opts.startTs ?? Date.UTC(2024, 0, 1);
  const engine = engineUnit(rng, params);
  const clean: SyntheticSample[] = [];
  for (let i = 0; i < 100_000; i++) {
    const s = engine.advance(every);
    clean.push({ ts: Math.round(startTs + (s.runHours / params.hoursPerDay) * 86_400_000), runHours: s.runHours, regime: s.regime, values: s.values, degradation: s.degradation });
    if (s.degradation >= FAILURE_EXCESS) break;
  }
  const failureHours = clean[clean.length - 1].runHours;
  const { samples, faults } = withFaults(rng, clean, opts.faults ?? DEFAULT_FAULTS);
  return { params, failureHours, samples, faults };
}

/** Apply sensor faults to clean samples: spikes (×2–4 for one sample), stuck values, dropouts, offline gaps. */
export function withFaults(rng: Rng, clean: readonly SyntheticSample[], f: FaultOptions): { samples: SyntheticSample[]; faults: FaultRecord[] } {
  const faults: FaultRecord[] = [];
  const out: (SyntheticSample | null)[] = clean.map((s) => ({ ...s, values: { ...s.values } }));
  const last = out.length - 1; // the failure sample is always reported as is
  const sensors: EngineMetric[] = ['coolantTemp', 'oilPressure', 'rpm', 'vibrationRms'];
  for (let i = 1; i < last; i++) {
    if (rng.chance(f.offline)) {
      const to = Math.min(last - 1, i + rng.int(f.offlineLength[0], f.offlineLength[1]) - 1);
      for (let j = i; j <= to; j++) out[j] = null;
      faults.push({ kind: 'offline', metric: null, fromIndex: i, toIndex: to });
      i = to;
      continue;
    }
    const s = out[i];
    if (!s) continue;
    for (const m of sensors) {
      if (s.values[m] === undefined) continue;
      if (rng.chance(f.spike)) {
        s.values[m] = round(s.values[m]! * rng.uniform(2, 4), 3);
        faults.push({ kind: 'spike', metric: m, fromIndex: i, toIndex: i });
      } else if (rng.chance(f.stuck)) {
        const to = Math.min(last - 1, i + rng.int(f.stuckLength[0], f.stuckLength[1]) - 1);
        const v = s.values[m];
        for (let j = i + 1; j <= to; j++) if (out[j]?.values[m] !== undefined) out[j]!.values[m] = v;
        faults.push({ kind: 'stuck', metric: m, fromIndex: i, toIndex: to });
      } else if (rng.chance(f.dropout)) {
        const to = Math.min(last - 1, i + rng.int(f.dropoutLength[0], f.dropoutLength[1]) - 1);
        for (let j = i; j <= to; j++) if (out[j]) delete out[j]!.values[m];
        faults.push({ kind: 'dropout', metric: m, fromIndex: i, toIndex: to });
      }
    }
  }
  return { samples: out.filter((s): s is SyntheticSample => s !== null), faults };
}

/** A fleet of run-to-failure histories. */
export function generateFleet(opts: FleetOptions): SyntheticUnit[] {
  const rng = createRng(opts.seed);
  const units: SyntheticUnit[] = [];
  for (let i = 0; i < opts.units; i++) {
    const unitRng = rng.fork();
    const params = drawUnitParams(unitRng, `${opts.idPrefix ?? 'U'}${String(i + 1).padStart(3, '0')}`);
    units.push(generateUnit(unitRng, params, { sampleEveryHours: opts.sampleEveryHours, faults: opts.faults, startTs: opts.startTs }));
  }
  return units;
}

/** The samples as the platform stores them: `{ts, key, value}` points. */
export function toPoints(samples: readonly SyntheticSample[]): { ts: number; key: string; value: number }[] {
  const out: { ts: number; key: string; value: number }[] = [];
  for (const s of samples) for (const m of ENGINE_METRICS) if (s.values[m] !== undefined) out.push({ ts: s.ts, key: m, value: s.values[m]! });
  return out;
}

/** A history cut at a point of life (for evaluation): samples up to `runHours`. */
export function truncate(unit: SyntheticUnit, runHours: number): SyntheticSample[] {
  return unit.samples.filter((s) => s.runHours <= runHours);
}
