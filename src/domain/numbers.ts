/** Small numeric helpers shared by the domain rules. */

/**
 * Round half away from zero to `decimals` places, on the decimal representation (so 1.005 → 1.01, which
 * naive `Math.round(x * 100) / 100` gets wrong because 1.005 × 100 = 100.49999…).
 */
export function roundHalfAwayFromZero(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  const s = String(abs);
  const rounded = s.includes('e')
    ? Math.round(abs * 10 ** decimals) / 10 ** decimals
    : Number(`${Math.round(Number(`${s}e${decimals}`))}e-${decimals}`);
  return rounded === 0 ? 0 : sign * rounded;
}

/** numerator ÷ denominator × 100, rounded to two decimals; null when an input is missing or the denominator is 0. */
export function percent(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  if (denominator === 0) return null;
  return roundHalfAwayFromZero((numerator / denominator) * 100, 2);
}

/**
 * numerator ÷ denominator ≥ threshold % (denominator > 0), compared without rounding, with a relative
 * tolerance of 1e-12 so that decimal inputs such as 0.3 ÷ 10 ≥ 3 % are not lost to binary floating point.
 * Whole-number inputs compare exactly.
 */
export function ratioAtLeastPercent(numerator: number, denominator: number, thresholdPercent: number): boolean {
  const lhs = numerator * 100;
  const rhs = thresholdPercent * denominator;
  return lhs - rhs >= -1e-12 * Math.max(Math.abs(lhs), Math.abs(rhs));
}
