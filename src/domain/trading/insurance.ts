/**
 * 保险 (issue 13; 000 三(八) 鼓励保险机构开发再制造产品质量保险): the pure rules of a unit's quality insurance policy
 * and of the claims routed to its insurer. Dates are calendar dates (YYYY-MM-DD, Asia/Shanghai).
 */

export const CLAIM_STATUS_VALUES = ['pending', 'accepted', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUS_VALUES)[number];

/** The longest term a policy may have (months); a quality insurance runs a few years at most. */
export const MAX_TERM_MONTHS = 120;

export interface PolicyTerm {
  startsOn: string;
  endsOn: string;
}

/** Whether `day` lies inside the policy's term (both ends included). */
export const covers = (p: PolicyTerm, day: string) => p.startsOn <= day && day <= p.endsOn;

/** Two terms share at least one day: one unit carries one policy at a time. */
export const overlaps = (a: PolicyTerm, b: PolicyTerm) => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/** Months a term spans, rounded up (ending the day before an anniversary is whole months; on it, one day more). */
export function termMonths(p: PolicyTerm): number {
  const [y1, m1, d1] = p.startsOn.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = p.endsOn.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) + (d2 >= d1 ? 1 : 0);
}

/** A term's problem (bilingual), or null: ends after it starts, at most MAX_TERM_MONTHS long. */
export function termProblem(p: PolicyTerm): { field: 'endsOn'; zh: string; en: string } | null {
  if (p.endsOn <= p.startsOn) return { field: 'endsOn', zh: '保险止期须晚于起期', en: 'The term must end after it starts' };
  if (termMonths(p) > MAX_TERM_MONTHS) return { field: 'endsOn', zh: `保险期限不能超过 ${MAX_TERM_MONTHS} 个月`, en: `A term of at most ${MAX_TERM_MONTHS} months` };
  return null;
}

/**
 * Who pays for a failure found on `day` (a case opened then): the seller inside its warranty (a warranty claim,
 * the cases module decides it); after the warranty — or without a recorded sale warranty — the insurer whose policy
 * covers that day; nobody otherwise (a paid repair).
 */
export function claimPayer(day: string, warrantyUntil: string | null, policies: readonly (PolicyTerm & { id: string })[]): { kind: 'seller' } | { kind: 'insurer'; policyId: string } | { kind: 'none' } {
  if (warrantyUntil && day <= warrantyUntil) return { kind: 'seller' };
  const p = policies.find((x) => covers(x, day));
  return p ? { kind: 'insurer', policyId: p.id } : { kind: 'none' };
}

/** The insurer's decision on a routed claim: only a pending claim is decided; an accepted one names an amount ≤ the cover left. */
export function decideClaim(
  status: ClaimStatus,
  decision: 'accepted' | 'rejected',
  amountCny: number | undefined,
  coverLeftCny: number,
): { ok: true; next: ClaimStatus } | { ok: false; status: 400 | 409; code: string; field?: string; zh: string; en: string } {
  if (status !== 'pending') return { ok: false, status: 409, code: 'CLAIM_DECIDED', zh: `理赔已${status === 'accepted' ? '赔付' : '拒赔'}，不能再次处理`, en: `The claim is ${status} already` };
  if (decision === 'accepted') {
    if (amountCny === undefined) return { ok: false, status: 400, code: 'VALIDATION_FAILED', field: 'amountCny', zh: '赔付须填写金额', en: 'An accepted claim names its amount' };
    if (amountCny > coverLeftCny + 1e-9) return { ok: false, status: 400, code: 'OVER_COVER', field: 'amountCny', zh: `超过保单剩余保额 ${coverLeftCny.toFixed(2)} 元`, en: `More than the cover left (${coverLeftCny.toFixed(2)} CNY)` };
  }
  return { ok: true, next: decision };
}
