/** What the orders module offers other modules: the services (wired in app.ts) and the payment seam. */
export type { OrderService } from './orders.service.js';
export type { TradeInService } from './orders.trade-in.js';
export type { PaymentProvider } from './orders.payments.js';
export { createOrderMarket, type OrderMarket } from './orders.market.js';
