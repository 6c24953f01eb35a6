/**
 * Health index 0–100 of a device from its model's condition indicators (issue 12 "Health, remaining useful
 * life"). Explainable by construction (docs/monitoring-health.md "Health index"):
 * - each indicator is the median of its last `window` values up to `asOf` (a spike or a short stuck run does not
 *   move a median of 15);
 * - its score is linear between the indicator's `good` level (100) and its `bad` level (0), clamped — `bad`
 *   may lie above `good` (vibration, temperature) or below it (oil pressure);
 * - the health index is the score of the weakest indicator, and the answer names it (`limiting`).
 */
import type { TelemetryPoint } from './alarm-rules.js';

export interface ConditionIndicator {
  key: string;
  /** level of a healthy unit: score 100 */
  good: number;
  /** level at which the unit is due for remanufacture: score 0 */
  bad: number;
  label: { zh: string; en: string };
  basis: string;
}

/** Diesel engines. Vibration: ISO 10816-3 zone A/B (2.3 mm/s) and C/D (7.1 mm/s) boundaries. */
export const ENGINE_CONDITION_INDICATORS: readonly ConditionIndicator[] = [
  { key: 'vibrationRms', good: 2.3, bad: 7.1, label: { zh: '振动烈度', en: 'Vibration severity' }, basis: 'ISO 10816-3 zones A/B and C/D' },
  { key: 'coolantTemp', good: 95, bad: 105, label: { zh: '冷却液温度', en: 'Coolant temperature' }, basis: 'thermostat fully open at 95 °C; 105 °C boiling margin at 1 bar cap' },
  { key: 'oilPressure', good: 200, bad: 140, label: { zh: '机油压力', en: 'Oil pressure' }, basis: 'manufacturer minimum at idle ~140 kPa' },
];

/**
 * Hydraulic pumps. `particleCount` is the ISO 4406 code of particles ≥ 4 µm (as in the thing model): code 17
 * (640–1,300 per mL) good, code 20 (5,000–10,000 per mL) bad.
 */
export const HYDRAULIC_PUMP_CONDITION_INDICATORS: readonly ConditionIndicator[] = [
  { key: 'particleCount', good: 17, bad: 20, label: { zh: '颗粒污染度', en: 'Particle count' }, basis: 'ISO 4406 codes 17 and 20 (≥ 4 µm)' },
  { key: 'oilTemp', good: 60, bad: 85, label: { zh: '油温', en: 'Oil temperature' }, basis: 'mineral hydraulic oil: 60 °C normal, 85 °C oxidation limit' },
];

/** By thing-model template (src/domain/monitoring/thing-model.ts: `engine`, `hydraulicPump`). */
export const CONDITION_INDICATORS: Readonly<Record<string, readonly ConditionIndicator[]>> = {
  engine: ENGINE_CONDITION_INDICATORS,
  hydraulicPump: HYDRAULIC_PUMP_CONDITION_INDICATORS,
};

export interface IndicatorScore {
  key: string;
  /** median of the recent values */
  value: number;
  score: number;
  samples: number;
}

export interface HealthIndexResult {
  /** 0–100, null when no indicator has data */
  healthIndex: number | null;
  /** the weakest indicator */
  limiting: string | null;
  indicators: IndicatorScore[];
  asOf: number | null;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function indicatorScore(ind: ConditionIndicator, value: number): number {
  const raw = (100 * (ind.bad - value)) / (ind.bad - ind.good);
  return Math.round(Math.max(0, Math.min(100, raw)) * 10) / 10;
}

export function healthIndex(points: readonly TelemetryPoint[], indicators: readonly ConditionIndicator[], opts: { asOf?: number; window?: number } = {}): HealthIndexResult {
  const window = opts.window ?? 15;
  const asOf = opts.asOf ?? Infinity;
  const scores: IndicatorScore[] = [];
  let latest: number | null = null;
  for (const ind of indicators) {
    const recent = points
      .filter((p) => p.key === ind.key && typeof p.value === 'number' && Number.isFinite(p.value) && p.ts <= asOf)
      .sort((a, b) => a.ts - b.ts)
      .slice(-window);
    if (recent.length === 0) continue;
    latest = Math.max(latest ?? -Infinity, recent[recent.length - 1].ts);
    const value = median(recent.map((p) => p.value as number));
    scores.push({ key: ind.key, value: Math.round(value * 1000) / 1000, score: indicatorScore(ind, value), samples: recent.length });
  }
  if (scores.length === 0) return { healthIndex: null, limiting: null, indicators: [], asOf: null };
  const weakest = scores.reduce((a, b) => (b.score < a.score ? b : a));
  return { healthIndex: weakest.score, limiting: weakest.key, indicators: scores, asOf: latest };
}

/** Health bands for charts and the fleet's health distribution. */
export const HEALTH_BANDS = [
  { key: 'good', min: 80, label: { zh: '良好', en: 'Good' } },
  { key: 'fair', min: 60, label: { zh: '一般', en: 'Fair' } },
  { key: 'poor', min: 30, label: { zh: '较差', en: 'Poor' } },
  { key: 'critical', min: 0, label: { zh: '临界', en: 'Critical' } },
] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number]['key'];

export function healthBand(hi: number): HealthBand {
  return (HEALTH_BANDS.find((b) => hi >= b.min) ?? HEALTH_BANDS[HEALTH_BANDS.length - 1]).key;
}
