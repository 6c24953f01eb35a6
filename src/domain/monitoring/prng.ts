/**
 * A small seeded pseudo-random number generator for the synthetic run-to-failure histories, the simulator and the
 * RUL evaluation: the same seed gives the same fleet on every machine (tests and documented figures depend on it).
 * mulberry32 (32-bit state, period 2^32) is plenty for simulation; it is not for cryptography.
 */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform in [a, b) */
  uniform(a: number, b: number): number;
  /** integer uniform in [a, b] */
  int(a: number, b: number): number;
  /** standard normal N(0, 1) (Box–Muller) */
  normal(): number;
  /** N(mean, sd) */
  gauss(mean: number, sd: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  /** an independent generator derived from this one (for per-unit streams) */
  fork(): Rng;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  let spare: number | null = null;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const rng: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal,
    gauss: (mean, sd) => mean + sd * normal(),
    chance: (p) => next() < p,
    fork: () => createRng(Math.floor(next() * 4294967296)),
  };
  return rng;
}
