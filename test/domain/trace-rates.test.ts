import { describe, expect, it } from 'vitest';
import { aggregateRates, productRates } from '../../src/domain/trace/rates.js';
import { REMAN_RATE_FORMULA } from '../../src/domain/announcement/reman-rate.js';

describe('rates of a traced product (GB/T 28620, working-v1)', () => {
  it('reproduces the domain-notes worked example from reassembly inputs: 84.00 % by mass, 76.00 % by value', () => {
    // 500 kg / ¥50,000: reused 300 kg/¥20,000, remanufactured 120 kg/¥18,000, new 80 kg/¥12,000 (4 × 20 kg/¥3,000)
    const r = productRates([
      { epc: 'urn:x:block', origin: 'reused', massKg: 300, valueCny: 20_000 },
      { epc: 'urn:x:head', origin: 'remanufactured', massKg: 120, valueCny: 18_000 },
      { epcClass: 'urn:epc:class:lgtin:1.2.L1', origin: 'new', massKg: 20, valueCny: 3_000, quantity: 4 },
    ]);
    expect(r.massRate).toBe(84);
    expect(r.valueRate).toBe(76);
    expect(r.formulaVersion).toBe(REMAN_RATE_FORMULA.version);
    expect(r.totals.totalMass).toBe(500);
    expect(r.totals.totalValue).toBe(50_000);
  });

  it('aggregates per enterprise by summing masses and values, not by averaging rates', () => {
    const v = REMAN_RATE_FORMULA.version;
    const a = aggregateRates([
      { coreMass: 420, totalMass: 500, coreValue: 38_000, totalValue: 50_000, formulaVersion: v },
      { coreMass: 10, totalMass: 100, coreValue: 100, totalValue: 1_000, formulaVersion: v },
      { coreMass: 1, totalMass: 1, coreValue: 1, totalValue: 1, formulaVersion: 'old' },
    ]);
    expect(a.products).toBe(2);
    expect(a.otherVersions).toBe(1);
    expect(a.massRate).toBe(71.67); // 430 / 600
    expect(a.valueRate).toBe(74.71); // 38,100 / 51,000
    expect(aggregateRates([]).massRate).toBeNull();
  });
});
