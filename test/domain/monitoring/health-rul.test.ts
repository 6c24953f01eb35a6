import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/domain/monitoring/prng.js';
import { DEFAULT_FAULTS, ENGINE_METRICS, FAILURE_EXCESS, FAILURE_VIBRATION, NO_FAULTS, generateFleet, generateUnit, drawUnitParams, toPoints } from '../../../src/domain/monitoring/synthetic.js';
import { CONDITION_INDICATORS, ENGINE_CONDITION_INDICATORS, healthBand, healthIndex, indicatorScore } from '../../../src/domain/monitoring/health.js';
import { baselineRul, estimateRul, samplesFromPoints, trainDegradationModel } from '../../../src/domain/monitoring/rul.js';
import { evaluateRul, phm08Score, toEngineSamples } from '../../../src/domain/monitoring/rul-evaluation.js';
import { deviceHealth, syntheticEngineModel } from '../../../src/domain/monitoring/device-health.js';

describe('the seeded generator', () => {
  it('gives the same fleet for the same seed and another for another seed', () => {
    const a = generateFleet({ seed: 42, units: 3 });
    const b = generateFleet({ seed: 42, units: 3 });
    const c = generateFleet({ seed: 43, units: 3 });
    expect(a.map((u) => u.failureHours)).toEqual(b.map((u) => u.failureHours));
    expect(a[0].samples.slice(0, 50)).toEqual(b[0].samples.slice(0, 50));
    expect(a.map((u) => u.failureHours)).not.toEqual(c.map((u) => u.failureHours));
  });
  it('runs each unit to failure: the latent degradation crosses the threshold at the last sample only', () => {
    for (const u of generateFleet({ seed: 7, units: 10, faults: NO_FAULTS })) {
      const last = u.samples[u.samples.length - 1];
      expect(last.degradation).toBeGreaterThanOrEqual(FAILURE_EXCESS);
      expect(u.samples.slice(0, -1).every((s) => s.degradation < FAILURE_EXCESS)).toBe(true);
      expect(last.runHours).toBe(u.failureHours);
      // exponential wear: degradation at half life is well below half the threshold
      const half = u.samples.find((s) => s.runHours >= u.failureHours / 2)!;
      expect(half.degradation).toBeLessThan(FAILURE_EXCESS / 3);
    }
  });
  it('produces the engine metrics of the issue with plausible values, run hours increasing', () => {
    const u = generateUnit(createRng(1), drawUnitParams(createRng(2), 'E1'), { faults: NO_FAULTS });
    for (const s of u.samples) {
      expect(Object.keys(s.values).sort()).toEqual([...ENGINE_METRICS].sort());
      expect(s.values.coolantTemp!).toBeGreaterThan(70);
      expect(s.values.coolantTemp!).toBeLessThan(110);
      expect(s.values.rpm!).toBeGreaterThan(600);
    }
    const hours = u.samples.map((s) => s.values.runHours!);
    expect(hours.every((h, i) => i === 0 || h > hours[i - 1])).toBe(true);
    expect(new Set(u.samples.map((s) => s.regime)).size).toBe(3);
  });
  it('lives spread around 3,000 run hours', () => {
    const lives = generateFleet({ seed: 11, units: 60, faults: NO_FAULTS }).map((u) => u.failureHours);
    const mean = lives.reduce((a, b) => a + b, 0) / lives.length;
    expect(mean).toBeGreaterThan(2500);
    expect(mean).toBeLessThan(3600);
    expect(Math.min(...lives)).toBeLessThan(0.8 * mean);
    expect(Math.max(...lives)).toBeGreaterThan(1.2 * mean);
  });
  it('injects labelled faults: spikes, stuck values, dropouts and offline gaps', () => {
    const fleet = generateFleet({ seed: 3, units: 10, faults: DEFAULT_FAULTS });
    const kinds = new Set(fleet.flatMap((u) => u.faults.map((f) => f.kind)));
    expect([...kinds].sort()).toEqual(['dropout', 'offline', 'spike', 'stuck']);
    // offline gaps remove whole samples (run hours jump); dropouts leave a metric out
    const gaps = fleet.flatMap((u) => u.samples.map((s, i) => (i ? s.runHours - u.samples[i - 1].runHours : 10)));
    expect(Math.max(...gaps)).toBeGreaterThan(10);
    const partial = fleet.flatMap((u) => u.samples).filter((s) => Object.keys(s.values).length < ENGINE_METRICS.length);
    expect(partial.length).toBeGreaterThan(0);
    // the failure sample is reported whole
    for (const u of fleet) expect(Object.keys(u.samples[u.samples.length - 1].values)).toHaveLength(ENGINE_METRICS.length);
  });
  it('stuck faults repeat one value; spikes are 2–4× the neighbours', () => {
    const rng = createRng(5);
    const params = drawUnitParams(rng, 'S1');
    const faulty = generateUnit(createRng(9), params, { faults: { ...NO_FAULTS, stuck: 0.01, stuckLength: [5, 5], spike: 0.01 } });
    const stuck = faulty.faults.find((f) => f.kind === 'stuck' && f.metric === 'vibrationRms');
    expect(stuck).toBeDefined();
    const run = faulty.samples.slice(stuck!.fromIndex, stuck!.toIndex + 1).map((s) => s.values.vibrationRms);
    expect(new Set(run).size).toBe(1);
    expect(toPoints(faulty.samples).length).toBe(faulty.samples.length * 5);
  });
});

