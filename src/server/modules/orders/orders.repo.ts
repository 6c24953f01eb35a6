import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import type { OrderStatus, PaymentStatus, PaymentTerms } from '../../../domain/trading/order.js';
import type { ConditionGrade, TradeInStatus, ValuationRule } from '../../../domain/trading/trade-in.js';

/** All SQL on orders, order_payments, order_trade_ins and trade_in_rules. */
export interface OrderRow {
  enterprise_id: string;
  id: string;
  listing_id: string;
  buyer_org_id: string;
  created_by: string;
  quantity: number;
  unit_price_cny: string;
  total_cny: string;
  payment_terms: PaymentTerms;
  status: OrderStatus;
  payment_status: PaymentStatus;
  message: string | null;
  /** amounts of the order: { creditCny, depositCny, payableCny } and the seller's quote note */
  payment: { creditCny?: number; depositCny?: number; payableCny?: number; quoteNote?: string | null; resolution?: string | null; cancelReason?: string | null } | null;
  invoice_number: string | null;
  dispute_reason: string | null;
  sale_recorded_at: Date | string | null;
  delivered_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}
export interface PaymentRow {
  enterprise_id: string;
  id: string;
  order_id: string;
  buyer_org_id: string;
  provider: string;
  amount_cny: string;
  reference: string | null;
  voucher_sha256: string | null;
  status: 'submitted' | 'confirmed' | 'rejected';
  note: string | null;
  submitted_by: string;
  submitted_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
}
export interface TradeInRow {
  enterprise_id: string;
  order_id: string;
  buyer_org_id: string;
  model: string;
  field: string | null;
  age_years: string;
  running_hours: number;
  declared_grade: ConditionGrade;
  grade: ConditionGrade;
  product_code: string | null;
  rule_source: 'model' | 'field' | 'platform';
  rule: ValuationRule;
  credit_cny: string;
  deposit_cny: string;
  return_days: number;
  due_on: string | null;
  status: TradeInStatus;
  tracking_no: string | null;
  core_epc: string | null;
  final_grade: ConditionGrade | null;
  final_value_cny: string | null;
  refund_cny: string | null;
  overdue_flagged_at: Date | string | null;
  received_at: Date | string | null;
  settled_at: Date | string | null;
}
export interface RuleRow {
  enterprise_id: string;
  scope: 'model' | 'field';
  key: string;
  base_value_cny: string;
  depreciation_per_year: number;
  floor_share: number;
  hours_per_year: number;
  core_deposit_cny: string;
  return_days: number;
  updated_at: Date | string;
}

