/** Pure leasing rules (src/domain/trading/lease.ts): months arithmetic, the schedule, usage rent, the state machine. */
import { describe, expect, it } from 'vitest';
import { addMonths, nextLeaseStatus, purchaseBalance, rentOverdue, rentSchedule, usageRent } from '../../src/domain/trading/lease.js';

describe('lease arithmetic', () => {
  it('adds months with the day clamped to the month’s end, across years', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
  it('a schedule of monthly periods due at their end; usage rents are unknown until billed', () => {
    expect(rentSchedule('2026-12-31', 3, 'fixed', 5000)).toEqual([
      { seq: 1, from: '2026-12-31', to: '2027-01-31', dueOn: '2027-01-31', amountCny: 5000 },
      { seq: 2, from: '2027-01-31', to: '2027-02-28', dueOn: '2027-02-28', amountCny: 5000 },
      { seq: 3, from: '2027-02-28', to: '2027-03-31', dueOn: '2027-03-31', amountCny: 5000 },
    ]);
    expect(rentSchedule('2026-12-01', 2, 'usage', null).map((r) => r.amountCny)).toEqual([null, null]);
  });
  it('usage rent: hours × rate, never below the minimum; a meter going backwards counts 0 h', () => {
    expect(usageRent(1000, 1240, 50, 3000)).toEqual({ hours: 240, amountCny: 12000 });
    expect(usageRent(1000, 1040, 50, 3000)).toEqual({ hours: 40, amountCny: 3000 });
    expect(usageRent(1000, 900, 50, 0)).toEqual({ hours: 0, amountCny: 0 });
    expect(purchaseBalance(30000, 12000)).toBe(18000);
    expect(purchaseBalance(30000, 45000)).toBe(0);
  });
  it('overdue: unpaid and due before today', () => {
    expect(rentOverdue({ status: 'scheduled', dueOn: '2026-12-05' }, '2026-12-06')).toBe(true);
    expect(rentOverdue({ status: 'billed', dueOn: '2026-12-06' }, '2026-12-06')).toBe(false);
    expect(rentOverdue({ status: 'paid', dueOn: '2026-11-01' }, '2026-12-06')).toBe(false);
    expect(rentOverdue({ status: 'void', dueOn: '2026-11-01' }, '2026-12-06')).toBe(false);
  });
});

describe('the lease state machine', () => {
  it('the last rent ends the term, or transfers ownership of a rent-to-own lease', () => {
    expect(nextLeaseStatus('active', 'lastRentPaid', false)).toEqual({ ok: true, next: 'ended' });
    expect(nextLeaseStatus('active', 'lastRentPaid', true)).toEqual({ ok: true, next: 'purchased' });
  });
  it('terminate only while active; return only after the end or a termination; nothing after purchase', () => {
    expect(nextLeaseStatus('active', 'terminate', false)).toEqual({ ok: true, next: 'terminated' });
    expect(nextLeaseStatus('terminated', 'return', false)).toEqual({ ok: true, next: 'returned' });
    expect(nextLeaseStatus('ended', 'return', false)).toEqual({ ok: true, next: 'returned' });
    for (const [s, e] of [['ended', 'terminate'], ['active', 'return'], ['purchased', 'return'], ['returned', 'lastRentPaid'], ['purchased', 'terminate']] as const) {
      const t = nextLeaseStatus(s, e, false);
      expect(t.ok, `${s} ${e}`).toBe(false);
      if (!t.ok) expect(t.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
