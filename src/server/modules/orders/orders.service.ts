import { randomUUID } from 'node:crypto';
import { toFen } from '../../../domain/trading/listing.js';
import { nextOrderState, type OrderEvent, type OrderState } from '../../../domain/trading/order.js';
import { coreDueOn, payable } from '../../../domain/trading/trade-in.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { PublicCache } from '../../platform/public-cache.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { FileService } from '../files/index.js';
import type { ListingService } from '../listings/listings.service.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import type { TraceService } from '../trace/index.js';
import { offlineTransfer, type PaymentProvider } from './orders.payments.js';
import { orderBookOf, orderBookPolicy, orderPolicy, sideOf, type OrderStep, type OrderSubject } from './orders.policy.js';
import { orderRepo, type OrderPatch, type OrderRow, type TradeInRow } from './orders.repo.js';
import type { CreateOrderInput } from './orders.schema.js';
import { createTradeInValuation, type RunHoursSource } from './orders.valuation.js';

/** What orders use of the listings module (inside the order's transaction). */
export type ListingsForOrders = Pick<ListingService, 'lock' | 'reserveUnits' | 'releaseUnits' | 'sellUnits' | 'unitsOfOrder' | 'settleStatus' | 'countAvailable' | 'get' | 'titles' | 'unitStillGenuine'>;
/** What orders use of traceability: the sale/lease/core intake inside the order's transaction, the public record. */
export type TraceForOrders = Pick<TraceService, 'recordTransfer' | 'publicProduct'>;

export interface OrdersDeps {
  db: Db;
  clock: Clock;
  listings: ListingsForOrders;
  trace: TraceForOrders;
  files: FileService;
  notifications: NotificationService;
  publicCache: PublicCache;
  names: { enterprises(ids: string[]): Promise<Map<string, string>>; buyers(ids: string[]): Promise<Map<string, string>> };
  /** the payment provider (offline bank transfer with a voucher unless another is wired) */
  payments?: PaymentProvider;
  /** latest running hours of a unit from monitoring, when a device reports them */
  runHours?: RunHoursSource;
}

type BuyerPrincipal = Extract<Principal, { kind: 'user' }> & { buyerOrgId: string };
const userId = (p: Principal | null) => (p?.kind === 'user' ? p.userId : null);
export const subjectOf = (o: OrderRow, t?: TradeInRow | null): OrderSubject => ({
  enterpriseId: o.enterprise_id,
  buyerOrgId: o.buyer_org_id,
  status: o.status,
  paymentStatus: o.payment_status,
  paymentTerms: o.payment_terms,
  tradeInStatus: t?.status ?? null,
});
const amounts = (o: OrderRow) => ({ creditCny: o.payment?.creditCny ?? 0, depositCny: o.payment?.depositCny ?? 0 });

/**
 * B2B orders of listed units (交易服务, issue 13 "Orders"). Every step: ONE transaction that locks the order row,
 * authorizes the caller's side, asks the state machine (domain/trading/order.ts), writes and audits; side effects
 * (the public market's cache, the trace's listeners) after the commit. Confirmation reserves the units (FOR UPDATE,
 * in code order); delivery sells them and records each sale in the seller's trace in the same transaction.
 */
