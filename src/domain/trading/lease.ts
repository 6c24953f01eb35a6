/**
 * Leasing and 以租代购 (issue 13 "Leasing"; 《高端智能再制造行动计划》 三(八): 融资租赁、以租代购), one pure state machine
 * and the rent arithmetic.
 *
 *   active ──(last rent paid, no purchase option)──▶ ended ──return──▶ returned
 *     │   ──(last rent paid, 以租代购)──────────────▶ purchased   (ownership transfers to the lessee)
 *     └──terminate (early)──▶ terminated ──return──▶ returned
 *
 * Kinds: `operating` (经营租赁: the lessor keeps the unit) or `finance` (融资租赁: a leasing company finances it and is
 * named on the contract). Rents: a schedule of `months` periods, each due on the same day of the month as the
 * start; fixed monthly rent, or usage-based — hours run in the period × rate, never below a monthly minimum, the
 * hours read from monitoring when the unit's device reports them, the lessor's declared reading otherwise.
 * 以租代购: the rents paid accrue toward the purchase price; the payment of the last rent transfers ownership.
 */
export const LEASE_STATUS_VALUES = ['active', 'ended', 'terminated', 'returned', 'purchased'] as const;
export type LeaseStatus = (typeof LEASE_STATUS_VALUES)[number];
export const LEASE_KIND_VALUES = ['operating', 'finance'] as const;
export type LeaseKind = (typeof LEASE_KIND_VALUES)[number];
export const BILLING_VALUES = ['fixed', 'usage'] as const;
export type Billing = (typeof BILLING_VALUES)[number];
export const RENT_STATUS_VALUES = ['scheduled', 'billed', 'paid', 'void'] as const;
export type RentStatus = (typeof RENT_STATUS_VALUES)[number];
export const RETURN_DISPOSITION_VALUES = ['relet', 'core_intake'] as const;
export type ReturnDisposition = (typeof RETURN_DISPOSITION_VALUES)[number];

export const LEASE_STATUS_LABELS: Record<LeaseStatus, { zh: string; en: string }> = {
  active: { zh: '租赁中', en: 'Active' },
  ended: { zh: '租期届满', en: 'Term ended' },
  terminated: { zh: '提前终止', en: 'Terminated early' },
  returned: { zh: '已返还', en: 'Returned' },
  purchased: { zh: '已转让所有权（以租代购）', en: 'Purchased (rent-to-own)' },
};

export type LeaseEvent = 'lastRentPaid' | 'terminate' | 'return';
export type LeaseTransition = { ok: true; next: LeaseStatus } | { ok: false; message: string; messageEn: string };

/** The next status, or why not. `purchase`: the lease is 以租代购 (a purchase price). */
export function nextLeaseStatus(from: LeaseStatus, event: LeaseEvent, purchase: boolean): LeaseTransition {
  const no = (zh: string, en: string): LeaseTransition => ({ ok: false, message: `租赁当前为「${LEASE_STATUS_LABELS[from].zh}」，${zh}`, messageEn: `The lease is ${LEASE_STATUS_LABELS[from].en.toLowerCase()}; ${en}` });
  switch (event) {
    case 'lastRentPaid':
      return from === 'active' ? { ok: true, next: purchase ? 'purchased' : 'ended' } : no('不能再收租', 'no rent is collected now');
    case 'terminate':
      return from === 'active' ? { ok: true, next: 'terminated' } : no('不能提前终止', 'it cannot be terminated');
    case 'return':
      return from === 'ended' || from === 'terminated' ? { ok: true, next: 'returned' } : no('不能办理返还', 'the unit cannot be returned now');
  }
}

/** Whether rents are collected (billing, payment) in this status. */
export const collectsRent = (s: LeaseStatus) => s === 'active';

const pad = (n: number) => String(n).padStart(2, '0');
/** `start` + k months, the day clamped to the month's last day (2027-01-31 + 1 → 2027-02-28). ISO dates. */
export function addMonths(start: string, k: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + k;
  const yy = Math.floor(idx / 12);
  const mm = (idx % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${pad(mm)}-${pad(Math.min(d, last))}`;
}

export interface RentPeriod {
  seq: number;
  /** the period runs [from, to); the rent is due on `to` (in arrears) */
  from: string;
  to: string;
  dueOn: string;
  /** fixed rent: known now; usage rent: null until billed from the reading */
  amountCny: number | null;
}

/** The schedule of rents: `months` monthly periods from `startOn`, due at each period's end. */
export function rentSchedule(startOn: string, months: number, billing: Billing, monthlyRentCny: number | null): RentPeriod[] {
  return Array.from({ length: months }, (_, i) => {
    const from = addMonths(startOn, i);
    const to = addMonths(startOn, i + 1);
    return { seq: i + 1, from, to, dueOn: to, amountCny: billing === 'fixed' ? monthlyRentCny : null };
  });
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Usage-based rent of one period: (reading − previous reading) hours × rate, at least the monthly minimum.
 * A reading below the previous one (a meter reset, a wrong entry) is refused by the caller; here it counts as 0 h.
 */
export function usageRent(previousHours: number, readingHours: number, ratePerHourCny: number, minimumMonthlyCny: number): { hours: number; amountCny: number } {
  const hours = Math.max(0, readingHours - previousHours);
  return { hours: round2(hours), amountCny: round2(Math.max(minimumMonthlyCny, hours * ratePerHourCny)) };
}

/** 以租代购: what is still owed toward the purchase price after the rents paid (never below 0). */
export function purchaseBalance(purchasePriceCny: number, rentsPaidCny: number): number {
  return round2(Math.max(0, purchasePriceCny - rentsPaidCny));
}

/** A rent is overdue when it is not paid and its due date has passed (`today` in Asia/Shanghai, ISO). */
export const rentOverdue = (r: { status: RentStatus; dueOn: string }, today: string) => (r.status === 'scheduled' || r.status === 'billed') && r.dueOn < today;
