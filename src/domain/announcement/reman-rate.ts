/**
 * 再制造率 (表1-2 rows 12–13, "计算方法参考 GB/T 28620"). The text of GB/T 28620-2012 could not be
 * confirmed, so the platform uses a working definition (shared/domain-notes.md) kept in this ONE versioned
 * place; every stored result carries `formulaVersion`. Change the formula only by bumping the version.
 */
import type { BomLine } from './form.js';
import { roundHalfAwayFromZero } from '../numbers.js';

export const REMAN_RATE_FORMULA = {
  version: 'GBT28620-2012/working-v1',
  standard: 'GB/T 28620-2012 再制造率的计算方法',
  /** The formulas below are a working definition, not the confirmed text of the standard. */
  confirmed: false,
  massRate: {
    zh: '质量再制造率 R_m =（直接再利用件质量 + 再制造件质量）÷ 再制造产品总质量 × 100%',
    en: 'Mass remanufacturing rate R_m = (mass of reused + remanufactured parts) ÷ total product mass × 100 %',
  },
  valueRate: {
    zh: '价值再制造率 R_v =（直接再利用件价值 + 再制造件价值）÷ 产品总价值 × 100%，价值按同等新件价格计',
    en: 'Value remanufacturing rate R_v = (value of reused + remanufactured parts) ÷ total product value × 100 %, valued at the price of the equivalent new part',
  },
  /** Dispositions whose parts come from the core (旧件) and count in the numerator. */
  fromCore: ['reused', 'remanufactured'] as const,
  /** New replacement parts count only in the denominator. */
  denominatorOnly: ['new'] as const,
  /** Consumables (seals, gaskets, filters, fluids): excluded by default; when included, denominator only. */
  includeConsumablesByDefault: false,
  /** Mass and value of a line are multiplied by its quantity. */
  quantityMultiplies: true,
  decimals: 2,
  rounding: 'half-away-from-zero',
} as const;

export type RemanFormulaVersion = typeof REMAN_RATE_FORMULA.version;

/** A BOM line as stored (quantity defaults to 1 when absent). */
export type BomLineInput = Omit<BomLine, 'quantity'> & { quantity?: number };

export interface RemanRateOptions {
  /** Count consumables in the denominator (a setting; default REMAN_RATE_FORMULA.includeConsumablesByDefault). */
  includeConsumables?: boolean;
}

export interface RemanRateTotals {
  reusedMass: number;
  remanufacturedMass: number;
  newMass: number;
  /** Always reported; part of totalMass only when consumables are included. */
  consumableMass: number;
  totalMass: number;
  reusedValue: number;
  remanufacturedValue: number;
  newValue: number;
  consumableValue: number;
  totalValue: number;
}

export interface RemanRates {
  /** 质量再制造率 %, two decimals; null when the total mass is 0. */
  massRate: number | null;
  /** 价值再制造率 %, two decimals; null when the total value is 0. */
  valueRate: number | null;
  formulaVersion: RemanFormulaVersion;
  includeConsumables: boolean;
  totals: RemanRateTotals;
}

function checkAmount(v: unknown, what: string, index: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new RangeError(`BOM line ${index + 1}: ${what} must be a finite number ≥ 0, got ${String(v)}`);
  }
  return v;
}

/**
 * GB/T 28620 (working-v1): R_m and R_v of one product from its bill of materials.
 * Throws RangeError on a negative or non-finite mass, value or quantity (the form schema rules these out).
 */
export function computeRemanRates(lines: readonly BomLineInput[], opts: RemanRateOptions = {}): RemanRates {
  const includeConsumables = opts.includeConsumables ?? REMAN_RATE_FORMULA.includeConsumablesByDefault;
  const mass = { reused: 0, remanufactured: 0, new: 0, consumable: 0 };
  const value = { reused: 0, remanufactured: 0, new: 0, consumable: 0 };
  lines.forEach((line, i) => {
    const q = checkAmount(line.quantity ?? 1, 'quantity', i);
    // quantity multiplies mass and value
    mass[line.disposition] += checkAmount(line.massKg, 'massKg', i) * q;
    value[line.disposition] += checkAmount(line.newValue, 'newValue', i) * q;
  });
  // Numerator: parts from the core. Denominator: numerator + new parts (+ consumables when included).
  // Computed as numerator + rest so that, floating point being monotone, numerator ≤ denominator.
  const coreMass = mass.reused + mass.remanufactured;
  const coreValue = value.reused + value.remanufactured;
  const totalMass = coreMass + mass.new + (includeConsumables ? mass.consumable : 0);
  const totalValue = coreValue + value.new + (includeConsumables ? value.consumable : 0);
  const rate = (num: number, den: number) => (den > 0 ? roundHalfAwayFromZero((num / den) * 100, REMAN_RATE_FORMULA.decimals) : null);
  return {
    massRate: rate(coreMass, totalMass),
    valueRate: rate(coreValue, totalValue),
    formulaVersion: REMAN_RATE_FORMULA.version,
    includeConsumables,
    totals: {
      reusedMass: mass.reused,
      remanufacturedMass: mass.remanufactured,
      newMass: mass.new,
      consumableMass: mass.consumable,
      totalMass,
      reusedValue: value.reused,
      remanufacturedValue: value.remanufactured,
      newValue: value.new,
      consumableValue: value.consumable,
      totalValue,
    },
  };
}
