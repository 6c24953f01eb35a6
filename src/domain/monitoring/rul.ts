/**
 * Remaining useful life by an exponential degradation model with Bayesian updating (Gebraeel, Lawley, Li & Ryan
 * 2005, "Residual-life distributions from component degradation signals: a Bayesian approach"; the same model as
 * MATLAB's exponentialDegradationModel). Explained step by step in docs/monitoring-health.md "Remaining useful
 * life"; pure, no I/O.
 *
 *   condition indicator  y(t) = φ + θ·exp(β·t + ε),   ε ~ N(0, σ²),   t in run hours
 *   log-linear form      z(t) = ln(y(t) − φ) = a + b·t + ε,   a = ln θ, b = β
 *   prior                (a, b) ~ N(μ₀, Σ₀), fitted across training run-to-failure histories
 *   posterior            Σₙ = (Σ₀⁻¹ + XᵀX/σ²)⁻¹,   μₙ = Σₙ(Σ₀⁻¹μ₀ + Xᵀz/σ²)   (conjugate Gaussian update per unit)
 *   failure              a + b·T = z* = ln(Y* − φ)   (Y*: the model's failure level)
 *   life distribution    P(T ≤ t) = Φ((μa + μb·t − z*) / √(Σaa + 2t·Σab + t²·Σbb)),
 *                        conditioned on survival to the current age; RUL = quantiles minus the age.
 *
 * The indicator is the bearing vibration, corrected for the operating regime (regimes found from rpm by 1-D
 * k-means on the training data, each regime's healthy offset learned from early life), cleaned of sensor faults
 * (stuck values, spikes by a Hampel filter) and reduced to medians per `binHours` of run time.
 */
import { ckmeans, errorFunction } from 'simple-statistics';
import type { TelemetryPoint } from './alarm-rules.js';
import { median } from './health.js';

export const RUL_METHOD = 'exponential-degradation-bayes';

export interface EngineSample {
  ts: number;
  runHours?: number;
  rpm?: number;
  vibrationRms?: number;
}

/** Group points by timestamp into samples (the keys the method needs). */
export function samplesFromPoints(points: readonly TelemetryPoint[]): EngineSample[] {
  const byTs = new Map<number, EngineSample>();
  for (const p of points) {
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) continue;
    if (p.key !== 'runHours' && p.key !== 'rpm' && p.key !== 'vibrationRms') continue;
    let s = byTs.get(p.ts);
    if (!s) byTs.set(p.ts, (s = { ts: p.ts }));
    s[p.key] = p.value;
  }
  return [...byTs.values()].sort((a, b) => a.ts - b.ts);
}

export interface DegradationModel {
  method: typeof RUL_METHOD;
  indicator: 'vibrationRms';
  /** rpm centres of the operating regimes (ascending) and each regime's vibration offset from the first */
  regimes: { rpm: number[]; offset: number[] };
  /** healthy level φ (first regime), mm/s */
  phi: number;
  /** failure level Y* (first regime), mm/s */
  failureLevel: number;
  /** prior over (a, b), b per 1,000 run hours */
  prior: { mean: [number, number]; cov: Cov };
  /** log-space (multiplicative) noise variance σ² */
  sigma2: number;
  /** additive measurement noise variance s² of a bin median, mm²/s² */
  additive2: number;
  binHours: number;
  /** mean life of the training units, run hours (the naive baseline and the horizon) */
  meanLife: number;
  trainedOn: number;
  /** interval calibration: the spread of standardised failure times on the training units (≥ 1) */
  spread: number;
}

/** symmetric 2×2 [aa, ab, bb] */
export type Cov = [number, number, number];

const KH = 1000; // t is kept in thousands of run hours inside the regression (conditioning)

export function regimeOf(model: Pick<DegradationModel, 'regimes'>, rpm: number): number {
  let best = 0;
  for (let i = 1; i < model.regimes.rpm.length; i++) if (Math.abs(rpm - model.regimes.rpm[i]) < Math.abs(rpm - model.regimes.rpm[best])) best = i;
  return best;
}

