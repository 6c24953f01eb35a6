/** Tables of the catalogue module (migration 20261208040000_catalogue.sql; docs/public-portal.md "Catalogue"). */
import { boolean, customType, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CatalogueState } from '../../../domain/catalogue/workflow.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface CatalogueTestReport {
  testingOrgId: string;
  orgName: string;
  accreditationNo: string;
  reportNo: string;
  issuedOn: string;
  /** the report file (files module, content-checked), once uploaded */
  sha256?: string;
  fileName?: string;
  mime?: string;
  size?: number;
}

export const catalogueBatches = pgTable('catalogue_batches', {
  id: uuid('id').primaryKey(),
  batchNo: integer('batch_no').notNull().unique(),
  title: text('title').notNull(),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const catalogueApplications = pgTable('catalogue_applications', {
  id: uuid('id').primaryKey(),
  enterpriseId: uuid('enterprise_id').notNull(),
  authorityId: text('authority_id').notNull(),
  state: text('state').$type<CatalogueState>().notNull().default('draft'),
  productName: text('product_name').notNull(),
  model: text('model').notNull(),
  field: text('field').notNull(),
  specifications: text('specifications').notNull().default(''),
  standardCode: text('standard_code').notNull(),
  testReports: jsonb('test_reports').$type<CatalogueTestReport[]>().notNull().default([]),
  sampleProductCode: text('sample_product_code'),
  massRate: numeric('mass_rate', { precision: 6, scale: 2 }),
  valueRate: numeric('value_rate', { precision: 6, scale: 2 }),
  rateFormula: text('rate_formula'),
  provincialOpinion: text('provincial_opinion'),
  reason: text('reason'),
  noticeStartOn: date('notice_start_on', { mode: 'string' }),
  noticeEndOn: date('notice_end_on', { mode: 'string' }),
  batchId: uuid('batch_id').references(() => catalogueBatches.id),
  listedNo: text('listed_no').unique(),
  submittedAt: ts('submitted_at'),
  listedAt: ts('listed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  searchTsv: tsvector('search_tsv').notNull().default(''),
});

/** Third-party test reports on traced products (migration 20261211040100; docs/public-portal.md "Test reports on products"). */
export const productTestReports = pgTable('product_test_reports', {
  id: uuid('id').primaryKey(),
  enterpriseId: uuid('enterprise_id').notNull(),
  productCode: text('product_code'),
  model: text('model').notNull(),
  testingOrgId: uuid('testing_org_id').notNull(),
  orgName: text('org_name').notNull(),
  accreditationNo: text('accreditation_no').notNull(),
  reportNo: text('report_no').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  conclusion: text('conclusion').notNull().default(''),
  sha256: text('sha256'),
  fileName: text('file_name'),
  mime: text('mime'),
  size: integer('size'),
  withdrawnAt: ts('withdrawn_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** issued by the testing organisation's own user (migration 20261213050000), with the accredited field checked */
  issuedByOrg: boolean('issued_by_org').notNull().default(false),
  field: text('field'),
  issuedByUser: uuid('issued_by_user'),
});