const COLS = sql.raw('enterprise_id, id, listing_id, buyer_org_id, created_by, quantity, unit_price_cny, total_cny, payment_terms, status, payment_status, message, payment, invoice_number, dispute_reason, sale_recorded_at, delivered_at, created_at, updated_at');
const TI_COLS = sql.raw(
  "enterprise_id, order_id, buyer_org_id, model, field, age_years, running_hours, declared_grade, grade, product_code, rule_source, rule, credit_cny, deposit_cny, return_days, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, tracking_no, core_epc, final_grade, final_value_cny, refund_cny, overdue_flagged_at, received_at, settled_at",
);
const uuidArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb)::uuid)`;

export type OrderPatch = Partial<Pick<OrderRow, 'status' | 'payment_status' | 'payment_terms' | 'unit_price_cny' | 'total_cny' | 'payment' | 'invoice_number' | 'dispute_reason'>> & { delivered_at?: Date; sale_recorded_at?: Date };

export interface OrderAggregateRow {
  enterprise_id: string;
  listing_id: string;
  orders: number;
  units: number;
  value_cny: string;
  trade_ins: number;
  trade_in_credit_cny: string;
  cores_received: number;
}

export const orderRepo = {
  /**
   * Market statistics: delivered orders (delivered, accepted, disputed) in [from, to) per seller and listing, with
   * their trade-ins (not cancelled). `enterpriseIds` null: all.
   */
  async aggregates(db: Db, enterpriseIds: string[] | null, from: Date, to: Date): Promise<OrderAggregateRow[]> {
    const scope = enterpriseIds ? sql`o.enterprise_id = ANY(${uuidArray(enterpriseIds)})` : sql`true`;
    return rowsOf<OrderAggregateRow>(db, sql`SELECT o.enterprise_id, o.listing_id, count(*)::int AS orders, sum(o.quantity)::int AS units, sum(o.total_cny)::text AS value_cny,
        count(t.order_id)::int AS trade_ins, coalesce(sum(t.credit_cny), 0)::text AS trade_in_credit_cny,
        count(t.order_id) FILTER (WHERE t.status IN ('core_received', 'settled'))::int AS cores_received
      FROM orders o LEFT JOIN order_trade_ins t ON t.enterprise_id = o.enterprise_id AND t.order_id = o.id AND t.status <> 'cancelled'
      WHERE o.status IN ('delivered', 'accepted', 'disputed') AND o.delivered_at >= ${from.toISOString()} AND o.delivered_at < ${to.toISOString()} AND ${scope}
      GROUP BY o.enterprise_id, o.listing_id`);
  },
  /** Units delivered through the market per seller (all time): the denominator of the warranty-claim rate. */
  async unitsDelivered(db: Db, enterpriseIds: string[]): Promise<{ enterprise_id: string; units: number }[]> {
    if (!enterpriseIds.length) return [];
    return rowsOf(db, sql`SELECT enterprise_id, sum(quantity)::int AS units FROM orders WHERE status IN ('delivered', 'accepted', 'disputed') AND enterprise_id = ANY(${uuidArray(enterpriseIds)}) GROUP BY enterprise_id`);
  },
  async insert(db: Db, o: Omit<OrderRow, 'payment_status' | 'invoice_number' | 'dispute_reason' | 'sale_recorded_at' | 'delivered_at' | 'created_at' | 'updated_at'> & { created_at: Date }) {
    await db.execute(sql`INSERT INTO orders (enterprise_id, id, listing_id, buyer_org_id, created_by, quantity, unit_price_cny, total_cny, payment_terms, status, message, payment, created_at, updated_at)
      VALUES (${o.enterprise_id}, ${o.id}, ${o.listing_id}, ${o.buyer_org_id}, ${o.created_by}, ${o.quantity}, ${o.unit_price_cny}, ${o.total_cny}, ${o.payment_terms}, ${o.status}, ${o.message}, ${JSON.stringify(o.payment)}::jsonb, ${o.created_at.toISOString()}, ${o.created_at.toISOString()})`);
  },
  async get(db: Db, id: string): Promise<OrderRow | undefined> {
    return (await rowsOf<OrderRow>(db, sql`SELECT ${COLS} FROM orders WHERE id = ${id} LIMIT 1`))[0];
  },
  /** The first read of every transition: the order row locked. */
  async lock(db: Db, id: string): Promise<OrderRow | undefined> {
    return (await rowsOf<OrderRow>(db, sql`SELECT ${COLS} FROM orders WHERE id = ${id} LIMIT 1 FOR UPDATE`))[0];
  },
  async update(db: Db, o: OrderRow, patch: OrderPatch, at: Date): Promise<OrderRow> {
    const sets: SQL[] = [sql`updated_at = ${at.toISOString()}`];
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      sets.push(k === 'payment' ? sql`payment = ${JSON.stringify(v)}::jsonb` : sql`${sql.identifier(k)} = ${v instanceof Date ? v.toISOString() : v}`);
    }
    const [r] = await rowsOf<OrderRow>(db, sql`UPDATE orders SET ${sql.join(sets, sql`, `)} WHERE enterprise_id = ${o.enterprise_id} AND id = ${o.id} RETURNING ${COLS}`);
    return r!;
  },
  /** Orders of a buyer organisation, a seller enterprise, or all (MIIT: both null). */
  async page(db: Db, f: { enterpriseId?: string | null; buyerOrgId?: string | null; status?: string }, limit: number, offset: number): Promise<{ rows: OrderRow[]; total: number }> {
    const where: SQL[] = [sql`true`];
    if (f.enterpriseId) where.push(sql`enterprise_id = ${f.enterpriseId}`);
    if (f.buyerOrgId) where.push(sql`buyer_org_id = ${f.buyerOrgId}`);
    if (f.status) where.push(sql`status = ${f.status}`);
    const rows = await rowsOf<OrderRow & { total: number }>(db, sql`SELECT ${COLS}, count(*) OVER ()::int AS total FROM orders WHERE ${sql.join(where, sql` AND `)} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`);
    return { rows, total: rows[0]?.total ?? 0 };
  },

  // ---- payments ----
  async insertPayment(db: Db, p: Omit<PaymentRow, 'status' | 'submitted_at' | 'decided_by' | 'decided_at'> & { submitted_at: Date }) {
    await db.execute(sql`INSERT INTO order_payments (enterprise_id, id, order_id, buyer_org_id, provider, amount_cny, reference, voucher_sha256, note, submitted_by, submitted_at)
      VALUES (${p.enterprise_id}, ${p.id}, ${p.order_id}, ${p.buyer_org_id}, ${p.provider}, ${p.amount_cny}, ${p.reference}, ${p.voucher_sha256}, ${p.note}, ${p.submitted_by}, ${p.submitted_at.toISOString()})`);
  },
  async payments(db: Db, enterpriseId: string, orderIds: string[]): Promise<PaymentRow[]> {
    if (!orderIds.length) return [];
    return rowsOf<PaymentRow>(db, sql`SELECT * FROM order_payments WHERE enterprise_id = ${enterpriseId} AND order_id = ANY(${uuidArray(orderIds)}) ORDER BY submitted_at, id`);
  },
  async paymentsOf(db: Db, orderIds: string[]): Promise<PaymentRow[]> {
    if (!orderIds.length) return [];
    return rowsOf<PaymentRow>(db, sql`SELECT * FROM order_payments WHERE order_id = ANY(${uuidArray(orderIds)}) ORDER BY submitted_at, id`);
  },
  async decidePayment(db: Db, enterpriseId: string, orderId: string, id: string, status: 'confirmed' | 'rejected', by: string | null, at: Date): Promise<PaymentRow | undefined> {
    return (await rowsOf<PaymentRow>(db, sql`UPDATE order_payments SET status = ${status}, decided_by = ${by}, decided_at = ${at.toISOString()} WHERE enterprise_id = ${enterpriseId} AND order_id = ${orderId} AND id = ${id} AND status = 'submitted' RETURNING *`))[0];
  },

  // ---- trade-in ----
  async insertTradeIn(db: Db, t: Omit<TradeInRow, 'due_on' | 'status' | 'tracking_no' | 'core_epc' | 'final_grade' | 'final_value_cny' | 'refund_cny' | 'overdue_flagged_at' | 'received_at' | 'settled_at'>) {
    await db.execute(sql`INSERT INTO order_trade_ins (enterprise_id, order_id, buyer_org_id, model, field, age_years, running_hours, declared_grade, grade, product_code, rule_source, rule, credit_cny, deposit_cny, return_days)
      VALUES (${t.enterprise_id}, ${t.order_id}, ${t.buyer_org_id}, ${t.model}, ${t.field}, ${t.age_years}, ${t.running_hours}, ${t.declared_grade}, ${t.grade}, ${t.product_code}, ${t.rule_source}, ${JSON.stringify(t.rule)}::jsonb, ${t.credit_cny}, ${t.deposit_cny}, ${t.return_days})`);
  },
  async tradeIns(db: Db, orderIds: string[]): Promise<TradeInRow[]> {
    if (!orderIds.length) return [];
    return rowsOf<TradeInRow>(db, sql`SELECT ${TI_COLS} FROM order_trade_ins WHERE order_id = ANY(${uuidArray(orderIds)})`);
  },
  async lockTradeIn(db: Db, enterpriseId: string, orderId: string): Promise<TradeInRow | undefined> {
    return (await rowsOf<TradeInRow>(db, sql`SELECT ${TI_COLS} FROM order_trade_ins WHERE enterprise_id = ${enterpriseId} AND order_id = ${orderId} FOR UPDATE`))[0];
  },
  async updateTradeIn(db: Db, enterpriseId: string, orderId: string, patch: Partial<Pick<TradeInRow, 'status' | 'due_on' | 'tracking_no' | 'core_epc' | 'final_grade' | 'final_value_cny' | 'refund_cny'>> & { received_at?: Date; settled_at?: Date }, at: Date) {
    const sets: SQL[] = [sql`updated_at = ${at.toISOString()}`];
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) sets.push(sql`${sql.identifier(k)} = ${v instanceof Date ? v.toISOString() : v}`);
    await db.execute(sql`UPDATE order_trade_ins SET ${sql.join(sets, sql`, `)} WHERE enterprise_id = ${enterpriseId} AND order_id = ${orderId}`);
  },
  /** Cores not back by their due date, not flagged yet: flagged now (once each), returned. */
  async flagOverdueCores(db: Db, today: string, at: Date): Promise<TradeInRow[]> {
    return rowsOf<TradeInRow>(db, sql`UPDATE order_trade_ins SET overdue_flagged_at = ${at.toISOString()}, updated_at = ${at.toISOString()}
      WHERE status IN ('awaiting_core', 'core_in_transit') AND due_on < ${today}::date AND overdue_flagged_at IS NULL RETURNING ${TI_COLS}`);
  },

  // ---- valuation rules ----
  async rules(db: Db, enterpriseId: string): Promise<RuleRow[]> {
    return rowsOf<RuleRow>(db, sql`SELECT * FROM trade_in_rules WHERE enterprise_id = ${enterpriseId} ORDER BY scope DESC, key`);
  },
  async rulesPage(db: Db, enterpriseId: string, limit: number, offset: number): Promise<{ rows: RuleRow[]; total: number }> {
    const rows = await rowsOf<RuleRow & { total: number }>(db, sql`SELECT *, count(*) OVER ()::int AS total FROM trade_in_rules WHERE enterprise_id = ${enterpriseId} ORDER BY scope DESC, key LIMIT ${limit} OFFSET ${offset}`);
    return { rows, total: rows[0]?.total ?? 0 };
  },
  async upsertRule(db: Db, enterpriseId: string, scope: 'model' | 'field', key: string, r: ValuationRule, by: string | null, at: Date): Promise<RuleRow> {
    const [row] = await rowsOf<RuleRow>(db, sql`INSERT INTO trade_in_rules (enterprise_id, scope, key, base_value_cny, depreciation_per_year, floor_share, hours_per_year, core_deposit_cny, return_days, updated_by, updated_at)
      VALUES (${enterpriseId}, ${scope}, ${key}, ${r.baseValueCny}, ${r.depreciationPerYear}, ${r.floorShare}, ${r.hoursPerYear}, ${r.coreDepositCny}, ${r.returnDays}, ${by}, ${at.toISOString()})
      ON CONFLICT (enterprise_id, scope, key) DO UPDATE SET base_value_cny = EXCLUDED.base_value_cny, depreciation_per_year = EXCLUDED.depreciation_per_year, floor_share = EXCLUDED.floor_share,
        hours_per_year = EXCLUDED.hours_per_year, core_deposit_cny = EXCLUDED.core_deposit_cny, return_days = EXCLUDED.return_days, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
      RETURNING *`);
    return row!;
  },
};

export const ruleOf = (r: RuleRow): ValuationRule => ({
  baseValueCny: Number(r.base_value_cny),
  depreciationPerYear: r.depreciation_per_year,
  floorShare: r.floor_share,
  hoursPerYear: r.hours_per_year,
  coreDepositCny: Number(r.core_deposit_cny),
  returnDays: r.return_days,
});
