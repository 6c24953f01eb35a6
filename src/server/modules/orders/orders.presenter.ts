import { ORDER_STATUS_LABELS } from '../../../domain/trading/order.js';
import { coreOverdue, TRADE_IN_STATUS_LABELS } from '../../../domain/trading/trade-in.js';
import type { Principal } from '../../platform/principal.js';
import { orderActions } from './orders.policy.js';
import type { OrderRow, PaymentRow, RuleRow, TradeInRow } from './orders.repo.js';
import { subjectOf, type OrderService } from './orders.service.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const num = (v: string | number | null) => (v === null ? null : Number(v));

function presentTradeIn(t: TradeInRow, today: string) {
  return {
    model: t.model,
    ageYears: Number(t.age_years),
    runningHours: t.running_hours,
    declaredGrade: t.declared_grade,
    grade: t.grade,
    productCode: t.product_code,
    ruleSource: t.rule_source,
    creditCny: Number(t.credit_cny),
    depositCny: Number(t.deposit_cny),
    returnDays: t.return_days,
    dueOn: t.due_on,
    overdue: coreOverdue({ status: t.status, dueOn: t.due_on }, today),
    status: t.status,
    statusLabel: TRADE_IN_STATUS_LABELS[t.status],
    trackingNo: t.tracking_no,
    coreEpc: t.core_epc,
    finalGrade: t.final_grade,
    finalValueCny: num(t.final_value_cny),
    refundCny: num(t.refund_cny),
    settledAt: iso(t.settled_at),
  };
}

const presentPayment = (x: PaymentRow) => ({
  id: x.id,
  provider: x.provider,
  amountCny: Number(x.amount_cny),
  reference: x.reference,
  hasVoucher: !!x.voucher_sha256,
  status: x.status,
  note: x.note,
  submittedAt: iso(x.submitted_at)!,
  decidedAt: iso(x.decided_at),
});

/** Orders out: parties' names, the listing, amounts, payments, the trade-in, the units and the caller's actions. */
export async function presentOrders(orders: OrderService, p: Principal | null, rows: OrderRow[]) {
  const ids = rows.map((o) => o.id);
  const [listings, sellers, buyers, payments, tradeIns] = await Promise.all([
    orders.listingTitles(rows.map((o) => o.listing_id)),
    orders.names.enterprises([...new Set(rows.map((o) => o.enterprise_id))]),
    orders.names.buyers([...new Set(rows.map((o) => o.buyer_org_id))]),
    orders.paymentsOf(ids),
    orders.tradeInsOf(ids),
  ]);
  const today = orders.clock.today();
  const out = [];
  for (const o of rows) {
    const l = listings.get(o.listing_id);
    const t = tradeIns.find((x) => x.order_id === o.id) ?? null;
    const pays = payments.filter((x) => x.order_id === o.id);
    const units = ['inquiry', 'quoted', 'placed', 'cancelled'].includes(o.status) ? [] : await orders.unitsOf(o);
    out.push({
      id: o.id,
      status: o.status,
      statusLabel: ORDER_STATUS_LABELS[o.status],
      paymentStatus: o.payment_status,
      paymentTerms: o.payment_terms,
      listing: { id: o.listing_id, title: l?.title ?? '', productName: l?.product_name ?? '', model: l?.model ?? null },
      seller: { id: o.enterprise_id, name: sellers.get(o.enterprise_id) ?? '' },
      buyer: { id: o.buyer_org_id, name: buyers.get(o.buyer_org_id) ?? '' },
      quantity: o.quantity,
      unitPriceCny: Number(o.unit_price_cny),
      totalCny: Number(o.total_cny),
      creditCny: o.payment?.creditCny ?? 0,
      depositCny: o.payment?.depositCny ?? 0,
      payableCny: o.payment?.payableCny ?? Number(o.total_cny),
      paidCny: pays.filter((x) => x.status === 'confirmed').reduce((s, x) => s + Number(x.amount_cny), 0),
      message: o.message,
      quoteNote: o.payment?.quoteNote ?? null,
      invoiceNumber: o.invoice_number,
      disputeReason: o.dispute_reason,
      resolution: o.payment?.resolution ?? null,
      cancelReason: o.payment?.cancelReason ?? null,
      units,
      deliveredAt: iso(o.delivered_at),
      createdAt: iso(o.created_at)!,
      tradeIn: t ? presentTradeIn(t, today) : null,
      payments: pays.map(presentPayment),
      actions: orderActions(p, subjectOf(o, t)),
    });
  }
  return out;
}

export const presentRule = (r: RuleRow) => ({
  scope: r.scope,
  key: r.key,
  baseValueCny: Number(r.base_value_cny),
  depreciationPerYear: r.depreciation_per_year,
  floorShare: r.floor_share,
  hoursPerYear: r.hours_per_year,
  coreDepositCny: Number(r.core_deposit_cny),
  returnDays: r.return_days,
  updatedAt: iso(r.updated_at)!,
});
