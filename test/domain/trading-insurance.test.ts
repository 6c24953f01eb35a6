/** 保险 (issue 13): who pays for a failure on a day, the term rules and the insurer's decision. */
import { describe, expect, it } from 'vitest';
import { claimPayer, covers, decideClaim, overlaps, termMonths, termProblem } from '../../src/domain/trading/insurance.js';

const policy = { id: 'p1', startsOn: '2026-03-02', endsOn: '2029-03-01' };

describe('claimPayer', () => {
  it('the seller inside its warranty (the last day included)', () => {
    expect(claimPayer('2027-03-01', '2027-03-01', [policy])).toEqual({ kind: 'seller' });
  });
  it('the insurer after the warranty while a policy covers the day (its ends included)', () => {
    expect(claimPayer('2027-03-02', '2027-03-01', [policy])).toEqual({ kind: 'insurer', policyId: 'p1' });
    expect(claimPayer('2029-03-01', '2027-03-01', [policy])).toEqual({ kind: 'insurer', policyId: 'p1' });
  });
  it('the insurer without a recorded warranty (a leased unit), nobody outside every cover', () => {
    expect(claimPayer('2026-06-01', null, [policy])).toEqual({ kind: 'insurer', policyId: 'p1' });
    expect(claimPayer('2029-03-02', '2027-03-01', [policy])).toEqual({ kind: 'none' });
    expect(claimPayer('2026-03-01', null, [policy])).toEqual({ kind: 'none' });
    expect(claimPayer('2028-01-01', '2027-03-01', [])).toEqual({ kind: 'none' });
  });
});

describe('terms', () => {
  it('covers, overlaps, months', () => {
    expect(covers(policy, '2026-03-02')).toBe(true);
    expect(covers(policy, '2026-03-01')).toBe(false);
    expect(overlaps(policy, { startsOn: '2029-03-01', endsOn: '2030-01-01' })).toBe(true);
    expect(overlaps(policy, { startsOn: '2029-03-02', endsOn: '2030-01-01' })).toBe(false);
    expect(termMonths(policy)).toBe(36);
    expect(termMonths({ startsOn: '2026-01-31', endsOn: '2026-02-28' })).toBe(1);
  });
  it('a term ends after it starts and lasts at most 120 months', () => {
    expect(termProblem(policy)).toBeNull();
    expect(termProblem({ startsOn: '2026-03-02', endsOn: '2026-03-02' })?.field).toBe('endsOn');
    expect(termProblem({ startsOn: '2026-03-02', endsOn: '2036-03-02' })?.zh).toMatch(/120/);
    expect(termProblem({ startsOn: '2026-03-02', endsOn: '2036-03-01' })).toBeNull();
  });
});

describe('decideClaim', () => {
  it('a pending claim: accepted within the cover left, or rejected', () => {
    expect(decideClaim('pending', 'accepted', 5000, 5000)).toEqual({ ok: true, next: 'accepted' });
    expect(decideClaim('pending', 'rejected', undefined, 0)).toEqual({ ok: true, next: 'rejected' });
  });
  it('refusals: no amount, more than the cover left, decided already', () => {
    expect(decideClaim('pending', 'accepted', undefined, 100)).toMatchObject({ ok: false, status: 400, field: 'amountCny' });
    expect(decideClaim('pending', 'accepted', 100.01, 100)).toMatchObject({ ok: false, status: 400, code: 'OVER_COVER' });
    expect(decideClaim('accepted', 'rejected', undefined, 100)).toMatchObject({ ok: false, status: 409, code: 'CLAIM_DECIDED' });
  });
});
