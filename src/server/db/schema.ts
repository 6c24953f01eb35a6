/**
 * Drizzle table definitions mirroring the SQL migrations (which are the source of truth: constraints live
 * there). Each module owns its tables; this file only gathers them for the Drizzle instance.
 */
import { bigint, boolean, char, customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

// ---- 规范公告 procedure (migration 20261123120000_announcement.sql) ----

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const files = pgTable('files', {
  sha256: char('sha256', { length: 64 }).primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  data: bytea('data').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const applications = pgTable(
  'applications',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    siteId: uuid('site_id').notNull(),
    submissionGroup: uuid('submission_group'),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    form: jsonb('form').notNull().default({}),
    authorityId: text('authority_id').notNull(),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    provincialOpinion: jsonb('provincial_opinion'),
    outcomeReason: text('outcome_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const applicationVersions = pgTable(
  'application_versions',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    version: integer('version').notNull(),
    form: jsonb('form').notNull(),
    attachments: jsonb('attachments').notNull(),
    checkResult: jsonb('check_result').notNull(),
    rates: jsonb('rates').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.applicationId, t.version] })],
);

export const applicationAttachments = pgTable(
  'application_attachments',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    id: uuid('id').notNull(),
    slot: text('slot').notNull(),
    fileSha256: char('file_sha256', { length: 64 }).notNull(),
    filename: text('filename').notNull(),
    replacesId: uuid('replaces_id'),
    revision: integer('revision').notNull().default(1),
    formVersion: integer('form_version').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    supersededAt: ts('superseded_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    event: text('event').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    note: jsonb('note'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const expertAssignments = pgTable(
  'expert_assignments',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
    opinion: jsonb('opinion'),
    submittedAt: ts('submitted_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.applicationId, t.expertId] })],
);

export const onsiteChecks = pgTable(
  'onsite_checks',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    id: uuid('id').notNull(),
    team: text('team').array().notNull(),
    checkDate: date('check_date', { mode: 'string' }).notNull(),
    findings: jsonb('findings').notNull(),
    photos: char('photos', { length: 64 }).array().notNull().default([]),
    conclusion: text('conclusion').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const noticeBatches = pgTable('notice_batches', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  workingDays: integer('working_days'),
  status: text('status').notNull().default('open'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  closedAt: ts('closed_at'),
});

export const noticeEntries = pgTable(
  'notice_entries',
  {
    batchId: uuid('batch_id').notNull(),
    id: uuid('id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    seq: integer('seq').notNull(),
    status: text('status').notNull().default('listed'),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.id] })],
);

export const objections = pgTable('objections', {
  id: uuid('id').primaryKey(),
  batchId: uuid('batch_id').notNull(),
  entryId: uuid('entry_id').notNull(),
  name: text('name').notNull(),
  contact: text('contact').notNull(),
  reason: text('reason').notNull(),
  evidence: char('evidence', { length: 64 }).array().notNull().default([]),
  ip: text('ip'),
  filedAt: ts('filed_at').notNull().defaultNow(),
  status: text('status').notNull().default('pending'),
  resolution: text('resolution'),
  resolvedBy: uuid('resolved_by'),
  resolvedAt: ts('resolved_at'),
});

export const announcementBatches = pgTable('announcement_batches', {
  id: uuid('id').primaryKey(),
  batchNo: integer('batch_no').notNull(),
  docNumber: text('doc_number').notNull(),
  announcedOn: date('announced_on', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const announcementEntries = pgTable(
  'announcement_entries',
  {
    batchId: uuid('batch_id').notNull(),
    seq: integer('seq').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    applicationId: uuid('application_id'),
    siteId: uuid('site_id').notNull(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    creditCode: char('credit_code', { length: 18 }).notNull(),
    siteName: text('site_name').notNull(),
    fields: text('fields').array().notNull(),
    status: text('status').notNull().default('active'),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.seq] })],
);

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  orgId: text('org_id'),
  userId: uuid('user_id'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  titleEn: text('title_en').notNull(),
  link: text('link'),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
});

export const workdayOverrides = pgTable('workday_overrides', {
  day: date('day', { mode: 'string' }).primaryKey(),
  workday: boolean('workday').notNull(),
  note: text('note'),
});

export const revocations = pgTable(
  'revocations',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    revokedAt: ts('revoked_at').notNull(),
    rectificationAcceptedAt: date('rectification_accepted_at', { mode: 'string' }),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);
