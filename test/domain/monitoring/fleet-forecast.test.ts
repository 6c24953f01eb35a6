import { describe, expect, it } from 'vitest';
import { evaluateForecast } from '../../../src/domain/monitoring/rul-evaluation.js';
import { endOfLifeCdf, fleetSummary, forecastCoreReturns, hoursPerDay, monthStart, poissonBinomial, type FleetUnit } from '../../../src/domain/monitoring/fleet-forecast.js';

const DAY = 86_400_000;
const asOf = monthStart('2027-01'); // 2027-01-01 00:00 Asia/Shanghai
const unit = (over: Partial<FleetUnit> = {}): FleetUnit => ({
  deviceId: 'd1',
  model: 'WD615',
  region: '440000',
  asOf,
  rul: { value: 1500, low: 1000, high: 2250, unit: 'h' }, // symmetric in log: ×/÷ 1.5
  hoursPerDay: 10,
  ...over,
});

describe('end of life from an RUL estimate', () => {
  it('puts the median at value ÷ utilisation and the interval bounds at its quantiles', () => {
    const G = endOfLifeCdf(unit());
    expect(G(asOf + 150 * DAY)).toBeCloseTo(0.5, 6);
    expect(G(asOf + 100 * DAY)).toBeCloseTo(0.05, 3);
    expect(G(asOf + 225 * DAY)).toBeCloseTo(0.95, 3);
    expect(G(asOf)).toBe(0);
  });
  it('an RUL of 0 means it is due now', () => {
    const G = endOfLifeCdf(unit({ rul: { value: 0, low: 0, high: 0, unit: 'h' } }));
    expect(G(asOf + 1)).toBe(1);
  });
});

describe('forecast of returning cores', () => {
  it('one unit: the monthly probabilities add up to one over a long horizon and peak around its median', () => {
    const f = forecastCoreReturns([unit()], { from: '2027-01', months: 24 });
    const total = f.months.reduce((s, m) => s + m.expected, 0) + f.later;
    expect(total).toBeCloseTo(1, 1);
    const peak = f.months.reduce((a, b) => (b.expected > a.expected ? b : a));
    expect(peak.month).toBe('2027-05'); // 150 days after 1 January
    expect(f.months[0].month).toBe('2027-01');
  });
  it('a warranty end ahead: a share q comes back in that month, the rest runs to failure', () => {
    // warranty ends 2027-03-15, well before the expected failure (~ day 150)
    const warrantyEnd = asOf + 73 * DAY;
    const f = forecastCoreReturns([unit({ warrantyEnd })], { from: '2027-01', months: 24, returnAtWarrantyEnd: 0.4 });
    const march = f.months.find((m) => m.month === '2027-03')!;
    expect(march.fromWarrantyEnd).toBeCloseTo(0.4 * (1 - endOfLifeCdf(unit())(warrantyEnd)), 2);
    const total = f.months.reduce((s, m) => s + m.expected, 0) + f.later;
    expect(total).toBeCloseTo(1, 1);
    const none = forecastCoreReturns([unit({ warrantyEnd })], { from: '2027-01', months: 24, returnAtWarrantyEnd: 0 });
    expect(none.months.find((m) => m.month === '2027-03')!.fromWarrantyEnd).toBe(0);
    // a warranty already over does not count
    const past = forecastCoreReturns([unit({ warrantyEnd: asOf - DAY })], { from: '2027-01', months: 24, returnAtWarrantyEnd: 0.9 });
    expect(past.months.every((m) => m.fromWarrantyEnd === 0)).toBe(true);
  });
  it('a fleet: expected counts add up, the interval contains the expectation, by model', () => {
    const units = Array.from({ length: 200 }, (_, i) =>
      unit({ deviceId: `d${i}`, model: i % 2 ? 'WD615' : 'YC6L', rul: { value: 500 + 20 * i, low: 300 + 15 * i, high: 800 + 30 * i, unit: 'h' }, hoursPerDay: 8 + (i % 5) }),
    );
    const f = forecastCoreReturns([...units, unit({ deviceId: 'nodata', rul: null })], { from: '2027-01', months: 12 });
    expect(f.withoutEstimate).toBe(1);
    const sum = f.months.reduce((s, m) => s + m.expected, 0) + f.later;
    expect(sum).toBeCloseTo(200, -1);
    for (const m of f.months) {
      expect(m.low).toBeLessThanOrEqual(m.expected);
      expect(m.high).toBeGreaterThanOrEqual(m.expected);
      expect(Object.values(m.byModel).reduce((s, v) => s + v, 0)).toBeCloseTo(m.expected, 1);
    }
  });
  it('Poisson-binomial: exact for small cases', () => {
    const pmf = poissonBinomial([0.5, 0.5]);
    expect(pmf.slice(0, 3)).toEqual([0.25, 0.5, 0.25]);
    expect(poissonBinomial([1, 1, 0.5]).slice(0, 4)).toEqual([0, 0, 0.5, 0.5]);
  });
});

describe('fleet summary and utilisation', () => {
  it('counts by model, region and health band', () => {
    const s = fleetSummary([unit({ healthIndex: 90 }), unit({ deviceId: 'd2', model: 'YC6L', region: '320000', healthIndex: 45 }), unit({ deviceId: 'd3', healthIndex: null })]);
    expect(s).toEqual({ total: 3, byModel: { WD615: 2, YC6L: 1 }, byRegion: { '440000': 2, '320000': 1 }, health: { good: 1, fair: 0, poor: 1, critical: 0, unknown: 1 } });
  });
  it('utilisation from a runHours series', () => {
    expect(hoursPerDay([{ ts: 0, value: 100 }, { ts: 10 * DAY, value: 220 }])).toBe(12);
    expect(hoursPerDay([{ ts: 0, value: 100 }])).toBeNull();
  });
});

describe('the forecast against what happened (synthetic fleet, fixed seed)', () => {
  it('expects about as many returns as happen, and most months fall in their 90 % interval', () => {
    const r = evaluateForecast({ seed: 1, trainUnits: 20, units: 100 });
    expect(r.units).toBe(100);
    expect(Math.abs(r.expectedTotal - r.actualTotal)).toBeLessThan(0.1 * r.actualTotal);
    expect(r.coverage).toBeGreaterThanOrEqual(0.75);
    // the busiest months are forecast as the busiest
    const top = (k: 'expected' | 'actual') => [...r.months].sort((a, b) => b[k] - a[k]).slice(0, 3).map((m) => m.month).sort();
    expect(top('expected').filter((m) => top('actual').includes(m)).length).toBeGreaterThanOrEqual(2);
  });
});
