/**
 * The B2B order of a listed remanufactured unit (issue 13 "Orders"), one pure state machine.
 *
 *   inquiry ──quote──▶ quoted ──place──▶ placed ──confirm──▶ confirmed ──deliver (账期)──▶ delivered ──accept──▶ accepted
 *      │                  │       (create as placed directly)     │  ▲                              └──dispute──▶ disputed
 *      └────────cancel────┴──────────cancel─────────┘            │  │ (prepayment: deliver only from paid)    │
 *                                                   confirmPayment▼  │                                         │
 *                                                                paid ──deliver──▶ delivered      resolve ──────┘ (→ accepted)
 *
 * Payment is offline (bank transfer with a voucher the buyer uploads, confirmed by the seller): `paymentStatus`
 * unpaid → voucher_submitted → paid runs beside the order status. Payment terms per order: `on_account` (账期, the
 * B2B default: delivery does not wait for payment) or `prepayment` (a seller's option: deliver only once paid).
 * Confirming the payment of a confirmed order moves it to `paid`; on account, a delivered order is paid later and
 * keeps its status. Who may fire which event (buyer or seller side) is part of the rule, so the service's
 * authorisation and this table cannot disagree.
 */
export const ORDER_STATUS_VALUES = ['inquiry', 'quoted', 'placed', 'confirmed', 'paid', 'delivered', 'accepted', 'disputed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUS_VALUES)[number];
export const PAYMENT_STATUS_VALUES = ['unpaid', 'voucher_submitted', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUS_VALUES)[number];
export const PAYMENT_TERMS_VALUES = ['on_account', 'prepayment'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS_VALUES)[number];
export const ORDER_EVENT_VALUES = ['quote', 'place', 'confirm', 'submitVoucher', 'confirmPayment', 'rejectPayment', 'deliver', 'accept', 'dispute', 'resolve', 'cancel'] as const;
export type OrderEvent = (typeof ORDER_EVENT_VALUES)[number];
export type OrderSide = 'buyer' | 'seller';

export const ORDER_STATUS_LABELS: Record<OrderStatus, { zh: string; en: string }> = {
  inquiry: { zh: '询价中', en: 'Inquiry' },
  quoted: { zh: '已报价', en: 'Quoted' },
  placed: { zh: '已下单', en: 'Placed' },
  confirmed: { zh: '卖方已确认', en: 'Confirmed' },
  paid: { zh: '已付款', en: 'Paid' },
  delivered: { zh: '已交付', en: 'Delivered' },
  accepted: { zh: '已验收', en: 'Accepted' },
  disputed: { zh: '有争议', en: 'Disputed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export interface OrderState {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  paymentTerms: PaymentTerms;
}

/** Which side fires each event. */
export const EVENT_SIDE: Record<OrderEvent, OrderSide | 'either'> = {
  quote: 'seller',
  place: 'buyer',
  confirm: 'seller',
  submitVoucher: 'buyer',
  confirmPayment: 'seller',
  rejectPayment: 'seller',
  deliver: 'seller',
  accept: 'buyer',
  dispute: 'buyer',
  resolve: 'seller',
  cancel: 'either',
};

export type Transition = { ok: true; next: OrderState } | { ok: false; code: 'ILLEGAL_TRANSITION' | 'WRONG_SIDE' | 'PAYMENT_REQUIRED'; message: string; messageEn: string };

const illegal = (s: OrderState, e: OrderEvent): Transition => ({
  ok: false,
  code: 'ILLEGAL_TRANSITION',
  message: `订单当前状态为“${ORDER_STATUS_LABELS[s.status].zh}”，不能执行该操作（${e}）`,
  messageEn: `The order is ${s.status}; ${e} is not possible now`,
});

/** States in which the unit is still owed to the buyer and payment may be recorded. */
const PAYABLE: readonly OrderStatus[] = ['confirmed', 'delivered', 'accepted', 'disputed'];

/** The next state of `s` on `event` fired by `side`, or why not. */
export function nextOrderState(s: OrderState, event: OrderEvent, side: OrderSide): Transition {
  const allowedSide = EVENT_SIDE[event];
  if (allowedSide !== 'either' && allowedSide !== side) {
    return { ok: false, code: 'WRONG_SIDE', message: side === 'buyer' ? '该操作由卖方执行' : '该操作由买方执行', messageEn: side === 'buyer' ? 'The seller does this' : 'The buyer does this' };
  }
  const to = (patch: Partial<OrderState>): Transition => ({ ok: true, next: { ...s, ...patch } });
  switch (event) {
    case 'quote':
      return s.status === 'inquiry' ? to({ status: 'quoted' }) : illegal(s, event);
    case 'place':
      return s.status === 'quoted' ? to({ status: 'placed' }) : illegal(s, event);
    case 'confirm':
      return s.status === 'placed' ? to({ status: 'confirmed' }) : illegal(s, event);
    case 'submitVoucher':
      return PAYABLE.includes(s.status) && s.paymentStatus === 'unpaid' ? to({ paymentStatus: 'voucher_submitted' }) : illegal(s, event);
    case 'confirmPayment':
      if (!PAYABLE.includes(s.status) || s.paymentStatus !== 'voucher_submitted') return illegal(s, event);
      return to({ paymentStatus: 'paid', status: s.status === 'confirmed' ? 'paid' : s.status });
    case 'rejectPayment':
      // the voucher does not match a transfer received: the buyer submits again
      return PAYABLE.includes(s.status) && s.paymentStatus === 'voucher_submitted' ? to({ paymentStatus: 'unpaid' }) : illegal(s, event);
    case 'deliver':
      if (s.status === 'paid') return to({ status: 'delivered' });
      if (s.status === 'confirmed') {
        if (s.paymentTerms === 'prepayment') {
          return { ok: false, code: 'PAYMENT_REQUIRED', message: '预付款订单须在确认收款后交付', messageEn: 'A prepayment order is delivered only after the payment is confirmed' };
        }
        return to({ status: 'delivered' });
      }
      return illegal(s, event);
    case 'accept':
      return s.status === 'delivered' ? to({ status: 'accepted' }) : illegal(s, event);
    case 'dispute':
      return s.status === 'delivered' ? to({ status: 'disputed' }) : illegal(s, event);
    case 'resolve':
      return s.status === 'disputed' ? to({ status: 'accepted' }) : illegal(s, event);
    case 'cancel':
      // the buyer withdraws until the seller confirms; the seller may cancel a confirmed order not yet paid
      if (['inquiry', 'quoted', 'placed'].includes(s.status)) return to({ status: 'cancelled' });
      if (s.status === 'confirmed' && side === 'seller' && s.paymentStatus !== 'paid') return to({ status: 'cancelled' });
      return illegal(s, event);
  }
}

/** Events `side` may fire now (for the presenter's `actions`). */
export function availableEvents(s: OrderState, side: OrderSide): OrderEvent[] {
  return ORDER_EVENT_VALUES.filter((e) => nextOrderState(s, e, side).ok);
}

/** Statuses in which the order holds units of its listing (reserved, or sold once delivered). */
export const HOLDS_UNITS: readonly OrderStatus[] = ['confirmed', 'paid', 'delivered', 'accepted', 'disputed'];
