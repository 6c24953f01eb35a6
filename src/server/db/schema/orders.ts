/** 交易服务 orders (issue 13) tables — mirror of migration 20261207040000_orders.sql (constraints live there). */
import { char, date, doublePrecision, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const orderPayments = pgTable(
  'order_payments',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    orderId: uuid('order_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    provider: text('provider').notNull().default('offline_transfer'),
    amountCny: numeric('amount_cny', { precision: 16, scale: 2 }).notNull(),
    reference: text('reference'),
    voucherSha256: char('voucher_sha256', { length: 64 }),
    status: text('status').$type<'submitted' | 'confirmed' | 'rejected'>().notNull().default('submitted'),
    note: text('note'),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const tradeInRules = pgTable(
  'trade_in_rules',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    scope: text('scope').$type<'model' | 'field'>().notNull(),
    key: text('key').notNull(),
    baseValueCny: numeric('base_value_cny', { precision: 14, scale: 2 }).notNull(),
    depreciationPerYear: doublePrecision('depreciation_per_year').notNull(),
    floorShare: doublePrecision('floor_share').notNull(),
    hoursPerYear: integer('hours_per_year').notNull(),
    coreDepositCny: numeric('core_deposit_cny', { precision: 14, scale: 2 }).notNull(),
    returnDays: integer('return_days').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.scope, t.key] })],
);

export const orderTradeIns = pgTable(
  'order_trade_ins',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    orderId: uuid('order_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    model: text('model').notNull(),
    field: text('field'),
    ageYears: numeric('age_years', { precision: 5, scale: 2 }).notNull(),
    runningHours: integer('running_hours').notNull(),
    declaredGrade: char('declared_grade', { length: 1 }).notNull(),
    grade: char('grade', { length: 1 }).notNull(),
    productCode: text('product_code'),
    ruleSource: text('rule_source').notNull(),
    rule: jsonb('rule').notNull(),
    creditCny: numeric('credit_cny', { precision: 14, scale: 2 }).notNull(),
    depositCny: numeric('deposit_cny', { precision: 14, scale: 2 }).notNull(),
    returnDays: integer('return_days').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').notNull().default('awaiting_core'),
    trackingNo: text('tracking_no'),
    coreEpc: text('core_epc'),
    finalGrade: char('final_grade', { length: 1 }),
    finalValueCny: numeric('final_value_cny', { precision: 14, scale: 2 }),
    refundCny: numeric('refund_cny', { precision: 14, scale: 2 }),
    overdueFlaggedAt: ts('overdue_flagged_at'),
    receivedAt: ts('received_at'),
    settledAt: ts('settled_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.orderId] })],
);
