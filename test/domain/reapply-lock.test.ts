import { describe, expect, it } from 'vitest';
import { reapplyLock } from '../../src/domain/announcement/reapply-lock.js';

describe('reapplyLock (规范条件 七(二)4)', () => {
  it('does not lock an enterprise never revoked', () => {
    expect(reapplyLock({}, '2026-11-23')).toMatchObject({ locked: false, until: null, reason: 'not_revoked' });
  });

  it('locks without end while the rectification is not accepted', () => {
    expect(reapplyLock({ revokedAt: '2025-03-01' }, '2030-01-01')).toMatchObject({ locked: true, until: null, reapplyFrom: null, reason: 'rectification_pending' });
    expect(reapplyLock({ revokedAt: '2025-03-01', rectificationAcceptedAt: null }, '2030-01-01').locked).toBe(true);
  });

  it('ignores an acceptance dated before the revocation (it belonged to an earlier one)', () => {
    expect(reapplyLock({ revokedAt: '2025-03-01', rectificationAcceptedAt: '2024-01-10' }, '2027-01-01')).toMatchObject({ locked: true, reason: 'rectification_pending' });
  });

  it('locks until the same calendar date two years after acceptance, inclusive', () => {
    const h = { revokedAt: '2025-03-01', rectificationAcceptedAt: '2025-09-15' };
    expect(reapplyLock(h, '2025-09-15')).toMatchObject({ locked: true, until: '2027-09-15', reapplyFrom: '2027-09-16', reason: 'within_lock_period' });
    expect(reapplyLock(h, '2027-09-14').locked).toBe(true);
    expect(reapplyLock(h, '2027-09-15').locked).toBe(true);
    expect(reapplyLock(h, '2027-09-16')).toMatchObject({ locked: false, until: '2027-09-15', reason: 'lock_expired' });
  });

  it('maps 29 February to 28 February', () => {
    const h = { revokedAt: '2023-12-01', rectificationAcceptedAt: '2024-02-29' };
    expect(reapplyLock(h, '2026-02-28')).toMatchObject({ locked: true, until: '2026-02-28', reapplyFrom: '2026-03-01' });
    expect(reapplyLock(h, '2026-03-01').locked).toBe(false);
  });

  it('accepts acceptance on the revocation day', () => {
    expect(reapplyLock({ revokedAt: '2025-03-01', rectificationAcceptedAt: '2025-03-01' }, '2026-01-01').until).toBe('2027-03-01');
  });

  it('gives bilingual messages', () => {
    const r = reapplyLock({ revokedAt: '2025-03-01', rectificationAcceptedAt: '2025-09-15' }, '2026-01-01');
    expect(r.messageZh).toContain('2027-09-16');
    expect(r.messageEn).toContain('2027-09-16');
  });

  it('rejects malformed dates', () => {
    expect(() => reapplyLock({}, '2026/11/23')).toThrow(RangeError);
    expect(() => reapplyLock({ revokedAt: '2025-13-01' }, '2026-11-23')).toThrow(RangeError);
    expect(() => reapplyLock({ revokedAt: '2025-03-01', rectificationAcceptedAt: '2025-02-30' }, '2026-11-23')).toThrow(RangeError);
  });
});
