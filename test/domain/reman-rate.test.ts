import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REMAN_RATE_FORMULA, computeRemanRates, type BomLineInput } from '../../src/domain/announcement/reman-rate.js';
import { BomLineSchema } from '../../src/domain/announcement/form.js';
import { roundHalfAwayFromZero } from '../../src/domain/numbers.js';

// domain-notes worked example: engine 500 kg, new value ¥50,000
const engine: BomLineInput[] = [
  { part: 'block', disposition: 'reused', massKg: 300, newValue: 20_000 },
  { part: 'head', disposition: 'remanufactured', massKg: 120, newValue: 18_000 },
  { part: 'rings', disposition: 'new', massKg: 80, newValue: 12_000 },
];

describe('REMAN_RATE_FORMULA', () => {
  it('is versioned in one place', () => {
    expect(REMAN_RATE_FORMULA.version).toBe('GBT28620-2012/working-v1');
    expect(REMAN_RATE_FORMULA.includeConsumablesByDefault).toBe(false);
    expect(REMAN_RATE_FORMULA.decimals).toBe(2);
  });
});

describe('computeRemanRates', () => {
  it('reproduces the worked example: 84.00 % by mass, 76.00 % by value', () => {
    const r = computeRemanRates(engine);
    expect(r.massRate).toBe(84);
    expect(r.valueRate).toBe(76);
    expect(r.formulaVersion).toBe('GBT28620-2012/working-v1');
    expect(r.totals).toMatchObject({
      reusedMass: 300,
      remanufacturedMass: 120,
      newMass: 80,
      totalMass: 500,
      reusedValue: 20_000,
      remanufacturedValue: 18_000,
      newValue: 12_000,
      totalValue: 50_000,
    });
  });

  it('excludes consumables by default and counts them in the denominator only when included', () => {
    const lines = [...engine, { part: 'gaskets', disposition: 'consumable', massKg: 20, newValue: 2_000 } as const];
    const out = computeRemanRates(lines);
    expect(out.includeConsumables).toBe(false);
    expect(out.massRate).toBe(84);
    expect(out.valueRate).toBe(76);
    expect(out.totals.consumableMass).toBe(20);
    expect(out.totals.totalMass).toBe(500);

    const inc = computeRemanRates(lines, { includeConsumables: true });
    expect(inc.includeConsumables).toBe(true);
    expect(inc.totals.totalMass).toBe(520);
    expect(inc.totals.totalValue).toBe(52_000);
    expect(inc.massRate).toBe(80.77); // 420 / 520 = 80.769…
    expect(inc.valueRate).toBe(73.08); // 38000 / 52000 = 73.0769…
  });

  it('multiplies mass and value by quantity', () => {
    const r = computeRemanRates([
      { part: 'con-rod', disposition: 'remanufactured', massKg: 2, newValue: 500, quantity: 6 },
      { part: 'bearing', disposition: 'new', massKg: 0.5, newValue: 100, quantity: 12 },
    ]);
    expect(r.totals.remanufacturedMass).toBe(12);
    expect(r.totals.newMass).toBe(6);
    expect(r.totals.remanufacturedValue).toBe(3000);
    expect(r.totals.newValue).toBe(1200);
    expect(r.massRate).toBe(66.67);
    expect(r.valueRate).toBe(71.43);
  });

  it('accepts schema-parsed lines (quantity defaults to 1)', () => {
    const line = BomLineSchema.parse({ part: 'block', disposition: 'reused', massKg: 10, newValue: 10 });
    expect(computeRemanRates([line]).massRate).toBe(100);
  });

  it('gives null rates for no lines or zero denominators', () => {
    const empty = computeRemanRates([]);
    expect(empty.massRate).toBeNull();
    expect(empty.valueRate).toBeNull();
    expect(empty.totals.totalMass).toBe(0);
    const zeroValue = computeRemanRates([{ part: 'x', disposition: 'reused', massKg: 5, newValue: 0 }]);
    expect(zeroValue.massRate).toBe(100);
    expect(zeroValue.valueRate).toBeNull();
    // only consumables, excluded → nothing to divide by
    expect(computeRemanRates([{ part: 'oil', disposition: 'consumable', massKg: 5, newValue: 50 }]).massRate).toBeNull();
    expect(computeRemanRates([{ part: 'oil', disposition: 'consumable', massKg: 5, newValue: 50 }], { includeConsumables: true }).massRate).toBe(0);
  });

  it('rounds half away from zero to two decimals', () => {
    // 1 / 8 = 12.5 %, 1 / 16 = 6.25 %, 1 / 32 = 3.125 % → 3.13
    expect(computeRemanRates([
      { part: 'a', disposition: 'reused', massKg: 1, newValue: 1 },
      { part: 'b', disposition: 'new', massKg: 31, newValue: 31 },
    ]).massRate).toBe(3.13);
    expect(roundHalfAwayFromZero(1.005)).toBe(1.01);
    expect(roundHalfAwayFromZero(-1.005)).toBe(-1.01);
    expect(roundHalfAwayFromZero(2.675)).toBe(2.68);
    expect(roundHalfAwayFromZero(84)).toBe(84);
  });

  it('rejects negative or non-finite amounts', () => {
    expect(() => computeRemanRates([{ part: 'x', disposition: 'reused', massKg: -1, newValue: 1 }])).toThrow(RangeError);
    expect(() => computeRemanRates([{ part: 'x', disposition: 'reused', massKg: 1, newValue: Number.NaN }])).toThrow(RangeError);
    expect(() => computeRemanRates([{ part: 'x', disposition: 'reused', massKg: 1, newValue: 1, quantity: Number.POSITIVE_INFINITY }])).toThrow(RangeError);
  });

  it('property: rates stay within 0–100 and are null exactly when the denominator is 0', () => {
    const amount = fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true });
    const line = fc.record({
      part: fc.constant('p'),
      disposition: fc.constantFrom('reused', 'remanufactured', 'new', 'consumable' as const),
      massKg: amount,
      newValue: amount,
      quantity: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, includeConsumables) => {
        const r = computeRemanRates(lines, { includeConsumables });
        for (const rate of [r.massRate, r.valueRate]) {
          if (rate !== null) {
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(100);
          }
        }
        expect(r.massRate === null).toBe(r.totals.totalMass === 0);
        expect(r.valueRate === null).toBe(r.totals.totalValue === 0);
      }),
      { numRuns: 500 },
    );
  });
});