interface Obs {
  t: number; // run hours
  y: number; // regime-corrected indicator
}

/**
 * Sensor-fault cleaning and regime correction: samples missing run hours, rpm or vibration are skipped, a vibration
 * value equal to the previous one is a stuck sensor (dropped), spikes beyond 3 scaled MADs of the neighbouring 7
 * values are dropped (Hampel filter).
 */
export function observations(model: Pick<DegradationModel, 'regimes'>, samples: readonly EngineSample[]): Obs[] {
  const raw: Obs[] = [];
  let prevVib: number | undefined;
  let prevRpm: number | undefined;
  const sorted = [...samples].sort((a, b) => (a.runHours ?? 0) - (b.runHours ?? 0));
  for (const s of sorted) {
    if (s.runHours === undefined || s.rpm === undefined || s.vibrationRms === undefined) continue;
    // a noisy reading repeated exactly is a stuck sensor (vibration: the value is wrong; rpm: the regime is)
    const stuck = s.vibrationRms === prevVib || s.rpm === prevRpm;
    prevVib = s.vibrationRms;
    prevRpm = s.rpm;
    if (stuck) continue;
    raw.push({ t: s.runHours, y: s.vibrationRms - model.regimes.offset[regimeOf(model, s.rpm)] });
  }
  return hampel(raw, 3);
}

/** Drop values beyond 3 scaled MADs of their 2·half+1 neighbours (and a small absolute tolerance). */
function hampel(xs: readonly Obs[], half: number): Obs[] {
  const out: Obs[] = [];
  for (let i = 0; i < xs.length; i++) {
    const win = xs.slice(Math.max(0, i - half), i + half + 1).map((o) => o.y);
    const med = median(win);
    const mad = median(win.map((v) => Math.abs(v - med)));
    if (Math.abs(xs[i].y - med) <= 3 * 1.4826 * mad + 0.02 * Math.abs(med) + 0.01) out.push(xs[i]);
  }
  return out;
}

/** Medians per bin of run time. */
export function binned(obs: readonly Obs[], binHours: number): Obs[] {
  const bins = new Map<number, Obs[]>();
  for (const o of obs) {
    const k = Math.floor(o.t / binHours);
    const b = bins.get(k);
    if (b) b.push(o);
    else bins.set(k, [o]);
  }
  const medians = [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([, os]) => ({ t: os.reduce((s, o) => s + o.t, 0) / os.length, y: median(os.map((o) => o.y)) }));
  return hampel(medians, 2);
}

const MIN_EXCESS = 0.01;

/**
 * Log-linear series: x = t (thousand run hours), z = ln(y − φ), and each point's variance: the multiplicative
 * noise σ² plus the additive measurement noise s² seen through the log (delta method: s²/(y − φ)²) — early in
 * life, when the excess is small, a point says less.
 */
function logSeries(obs: readonly Obs[], phi: number, noise?: { sigma2: number; additive2: number }): { x: number[]; z: number[]; v: number[] } {
  const x: number[] = [];
  const z: number[] = [];
  const v: number[] = [];
  for (const o of obs) {
    const e = o.y - phi;
    if (e < MIN_EXCESS) continue;
    x.push(o.t / KH);
    z.push(Math.log(e));
    v.push(noise ? noise.sigma2 + noise.additive2 / (e * e) : 1);
  }
  return { x, z, v };
}

/** Weighted least squares of z on x (weights 1/v). */
function ols(x: readonly number[], z: readonly number[], v?: readonly number[]): { a: number; b: number; sse: number; resid: number[] } | null {
  const n = x.length;
  if (n < 3) return null;
  const w = x.map((_, i) => 1 / (v?.[i] ?? 1));
  const sw = w.reduce((s, q) => s + q, 0);
  const mx = x.reduce((s, q, i) => s + w[i] * q, 0) / sw;
  const mz = z.reduce((s, q, i) => s + w[i] * q, 0) / sw;
  let sxx = 0;
  let sxz = 0;
  for (let i = 0; i < n; i++) {
    sxx += w[i] * (x[i] - mx) ** 2;
    sxz += w[i] * (x[i] - mx) * (z[i] - mz);
  }
  if (sxx <= 0) return null;
  const b = sxz / sxx;
  const a = mz - b * mx;
  const resid = x.map((xi, i) => z[i] - a - b * xi);
  return { a, b, sse: resid.reduce((s, r) => s + r * r, 0), resid };
}

