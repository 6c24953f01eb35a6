import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canFileRectification,
  changeDeadline,
  changeOverdue,
  decisionBlocker,
  defaultStatementDue,
  isRevocationGround,
  nextChangeState,
  nextComplaintState,
  normaliseTrackingCode,
  reapplyFromAfterAcceptance,
  relayDateProblem,
  REVOCATION_GROUNDS,
  revocationStepOpen,
  statementBlocker,
  statementDueAfterRelay,
  TRACKING_CODE_RE,
  trackingCodeFrom,
} from '../../src/domain/supervision/index.js';
import { reapplyLock } from '../../src/domain/announcement/reapply-lock.js';

describe('七(二)4 grounds', () => {
  it('are exactly the five items of the clause, in order, with their text', () => {
    expect(REVOCATION_GROUNDS.map((g) => g.clause)).toEqual(['七(二)4(1)', '七(二)4(2)', '七(二)4(3)', '七(二)4(4)', '七(二)4(5)']);
    expect(REVOCATION_GROUNDS[1]!.zh).toBe('不按要求提交《年度报告》的');
    expect(REVOCATION_GROUNDS[4]!.zh).toBe('发生较大及以上安全、环保等事故，或违反国家法律、法规和国家产业政策行为的');
    for (const g of REVOCATION_GROUNDS) expect(isRevocationGround(g.key)).toBe(true);
    expect(isRevocationGround('late_payment')).toBe(false);
  });
});

describe('hearing before decision (七(二)4 告知 + 陈述和申辩)', () => {
  it('blocks a decision before the notice', () => {
    expect(decisionBlocker({ state: 'opened', statementDue: null }, '2026-12-01')?.code).toBe('HEARING_REQUIRED');
  });
  it('blocks while the period runs, the due day included, unless the statement was received', () => {
    expect(decisionBlocker({ state: 'notified', statementDue: '2026-12-15' }, '2026-12-15')?.code).toBe('HEARING_PERIOD_OPEN');
    expect(decisionBlocker({ state: 'notified', statementDue: '2026-12-15' }, '2026-12-16')).toBeNull();
    expect(decisionBlocker({ state: 'statement_received', statementDue: '2026-12-15' }, '2026-12-02')).toBeNull();
    expect(decisionBlocker({ state: 'revoked', statementDue: '2026-12-15' }, '2026-12-20')?.code).toBe('ALREADY_DECIDED');
  });
  it('accepts a statement within the period only', () => {
    expect(statementBlocker({ state: 'notified', statementDue: '2026-12-15' }, '2026-12-15')).toBeNull();
    expect(statementBlocker({ state: 'notified', statementDue: '2026-12-15' }, '2026-12-16')?.code).toBe('STATEMENT_PERIOD_CLOSED');
    expect(statementBlocker({ state: 'opened', statementDue: null }, '2026-12-01')?.code).toBe('NOT_IN_HEARING');
  });
  it('defaults the statement period to 10 working days after the notice day, skipping holidays', () => {
    expect(defaultStatementDue('2026-12-01')).toBe('2026-12-15'); // Tue → ten working days from Wed
    // notice on 2026-09-30: 国庆/中秋 holidays 10-01…10-08 are skipped
    expect(defaultStatementDue('2026-09-30') > '2026-10-14').toBe(true);
    expect(defaultStatementDue('2026-12-01', [{ date: '2026-12-07', workday: false }])).toBe('2026-12-16');
  });
});

describe('rectification and the lock', () => {
  it('rectification is open only after a revocation, once at a time', () => {
    expect(canFileRectification('revoked', null)).toBe(true);
    expect(canFileRectification('revoked', 'returned')).toBe(true);
    expect(canFileRectification('revoked', 'submitted')).toBe(false);
    expect(canFileRectification('revoked', 'accepted')).toBe(false);
    expect(canFileRectification('not_revoked', null)).toBe(false);
  });
  it('reapply date agrees with the applications lock for any acceptance date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), (d) => {
        const accepted = d.toISOString().slice(0, 10);
        const lock = reapplyLock({ revokedAt: '2024-01-01', rectificationAcceptedAt: accepted }, accepted);
        expect(lock.reapplyFrom).toBe(reapplyFromAfterAcceptance(accepted));
      }),
    );
    expect(reapplyFromAfterAcceptance('2028-02-29')).toBe('2030-03-01');
  });
});

