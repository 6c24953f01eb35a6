/** 旧件交易 (issue 13): which core supplies fit a demand, and in which order. */
import { describe, expect, it } from 'vitest';
import { gradeCompatible, matchesFor, modelKey, type CoreDemand, type CoreSupply } from '../../src/domain/trading/core-exchange.js';

const s = (id: string, over: Partial<CoreSupply> = {}): CoreSupply => ({ id, partyId: 'seller', model: 'WD615', field: 'internal_combustion_engines', quantity: 10, grade: 'B', ...over });
const demand: CoreDemand = { id: 'd1', partyId: 'buyer', model: 'WD-615', field: 'internal_combustion_engines', quantity: 8, minGrade: 'C' };

describe('core exchange matching', () => {
  it('models compare without case, spaces and hyphens; a grade at least as good as the worst accepted fits', () => {
    expect(modelKey('WD-615 ')).toBe(modelKey('wd615'));
    expect(gradeCompatible('A', 'C')).toBe(true);
    expect(gradeCompatible('C', 'C')).toBe(true);
    expect(gradeCompatible('D', 'C')).toBe(false);
  });

  it('same model, another party, cores left, grade acceptable — best fill and model first', () => {
    const m = matchesFor(demand, [
      s('full'),
      s('part', { quantity: 3 }),
      s('worse', { grade: 'D' }),
      s('own', { partyId: 'buyer' }),
      s('empty', { quantity: 0 }),
      s('other-model', { model: 'WP12' }),
    ]);
    expect(m.map((x) => x.supplyId)).toEqual(['full', 'part']);
    expect(m[0]).toMatchObject({ demandId: 'd1', quantity: 8, reason: { zh: expect.stringContaining('同型号'), en: expect.stringContaining('same model') } });
    expect(m[1]!.quantity).toBe(3);
    expect(m[0]!.score).toBeGreaterThan(m[1]!.score);
  });

  it('a demand without a model takes cores of its field; nothing is suggested for a filled demand', () => {
    const any = { ...demand, model: null };
    const m = matchesFor(any, [s('a'), s('other-field', { field: 'machine_tools' })]);
    expect(m.map((x) => x.supplyId)).toEqual(['a']);
    expect(m[0]!.reason.en).toContain('same field');
    expect(matchesFor({ ...demand, quantity: 0 }, [s('a')])).toEqual([]);
  });

  it('at the same fill the grade closest to the one asked ranks first (better cores stay for demands that need them)', () => {
    const m = matchesFor(demand, [s('a', { grade: 'A' }), s('c', { grade: 'C' })]);
    expect(m.map((x) => x.supplyId)).toEqual(['c', 'a']);
  });
});
