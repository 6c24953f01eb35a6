/**
 * Drizzle table definitions mirroring the SQL migrations (which are the source of truth: constraints live
 * there). Each module owns its tables; this file only gathers them for the Drizzle instance.
 */
import { bigint, boolean, char, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const authorities = pgTable('authorities', {
  id: text('id').primaryKey(),
  kind: text('kind').$type<'ministry' | 'province' | 'plan_city' | 'xpcc'>().notNull(),
  regionCode: char('region_code', { length: 6 }),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const enterprises = pgTable('enterprises', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  creditCode: char('credit_code', { length: 18 }).notNull(),
  creditCodeOverride: boolean('credit_code_override').notNull().default(false),
  regionCode: char('region_code', { length: 6 }).notNull(),
  authorityId: text('authority_id').notNull(),
  address: text('address').notNull(),
  postalCode: text('postal_code'),
  website: text('website'),
  legalRepresentative: text('legal_representative').notNull(),
  contactName: text('contact_name').notNull(),
  contactPhone: text('contact_phone').notNull(),
  contactEmail: text('contact_email'),
  enterpriseType: text('enterprise_type').notNull(),
  listingStatus: text('listing_status').notNull(),
  parentId: uuid('parent_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sites = pgTable(
  'sites',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const experts = pgTable('experts', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  organization: text('organization').notNull(),
  title: text('title').notNull().default(''),
  fields: text('fields').array().notNull().default([]),
  phone: text('phone'),
  email: text('email'),
  affiliatedEnterpriseId: uuid('affiliated_enterprise_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  enterpriseId: uuid('enterprise_id'),
  authorityId: text('authority_id'),
  expertId: uuid('expert_id'),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  disabled: boolean('disabled').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  lastLoginAt: ts('last_login_at'),
  passwordChangedAt: ts('password_changed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfHash: text('csrf_hash').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull(),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id'),
  actorUsername: text('actor_username'),
  actorRole: text('actor_role'),
  actorOrg: text('actor_org'),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id'),
  enterpriseId: uuid('enterprise_id'),
  ip: text('ip'),
  requestId: text('request_id'),
  digest: text('digest').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
