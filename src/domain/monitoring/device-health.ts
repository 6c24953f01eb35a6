/**
 * The answer of `GET /api/v1/devices/{id}/health` (issue 12), from a device's points: health index from the
 * model's condition indicators and the RUL with its interval. Pure: the server loads the points (the recent window
 * for the health index, the whole history — or its hourly medians — for the RUL) and the trained model of the
 * product model, and presents this.
 */
import type { TelemetryPoint } from './alarm-rules.js';
import { healthIndex, type ConditionIndicator, type IndicatorScore } from './health.js';
import { estimateRul, samplesFromPoints, trainDegradationModel, type DegradationModel, type RulEstimate } from './rul.js';
import { FAILURE_VIBRATION, generateFleet } from './synthetic.js';
import { toEngineSamples } from './rul-evaluation.js';

export interface DeviceHealth {
  healthIndex: number | null;
  rul: { value: number; unit: 'h'; low: number; high: number } | null;
  method: string;
  /** ISO 8601 time of the newest point used */
  asOf: string | null;
  /** the explanation: each indicator's recent median and score, the weakest, and what the RUL rests on */
  limiting: string | null;
  indicators: IndicatorScore[];
  basis: RulEstimate['basis'] | null;
}

export function deviceHealth(points: readonly TelemetryPoint[], opts: { indicators: readonly ConditionIndicator[]; model?: DegradationModel | null; asOf?: number }): DeviceHealth {
  const upTo = opts.asOf === undefined ? points : points.filter((p) => p.ts <= opts.asOf!);
  const hi = healthIndex(upTo, opts.indicators);
  let rul: RulEstimate | null = null;
  if (opts.model) {
    const samples = samplesFromPoints(upTo);
    if (samples.some((s) => s.runHours !== undefined && s.vibrationRms !== undefined)) rul = estimateRul(opts.model, samples);
  }
  const newest = upTo.reduce((m, p) => Math.max(m, p.ts), -Infinity);
  return {
    healthIndex: hi.healthIndex,
    rul: rul ? { value: rul.value, unit: rul.unit, low: rul.low, high: rul.high } : null,
    method: rul ? `health-index:weakest-indicator; rul:${rul.method}` : 'health-index:weakest-indicator',
    asOf: Number.isFinite(newest) ? new Date(newest).toISOString() : null,
    limiting: hi.limiting,
    indicators: hi.indicators,
    basis: rul?.basis ?? null,
  };
}

const trained = new Map<string, DegradationModel>();

/**
 * Until an enterprise has run-to-failure histories of its own (devices that reached their failure level, or
 * withdrawn with the trace's intake of the core), the engine prior is trained on the synthetic fleet: deterministic,
 * about a second for 60 units, memoised. Replace it with `trainDegradationModel` on real histories when they exist.
 */
export function syntheticEngineModel(seed = 1, units = 60): DegradationModel {
  const key = `${seed}:${units}`;
  let m = trained.get(key);
  if (!m) {
    const fleet = generateFleet({ seed, units, idPrefix: 'T' });
    m = trainDegradationModel(fleet.map((u) => ({ samples: toEngineSamples(u), failureHours: u.failureHours })), { failureLevel: FAILURE_VIBRATION });
    trained.set(key, m);
  }
  return m;
}