export interface TrainingUnit {
  samples: readonly EngineSample[];
  /** run hours at failure */
  failureHours: number;
}

export interface TrainOptions {
  /** failure level of the indicator in the first regime, mm/s (engines: 7.1, ISO 10816-3 zone C/D) */
  failureLevel: number;
  /** number of operating regimes (default 3) */
  regimes?: number;
  /** run hours per bin (default 50) */
  binHours?: number;
}

/** Fit the prior from run-to-failure histories (at least 3 units). */
export function trainDegradationModel(units: readonly TrainingUnit[], opts: TrainOptions): DegradationModel {
  if (units.length < 3) throw new Error('at least 3 training units are needed');
  const k = opts.regimes ?? 3;
  const binHours = opts.binHours ?? 50;
  // 1. operating regimes from rpm (every n-th sample keeps ckmeans fast)
  const rpms: number[] = [];
  for (const u of units) for (const s of u.samples) if (s.rpm !== undefined) rpms.push(s.rpm);
  // spikes (a faulty sensor reading ×2–4) would form a regime of their own: values beyond 1.5 × the 98th
  // percentile are left out of the clustering
  const cut = 1.5 * [...rpms].sort((a, b) => a - b)[Math.floor(0.98 * (rpms.length - 1))];
  const kept = rpms.filter((v) => v <= cut);
  const stride = Math.max(1, Math.floor(kept.length / 3000));
  const clusters = ckmeans(kept.filter((_, i) => i % stride === 0), k);
  const centres = clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length).sort((a, b) => a - b);
  // 2. each regime's healthy offset from the first: per unit, the early-life (first 20 %) vibration median of the
  // regime minus that of the first regime (units differ in their initial wear; the difference cancels it), then
  // the median over units
  const proto = { regimes: { rpm: centres, offset: centres.map(() => 0) } };
  const diffs: number[][] = centres.map(() => []);
  for (const u of units) {
    const early: number[][] = centres.map(() => []);
    for (const s of u.samples)
      if (s.runHours !== undefined && s.runHours <= 0.2 * u.failureHours && s.rpm !== undefined && s.vibrationRms !== undefined) early[regimeOf(proto, s.rpm)].push(s.vibrationRms);
    if (early[0].length < 3) continue;
    const b0 = median(early[0]);
    early.forEach((v, r) => v.length >= 3 && diffs[r].push(median(v) - b0));
  }
  const offset = diffs.map((d) => (d.length ? median(d) : 0));
  const regimes = { rpm: centres, offset };
  // 3. binned, regime-corrected series per unit
  const series = units.map((u) => binned(observations({ regimes }, u.samples), binHours));
  // 4. healthy level φ by profile likelihood over a grid (the Jacobian term −Σz makes levels comparable)
  const earliest = Math.min(...series.map((s) => Math.min(...s.slice(0, 5).map((o) => o.y))));
  const profile = (phi: number): number => {
    let sse = 0;
    let n = 0;
    let sumZ = 0;
    let used = 0;
    for (const s of series) {
      const { x, z } = logSeries(s, phi);
      const f = ols(x, z);
      if (!f) continue;
      sse += f.sse;
      n += x.length;
      sumZ += z.reduce((a, v) => a + v, 0);
      used++;
    }
    return used < units.length || n === 0 ? -Infinity : -(n / 2) * Math.log(sse / n) - sumZ;
  };
  // a coarse grid, then a fine one around its best
  const top = earliest * 0.98;
  let best: { phi: number; ll: number } = { phi: 0, ll: -Infinity };
  for (let g = 0; g <= 40; g++) {
    const phi = (top * g) / 40;
    const ll = profile(phi);
    if (ll > best.ll) best = { phi, ll };
  }
  const step = top / 40;
  for (let g = -20; g <= 20; g++) {
    const phi = best.phi + (step * g) / 20;
    if (phi < 0 || phi > top) continue;
    const ll = profile(phi);
    if (ll > best.ll) best = { phi, ll };
  }
  const phi = best.phi;
  // 5. noise: squared residuals of per-unit fits regressed on 1/(y − φ)² → σ² (multiplicative) and s² (additive)
  const r2: number[] = [];
  const u: number[] = [];
  for (const s of series) {
    const { x, z } = logSeries(s, phi);
    const f = ols(x, z);
    if (!f) continue;
    const excess = s.filter((o) => o.y - phi >= MIN_EXCESS).map((o) => o.y - phi);
    const k = x.length / Math.max(1, x.length - 2); // degrees of freedom
    f.resid.forEach((r, i) => {
      r2.push(r * r * k);
      u.push(1 / (excess[i] * excess[i]));
    });
  }
  const mu = u.reduce((a, b) => a + b, 0) / u.length;
  const mr = r2.reduce((a, b) => a + b, 0) / r2.length;
  const suu = u.reduce((a, b) => a + (b - mu) ** 2, 0);
  const slope = suu > 0 ? Math.max(0, u.reduce((a, b, i) => a + (b - mu) * (r2[i] - mr), 0) / suu) : 0;
  const noise = { sigma2: Math.max(mr - slope * mu, 1e-4), additive2: slope };
  // 6. per-unit weighted fits → prior
  const fits: { a: number; b: number }[] = [];
  for (const s of series) {
    const { x, z, v } = logSeries(s, phi, noise);
    const f = ols(x, z, v);
    if (f) fits.push(f);
  }
  const ma = fits.reduce((s, f) => s + f.a, 0) / fits.length;
  const mb = fits.reduce((s, f) => s + f.b, 0) / fits.length;
  let caa = 0;
  let cab = 0;
  let cbb = 0;
  for (const f of fits) {
    caa += (f.a - ma) ** 2;
    cab += (f.a - ma) * (f.b - mb);
    cbb += (f.b - mb) ** 2;
  }
  const d = Math.max(1, fits.length - 1);
  const model: DegradationModel = {
    method: RUL_METHOD,
    indicator: 'vibrationRms',
    regimes,
    phi,
    failureLevel: opts.failureLevel,
    prior: { mean: [ma, mb], cov: [caa / d + 1e-6, cab / d, cbb / d + 1e-6] },
    sigma2: noise.sigma2,
    additive2: noise.additive2,
    binHours,
    meanLife: units.reduce((s, u) => s + u.failureHours, 0) / units.length,
    trainedOn: units.length,
    spread: 1,
  };
  // 7. calibration of the interval: the standardised failure times of the training units, predicted from their
  // own histories cut at several points of life, should be N(0, 1); their robust spread widens the interval
  // for what the model leaves out (correlated residuals, regime-dependent wear).
  const g: number[] = [];
  for (const u of units) {
    for (const f of [0.25, 0.5, 0.75, 0.9]) {
      const cut = u.samples.filter((smp) => smp.runHours !== undefined && smp.runHours <= f * u.failureHours);
      const post = posterior(model, binned(observations(model, cut), binHours));
      g.push(standardised(model, post, u.failureHours));
    }
  }
  model.spread = Math.max(1, 1.4826 * median(g.map(Math.abs)));
  return model;
}

