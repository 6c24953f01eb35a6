/** 交易服务 leasing (issue 13) tables — mirror of migration 20261208030000_leasing.sql (constraints live there). */
import { date, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const leases = pgTable(
  'leases',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    productCode: text('product_code').notNull(),
    model: text('model'),
    productName: text('product_name').notNull(),
    lesseeOrgId: uuid('lessee_org_id').notNull(),
    kind: text('kind').$type<'operating' | 'finance'>().notNull(),
    financierOrgId: uuid('financier_org_id'),
    status: text('status').$type<'active' | 'ended' | 'terminated' | 'returned' | 'purchased'>().notNull().default('active'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    months: integer('months').notNull(),
    depositCny: numeric('deposit_cny', { precision: 14, scale: 2 }).notNull(),
    billing: text('billing').$type<'fixed' | 'usage'>().notNull(),
    monthlyRentCny: numeric('monthly_rent_cny', { precision: 14, scale: 2 }),
    ratePerHourCny: numeric('rate_per_hour_cny', { precision: 12, scale: 2 }),
    minimumMonthlyCny: numeric('minimum_monthly_cny', { precision: 14, scale: 2 }),
    startHours: numeric('start_hours', { precision: 12, scale: 2 }).notNull().default('0'),
    startHoursSource: text('start_hours_source').$type<'monitoring' | 'declared'>().notNull().default('declared'),
    purchasePriceCny: numeric('purchase_price_cny', { precision: 14, scale: 2 }),
    terminateReason: text('terminate_reason'),
    returnDisposition: text('return_disposition').$type<'relet' | 'core_intake'>(),
    coreEpc: text('core_epc'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const leaseRents = pgTable(
  'lease_rents',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    leaseId: uuid('lease_id').notNull(),
    seq: integer('seq').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountCny: numeric('amount_cny', { precision: 14, scale: 2 }),
    readingHours: numeric('reading_hours', { precision: 12, scale: 2 }),
    hours: numeric('hours', { precision: 12, scale: 2 }),
    readingSource: text('reading_source').$type<'monitoring' | 'declared'>(),
    status: text('status').$type<'scheduled' | 'billed' | 'paid' | 'void'>().notNull().default('scheduled'),
    paidCny: numeric('paid_cny', { precision: 14, scale: 2 }),
    paidReference: text('paid_reference'),
    paidAt: ts('paid_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.leaseId, t.seq] })],
);
