/**
 * Figures of 表1-2 that the applicant does not type but the platform computes from counts
 * (规范条件 附1 表1-2 rows 8–11 共计, 12–13 再制造率, 25, 26, 27, 46).
 */
import type { ApplicationForm } from './form.js';
import { computeRemanRates, type RemanFormulaVersion, type RemanRateOptions } from './reman-rate.js';
import { percent, roundHalfAwayFromZero } from '../numbers.js';

export interface DerivedRatios {
  /** 表1-2 row 25: 大专及以上学历人员占企业职工总数比重 (%), collegeEducated ÷ 表1-1 员工人数. */
  collegeRatio: number | null;
  /** 表1-2 row 26: 研发团队人员占企业职工总数比重 (%), rdStaff ÷ 表1-1 员工人数. */
  rdStaffRatio: number | null;
  /** 表1-2 row 27: 研发投入占上一年度总销售额的比重 (%), rdSpending ÷ lastYearRevenue. */
  rdSpendingRatio: number | null;
  /** 表1-2 row 46: 持证上岗率 (%), certifiedPostHolders ÷ certifiedPostStaff. */
  certifiedPostRatio: number | null;
  /** 表1-2 row 12: 质量再制造率 (%), see reman-rate.ts; null without BOM mass. */
  massRate: number | null;
  /** 表1-2 row 13: 价值再制造率 (%), see reman-rate.ts; null without BOM value. */
  valueRate: number | null;
  formulaVersion: RemanFormulaVersion;
}

/** Percentages in percent with two decimals (half away from zero); null when an input is missing or the denominator is 0. */
export function deriveRatios(form: ApplicationForm, opts: RemanRateOptions = {}): DerivedRatios {
  const t11 = form.table11 ?? {};
  const t12 = form.table12 ?? {};
  const rates = computeRemanRates(t12.bom ?? [], opts);
  return {
    collegeRatio: percent(t12.collegeEducated, t11.employees),
    rdStaffRatio: percent(t12.rdStaff, t11.employees),
    rdSpendingRatio: percent(t12.rdSpending, t12.lastYearRevenue),
    certifiedPostRatio: percent(t12.certifiedPostHolders, t12.certifiedPostStaff),
    massRate: rates.massRate,
    valueRate: rates.valueRate,
    formulaVersion: rates.formulaVersion,
  };
}

type YearFigure = { year: number; revenue?: number | null; remanOutput?: number | null; remanSales?: number | null; remanUnits?: number | null };

export interface YearTotals {
  /** Row 8 共计: 近三年主营业务收入 (万元). */
  revenue: number | null;
  /** Row 9 共计: 近三年再制造产值 (万元). */
  remanOutput: number | null;
  /** Row 10 共计: 近三年再制造产品销售额 (万元). */
  remanSales: number | null;
  /** Row 11 共计: 近三年再制造产品生产量 (件). */
  remanUnits: number | null;
}

/**
 * 表1-2 rows 8–11 共计: the sum over the years given. A total is null when there are no years or when any
 * year lacks that figure (a partial sum would be mistaken for the total). Sums in 万元 are rounded to four
 * decimals (1 元) to drop floating-point noise.
 */
export function yearTotals(years: readonly YearFigure[] | null | undefined): YearTotals {
  const list = years ?? [];
  const sum = (key: keyof YearTotals, decimals: number): number | null => {
    if (list.length === 0) return null;
    let total = 0;
    for (const y of list) {
      const v = y[key];
      if (v == null || !Number.isFinite(v)) return null;
      total += v;
    }
    return roundHalfAwayFromZero(total, decimals);
  };
  return { revenue: sum('revenue', 4), remanOutput: sum('remanOutput', 4), remanSales: sum('remanSales', 4), remanUnits: sum('remanUnits', 0) };
}
