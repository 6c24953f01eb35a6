/**
 * The answer of `GET /api/v1/devices/{id}/health` (issue 12), from a device's points: health index from the
 * model's condition indicators and the RUL with its interval. Pure: the server loads the points (the recent window
 * for the health index, the whole history — or its hourly medians — for the RUL) and the trained model of the
 * product model, and presents this.
 */
import type { TelemetryPoint } from './alarm-rules.js';
import { healthIndex, type ConditionIndicator, type IndicatorScore } from './health.js';
import { estimateRul, samplesFromPoints, type DegradationModel, type RulEstimate } from './rul.js';

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
