/**
 * GB/T 28620 remanufacturing rates of traced products (表1-2 rows 12–13, issue 4 "Remanufacturing rate"):
 * per product from its reassembly inputs with the ONE versioned formula (announcement/reman-rate.ts), and
 * aggregated per enterprise and year. Pure functions.
 */
import { computeRemanRates, type RemanRates, REMAN_RATE_FORMULA } from '../announcement/reman-rate.js';
import { percent } from '../numbers.js';

export type InputOrigin = 'reused' | 'remanufactured' | 'new';
export const INPUT_ORIGINS = ['reused', 'remanufactured', 'new'] as const;

/** One reassembly input as carried in the event's reman:inputs extension. */
export interface ReassemblyInput {
  epc?: string | null;
  epcClass?: string | null;
  name?: string | null;
  origin: InputOrigin;
  /** mass of ONE unit, kg */
  massKg: number;
  /** value of ONE unit at the price of the equivalent new part, CNY */
  valueCny: number;
  quantity?: number | null;
}

/** R_m and R_v of one product (reused/remanufactured come from the core; new counts in the denominator only). */
export function productRates(inputs: readonly ReassemblyInput[]): RemanRates {
  return computeRemanRates(
    inputs.map((i, n) => ({ part: i.name ?? i.epc ?? i.epcClass ?? `#${n + 1}`, disposition: i.origin, massKg: i.massKg, newValue: i.valueCny, quantity: i.quantity ?? 1 })),
  );
}

export interface ProductTotals {
  coreMass: number;
  totalMass: number;
  coreValue: number;
  totalValue: number;
  formulaVersion: string | null;
}

export interface AggregatedRates {
  products: number;
  coreMassKg: number;
  totalMassKg: number;
  coreValueCny: number;
  totalValueCny: number;
  /** Σ core mass ÷ Σ total mass × 100 (mass-weighted over the products), two decimals. */
  massRate: number | null;
  valueRate: number | null;
  formulaVersion: string;
  /** Products computed with another formula version are not mixed in; they are counted here. */
  otherVersions: number;
}

/**
 * An enterprise's rate for a period: the formula applied to the sum of all its products' inputs (what
 * 表1-2 rows 12–13 ask of the enterprise's production), i.e. mass- and value-weighted, not a mean of rates.
 */
export function aggregateRates(products: readonly ProductTotals[]): AggregatedRates {
  let coreMass = 0;
  let totalMass = 0;
  let coreValue = 0;
  let totalValue = 0;
  let n = 0;
  let other = 0;
  for (const p of products) {
    if (p.formulaVersion !== REMAN_RATE_FORMULA.version) {
      other++;
      continue;
    }
    n++;
    coreMass += p.coreMass;
    totalMass += p.totalMass;
    coreValue += p.coreValue;
    totalValue += p.totalValue;
  }
  return {
    products: n,
    coreMassKg: coreMass,
    totalMassKg: totalMass,
    coreValueCny: coreValue,
    totalValueCny: totalValue,
    massRate: percent(coreMass, totalMass),
    valueRate: percent(coreValue, totalValue),
    formulaVersion: REMAN_RATE_FORMULA.version,
    otherVersions: other,
  };
}
