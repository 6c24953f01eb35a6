import { REMAN_FIELD_VALUES } from '../../../domain/enterprise.js';
import { nextTradeInStatus, settle, valueOldUnit, type ConditionGrade, type TradeInEvent, type ValuationRule } from '../../../domain/trading/trade-in.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { errors } from '../../platform/errors.js';
import { offsetOf, type Page } from '../../platform/paging.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { rulesKeeperOf, tradeInRulesPolicy, type OrderStep } from './orders.policy.js';
import { orderRepo, type OrderRow, type TradeInRow } from './orders.repo.js';
import type { OrderService, TraceForOrders } from './orders.service.js';

const DELIVERED = ['delivered', 'accepted', 'disputed'];

/**
 * 以旧换再 after the order (issue 13): the old unit ships (buyer), is received as a core intake in the seller's trace
 * (channel 用户交回, tradeIn, source = the buyer) and inspected — the grade found fixes the final value —, then the
 * trade-in is settled (deposit refunded, the difference against the credit charged or paid). Sellers keep their
 * valuation rules; a daily job flags cores not back by their due date.
 */
export function createTradeInService(deps: { db: Db; clock: Clock; orders: OrderService; trace: TraceForOrders; notifications: NotificationService; names: { enterprises(ids: string[]): Promise<Map<string, string>>; buyers(ids: string[]): Promise<Map<string, string>> } }) {
  const { db, clock, orders, trace, notifications, names } = deps;

  /** One trade-in step on the locked order and its locked trade-in. */
  const tiStep = (ctx: RequestContext, id: string, action: OrderStep, event: TradeInEvent, change: Record<string, unknown>, write: (tx: Db, o: OrderRow, t: TradeInRow, after: (() => void)[]) => Promise<Parameters<typeof orderRepo.updateTradeIn>[3]>) =>
    orders.step(ctx, id, action, null, change, async (tx, o, _next, after) => {
      const t = await orderRepo.lockTradeIn(tx, o.enterprise_id, o.id);
      if (!t) throw errors.conflict('NO_TRADE_IN', '该订单没有以旧换再', 'This order has no trade-in');
      if (!DELIVERED.includes(o.status)) throw errors.conflict('ILLEGAL_TRANSITION', '新产品交付后才能交回旧件', 'The old unit comes back once the new one is delivered', { status: o.status });
      const to = nextTradeInStatus(t.status, event);
      if (!to) throw errors.conflict('ILLEGAL_TRANSITION', `以旧换再当前状态为 ${t.status}，不能执行该操作（${event}）`, `The trade-in is ${t.status}; ${event} is not possible now`, { tradeInStatus: t.status });
      const patch = await write(tx, o, t, after);
      await orderRepo.updateTradeIn(tx, o.enterprise_id, o.id, { ...patch, status: to }, clock.now());
      return {};
    });

  return {
    shipCore: (ctx: RequestContext, id: string, b: { trackingNo?: string }) => tiStep(ctx, id, 'shipCore', 'ship', b, async () => ({ tracking_no: b.trackingNo ?? null })),

    /** Receipt and inspection: a core intake in the seller's trace; the grade found fixes the final value. */
    async receiveCore(ctx: RequestContext, id: string, b: { grade: ConditionGrade; note?: string }) {
      const pre = await orderRepo.get(db, id);
      const [buyer, seller] = pre ? await Promise.all([names.buyers([pre.buyer_org_id]), names.enterprises([pre.enterprise_id])]) : [new Map<string, string>(), new Map<string, string>()];
      return tiStep(ctx, id, 'receiveCore', 'receive', b, async (tx, o, t, after) => {
        const rule = t.rule as ValuationRule;
        const at = clock.now();
        const r = await trace.recordTransfer(tx, ctx, {
          enterpriseId: o.enterprise_id,
          kind: 'core_intake',
          name: `${t.model} 旧件（以旧换再）`,
          model: t.model,
          code: t.product_code ?? undefined, // the seller's own returning product keeps its EPC (read in this transaction)
          sellerName: seller.get(o.enterprise_id) ?? '',
          party: { orgId: o.buyer_org_id, name: buyer.get(o.buyer_org_id) ?? '' },
          at,
          requestKey: `trade-in:${o.id}`,
          note: `以旧换再 订单 ${o.id}；验收等级 ${b.grade}${b.note ? `；${b.note}` : ''}`,
        });
        after.push(r.afterCommit);
        const final = valueOldUnit(rule, { ageYears: Number(t.age_years), runningHours: t.running_hours, condition: b.grade }).valueCny;
        const s = settle(Number(t.credit_cny), final, Number(t.deposit_cny));
        return { core_epc: r.epc, final_grade: b.grade, final_value_cny: String(final), refund_cny: String(s.refundCny), received_at: at };
      });
    },

    settle: (ctx: RequestContext, id: string) => tiStep(ctx, id, 'settleTradeIn', 'settle', {}, async () => ({ settled_at: clock.now() })),

    /** Job (daily): cores not back by their due date are flagged once, both parties notified. */
    async flagOverdueCores(ctx: RequestContext | null = null) {
      return db.transaction(async (tx) => {
        const rows = await orderRepo.flagOverdueCores(tx, clock.today(), clock.now());
        for (const t of rows) {
          const link = `/orders/${t.order_id}`;
          await notifications.notify(tx, [
            { orgId: t.enterprise_id, kind: 'trade_in.overdue', title: `以旧换再旧件逾期未交回（应于 ${t.due_on} 前）`, titleEn: `Trade-in core overdue (due ${t.due_on})`, link },
            { orgId: t.buyer_org_id, kind: 'trade_in.overdue', title: `请尽快交回以旧换再旧件（应于 ${t.due_on} 前）`, titleEn: `Please return the trade-in core (due ${t.due_on})`, link },
          ]);
          await recordAudit(tx, ctx, { action: 'order.trade_in_overdue', objectType: 'order', objectId: t.order_id, enterpriseId: t.enterprise_id, change: { dueOn: t.due_on } });
        }
        return rows.length;
      });
    },

    // ---- valuation rules (the seller's) ----
    async rules(p: Principal | null, page: Page) {
      const sellerId = rulesKeeperOf(p);
      authorize(p, tradeInRulesPolicy, 'read', { enterpriseId: sellerId });
      return orderRepo.rulesPage(db, sellerId!, page.pageSize, offsetOf(page));
    },
    async putRule(ctx: RequestContext, scope: 'model' | 'field', key: string, r: ValuationRule) {
      const sellerId = rulesKeeperOf(ctx.principal);
      authorize(ctx.principal, tradeInRulesPolicy, 'put', { enterpriseId: sellerId });
      if (scope === 'field' && !(REMAN_FIELD_VALUES as readonly string[]).includes(key)) throw errors.field('key', `须为领域代码之一：${REMAN_FIELD_VALUES.join('、')}`, `must be a field key: ${REMAN_FIELD_VALUES.join(', ')}`);
      return db.transaction(async (tx) => {
        const row = await orderRepo.upsertRule(tx, sellerId!, scope, key, r, ctx.principal?.kind === 'user' ? ctx.principal.userId : null, clock.now());
        await recordAudit(tx, ctx, { action: 'trade_in_rule.put', objectType: 'trade_in_rule', objectId: `${scope}:${key}`, enterpriseId: sellerId!, change: r });
        return row;
      });
    },
  };
}

export type TradeInService = ReturnType<typeof createTradeInService>;