function standardised(model: DegradationModel, post: { mean: [number, number]; cov: Cov }, tHours: number): number {
  const zStar = Math.log(Math.max(model.failureLevel - model.phi, MIN_EXCESS));
  const t = tHours / KH;
  const [caa, cab, cbb] = post.cov;
  const sd = Math.sqrt(Math.max(caa + 2 * t * cab + t * t * cbb, 1e-12)) * model.spread;
  return (post.mean[0] + post.mean[1] * t - zStar) / sd;
}

function inv2(c: Cov): Cov {
  const det = c[0] * c[2] - c[1] * c[1];
  return [c[2] / det, -c[1] / det, c[0] / det];
}

/** The conjugate update of the prior with one unit's log-linear observations. */
export function posterior(model: DegradationModel, obs: readonly Obs[]): { mean: [number, number]; cov: Cov; n: number } {
  const { x, z, v } = logSeries(obs, model.phi, model);
  const p0 = inv2(model.prior.cov);
  let sw = 0;
  let sxx = 0;
  let sx = 0;
  let sz = 0;
  let sxz = 0;
  for (let i = 0; i < x.length; i++) {
    const w = 1 / v[i];
    sw += w;
    sx += w * x[i];
    sxx += w * x[i] * x[i];
    sz += w * z[i];
    sxz += w * x[i] * z[i];
  }
  const prec: Cov = [p0[0] + sw, p0[1] + sx, p0[2] + sxx];
  const cov = inv2(prec);
  const [m0a, m0b] = model.prior.mean;
  const ra = p0[0] * m0a + p0[1] * m0b + sz;
  const rb = p0[1] * m0a + p0[2] * m0b + sxz;
  return { mean: [cov[0] * ra + cov[1] * rb, cov[1] * ra + cov[2] * rb], cov, n: x.length };
}

const Phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));

export interface RulEstimate {
  /** median remaining life */
  value: number;
  unit: 'h';
  /** the interval's bounds (default 5 % and 95 % quantiles) */
  low: number;
  high: number;
  method: typeof RUL_METHOD;
  /** run hours the estimate is made at */
  age: number;
  /** what it rests on (for the explanation on the device page) */
  basis: { observations: number; a: number; b: number; sdA: number; sdB: number; failureLevel: number; phi: number };
}

export interface RulOptions {
  /** current age in run hours (default: the last sample's) */
  age?: number;
  /** central probability of the interval (default 0.9) */
  level?: number;
  /**
   * quantile given as `value` (default 0.5, the median). A lower one is a cautious point: under the PHM08
   * score's asymmetric cost a late prediction costs more than an early one.
   */
  point?: number;
}

/** RUL of one unit from its samples so far. */
export function estimateRul(model: DegradationModel, samples: readonly EngineSample[], opts: RulOptions = {}): RulEstimate {
  const obs = binned(observations(model, samples), model.binHours);
  const lastHours = samples.reduce((m, s) => Math.max(m, s.runHours ?? 0), 0);
  const age = opts.age ?? lastHours;
  const post = posterior(model, obs);
  const [ma, mb] = post.mean;
  const [caa, cbb] = [post.cov[0], post.cov[2]];
  const F = (tHours: number): number => Phi(standardised(model, post, tHours));
  const horizon = age + 10 * model.meanLife;
  const F0 = F(age);
  const Fmax = F(horizon);
  const quantile = (q: number): number => {
    const target = F0 + q * (Fmax - F0);
    if (Fmax - F0 < 1e-12) return F0 > 0.5 ? 0 : horizon - age;
    let lo = age;
    let hi = horizon;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (F(mid) < target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2 - age;
  };
  const level = opts.level ?? 0.9;
  const r = (v: number) => Math.max(0, Math.round(v));
  return {
    value: r(quantile(opts.point ?? 0.5)),
    unit: 'h',
    low: r(quantile((1 - level) / 2)),
    high: r(quantile(1 - (1 - level) / 2)),
    method: RUL_METHOD,
    age,
    basis: { observations: post.n, a: ma, b: mb / KH, sdA: Math.sqrt(caa), sdB: Math.sqrt(cbb) / KH, failureLevel: model.failureLevel, phi: model.phi },
  };
}

/** The naive baseline the method must beat: mean life of the training units minus the age (not below 0). */
export function baselineRul(model: Pick<DegradationModel, 'meanLife'>, age: number): number {
  return Math.max(0, model.meanLife - age);
}
