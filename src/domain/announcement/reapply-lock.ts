/**
 * 规范条件 七(二)4: 因上述规定被撤销公告的企业，经整改合格 2 年后方可重新提出规范公告申请.
 *
 * The two years are counted as a period in years under 《民法典》第二百零一条、第二百零二条: the day of
 * acceptance is not counted, the period ends on the corresponding date two years later, or on the last day
 * of the month when there is none (29 February → 28 February). That date is the last locked day; the
 * enterprise may reapply from the next day ("2 年后").
 */
import { addDays, addYearsClamped, assertIsoDate } from '../calendar-date.js';

export const REAPPLY_LOCK_YEARS = 2;

/** Last locked day and first day a new application may be made, from the rectification acceptance date. */
export function lockPeriod(rectificationAcceptedAt: string): { until: string; reapplyFrom: string } {
  const until = addYearsClamped(rectificationAcceptedAt, REAPPLY_LOCK_YEARS);
  return { until, reapplyFrom: addDays(until, 1) };
}

export type ReapplyLockReason = 'not_revoked' | 'rectification_pending' | 'within_lock_period' | 'lock_expired';

export interface ReapplyLock {
  locked: boolean;
  /** Last locked day (rectification accepted + 2 years); null when not revoked or rectification not yet accepted. */
  until: string | null;
  /** First day a new application may be submitted; null when unknown or not locked by a revocation. */
  reapplyFrom: string | null;
  reason: ReapplyLockReason;
  messageZh: string;
  messageEn: string;
}

export function reapplyLock(history: { revokedAt?: string | null; rectificationAcceptedAt?: string | null }, today: string): ReapplyLock {
  assertIsoDate(today, 'today');
  const { revokedAt, rectificationAcceptedAt } = history;
  if (revokedAt == null) {
    return { locked: false, until: null, reapplyFrom: null, reason: 'not_revoked', messageZh: '未被撤销公告。', messageEn: 'The announcement has not been revoked.' };
  }
  assertIsoDate(revokedAt, 'revokedAt');
  if (rectificationAcceptedAt != null) assertIsoDate(rectificationAcceptedAt, 'rectificationAcceptedAt');
  // An acceptance dated before the revocation belongs to an earlier revocation: this one is still pending.
  if (rectificationAcceptedAt == null || rectificationAcceptedAt < revokedAt) {
    return {
      locked: true,
      until: null,
      reapplyFrom: null,
      reason: 'rectification_pending',
      messageZh: `公告已于 ${revokedAt} 撤销，整改尚未验收合格，暂不能重新申请。`,
      messageEn: `The announcement was revoked on ${revokedAt}; until the rectification is accepted the enterprise cannot reapply.`,
    };
  }
  const { until, reapplyFrom } = lockPeriod(rectificationAcceptedAt);
  if (today <= until) {
    return {
      locked: true,
      until,
      reapplyFrom,
      reason: 'within_lock_period',
      messageZh: `整改于 ${rectificationAcceptedAt} 验收合格，满 2 年后（${reapplyFrom} 起）方可重新申请。`,
      messageEn: `Rectification accepted on ${rectificationAcceptedAt}; the enterprise may reapply from ${reapplyFrom}, two years later.`,
    };
  }
  return {
    locked: false,
    until,
    reapplyFrom,
    reason: 'lock_expired',
    messageZh: `整改于 ${rectificationAcceptedAt} 验收合格，已满 2 年，可以重新申请。`,
    messageEn: `Rectification accepted on ${rectificationAcceptedAt}; two years have passed and the enterprise may reapply.`,
  };
}
