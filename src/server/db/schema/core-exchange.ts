/** 旧件交易 core exchange (issue 13) tables — mirror of migrations 20261211020000_core_exchange.sql and 20261215020000_core_postings_search.sql (constraints live there). */
import { char, customType, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Written as to_tsvector('simple', indexText(name, model, note)) by the repo; never read back. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const corePostings = pgTable('core_postings', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<'supply' | 'demand'>().notNull(),
  enterpriseId: uuid('enterprise_id'),
  buyerOrgId: uuid('buyer_org_id'),
  channel: text('channel').$type<'enterprise' | 'recycler' | 'dealer'>().notNull(),
  name: text('name').notNull(),
  model: text('model'),
  modelKey: text('model_key').notNull().default(''),
  field: text('field'),
  quantity: integer('quantity').notNull(),
  remaining: integer('remaining').notNull(),
  grade: text('grade').$type<'A' | 'B' | 'C' | 'D'>().notNull(),
  priceCny: numeric('price_cny', { precision: 14, scale: 2 }),
  depositCny: numeric('deposit_cny', { precision: 14, scale: 2 }),
  regionCode: text('region_code').notNull(),
  note: text('note').notNull().default(''),
  status: text('status').$type<'open' | 'filled' | 'withdrawn'>().notNull().default('open'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  searchTsv: tsvector('search_tsv').notNull().default(''),
});

export const coreMatches = pgTable('core_matches', {
  id: uuid('id').primaryKey(),
  supplyId: uuid('supply_id').notNull(),
  demandId: uuid('demand_id').notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  quantity: integer('quantity').notNull(),
  status: text('status').$type<'proposed' | 'accepted' | 'declined'>().notNull().default('proposed'),
  proposedSide: text('proposed_side').$type<'supply' | 'demand'>().notNull(),
  proposedBy: uuid('proposed_by'),
  reason: text('reason').notNull().default(''),
  attestation: jsonb('attestation'),
  coreEpcs: jsonb('core_epcs').$type<string[]>().notNull().default([]),
  receiverEventIds: jsonb('receiver_event_ids').$type<string[]>().notNull().default([]),
  supplierEventIds: jsonb('supplier_event_ids').$type<string[]>().notNull().default([]),
  note: text('note').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
});

/** Mirror of migration 20261215020100_core_exchange_documents.sql: a party's uploaded supporting documents. */
export const coreExchangeDocuments = pgTable('core_exchange_documents', {
  partyId: uuid('party_id').notNull(),
  sha256: char('sha256', { length: 64 }).notNull(),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.partyId, t.sha256] })]);
