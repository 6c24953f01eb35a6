import { describe, expect, it } from 'vitest';
import { deriveRatios, yearTotals } from '../../src/domain/announcement/derived.js';
import { completeApplicationForm } from './fixtures.js';

describe('deriveRatios (表1-2 rows 12, 13, 25, 26, 27, 46)', () => {
  it('computes the percentages of the complete fixture', () => {
    expect(deriveRatios(completeApplicationForm())).toEqual({
      collegeRatio: 40, // 48 / 120
      rdStaffRatio: 15, // 18 / 120
      rdSpendingRatio: 4.19, // 360 / 8600 (营业收入 of the year before the R&D year)
      certifiedPostRatio: 100, // 25 / 25
      massRate: 84,
      valueRate: 76,
      formulaVersion: 'GBT28620-2012/working-v1',
    });
  });

  it('rounds to two decimals', () => {
    const f = completeApplicationForm();
    f.table11!.employees = 7;
    f.table12!.collegeEducated = 2; // 28.571…
    f.table12!.rdStaff = 1; // 14.2857…
    f.table12!.rdSpending = 1;
    f.table12!.lastYearRevenue = 3; // 33.333…
    f.table12!.certifiedPostHolders = 2;
    f.table12!.certifiedPostStaff = 3; // 66.666…
    expect(deriveRatios(f)).toMatchObject({ collegeRatio: 28.57, rdStaffRatio: 14.29, rdSpendingRatio: 33.33, certifiedPostRatio: 66.67 });
  });

  it('passes the consumables setting through to the rates', () => {
    expect(deriveRatios(completeApplicationForm(), { includeConsumables: true })).toMatchObject({ massRate: 83.17, valueRate: 74.8 });
  });

  it('gives null when an input is missing or a denominator is 0', () => {
    expect(deriveRatios({})).toEqual({
      collegeRatio: null,
      rdStaffRatio: null,
      rdSpendingRatio: null,
      certifiedPostRatio: null,
      massRate: null,
      valueRate: null,
      formulaVersion: 'GBT28620-2012/working-v1',
    });
    const f = completeApplicationForm();
    f.table11!.employees = 0;
    f.table12!.lastYearRevenue = null;
    f.table12!.certifiedPostStaff = 0;
    f.table12!.bom = [];
    const r = deriveRatios(f);
    expect(r.collegeRatio).toBeNull();
    expect(r.rdStaffRatio).toBeNull();
    expect(r.rdSpendingRatio).toBeNull();
    expect(r.certifiedPostRatio).toBeNull();
    expect(r.massRate).toBeNull();
  });

  it('takes employees from 表1-1, not technical staff', () => {
    const f = completeApplicationForm();
    f.table11!.technicalStaff = 1;
    expect(deriveRatios(f).collegeRatio).toBe(40);
    f.table11!.employees = undefined;
    expect(deriveRatios(f).collegeRatio).toBeNull();
  });
});

describe('yearTotals (表1-2 rows 8–11 共计)', () => {
  it('sums the three years', () => {
    expect(yearTotals(completeApplicationForm().table12!.years)).toEqual({ revenue: 25_600, remanOutput: 20_900, remanSales: 20_200, remanUnits: 8_850 });
  });

  it('drops floating-point noise', () => {
    expect(yearTotals([{ year: 2024, revenue: 0.1 }, { year: 2025, revenue: 0.2 }]).revenue).toBe(0.3);
  });

  it('is null for a figure any year lacks, and for no years', () => {
    const t = yearTotals([
      { year: 2024, revenue: 1, remanOutput: 1, remanSales: null, remanUnits: 5 },
      { year: 2025, revenue: 2, remanOutput: undefined, remanSales: 3, remanUnits: 6 },
    ]);
    expect(t).toEqual({ revenue: 3, remanOutput: null, remanSales: null, remanUnits: 11 });
    expect(yearTotals([])).toEqual({ revenue: null, remanOutput: null, remanSales: null, remanUnits: null });
    expect(yearTotals(undefined).revenue).toBeNull();
  });
});
