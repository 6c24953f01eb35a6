import { addMonths, LEASE_STATUS_LABELS, rentOverdue } from '../../../domain/trading/lease.js';
import { allowedActions } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { leasePolicy } from './leasing.policy.js';
import type { LeaseRow, RentRow } from './leasing.repo.js';
import { amountDue, subjectOf, type LeasingService } from './leasing.service.js';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const num = (v: string | null) => (v === null ? null : Number(v));

/** The buttons of a lease now: the policy (who) and the lease's state (when). */
function actionsOf(p: Principal | null, l: LeaseRow, rents: RentRow[]) {
  const open = rents.filter((r) => r.status === 'scheduled' || r.status === 'billed');
  return allowedActions(p, leasePolicy, subjectOf(l), ['bill', 'payRent', 'terminate', 'return'] as const).filter((a) => {
    if (a === 'bill') return l.status === 'active' && l.billing === 'usage' && open[0]?.status === 'scheduled';
    if (a === 'payRent') return (l.status === 'active' || l.status === 'terminated') && !!open[0] && (open[0].status === 'billed' || l.billing === 'fixed');
    if (a === 'terminate') return l.status === 'active';
    return l.status === 'ended' || l.status === 'terminated';
  });
}

/** Leases out: parties' names, the schedule with what is due and overdue, 以租代购 balance, the caller's actions. */
export async function presentLeases(leasing: LeasingService, p: Principal | null, rows: LeaseRow[]) {
  const [names, rents] = await Promise.all([leasing.names(rows), leasing.rentsOf(rows.map((l) => l.id))]);
  const today = leasing.clock.today();
  return rows.map((l) => {
    const mine = rents.filter((r) => r.lease_id === l.id);
    const paid = mine.filter((r) => r.status === 'paid').reduce((s, r) => s + Number(r.paid_cny ?? 0), 0);
    const overdue = mine.filter((r) => rentOverdue({ status: r.status, dueOn: r.due_on }, today));
    return {
      id: l.id,
      status: l.status,
      statusLabel: LEASE_STATUS_LABELS[l.status],
      kind: l.kind,
      product: { code: l.product_code, name: l.product_name, model: l.model },
      lessor: { id: l.enterprise_id, name: names.enterprise(l.enterprise_id) },
      lessee: { id: l.lessee_org_id, name: names.org(l.lessee_org_id) },
      financier: l.financier_org_id ? { id: l.financier_org_id, name: names.org(l.financier_org_id) } : null,
      startOn: l.start_on,
      endOn: addMonths(l.start_on, l.months),
      months: l.months,
      depositCny: Number(l.deposit_cny),
      billing: l.billing,
      monthlyRentCny: num(l.monthly_rent_cny),
      ratePerHourCny: num(l.rate_per_hour_cny),
      minimumMonthlyCny: num(l.minimum_monthly_cny),
      startHours: Number(l.start_hours),
      startHoursSource: l.start_hours_source,
      purchasePriceCny: num(l.purchase_price_cny),
      rentsPaidCny: Math.round(paid * 100) / 100,
      purchaseBalanceCny: l.purchase_price_cny ? Math.max(0, Math.round((Number(l.purchase_price_cny) - paid) * 100) / 100) : null,
      overdueRents: overdue.length,
      terminateReason: l.terminate_reason,
      returnDisposition: l.return_disposition,
      coreEpc: l.core_epc,
      createdAt: iso(l.created_at)!,
      rents: mine.map((r) => ({
        seq: r.seq,
        periodFrom: r.period_from,
        periodTo: r.period_to,
        dueOn: r.due_on,
        amountCny: num(r.amount_cny),
        purchaseBalanceCny: r.status === 'paid' || r.status === 'void' ? 0 : amountDue(l, mine, r).balance,
        readingHours: num(r.reading_hours),
        hours: num(r.hours),
        readingSource: r.reading_source,
        status: r.status,
        overdue: rentOverdue({ status: r.status, dueOn: r.due_on }, today),
        paidCny: num(r.paid_cny),
        paidReference: r.paid_reference,
        paidAt: iso(r.paid_at),
      })),
      actions: actionsOf(p, l, mine),
    };
  });
}
export type LeaseOut = Awaited<ReturnType<typeof presentLeases>>[number];
