import { nextOrderState, type OrderEvent, type OrderSide, type OrderState } from '../../../domain/trading/order.js';
import { nextTradeInStatus, type TradeInEvent, type TradeInStatus } from '../../../domain/trading/trade-in.js';
import { allowedActions, definePolicy, deny } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';

/** What the rules need of an order. */
export interface OrderSubject extends OrderState {
  enterpriseId: string;
  buyerOrgId: string;
  tradeInStatus: TradeInStatus | null;
}

const isSeller = (p: Principal, o: { enterpriseId: string }) => p.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId === o.enterpriseId;
const isBuyer = (p: Principal, o: { buyerOrgId: string }) => p.kind === 'user' && (p.role === 'buyer_admin' || p.role === 'buyer_staff') && !!p.buyerOrgId && p.buyerOrgId === o.buyerOrgId;
const isMinistry = (p: Principal) => p.kind === 'user' && (p.role === 'ministry_admin' || p.role === 'ministry_officer');

/** The side the caller is on for this order, or null (neither party). */
export function sideOf(p: Principal | null, o: OrderSubject): OrderSide | null {
  if (!p) return null;
  return isSeller(p, o) ? 'seller' : isBuyer(p, o) ? 'buyer' : null;
}

const SELLER = deny('该操作由卖方（本订单的再制造企业）执行', 'The seller of this order does this');
const BUYER = deny('该操作由买方（本订单的采购单位）执行', 'The buyer of this order does this');
const seller = (p: Principal, o: OrderSubject) => isSeller(p, o) || SELLER;
const buyer = (p: Principal, o: OrderSubject) => isBuyer(p, o) || BUYER;

/**
 * Orders (issue 13): the two parties read their order (the buyer organisation's users, the seller enterprise's
 * users), MIIT reads all (market supervision); each event is the act of one side (domain order.ts EVENT_SIDE).
 * Rules say who; the state machines (order.ts, trade-in.ts) say when.
 */
export const orderPolicy = definePolicy<OrderSubject>()(
  'order',
  {
    read: (p, o) => isSeller(p, o) || isBuyer(p, o) || isMinistry(p),
    quote: seller,
    place: buyer,
    confirm: seller,
    pay: buyer,
    confirmPayment: seller,
    rejectPayment: seller,
    deliver: seller,
    accept: buyer,
    dispute: buyer,
    resolve: seller,
    cancel: (p, o) => isSeller(p, o) || isBuyer(p, o) || deny('只有订单双方可以取消订单', 'Only the parties cancel an order'),
    recordInvoice: seller,
    shipCore: buyer,
    receiveCore: seller,
    settleTradeIn: seller,
  },
  { hidden: ['read'], objectName: ['订单', 'Order'] },
);

/** The buttons of an order and the state-machine event behind each. */
const ORDER_STEP_EVENT = { quote: 'quote', place: 'place', confirm: 'confirm', pay: 'submitVoucher', confirmPayment: 'confirmPayment', rejectPayment: 'rejectPayment', deliver: 'deliver', accept: 'accept', dispute: 'dispute', resolve: 'resolve', cancel: 'cancel' } as const satisfies Record<string, OrderEvent>;
const TRADE_IN_STEP_EVENT = { shipCore: 'ship', receiveCore: 'receive', settleTradeIn: 'settle' } as const satisfies Record<string, TradeInEvent>;
export type OrderStep = keyof typeof ORDER_STEP_EVENT | keyof typeof TRADE_IN_STEP_EVENT | 'recordInvoice';
const STEPS = [...Object.keys(ORDER_STEP_EVENT), ...Object.keys(TRADE_IN_STEP_EVENT), 'recordInvoice'] as OrderStep[];
const DELIVERED = ['delivered', 'accepted', 'disputed'];

/** The steps the caller may take now: the policy (who) and the state machines (when). */
export function orderActions(p: Principal | null, o: OrderSubject): OrderStep[] {
  const side = sideOf(p, o);
  if (!side) return [];
  return allowedActions(p, orderPolicy, o, STEPS).filter((a) => {
    if (a === 'recordInvoice') return o.status !== 'cancelled' && !['inquiry', 'quoted', 'placed'].includes(o.status);
    if (a in TRADE_IN_STEP_EVENT) {
      const e = TRADE_IN_STEP_EVENT[a as keyof typeof TRADE_IN_STEP_EVENT];
      // the old unit comes back once the exchange unit is delivered
      return !!o.tradeInStatus && DELIVERED.includes(o.status) && nextTradeInStatus(o.tradeInStatus, e) !== null;
    }
    return nextOrderState(o, ORDER_STEP_EVENT[a as keyof typeof ORDER_STEP_EVENT], side).ok;
  });
}
