import { describe, expect, it } from 'vitest';
import { cnyInWords, coreDueOn, coreOverdue, gradeFromRecord, nextTradeInStatus, payable, pickRule, platformDefaultRule, settle, valueOldUnit, type ScopedRule } from '../../../src/domain/trading/trade-in.js';

const rule = { baseValueCny: 30_000, depreciationPerYear: 0.1, floorShare: 0.2, hoursPerYear: 2_000, coreDepositCny: 5_000, returnDays: 30 };

describe('trade-in valuation', () => {
  it('base × age curve × grade', () => {
    const v = valueOldUnit(rule, { ageYears: 2, runningHours: 0, condition: 'B' });
    expect(v.valueCny).toBe(Math.round(30_000 * 0.81 * 0.8 * 100) / 100);
    expect(v.coreDepositCny).toBe(5_000);
  });
  it('running hours age a young unit (effective age = max of both)', () => {
    const young = valueOldUnit(rule, { ageYears: 1, runningHours: 8_000, condition: 'A' });
    expect(young.effectiveAgeYears).toBe(4);
    expect(young.valueCny).toBe(Math.round(30_000 * 0.9 ** 4 * 100) / 100);
  });
  it('the floor holds for very old units, and grade D is worth least', () => {
    expect(valueOldUnit(rule, { ageYears: 40, runningHours: 0, condition: 'A' }).valueCny).toBe(6_000);
    const grades = (['A', 'B', 'C', 'D'] as const).map((c) => valueOldUnit(rule, { ageYears: 3, runningHours: 0, condition: c }).valueCny);
    expect([...grades].sort((a, b) => b - a)).toEqual(grades);
  });
  it('picks the model rule, then the field rule, then the platform default', () => {
    const rules: ScopedRule[] = [
      { ...rule, scope: 'field', key: 'internal_combustion_engines', baseValueCny: 10_000 },
      { ...rule, scope: 'model', key: 'WD615', baseValueCny: 40_000 },
    ];
    expect(pickRule(rules, 'wd615', 'internal_combustion_engines')).toMatchObject({ source: 'model', rule: { baseValueCny: 40_000 } });
    expect(pickRule(rules, 'X1', 'internal_combustion_engines')).toMatchObject({ source: 'field', rule: { baseValueCny: 10_000 } });
    expect(pickRule(rules, 'X1', 'machine_tools')).toEqual({ source: 'platform', rule: platformDefaultRule('machine_tools') });
  });
  it('the platform record grades down, never up', () => {
    expect(gradeFromRecord('A', { life: 1, status: 'issued', runningHours: 1000, ageYears: 1, hoursPerYear: 2000 })).toBe('A');
    expect(gradeFromRecord('A', { life: 3, status: 'issued', runningHours: 1000, ageYears: 1, hoursPerYear: 2000 })).toBe('B');
    expect(gradeFromRecord('B', { life: 3, status: 'issued', runningHours: 10_000, ageYears: 1, hoursPerYear: 2000 })).toBe('D');
    expect(gradeFromRecord('A', { life: 1, status: 'recalled', runningHours: 0, ageYears: 1, hoursPerYear: 2000 })).toBe('D');
  });
});

describe('payable, settlement, due dates', () => {
  it('goods − credit + deposit, never negative', () => {
    expect(payable(100_000, 20_000, 5_000)).toBe(85_000);
    expect(payable(1_000, 20_000, 0)).toBe(0);
  });
  it('deposit refunded and the difference settled against it', () => {
    expect(settle(20_000, 18_000, 5_000)).toEqual({ creditCny: 20_000, finalValueCny: 18_000, differenceCny: -2_000, depositCny: 5_000, refundCny: 3_000 });
    expect(settle(20_000, 10_000, 5_000).refundCny).toBe(-5_000); // the buyer owes the rest
    expect(settle(20_000, 21_000, 5_000).refundCny).toBe(6_000);
  });
  it('due date and overdue', () => {
    expect(coreDueOn('2026-12-20', 30)).toBe('2027-01-19');
    expect(coreOverdue({ status: 'awaiting_core', dueOn: '2027-01-19' }, '2027-01-20')).toBe(true);
    expect(coreOverdue({ status: 'awaiting_core', dueOn: '2027-01-19' }, '2027-01-19')).toBe(false);
    expect(coreOverdue({ status: 'core_received', dueOn: '2027-01-19' }, '2027-02-01')).toBe(false);
  });
  it('state machine', () => {
    expect(nextTradeInStatus('awaiting_core', 'ship')).toBe('core_in_transit');
    expect(nextTradeInStatus('core_in_transit', 'receive')).toBe('core_received');
    expect(nextTradeInStatus('awaiting_core', 'receive')).toBe('core_received');
    expect(nextTradeInStatus('core_received', 'settle')).toBe('settled');
    expect(nextTradeInStatus('settled', 'receive')).toBeNull();
    expect(nextTradeInStatus('core_received', 'cancel')).toBeNull();
  });
  it('amounts in Chinese capitals', () => {
    expect(cnyInWords(1234.5)).toBe('壹仟贰佰叁拾肆元伍角整');
    expect(cnyInWords(100000)).toBe('壹拾万元整');
    expect(cnyInWords(10005.06)).toBe('壹万零伍元零陆分');
    expect(cnyInWords(0.3)).toBe('零元叁角整');
    expect(cnyInWords(85000)).toBe('捌万伍仟元整');
  });
});
