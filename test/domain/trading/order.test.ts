import { describe, expect, it } from 'vitest';
import { availableEvents, nextOrderState, type OrderState } from '../../../src/domain/trading/order.js';

const s = (status: OrderState['status'], paymentTerms: OrderState['paymentTerms'] = 'on_account', paymentStatus: OrderState['paymentStatus'] = 'unpaid'): OrderState => ({ status, paymentStatus, paymentTerms });

describe('order state machine', () => {
  it('inquiry → quoted → placed → confirmed → delivered → accepted', () => {
    let st = s('inquiry');
    for (const [e, side, to] of [['quote', 'seller', 'quoted'], ['place', 'buyer', 'placed'], ['confirm', 'seller', 'confirmed'], ['deliver', 'seller', 'delivered'], ['accept', 'buyer', 'accepted']] as const) {
      const r = nextOrderState(st, e, side);
      expect(r.ok, e).toBe(true);
      if (r.ok) st = r.next;
      expect(st.status).toBe(to);
    }
  });
  it('the wrong side is refused', () => {
    expect(nextOrderState(s('placed'), 'confirm', 'buyer')).toMatchObject({ ok: false, code: 'WRONG_SIDE' });
  });
  it('prepayment: no delivery before the payment is confirmed', () => {
    expect(nextOrderState(s('confirmed', 'prepayment'), 'deliver', 'seller')).toMatchObject({ ok: false, code: 'PAYMENT_REQUIRED' });
    const v = nextOrderState(s('confirmed', 'prepayment'), 'submitVoucher', 'buyer');
    expect(v).toMatchObject({ ok: true, next: { paymentStatus: 'voucher_submitted' } });
    const p = nextOrderState(s('confirmed', 'prepayment', 'voucher_submitted'), 'confirmPayment', 'seller');
    expect(p).toMatchObject({ ok: true, next: { status: 'paid', paymentStatus: 'paid' } });
    expect(nextOrderState(s('paid', 'prepayment', 'paid'), 'deliver', 'seller')).toMatchObject({ ok: true, next: { status: 'delivered' } });
  });
  it('on account: paid after delivery keeps the status', () => {
    expect(nextOrderState(s('delivered', 'on_account', 'voucher_submitted'), 'confirmPayment', 'seller')).toMatchObject({ ok: true, next: { status: 'delivered', paymentStatus: 'paid' } });
  });
  it('double delivery, dispute and resolution, cancellation', () => {
    expect(nextOrderState(s('delivered'), 'deliver', 'seller')).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(nextOrderState(s('delivered'), 'dispute', 'buyer')).toMatchObject({ ok: true, next: { status: 'disputed' } });
    expect(nextOrderState(s('disputed'), 'resolve', 'seller')).toMatchObject({ ok: true, next: { status: 'accepted' } });
    expect(nextOrderState(s('placed'), 'cancel', 'buyer').ok).toBe(true);
    expect(nextOrderState(s('confirmed'), 'cancel', 'buyer').ok).toBe(false);
    expect(nextOrderState(s('confirmed'), 'cancel', 'seller').ok).toBe(true);
    expect(nextOrderState(s('confirmed', 'on_account', 'paid'), 'cancel', 'seller').ok).toBe(false);
  });
  it('available events per side', () => {
    expect(availableEvents(s('placed'), 'seller')).toEqual(['confirm', 'cancel']);
    expect(availableEvents(s('confirmed'), 'buyer')).toEqual(['submitVoucher']);
  });
});