describe('七(二)3 change deadline', () => {
  it('is one year from the change date (29 Feb → 28 Feb)', () => {
    expect(changeDeadline('2026-03-15')).toBe('2027-03-15');
    expect(changeDeadline('2028-02-29')).toBe('2029-02-28');
  });
  it('is overdue the day after the deadline while the check has not passed', () => {
    expect(changeOverdue({ state: 'submitted', changeDate: '2025-12-01' }, '2026-12-01')).toBe(false);
    expect(changeOverdue({ state: 'submitted', changeDate: '2025-12-01' }, '2026-12-02')).toBe(true);
    expect(changeOverdue({ state: 'check_failed', changeDate: '2025-12-01' }, '2026-12-02')).toBe(true);
    expect(changeOverdue({ state: 'check_passed', changeDate: '2025-12-01' }, '2026-12-02')).toBe(false);
  });
  it('state machine', () => {
    expect(nextChangeState('submitted', 'check_pass')).toBe('check_passed');
    expect(nextChangeState('submitted', 'confirm')).toBeNull();
    expect(nextChangeState('check_failed', 'resubmit')).toBe('submitted');
    expect(nextChangeState('check_passed', 'not_confirm')).toBe('not_confirmed');
  });
});

describe('complaints', () => {
  it('state machine: conclude only after acceptance', () => {
    expect(nextComplaintState('received', 'substantiate')).toBeNull();
    expect(nextComplaintState('received', 'accept')).toBe('accepted');
    expect(nextComplaintState('accepted', 'unsubstantiate')).toBe('unsubstantiated');
    expect(nextComplaintState('investigating', 'substantiate')).toBe('substantiated');
    expect(nextComplaintState('substantiated', 'accept')).toBeNull();
  });
  it('tracking codes: 12 Crockford base32 characters from 8 random bytes; lookups forgive case and O/I/L', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (b) => {
        const code = trackingCodeFrom(b);
        expect(code).toMatch(TRACKING_CODE_RE);
        expect(normaliseTrackingCode(code.toLowerCase())).toBe(code);
      }),
    );
    expect(trackingCodeFrom(new Uint8Array(8))).toBe('000000000000');
    expect(normaliseTrackingCode(' 0o1i-l ')).toBe('00111');
    expect(() => trackingCodeFrom(new Uint8Array(4))).toThrow();
  });
});

describe('七(二)4 通过省级主管部门告知企业 (issue 15 item 12)', () => {
  it('the statement period runs from the relay, not from MIIT’s sending', () => {
    // sent Tue 2026-12-01, relayed Thu 12-03: ten working days from Fri 12-04 → Thu 12-17
    expect(statementDueAfterRelay('2026-12-03', {})).toBe('2026-12-17');
    expect(statementDueAfterRelay('2026-12-03', { workingDays: 5 })).toBe('2026-12-10');
  });
  it('an end date MIIT set is kept while it lies after the relay day, else the default period applies', () => {
    expect(statementDueAfterRelay('2026-12-03', { requestedDue: '2026-12-04' })).toBe('2026-12-04');
    expect(statementDueAfterRelay('2026-12-04', { requestedDue: '2026-12-04' })).toBe('2026-12-18');
  });
  it('a relay date lies between the sending and today', () => {
    expect(relayDateProblem('2026-11-30', '2026-12-01', '2026-12-03')?.zh).toContain('不能早于');
    expect(relayDateProblem('2026-12-04', '2026-12-01', '2026-12-03')?.zh).toContain('不能晚于今天');
    expect(relayDateProblem('2026-12-01', '2026-12-01', '2026-12-03')).toBeNull();
    expect(relayDateProblem('2026-12-03', '2026-12-01', '2026-12-03')).toBeNull();
  });
  it('no decision and no statement while the notice is not relayed; relay is the step then', () => {
    const c = { state: 'notice_sent', statementDue: null, rectificationState: null };
    expect(decisionBlocker(c, '2027-01-01')?.code).toBe('HEARING_REQUIRED');
    expect(statementBlocker(c, '2026-12-02')?.code).toBe('NOT_IN_HEARING');
    expect(revocationStepOpen('relay', c, '2026-12-02')).toBe(true);
    expect(revocationStepOpen('relay', { ...c, state: 'notified', statementDue: '2026-12-15' }, '2026-12-02')).toBe(false);
  });
});