describe('health index', () => {
  it('scores linearly between good and bad, either direction, clamped', () => {
    const vib = ENGINE_CONDITION_INDICATORS[0];
    const oil = ENGINE_CONDITION_INDICATORS[2];
    expect([indicatorScore(vib, 2.3), indicatorScore(vib, 4.7), indicatorScore(vib, 7.1), indicatorScore(vib, 9), indicatorScore(vib, 1)]).toEqual([100, 50, 0, 0, 100]);
    expect([indicatorScore(oil, 200), indicatorScore(oil, 170), indicatorScore(oil, 140)]).toEqual([100, 50, 0]);
    const pc = CONDITION_INDICATORS.hydraulicPump.find((i) => i.key === 'particleCount')!;
    expect([indicatorScore(pc, 16), indicatorScore(pc, 18), indicatorScore(pc, 21)]).toEqual([100, 66.7, 0]);
  });
  it('is the weakest indicator\'s score on medians of recent values: one spike does not move it', () => {
    const T = Date.UTC(2026, 0, 1);
    const pts = Array.from({ length: 15 }, (_, i) => [
      { ts: T + i * 1000, key: 'vibrationRms', value: i === 14 ? 30 : 4.7 },
      { ts: T + i * 1000, key: 'coolantTemp', value: 90 },
    ]).flat();
    const hi = healthIndex(pts, ENGINE_CONDITION_INDICATORS);
    expect(hi.healthIndex).toBe(50);
    expect(hi.limiting).toBe('vibrationRms');
    expect(hi.indicators.map((x) => x.key)).toEqual(['vibrationRms', 'coolantTemp']);
    expect(healthIndex([], ENGINE_CONDITION_INDICATORS).healthIndex).toBeNull();
    expect([healthBand(95), healthBand(70), healthBand(40), healthBand(5)]).toEqual(['good', 'fair', 'poor', 'critical']);
  });
  it('falls over a synthetic life: high when new, low at failure', () => {
    for (const u of generateFleet({ seed: 21, units: 8 })) {
      const pts = toPoints(u.samples);
      const at = (frac: number) => healthIndex(pts, ENGINE_CONDITION_INDICATORS, { asOf: u.samples[Math.floor(frac * (u.samples.length - 1))].ts }).healthIndex!;
      expect(at(0.05)).toBeGreaterThan(80);
      expect(at(1)).toBeLessThan(35);
      expect(at(0.5)).toBeGreaterThan(at(1));
    }
  });
});

