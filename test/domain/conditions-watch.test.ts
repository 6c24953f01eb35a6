import { describe, expect, it } from 'vitest';
import { leaseEndsOn, watchApplication, watchReport } from '../../src/domain/supervision/conditions-watch.js';
import { completeApplicationForm } from './fixtures.js';

const form = () => {
  const f = completeApplicationForm();
  f.table12!.qualityCert = { number: 'Q1', issuer: 'x', validUntil: '2027-06-30' };
  f.table12!.ohsCert = { number: 'S1', issuer: 'x', validUntil: '2029-06-30' };
  f.table12!.environmentCert = { number: 'E1', issuer: 'x', validUntil: '2029-06-30' };
  f.table12!.landTenure = 'leased';
  f.table12!.leaseYears = 10;
  return f;
};
const run = (today: string) => watchApplication({ applicationId: 'a1', submittedOn: '2026-11-20', form: form(), today });

describe('七(二)4(1) conditions watch (issue 15 item 15)', () => {
  it('四(一): a certificate is a finding from the day after its validUntil, keyed by the certificate and its date', () => {
    expect(run('2027-06-30').filter((f) => f.kind === 'certificate_expired')).toEqual([]);
    const f = run('2027-07-01').filter((x) => x.kind === 'certificate_expired');
    expect(f.map((x) => x.dedupeKey)).toEqual(['cert:a1:qualityCert:2027-06-30']);
    expect(f[0]!.clause).toBe('四(一)');
  });
  it('二(三): the lease term read as the years left at the submission; past its end is a finding', () => {
    expect(leaseEndsOn('2026-11-20', 10)).toBe('2036-11-20');
    expect(run('2036-11-20').filter((f) => f.kind === 'lease_ended')).toEqual([]);
    expect(run('2036-11-21').filter((f) => f.kind === 'lease_ended').map((f) => f.dedupeKey)).toEqual(['lease:a1:2036-11-20']);
    const owned = form();
    owned.table12!.landTenure = 'owned';
    expect(watchApplication({ applicationId: 'a1', submittedOn: '2026-11-20', form: owned, today: '2040-01-01' }).filter((f) => f.kind === 'lease_ended')).toEqual([]);
  });
  it('三(三)/三(四) from the report figures: exactly at the threshold is no finding, below is', () => {
    const at = watchReport({ reportId: 'r', year: 2026, figures: { employees: 200, collegeEducated: 60, rdStaff: 20, rdSpending: 300, previousYearRevenue: 10_000 } });
    expect(at).toEqual([]);
    const below = watchReport({ reportId: 'r', year: 2026, figures: { employees: 200, collegeEducated: 59, rdStaff: 19, rdSpending: 299, previousYearRevenue: 10_000 } });
    expect(below.map((f) => [f.kind, f.clause])).toEqual([
      ['college_ratio_below', '三(三)'],
      ['rd_staff_below', '三(三)'],
      ['rd_spending_below', '三(四)'],
    ]);
    expect(below[2]!.summary).toContain('2.99%');
    // a report without figures is not judged
    expect(watchReport({ reportId: 'r', year: 2026, figures: undefined })).toEqual([]);
  });
});