export function createOrderService(deps: OrdersDeps) {
  const { db, clock, listings, trace, files, notifications, publicCache, names } = deps;
  const provider = deps.payments ?? offlineTransfer;
  const notFound = () => errors.notFound('订单', 'Order');
  const valuation = createTradeInValuation({ db, trace, runHours: deps.runHours });

  /** One step of the order: lock → authorize → state machine → `write` → audit; after commit: `after` callbacks. */
  async function step(ctx: RequestContext, id: string, action: OrderStep, event: OrderEvent | null, change: Record<string, unknown>, write: (tx: Db, o: OrderRow, next: OrderState, after: (() => void)[]) => Promise<OrderPatch>) {
    const after: (() => void)[] = [];
    await db.transaction(async (tx) => {
      const o = await orderRepo.lock(tx, id);
      if (!o) throw notFound();
      const subject = subjectOf(o);
      authorize(ctx.principal, orderPolicy, 'read', subject);
      authorize(ctx.principal, orderPolicy, action, subject);
      let next: OrderState = subject;
      if (event) {
        const t = nextOrderState(subject, event, sideOf(ctx.principal, subject)!);
        // the side was decided by the policy (its rules are the domain's EVENT_SIDE): what is left is the state's answer
        if (!t.ok) {
          throw errors.conflict(t.code, t.message, t.messageEn, { status: o.status, paymentStatus: o.payment_status });
        }
        next = t.next;
      }
      const patch = await write(tx, o, next, after);
      await orderRepo.update(tx, o, { ...patch, status: next.status, payment_status: next.paymentStatus }, clock.now());
      await recordAudit(tx, ctx, { action: `order.${event ?? action}`, objectType: 'order', objectId: o.id, enterpriseId: o.enterprise_id, change: { from: o.status, to: next.status, ...change } });
      const link = `/orders/${o.id}`;
      const side = sideOf(ctx.principal, subject);
      await notifications.notify(tx, [
        side === 'buyer'
          ? { orgId: o.enterprise_id, kind: `order.${event ?? action}`, title: `订单状态更新：${o.id.slice(0, 8)}（${event ?? action}）`, titleEn: `Order ${o.id.slice(0, 8)}: ${event ?? action}`, link }
          : { orgId: o.buyer_org_id, kind: `order.${event ?? action}`, title: `订单状态更新：${o.id.slice(0, 8)}（${event ?? action}）`, titleEn: `Order ${o.id.slice(0, 8)}: ${event ?? action}`, link },
      ]);
    });
    for (const f of after) f();
    return service.detail(ctx.principal, id);
  }

  const service = {
    valuation,
    step,
    // ---- for the presenter ----
    names,
    clock,
    listingTitles: (ids: string[]) => listings.titles(ids),
    paymentsOf: (ids: string[]) => orderRepo.paymentsOf(db, ids),
    tradeInsOf: (ids: string[]) => orderRepo.tradeIns(db, ids),
    unitsOf: async (o: OrderRow) => (await listings.unitsOfOrder(db, o.enterprise_id, o.id)).map((u) => u.product_code),

    async create(ctx: RequestContext, input: CreateOrderInput) {
      authorize(ctx.principal, orderBookPolicy, 'create', orderBookOf(ctx.principal));
      const p = ctx.principal as BuyerPrincipal; // the policy let only a buyer organisation's user through
      const l = await listings.get(input.listingId);
      if (!l) throw errors.field('listingId', '商品不存在', 'no such listing');
      const estimate = input.tradeIn ? await valuation.estimate(l.enterprise_id, { ...input.tradeIn, field: input.tradeIn.field ?? l.field ?? undefined }) : null;
      const id = randomUUID();
      const now = clock.now();
      await db.transaction(async (tx) => {
        // the listing re-read under its lock: a listing sold out or withdrawn since the buyer saw it is refused
        const locked = await listings.lock(tx, input.listingId);
        if (!locked || locked.status !== 'active') throw errors.conflict('LISTING_NOT_AVAILABLE', '该商品已下架或已售出', 'The listing is withdrawn or sold', { field: 'listingId' });
        const { available } = await listings.countAvailable(tx, locked.enterprise_id, locked.id);
        if (input.quantity > available) {
          throw new DomainError(400, 'NOT_ENOUGH_UNITS', `quantity：该商品当前可售 ${available} 件，不足 ${input.quantity} 件`, `quantity: only ${available} unit(s) available`, [
            { field: 'quantity', message: `可售 ${available} 件`, messageEn: `${available} available` },
          ]);
        }
        const unitPrice = Number(locked.price_cny);
        const total = toFen(unitPrice * input.quantity);
        const creditCny = estimate?.creditCny ?? 0;
        const depositCny = estimate?.coreDepositCny ?? 0;
        await orderRepo.insert(tx, {
          enterprise_id: locked.enterprise_id,
          id,
          listing_id: locked.id,
          buyer_org_id: p.buyerOrgId,
          created_by: p.userId,
          quantity: input.quantity,
          unit_price_cny: String(unitPrice),
          total_cny: String(total),
          payment_terms: 'on_account',
          status: input.inquiry ? 'inquiry' : 'placed',
          message: input.message ?? null,
          payment: { creditCny, depositCny, payableCny: payable(total, creditCny, depositCny) },
          created_at: now,
        });
        if (estimate && input.tradeIn) {
          await orderRepo.insertTradeIn(tx, {
            enterprise_id: locked.enterprise_id,
            order_id: id,
            buyer_org_id: p.buyerOrgId,
            model: input.tradeIn.model,
            field: input.tradeIn.field ?? locked.field,
            age_years: String(input.tradeIn.ageYears),
            running_hours: estimate.runningHours,
            declared_grade: input.tradeIn.condition,
            grade: estimate.grade,
            product_code: estimate.record?.code ?? null,
            rule_source: estimate.ruleSource,
            rule: estimate.rule,
            credit_cny: String(creditCny),
            deposit_cny: String(depositCny),
            return_days: estimate.returnDays,
          });
        }
        await recordAudit(tx, ctx, { action: input.inquiry ? 'order.inquiry' : 'order.placed', objectType: 'order', objectId: id, enterpriseId: locked.enterprise_id, change: { ...input, creditCny, depositCny } });
        await notifications.notify(tx, [{ orgId: locked.enterprise_id, kind: 'order.created', title: `${input.inquiry ? '新询价' : '新订单'}：${locked.title} × ${input.quantity}`, titleEn: `New ${input.inquiry ? 'inquiry' : 'order'}: ${locked.title} × ${input.quantity}`, link: `/orders/${id}` }]);
      });
      return service.detail(p, id);
    },

    async detail(p: Principal | null, id: string) {
      const o = await orderRepo.get(db, id);
      if (!o) throw notFound();
      authorize(p, orderPolicy, 'read', subjectOf(o));
      return o;
    },

    async list(p: Principal | null, status: string | undefined, page: Page) {
      const book = orderBookOf(p);
      authorize(p, orderBookPolicy, 'list', book);
      const mine = book && 'all' in book ? {} : book!;
      return orderRepo.page(db, { ...mine, status }, page.pageSize, offsetOf(page));
    },

    /** The seller quotes (or counters) an inquiry: unit price, payment terms. */
    quote: (ctx: RequestContext, id: string, b: { unitPriceCny: number; paymentTerms?: 'on_account' | 'prepayment'; note?: string }) =>
      step(ctx, id, 'quote', 'quote', b, async (_tx, o) => {
        const total = toFen(b.unitPriceCny * o.quantity);
        const a = amounts(o);
        return { unit_price_cny: String(toFen(b.unitPriceCny)), total_cny: String(total), payment_terms: b.paymentTerms ?? o.payment_terms, payment: { ...o.payment, payableCny: payable(total, a.creditCny, a.depositCny), quoteNote: b.note ?? null } };
      }),

    place: (ctx: RequestContext, id: string) => step(ctx, id, 'place', 'place', {}, async () => ({})),

    /** The seller confirms: the units are reserved now (locked in code order); prepayment is the seller's option. */
    confirm: (ctx: RequestContext, id: string, b: { paymentTerms?: 'on_account' | 'prepayment' }) =>
      step(ctx, id, 'confirm', 'confirm', b, async (tx, o) => {
        const l = await listings.lock(tx, o.listing_id);
        if (!l || l.status !== 'active') throw errors.conflict('LISTING_NOT_AVAILABLE', '该商品已下架或已售出，不能确认订单', 'The listing is withdrawn or sold; the order cannot be confirmed');
        const codes = await listings.reserveUnits(tx, o.enterprise_id, o.listing_id, o.id, o.quantity);
        if (codes.length < o.quantity) throw errors.conflict('NOT_ENOUGH_UNITS', `该商品可售数量不足 ${o.quantity} 件`, `Fewer than ${o.quantity} units are available`, { field: 'quantity' });
        return { payment_terms: b.paymentTerms ?? o.payment_terms };
      }),

    /** Either side cancels (buyer until confirmation; seller also while confirmed and unpaid): reserved units are released. */
    cancel: (ctx: RequestContext, id: string, b: { reason?: string }) =>
      step(ctx, id, 'cancel', 'cancel', b, async (tx, o, _n, after) => {
        await listings.releaseUnits(tx, o.enterprise_id, o.id);
        const t = await orderRepo.lockTradeIn(tx, o.enterprise_id, o.id);
        if (t) await orderRepo.updateTradeIn(tx, o.enterprise_id, o.id, { status: 'cancelled' }, clock.now());
        after.push(() => publicCache.invalidate('listings'));
        return { payment: { ...o.payment, cancelReason: b.reason ?? null } };
      }),

    /** The buyer records a payment (offline: a bank transfer voucher); the amount is what is still owed. */
    async pay(ctx: RequestContext, id: string, b: { amountCny: number; reference?: string; note?: string }, uploads: Buffer[]) {
      await service.detail(ctx.principal, id); // an order the caller may not see is 404 before anything about the upload
      const rec = provider.record({ ...b, files: uploads });
      return step(ctx, id, 'pay', 'submitVoucher', { amountCny: b.amountCny, reference: rec.reference }, async (tx, o) => {
        const paid = (await orderRepo.payments(tx, o.enterprise_id, [o.id])).filter((x) => x.status === 'confirmed').reduce((s, x) => s + Number(x.amount_cny), 0);
        const owed = toFen((o.payment?.payableCny ?? Number(o.total_cny)) - paid);
        if (toFen(b.amountCny) !== owed) throw errors.field('amountCny', `须等于应付金额 ${owed.toFixed(2)} 元`, `must equal the amount owed, ${owed.toFixed(2)} CNY`);
        const voucher = rec.voucher ? (await files.store(rec.voucher, tx)).sha256 : null;
        await orderRepo.insertPayment(tx, { enterprise_id: o.enterprise_id, id: randomUUID(), order_id: o.id, buyer_org_id: o.buyer_org_id, provider: provider.name, amount_cny: String(toFen(b.amountCny)), reference: rec.reference, voucher_sha256: voucher, note: b.note ?? null, submitted_by: userId(ctx.principal)!, submitted_at: clock.now() });
        return {};
      });
    },

    /** The seller confirms (or rejects) the payment under review. */
    decidePayment: (ctx: RequestContext, id: string, pid: string, confirm: boolean, note?: string) =>
      step(ctx, id, confirm ? 'confirmPayment' : 'rejectPayment', confirm ? 'confirmPayment' : 'rejectPayment', { paymentId: pid, note }, async (tx, o) => {
        const r = await orderRepo.decidePayment(tx, o.enterprise_id, o.id, pid, confirm ? 'confirmed' : 'rejected', userId(ctx.principal), clock.now());
        if (!r) throw errors.notFound('付款记录', 'Payment');
        return {};
      }),

    /**
     * Delivery: the reserved units are sold, each sale recorded in the seller's trace in this transaction (owner =
     * the buyer organisation; event time = now, the warranty's start); the listing leaves the market when nothing is
     * left; a trade-in's core is due `returnDays` from today.
     */
    async deliver(ctx: RequestContext, id: string, b: { invoiceNumber?: string; note?: string }) {
      const pre = await orderRepo.get(db, id);
      const buyerName = pre ? (await names.buyers([pre.buyer_org_id])).get(pre.buyer_org_id) ?? '' : '';
      return step(ctx, id, 'deliver', 'deliver', b, async (tx, o, _n, after) => {
        const sold = await listings.sellUnits(tx, o.enterprise_id, o.id);
        if (sold.length !== o.quantity) throw errors.conflict('UNITS_NOT_RESERVED', '订单的产品未预留，不能交付', 'The order’s units are not reserved; it cannot be delivered');
        const at = clock.now();
        for (const u of sold) {
          const r = await trace.recordTransfer(tx, ctx, { enterpriseId: o.enterprise_id, kind: 'sale', code: u.product_code, party: { orgId: o.buyer_org_id, name: buyerName }, at, requestKey: `order:${o.id}:${u.product_code}`, note: `订单 ${o.id}` });
          after.push(r.afterCommit);
        }
        await listings.settleStatus(tx, o.enterprise_id, o.listing_id);
        const t = await orderRepo.lockTradeIn(tx, o.enterprise_id, o.id);
        if (t && t.status !== 'cancelled') await orderRepo.updateTradeIn(tx, o.enterprise_id, o.id, { due_on: coreDueOn(clock.today(), t.return_days) }, at);
        after.push(() => publicCache.invalidate('listings'));
        after.push(() => publicCache.invalidate('statistics')); // the public value traded counts delivered orders
        return { delivered_at: at, sale_recorded_at: at, invoice_number: b.invoiceNumber ?? o.invoice_number ?? undefined };
      });
    },

    accept: (ctx: RequestContext, id: string) => step(ctx, id, 'accept', 'accept', {}, async () => ({})),
    dispute: (ctx: RequestContext, id: string, reason: string) => step(ctx, id, 'dispute', 'dispute', { reason }, async () => ({ dispute_reason: reason })),
    resolve: (ctx: RequestContext, id: string, resolution: string) => step(ctx, id, 'resolve', 'resolve', { resolution }, async (_tx, o) => ({ payment: { ...o.payment, resolution } })),

    /** 发票 number recorded by the seller (any time after confirmation). */
    recordInvoice: (ctx: RequestContext, id: string, invoiceNumber: string) =>
      step(ctx, id, 'recordInvoice', null, { invoiceNumber }, async (_tx, o) => {
        if (['inquiry', 'quoted', 'placed', 'cancelled'].includes(o.status)) throw errors.conflict('ILLEGAL_TRANSITION', '订单确认后才能登记发票', 'Invoices are recorded once the order is confirmed', { status: o.status });
        return { invoice_number: invoiceNumber };
      }),

    /** The instant estimate against a listing's seller (public: anyone may ask before ordering). */
    async estimateFor(listingId: string, t: Parameters<typeof valuation.estimate>[1]) {
      const l = await listings.get(listingId);
      if (!l || l.status !== 'active') throw errors.notFound('商品', 'Listing');
      return valuation.estimate(l.enterprise_id, { ...t, field: t.field ?? l.field ?? undefined });
    },

    /** A stored voucher, to the order's parties only. */
    async voucher(p: Principal | null, id: string, pid: string) {
      const o = await service.detail(p, id);
      const pay = (await orderRepo.payments(db, o.enterprise_id, [o.id])).find((x) => x.id === pid);
      if (!pay?.voucher_sha256) throw errors.notFound('付款凭证', 'Payment voucher');
      const f = await files.get(pay.voucher_sha256);
      if (!f) throw errors.notFound('付款凭证', 'Payment voucher');
      return f;
    },
  };
  return service;
}

export type OrderService = ReturnType<typeof createOrderService>;
