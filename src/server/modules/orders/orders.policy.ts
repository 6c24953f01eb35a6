import { EVENT_SIDE, nextOrderState, type OrderEvent, type OrderSide, type OrderState } from '../../../domain/trading/order.js';
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
const EITHER = deny('只有订单双方可以取消订单', 'Only the parties cancel an order');
/** The rule of a state-machine event: the side the domain names for it (order.ts EVENT_SIDE), so the two cannot differ. */
const sideRule = (e: OrderEvent) => (p: Principal, o: OrderSubject) => {
  const side = EVENT_SIDE[e];
  return side === 'seller' ? seller(p, o) : side === 'buyer' ? buyer(p, o) : isSeller(p, o) || isBuyer(p, o) || EITHER;
};

/**
 * Orders (issue 13): the two parties read their order (the buyer organisation's users, the seller enterprise's
 * users), MIIT reads all (market supervision); each event is the act of one side (domain order.ts EVENT_SIDE).
 * Rules say who; the state machines (order.ts, trade-in.ts) say when.
 */
export const orderPolicy = definePolicy<OrderSubject>()(
  'order',
  {
    read: (p, o) => isSeller(p, o) || isBuyer(p, o) || isMinistry(p),
    quote: sideRule('quote'),
    place: sideRule('place'),
    confirm: sideRule('confirm'),
    pay: sideRule('submitVoucher'),
    confirmPayment: sideRule('confirmPayment'),
    rejectPayment: sideRule('rejectPayment'),
    deliver: sideRule('deliver'),
    accept: sideRule('accept'),
    dispute: sideRule('dispute'),
    resolve: sideRule('resolve'),
    cancel: sideRule('cancel'),
    recordInvoice: seller,
    shipCore: buyer,
    receiveCore: seller,
    settleTradeIn: seller,
  },
  { hidden: ['read'], objectName: ['订单', 'Order'] },
);

/** Whose orders a caller works with as a whole (no order row yet): a buyer organisation's, a seller's, all (MIIT). */
export type OrderBook = { buyerOrgId: string } | { enterpriseId: string } | { all: true } | null;
export const orderBookOf = (p: Principal | null): OrderBook => {
  if (p?.kind !== 'user') return null;
  if ((p.role === 'buyer_admin' || p.role === 'buyer_staff') && p.buyerOrgId) return { buyerOrgId: p.buyerOrgId };
  if ((p.role === 'enterprise_admin' || p.role === 'enterprise_staff') && p.enterpriseId) return { enterpriseId: p.enterpriseId };
  return isMinistry(p) ? { all: true } : null;
};

/** Placing an order (a buyer organisation's users) and listing one's orders (either party, MIIT all). */
export const orderBookPolicy = definePolicy<OrderBook>()('order_book', {
  create: (_p, b) => (!!b && 'buyerOrgId' in b) || deny('只有采购单位的用户可以下单', 'Only buyer organisations place orders'),
  list: (_p, b) => b !== null,
});

const RULES = deny('只有再制造企业维护以旧换再估值规则', 'Only remanufacturing enterprises keep trade-in rules');
/** 以旧换再 valuation rules: each remanufacturing enterprise keeps its own (subject: the caller's enterprise, or null). */
export const tradeInRulesPolicy = definePolicy<{ enterpriseId: string | null }>()('trade_in_rules', {
  read: (p, s) => (!!s.enterpriseId && p.kind === 'user' && p.enterpriseId === s.enterpriseId) || RULES,
  put: (p, s) => (!!s.enterpriseId && p.kind === 'user' && p.enterpriseId === s.enterpriseId) || RULES,
});
/** The enterprise whose valuation rules the caller keeps (enterprise users), or null. */
export const rulesKeeperOf = (p: Principal | null) => (p?.kind === 'user' && (p.role === 'enterprise_admin' || p.role === 'enterprise_staff') ? p.enterpriseId : null);

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
