import { describe, expect, it } from 'vitest';
import { chooseResolution, lttb, minMaxDownsample, type Pair } from '../../../src/domain/monitoring/downsample.js';
import { parsePayload, parseTs } from '../../../src/domain/monitoring/payload.js';
import { checkValue, templateModel } from '../../../src/domain/monitoring/thing-model.js';

describe('downsampling keeps extremes', () => {
  const t0 = 1_700_000_000_000;
  const day = Array.from({ length: 86_400 }, (_, i) => ({ t: t0 + i * 1000, v: 50 + Math.sin(i / 500) }));
  it('a one-second spike and dip among 86,400 points survive min/max buckets of 1,000 points', () => {
    day[40_000]!.v = 120;
    day[70_001]!.v = -30;
    const out = minMaxDownsample(day, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out).toContainEqual([t0 + 40_000_000, 120]);
    expect(out).toContainEqual([t0 + 70_001_000, -30]);
    expect(out.every((p, i) => i === 0 || p[0] >= out[i - 1]![0])).toBe(true);
  });
  it('rollup buckets contribute their min and max, not only the average', () => {
    const buckets = Array.from({ length: 600 }, (_, i) => ({ t: t0 + i * 60_000, v: 10, min: 9, max: i === 123 ? 99 : 11 }));
    const out = minMaxDownsample(buckets, 20);
    expect(Math.max(...out.map((p) => p[1]))).toBe(99);
    expect(Math.min(...out.map((p) => p[1]))).toBe(9);
  });
  it('short raw series pass unchanged; LTTB keeps first and last and n points', () => {
    expect(minMaxDownsample([{ t: 1, v: 2 }, { t: 2, v: 3 }], 10)).toEqual([[1, 2], [2, 3]]);
    const pts: Pair[] = day.map((s) => [s.t, s.v]);
    const l = lttb(pts, 500);
    expect(l).toHaveLength(500);
    expect(l[0]).toEqual(pts[0]);
    expect(l.at(-1)).toEqual(pts.at(-1));
  });
  it('resolution by range: raw up to a day, 1-minute up to 31 days, then 1-hour', () => {
    const now = t0 + 100 * 86_400_000;
    const D = 86_400_000;
    expect(chooseResolution(now - D, now, now, 30 * D, 180 * D)).toBe('raw');
    expect(chooseResolution(now - 7 * D, now, now, 30 * D, 180 * D)).toBe('1m');
    expect(chooseResolution(now - 90 * D, now, now, 30 * D, 180 * D)).toBe('1h');
    expect(chooseResolution(now - 40 * D, now - 39.5 * D, now, 30 * D, 180 * D)).toBe('1m');
  });
  it('with points: a rollup answers when its buckets are no wider than the min/max buckets asked for', () => {
    const now = t0 + 100 * 86_400_000;
    const D = 86_400_000;
    expect(chooseResolution(now - D, now, now, 30 * D, 180 * D, 1000)).toBe('1m'); // 172.8 s buckets ≥ 1 min
    expect(chooseResolution(now - D, now, now, 30 * D, 180 * D, 5000)).toBe('raw'); // 34.56 s < 1 min
    expect(chooseResolution(now - 3_600_000, now, now, 30 * D, 180 * D, 1000)).toBe('raw');
    expect(chooseResolution(now - D, now, now, 30 * D, 180 * D, 48)).toBe('1h'); // 1 h buckets
    expect(chooseResolution(now - 7 * D, now, now, 30 * D, 180 * D, 20_000)).toBe('1m'); // never finer than stored
    expect(chooseResolution(now - 90 * D, now, now, 30 * D, 180 * D, 20_000)).toBe('1h');
  });
});

describe('payloads', () => {
  const now = Date.UTC(2026, 11, 6);
  it('reads epoch ms and ISO 8601 with offset, single entries and arrays', () => {
    expect(parseTs('2026-12-06T08:00:00+08:00')).toBe(now);
    expect(parseTs(now)).toBe(now);
    expect(parseTs('2026-12-06 08:00')).toBeNull();
    const r = parsePayload(JSON.stringify([{ ts: now, values: { rpm: 1, on: true, mode: 'eco' } }, { ts: '2026-12-05T23:59:59Z', values: { rpm: 2 } }]), { now });
    expect(r.errors).toEqual([]);
    expect(r.points.map((p) => p.value)).toEqual([1, true, 'eco', 2]);
  });
  it('refuses malformed JSON, far-future and too-old timestamps and bad values, keeping the rest', () => {
    expect(parsePayload('{', { now }).errors[0]!.code).toBe('MALFORMED_JSON');
    const r = parsePayload([{ ts: now + 3_600_000, values: { a: 1 } }, { ts: now - 40 * 86_400_000, values: { a: 1 } }, { ts: now, values: { a: null, b: 2, c: Number.NaN } }, 'x'], { now });
    expect(r.errors.map((e) => e.code)).toEqual(['FUTURE_TS', 'TOO_OLD', 'BAD_VALUE', 'BAD_VALUE', 'BAD_SHAPE']);
    expect(r.points).toEqual([{ ts: now, key: 'b', value: 2 }]);
  });
  it('thing model: unknown keys, wrong types and out-of-range values refused; no model accepts numbers only', () => {
    const engine = templateModel('engine');
    expect(checkValue(engine, 'coolantTemp', 90)).toBeNull();
    expect(checkValue(engine, 'coolantTemp', 400)?.code).toBe('OUT_OF_RANGE');
    expect(checkValue(engine, 'flow', 1)?.code).toBe('UNKNOWN_KEY');
    expect(checkValue(engine, 'rpm', 'fast')?.code).toBe('WRONG_TYPE');
    expect(checkValue(null, 'anything', 1)).toBeNull();
    expect(checkValue(null, 'anything', true)?.code).toBe('WRONG_TYPE');
    expect(checkValue(null, 'Bad-Key', 1)?.code).toBe('BAD_KEY');
  });
});
