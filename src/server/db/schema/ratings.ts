/** 交易服务 quality feedback (issue 13) — mirror of migration 20261209040000_trade_ratings.sql (constraints live there). */
import { integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const tradeRatings = pgTable(
  'trade_ratings',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    orderId: uuid('order_id').notNull(),
    buyerOrgId: uuid('buyer_org_id').notNull(),
    productName: text('product_name').notNull(),
    model: text('model'),
    units: integer('units').notNull(),
    unitScore: smallint('unit_score').notNull(),
    sellerScore: smallint('seller_score').notNull(),
    comment: text('comment').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.orderId] })],
);
