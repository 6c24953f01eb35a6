/** 交易服务 (issue 13) tables — mirror of migration 20261206050000_trading.sql (constraints live there). */
import { char, customType, doublePrecision, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Written as to_tsvector('simple', indexText(...)) (platform/search/segment.ts); never read back. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const buyerOrgs = pgTable('buyer_orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  creditCode: char('credit_code', { length: 18 }).notNull(),
  contactName: text('contact_name').notNull(),
  phone: text('phone').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** 'insurer': an insurance company (保险, migration 20261210040000_insurance.sql) */
  kind: text('kind').$type<'buyer' | 'insurer'>().notNull().default('buyer'),
});

export const listings = pgTable(
  'listings',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    priceCny: numeric('price_cny', { precision: 14, scale: 2 }).notNull(),
    newReferencePriceCny: numeric('new_reference_price_cny', { precision: 14, scale: 2 }),
    warrantyMonths: integer('warranty_months'),
    productName: text('product_name').notNull(),
    model: text('model'),
    field: text('field'),
    regionCode: char('region_code', { length: 6 }).notNull(),
    life: integer('life').notNull().default(1),
    massRate: doublePrecision('mass_rate'),
    valueRate: doublePrecision('value_rate'),
    status: text('status').$type<'active' | 'sold' | 'withdrawn'>().notNull().default('active'),
    statusReason: text('status_reason'),
    searchTsv: tsvector('search_tsv').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const listingUnits = pgTable(
  'listing_units',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    listingId: uuid('listing_id').notNull(),
    productCode: text('product_code').notNull(),
    productEpc: text('product_epc').notNull(),
    status: text('status').$type<'available' | 'reserved' | 'sold' | 'withdrawn'>().notNull().default('available'),
    orderId: uuid('order_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.listingId, t.productCode] })],
);

export const orders = pgTable(
  'orders',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    listingId: uuid('listing_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCny: numeric('unit_price_cny', { precision: 14, scale: 2 }).notNull(),
    totalCny: numeric('total_cny', { precision: 16, scale: 2 }).notNull(),
    paymentTerms: text('payment_terms').notNull().default('on_account'),
    status: text('status').notNull(),
    paymentStatus: text('payment_status').notNull().default('unpaid'),
    message: text('message'),
    tradeIn: jsonb('trade_in'),
    payment: jsonb('payment'),
    invoiceNumber: text('invoice_number'),
    disputeReason: text('dispute_reason'),
    saleRecordedAt: ts('sale_recorded_at'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);
