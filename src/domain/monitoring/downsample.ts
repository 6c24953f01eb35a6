/**
 * Downsampling that keeps extremes (issue 12 "Storage and queries"): at most N points per series, and an
 * excursion — a single spike among thousands of normal readings — survives. Min/max buckets: the time range is cut
 * into ⌊N/2⌋ equal buckets and each bucket contributes its lowest and its highest point, in time order. Rollup rows
 * (1-minute, 1-hour) carry their own min and max, so a spike averaged away by `avg` still appears. Pure.
 */
export type Pair = [number, number];

/** A reading or a rollup bucket: time (epoch ms), the value shown when not downsampled, and the extremes inside it. */
export interface Sample {
  t: number;
  v: number;
  min?: number;
  max?: number;
}

/** Series of `samples` (sorted by time) with at most `n` points, keeping each bucket's minimum and maximum. */
export function minMaxDownsample(samples: readonly Sample[], n: number, range?: { from: number; to: number }): Pair[] {
  if (n < 2) n = 2;
  if (samples.length <= n && samples.every((s) => s.min === undefined)) return samples.map((s) => [s.t, s.v]);
  const from = range?.from ?? samples[0]?.t ?? 0;
  const to = range?.to ?? (samples.at(-1)?.t ?? 0) + 1;
  const buckets = Math.max(1, Math.floor(n / 2));
  const width = Math.max(1, (to - from) / buckets);
  const out: Pair[] = [];
  let i = 0;
  for (let b = 0; b < buckets && i < samples.length; b++) {
    const end = b === buckets - 1 ? Infinity : from + (b + 1) * width;
    let lo: Pair | null = null;
    let hi: Pair | null = null;
    for (; i < samples.length && samples[i]!.t < end; i++) {
      const s = samples[i]!;
      const sMin = s.min ?? s.v;
      const sMax = s.max ?? s.v;
      if (!lo || sMin < lo[1]) lo = [s.t, sMin];
      if (!hi || sMax > hi[1]) hi = [s.t, sMax];
    }
    if (!lo || !hi) continue;
    if (lo[0] === hi[0] && lo[1] === hi[1]) out.push(lo);
    else if (lo[0] < hi[0] || (lo[0] === hi[0] && lo[1] <= hi[1])) out.push(lo, hi);
    else out.push(hi, lo);
  }
  return out;
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): visually faithful selection of `n` of the points, for callers
 * who want exactly the shape with fewer points; extremes usually but not always survive (min/max buckets always).
 */
export function lttb(points: readonly Pair[], n: number): Pair[] {
  if (n >= points.length || n < 3) return points.slice();
  const out: Pair[] = [points[0]!];
  const every = (points.length - 2) / (n - 2);
  let a = 0;
  for (let i = 0; i < n - 2; i++) {
    const start = Math.floor((i + 1) * every) + 1;
    const end = Math.min(Math.floor((i + 2) * every) + 1, points.length);
    let avgT = 0;
    let avgV = 0;
    for (let j = start; j < end; j++) {
      avgT += points[j]![0];
      avgV += points[j]![1];
    }
    const len = Math.max(1, end - start);
    avgT /= len;
    avgV /= len;
    const rStart = Math.floor(i * every) + 1;
    const rEnd = Math.floor((i + 1) * every) + 1;
    const [at, av] = points[a]!;
    let best = -1;
    let pick = rStart;
    for (let j = rStart; j < rEnd; j++) {
      const area = Math.abs((at - avgT) * (points[j]![1] - av) - (at - points[j]![0]) * (avgV - av));
      if (area > best) {
        best = area;
        pick = j;
      }
    }
    out.push(points[pick]!);
    a = pick;
  }
  out.push(points[points.length - 1]!);
  return out;
}

/**
 * Which stored resolution answers a range: raw points up to a day, 1-minute rollups up to 31 days, then 1-hour (and
 * never one past its retention). With `points` (the caller wants at most that many per key, min/max buckets of
 * span / ⌊points/2⌋), a coarser rollup answers whenever its buckets are no wider than the caller's: each rollup row
 * carries its min and max, so every extreme survives, only its time is read to the rollup's bucket start. 24 h at
 * 1,000 points (buckets of 172.8 s) reads 1,440 minute rows per key instead of 86,400 raw points
 * (docs/monitoring.md "Downsampled reads").
 */
export type Resolution = 'raw' | '1m' | '1h';
const RANK: Record<Resolution, number> = { raw: 0, '1m': 1, '1h': 2 };
export function chooseResolution(fromMs: number, toMs: number, nowMs: number, rawRetentionMs: number, minuteRetentionMs: number, points?: number): Resolution {
  const span = toMs - fromMs;
  const stored: Resolution = span <= 86_400_000 && fromMs >= nowMs - rawRetentionMs ? 'raw' : span <= 31 * 86_400_000 && fromMs >= nowMs - minuteRetentionMs ? '1m' : '1h';
  if (points === undefined) return stored;
  const width = span / Math.max(1, Math.floor(points / 2));
  const enough: Resolution = width >= 3_600_000 ? '1h' : width >= 60_000 ? '1m' : 'raw';
  return RANK[enough] > RANK[stored] ? enough : stored;
}
