/** Tables of the portal module (migration 20261206060000_portal_content.sql; docs/public-portal.md). */
import { boolean, char, customType, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Written as to_tsvector('simple', indexText(…)) by the repo; never read back. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface PortalAttachment {
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

const editorial = () => ({
  state: text('state').$type<'draft' | 'published' | 'withdrawn'>().notNull().default('draft'),
  publishedAt: ts('published_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  searchTsv: tsvector('search_tsv').notNull().default(''),
});

export const portalStandards = pgTable('portal_standards', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  type: text('type').$type<'national' | 'industry' | 'group'>().notNull(),
  status: text('status').$type<'current' | 'upcoming' | 'abolished' | 'replaced'>().notNull(),
  issuedOn: date('issued_on', { mode: 'string' }),
  effectiveOn: date('effective_on', { mode: 'string' }),
  abolishedOn: date('abolished_on', { mode: 'string' }),
  replacedBy: text('replaced_by'),
  drafters: text('drafters').array().notNull().default([]),
  summary: text('summary').notNull().default(''),
  verified: boolean('verified').notNull().default(false),
  ...editorial(),
});

export const portalPolicies = pgTable('portal_policies', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  category: text('category').$type<'policy' | 'notice' | 'interpretation' | 'news'>().notNull(),
  issuer: text('issuer').notNull().default(''),
  docNumber: text('doc_number'),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  body: text('body').notNull().default(''),
  attachments: jsonb('attachments').$type<PortalAttachment[]>().notNull().default([]),
  ...editorial(),
});

export const portalDemoUnits = pgTable('portal_demo_units', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<'enterprise' | 'park' | 'base' | 'centre'>().notNull(),
  provinceCode: char('province_code', { length: 6 }).notNull(),
  city: text('city').notNull().default(''),
  field: text('field').notNull().default(''),
  year: integer('year').notNull(),
  description: text('description').notNull().default(''),
  enterpriseId: uuid('enterprise_id'),
  ...editorial(),
});

export const portalTestingOrgs = pgTable('portal_testing_orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  accreditationNo: text('accreditation_no').notNull(),
  scope: text('scope').notNull().default(''),
  /** the 规范条件 一(一) fields the accreditation covers (migration 20261213050000) */
  scopeFields: text('scope_fields').array().notNull().default([]),
  provinceCode: char('province_code', { length: 6 }).notNull(),
  website: text('website'),
  ...editorial(),
});
