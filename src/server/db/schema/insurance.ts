/** 保险 (issue 13) tables — mirror of migration 20261210040000_insurance.sql (constraints live there). */
import { date, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const insurancePolicies = pgTable(
  'insurance_policies',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    productCode: text('product_code').notNull(),
    productName: text('product_name').notNull(),
    model: text('model'),
    insurerOrgId: uuid('insurer_org_id').notNull(),
    holderOrgId: uuid('holder_org_id').notNull(),
    orderId: uuid('order_id'),
    leaseId: uuid('lease_id'),
    policyNumber: text('policy_number').notNull(),
    coverCny: numeric('cover_cny', { precision: 14, scale: 2 }).notNull(),
    coverage: text('coverage').notNull().default(''),
    premiumCny: numeric('premium_cny', { precision: 14, scale: 2 }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const insuranceClaims = pgTable(
  'insurance_claims',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    caseId: uuid('case_id').notNull(),
    policyId: uuid('policy_id').notNull(),
    insurerOrgId: uuid('insurer_org_id').notNull(),
    caseNumber: text('case_number').notNull(),
    productCode: text('product_code').notNull(),
    title: text('title').notNull().default(''),
    description: text('description'),
    openedAt: ts('opened_at').notNull(),
    warrantyUntil: date('warranty_until', { mode: 'string' }),
    status: text('status').$type<'pending' | 'accepted' | 'rejected'>().notNull().default('pending'),
    amountCny: numeric('amount_cny', { precision: 14, scale: 2 }),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.caseId] })],
);