describe('RUL: exponential degradation with Bayesian updating', () => {
  const train = generateFleet({ seed: 100, units: 16 });
  const model = trainDegradationModel(
    train.map((u) => ({ samples: toEngineSamples(u), failureHours: u.failureHours })),
    { failureLevel: FAILURE_VIBRATION },
  );
  it('learns the regimes and the healthy level from training histories', () => {
    expect(model.regimes.rpm.map(Math.round)).toEqual([expect.closeTo(750, -2), expect.closeTo(1500, -2), expect.closeTo(1900, -2)]);
    expect(model.regimes.offset[2]).toBeCloseTo(0.6, 1);
    expect(model.phi).toBeGreaterThan(1.3);
    expect(model.phi).toBeLessThan(1.6);
    expect(model.prior.mean[1]).toBeGreaterThan(0); // degradation grows
    expect(model.spread).toBeGreaterThanOrEqual(1);
  });
  it('narrows the interval as data arrives, and the interval brackets most true RULs', () => {
    let bracketed = 0;
    const held = generateFleet({ seed: 555, units: 10 });
    for (const u of held) {
      const early = estimateRul(model, toEngineSamples(u, 0.3 * u.failureHours));
      const late = estimateRul(model, toEngineSamples(u, 0.85 * u.failureHours));
      expect(late.high - late.low).toBeLessThan(early.high - early.low);
      expect(early.low).toBeLessThanOrEqual(early.value);
      expect(early.value).toBeLessThanOrEqual(early.high);
      expect(late.basis.observations).toBeGreaterThan(early.basis.observations);
      const truth = u.failureHours - late.age;
      if (truth >= late.low && truth <= late.high) bracketed++;
    }
    expect(bracketed).toBeGreaterThanOrEqual(7);
  });
  it('with no data, falls back to the prior: about the mean life', () => {
    const prior = estimateRul(model, [], { age: 0 });
    expect(prior.value).toBeGreaterThan(0.6 * model.meanLife);
    expect(prior.value).toBeLessThan(1.4 * model.meanLife);
    expect(baselineRul(model, model.meanLife + 100)).toBe(0);
  });
  it('the device answer has the issue\'s shape from plain points', () => {
    const [u] = generateFleet({ seed: 9, units: 1 });
    const pts = toPoints(u.samples.slice(0, Math.floor(u.samples.length * 0.6)));
    expect(samplesFromPoints(pts).length).toBeGreaterThan(10);
    const h = deviceHealth(pts, { indicators: ENGINE_CONDITION_INDICATORS, model });
    expect(h).toMatchObject({ healthIndex: expect.any(Number), rul: { value: expect.any(Number), unit: 'h', low: expect.any(Number), high: expect.any(Number) }, method: expect.stringContaining('exponential-degradation-bayes') });
    expect(h.asOf).toBe(new Date(pts[pts.length - 1].ts).toISOString());
    expect(deviceHealth(pts, { indicators: ENGINE_CONDITION_INDICATORS }).rul).toBeNull();
  });
  it('the default engine model is trained on the synthetic fleet, once, and is plain JSON', () => {
    const m = syntheticEngineModel(1, 12);
    expect(syntheticEngineModel(1, 12)).toBe(m);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    expect(m.trainedOn).toBe(12);
  });
});

describe('evaluation against the naive baseline (fixed seed, small fleet)', () => {
  it('PHM08 score: early predictions cost less than late ones', () => {
    expect(phm08Score(0)).toBe(0);
    expect(phm08Score(-10)).toBeCloseTo(Math.exp(10 / 13) - 1, 10);
    expect(phm08Score(10)).toBeGreaterThan(phm08Score(-10));
  });
  it('the method beats mean-life-minus-age on RMSE at every point of life and on the PHM08 score overall', () => {
    const { rows } = evaluateRul({ seed: 1, trainUnits: 20, testUnits: 20 });
    expect(rows.map((r) => r.fraction)).toEqual([0.25, 0.5, 0.75, 0.9, 'all']);
    for (const r of rows) {
      expect(r.n).toBe(r.fraction === 'all' ? 80 : 20);
      expect([r.fraction, r.rmse.method < r.rmse.baseline]).toEqual([r.fraction, true]);
    }
    const all = rows[rows.length - 1];
    expect(all.score.method).toBeLessThan(all.score.baseline);
    expect(all.rmse.method).toBeLessThan(0.5 * all.rmse.baseline);
    // the 90 % intervals hold most true RULs
    expect(all.coverage).toBeGreaterThan(0.7);
  });
});
