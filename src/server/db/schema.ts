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
  /** buyer organisation (trading, migration 20261206050000_trading.sql) */
  buyerOrgId: uuid('buyer_org_id'),
  /** testing organisation of the portal directory (issue 14, migration 20261213050000_testing_org_accounts.sql) */
  testingOrgId: uuid('testing_org_id'),
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
    scopes: text('scopes').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const knownDevices = pgTable('known_devices', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

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
  /** NULL once the bytes are in the file store (migration 20261205060000_file_store.sql) */
  data: bytea('data'),
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
  trackingCode: char('tracking_code', { length: 12 }).notNull(),
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
    revokedOn: date('revoked_on', { mode: 'string' }),
    history: jsonb('history').$type<{ on: string; fact: string; old: string; new: string }[]>().notNull().default([]),
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
    caseId: uuid('case_id'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

// ---- supervision (动态管理, 七(二)): migration 20261124030000_supervision.sql ----
export const changeRequests = pgTable(
  'change_requests',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    authorityId: text('authority_id').notNull(),
    siteId: uuid('site_id'),
    items: jsonb('items').$type<{ fact: string; old: string; new: string }[]>().notNull(),
    changeDate: date('change_date', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    attachments: text('attachments').array().notNull().default([]),
    state: text('state').notNull(),
    checkOpinion: text('check_opinion'),
    checkedOn: date('checked_on', { mode: 'string' }),
    checkedBy: uuid('checked_by'),
    confirmOpinion: text('confirm_opinion'),
    confirmedOn: date('confirmed_on', { mode: 'string' }),
    confirmedBy: uuid('confirmed_by'),
    overdueFlaggedAt: ts('overdue_flagged_at'),
    publishedOn: date('published_on', { mode: 'string' }), // 20261208010000: MIIT's confirmation published (七(二)3)
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const revocationCases = pgTable(
  'revocation_cases',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    authorityId: text('authority_id').notNull(),
    origin: text('origin').notNull(),
    complaintId: uuid('complaint_id'),
    grounds: text('grounds').array().notNull(),
    facts: text('facts').notNull(),
    evidence: text('evidence').array().notNull().default([]),
    state: text('state').notNull(),
    noticeText: text('notice_text'),
    notifiedOn: date('notified_on', { mode: 'string' }),
    statementDue: date('statement_due', { mode: 'string' }),
    noticeSentOn: date('notice_sent_on', { mode: 'string' }),
    relayedOn: date('relayed_on', { mode: 'string' }),
    relayedBy: uuid('relayed_by'),
    statementWorkingDays: integer('statement_working_days'),
    statement: text('statement'),
    statementFiles: text('statement_files').array().notNull().default([]),
    statementOn: date('statement_on', { mode: 'string' }),
    hearingSummary: text('hearing_summary'),
    decisionReason: text('decision_reason'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: uuid('decided_by'),
    rectificationState: text('rectification_state'),
    rectificationText: text('rectification_text'),
    rectificationFiles: text('rectification_files').array().notNull().default([]),
    rectificationOpinion: text('rectification_opinion'),
    rectificationAcceptedOn: date('rectification_accepted_on', { mode: 'string' }),
    openedBy: uuid('opened_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const complaints = pgTable('complaints', {
  id: uuid('id').primaryKey(),
  trackingCode: char('tracking_code', { length: 12 }).notNull(),
  enterpriseId: uuid('enterprise_id'),
  authorityId: text('authority_id'),
  enterpriseName: text('enterprise_name').notNull(),
  subject: text('subject').notNull(),
  facts: text('facts').notNull(),
  contact: text('contact'),
  evidence: text('evidence').array().notNull().default([]),
  filedBy: uuid('filed_by'),
  ip: text('ip'),
  state: text('state').notNull(),
  conclusion: text('conclusion'),
  concludedOn: date('concluded_on', { mode: 'string' }),
  handledBy: uuid('handled_by'),
  revocationCaseId: uuid('revocation_case_id'),
  filedAt: ts('filed_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// ---- 年度报告 (migration 20261124020000_annual_reports.sql)
export const annualReports = pgTable(
  'annual_reports',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    siteId: uuid('site_id').notNull(),
    year: integer('year').notNull(),
    authorityId: text('authority_id').notNull(),
    state: text('state').notNull().default('draft'),
    form: jsonb('form').notNull().default({}),
    recoveredTotal: integer('recovered_total'),
    remanTotal: integer('reman_total'),
    soldTotal: integer('sold_total'),
    submittedAt: ts('submitted_at'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    late: boolean('late').notNull().default(false),
    returnReason: text('return_reason'),
    auditOpinion: text('audit_opinion'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    forwardingId: uuid('forwarding_id'),
    forwardedAt: ts('forwarded_at'),
    // 20261208010100: MIIT's 核查 of a forwarded report and an on-site inspection (附2 三)
    ministryOpinion: text('ministry_opinion'),
    ministryReviewedAt: ts('ministry_reviewed_at'),
    ministryReviewedBy: uuid('ministry_reviewed_by'),
    onsiteInspectionOn: date('onsite_inspection_on', { mode: 'string' }),
    onsiteInspectionNote: text('onsite_inspection_note'),
    // 20261209010100: a per-site report of before, folded into the enterprise's report of that year
    mergedInto: uuid('merged_into'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

export const annualReportForwardings = pgTable('annual_report_forwardings', {
  id: uuid('id').primaryKey(),
  authorityId: text('authority_id').notNull(),
  year: integer('year').notNull(),
  note: text('note'),
  reportCount: integer('report_count').notNull(),
  forwardedBy: uuid('forwarded_by'),
  forwardedAt: ts('forwarded_at').notNull().defaultNow(),
});

export const annualReportReminders = pgTable(
  'annual_report_reminders',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    siteId: uuid('site_id').notNull(),
    year: integer('year').notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.siteId, t.year, t.daysBefore] })],
);

export const annualReportImports = pgTable(
  'annual_report_imports',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    reportId: uuid('report_id').notNull(),
    status: text('status').notNull(),
    processed: integer('processed').notNull().default(0),
    total: integer('total').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

// ---- EPCIS 2.0 event repository (migration 20261124000000_epcis.sql; module src/server/modules/epcis) ----
export const epcisEvents = pgTable(
  'epcis_events',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    eventId: text('event_id').notNull(),
    isDeclaration: boolean('is_declaration').notNull().default(false),
    eventType: text('event_type').notNull(),
    eventTime: ts('event_time').notNull(),
    eventTimeZoneOffset: text('event_time_zone_offset').notNull(),
    recordTime: ts('record_time').notNull(),
    action: text('action'),
    bizStep: text('biz_step'),
    disposition: text('disposition'),
    readPoint: text('read_point'),
    bizLocation: text('biz_location'),
    transformationId: text('transformation_id'),
    declarationTime: ts('declaration_time'),
    captureId: uuid('capture_id').notNull(),
    contentHash: char('content_hash', { length: 64 }).notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    docContext: jsonb('doc_context'),
    prevHash: char('prev_hash', { length: 64 }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.seq] })],
);
export const epcisEventEpcs = pgTable(
  'epcis_event_epcs',
  { enterpriseId: uuid('enterprise_id').notNull(), seq: bigint('seq', { mode: 'number' }).notNull(), role: text('role').notNull(), epc: text('epc').notNull() },
);
export const epcisEventRefs = pgTable(
  'epcis_event_refs',
  { enterpriseId: uuid('enterprise_id').notNull(), seq: bigint('seq', { mode: 'number' }).notNull(), kind: text('kind').notNull(), type: text('type').notNull(), value: text('value').notNull() },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.seq, t.kind, t.type, t.value] })],
);
export const epcisCaptures = pgTable(
  'epcis_captures',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    createdAt: ts('created_at').notNull(),
    finishedAt: ts('finished_at'),
    running: boolean('running').notNull(),
    success: boolean('success').notNull(),
    errorBehaviour: text('error_behaviour').notNull(),
    eventCount: integer('event_count').notNull(),
    storedCount: integer('stored_count').notNull(),
    duplicateCount: integer('duplicate_count').notNull(),
    errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

// ---- Traceability projection (migration 20261124010000_trace.sql; module src/server/modules/trace) ----
import { doublePrecision as traceDouble, numeric as traceNumeric } from 'drizzle-orm/pg-core';
export const traceEnterprises = pgTable('trace_enterprises', {
  enterpriseId: uuid('enterprise_id').primaryKey(),
  prefix: char('prefix', { length: 6 }).notNull(),
  nextSerial: bigint('next_serial', { mode: 'number' }).notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export const traceObjects = pgTable(
  'trace_objects',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    key: text('key').notNull(),
    kind: text('kind').$type<'core' | 'part' | 'product' | 'lot' | 'other'>().notNull(),
    name: text('name'),
    firstEventTime: ts('first_event_time').notNull(),
    lastEventTime: ts('last_event_time').notNull(),
    lastStepKind: text('last_step_kind'),
    lastBizStep: text('last_biz_step'),
    lastDisposition: text('last_disposition'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.key] })],
);
export const traceEdges = pgTable(
  'trace_edges',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    parentKey: text('parent_key').notNull(),
    childKey: text('child_key').notNull(),
    kind: text('kind').$type<'transformation' | 'disassembly' | 'aggregation'>().notNull(),
    eventId: text('event_id').notNull(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to'),
    closedByEventId: text('closed_by_event_id'),
    erroneous: boolean('erroneous').notNull().default(false),
    /** the name of the edge's part side as its event gave it (migration 20261210070000) */
    partName: text('part_name'),
  },
  // no primary key: an edge is addressed by what it means (enterprise, event, parent, child); migration 20261208060000
);
/** Transformation events whose links are their trace_edges rows, not the event store's (migration 20261215050000). */
export const traceEdgeEvents = pgTable(
  'trace_edge_events',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    eventId: text('event_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.eventId] })],
);
export const traceProducts = pgTable(
  'trace_products',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    code: text('code').notNull(),
    epc: text('epc').notNull(),
    gtin: char('gtin', { length: 14 }),
    digitalLink: text('digital_link'),
    serial: text('serial').notNull(),
    name: text('name').notNull(),
    model: text('model'),
    standardNo: text('standard_no'),
    warrantyMonths: integer('warranty_months'),
    productionDate: date('production_date').notNull(),
    life: integer('life').notNull().default(1),
    massRate: traceNumeric('mass_rate', { precision: 6, scale: 2, mode: 'number' }),
    valueRate: traceNumeric('value_rate', { precision: 6, scale: 2, mode: 'number' }),
    formulaVersion: text('formula_version'),
    coreMass: traceDouble('core_mass').notNull().default(0),
    totalMass: traceDouble('total_mass').notNull().default(0),
    coreValue: traceDouble('core_value').notNull().default(0),
    totalValue: traceDouble('total_value').notNull().default(0),
    lifeCoreKeys: text('life_core_keys').array().notNull().default([]),
    status: text('status').$type<'issued' | 'revoked' | 'recalled'>().notNull().default('issued'),
    statusReason: text('status_reason'),
    state: text('state'),
    ownerId: text('owner_id'),
    ownerName: text('owner_name'),
    possessorId: text('possessor_id'),
    possessorName: text('possessor_name'),
    installation: jsonb('installation').$type<Record<string, unknown> | null>(),
    madeEventId: text('made_event_id').notNull(),
    madeAt: ts('made_at').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    // migration 20261205050000_trace_semantics.sql
    disassembledAt: ts('disassembled_at'),
    disassembledByEventId: text('disassembled_by_event_id'),
    successorCode: text('successor_code'),
    publicSteps: jsonb('public_steps').$type<[string, string][] | null>(),
    // migration 20261209010000_trace_site.sql: the making event's bizLocation (site of making)
    bizLocation: text('biz_location'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.code] })],
);
export const traceSteps = pgTable(
  'trace_steps',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    objectKey: text('object_key').notNull(),
    eventId: text('event_id').notNull(),
    eventTime: ts('event_time').notNull(),
    eventType: text('event_type').notNull(),
    bizStep: text('biz_step'),
    disposition: text('disposition'),
    stepKind: text('step_kind'),
    details: jsonb('details').$type<Record<string, unknown> | null>(),
    erroneous: boolean('erroneous').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);
export const traceImportJobs = pgTable(
  'trace_import_jobs',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    step: text('step').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').$type<'running' | 'succeeded' | 'failed'>().notNull(),
    processed: integer('processed').notNull().default(0),
    total: integer('total').notNull().default(0),
    errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);

/** Projection follower position per event stream (migration 20261204000000_trace_projection; quarantine columns 20261205040000_jobs). */
export const traceProjection = pgTable('trace_projection', {
  enterpriseId: uuid('enterprise_id').primaryKey(),
  projectedSeq: bigint('projected_seq', { mode: 'number' }).notNull().default(0),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  lastError: text('last_error'),
  failedAt: ts('failed_at'),
  failures: integer('failures').notNull().default(0),
  quarantinedAt: ts('quarantined_at'),
  quarantineReason: text('quarantine_reason'),
});

/** Durable job queue (migration 20261205040000_jobs; SQL in platform/queue/). */
export const jobs = pgTable('jobs', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  task: text('task').notNull(),
  payload: jsonb('payload').notNull().default({}),
  blob: bytea('blob'),
  state: text('state').$type<'queued' | 'running' | 'succeeded' | 'failed' | 'discarded'>().notNull().default('queued'),
  priority: integer('priority').notNull().default(0),
  runAt: ts('run_at').notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(5),
  lastError: text('last_error'),
  key: text('key'),
  lockedBy: text('locked_by'),
  lockedUntil: ts('locked_until'),
  done: integer('done'),
  total: integer('total'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
});

// 交易服务 (issue 13): buyer organisations, listings, orders — migration 20261206050000_trading.sql
export * from './schema/trading.js';
export * from './schema/portal.js';
export * from './schema/catalogue.js';
export * from './schema/devices.js';
export * from './schema/orders.js';
export * from './schema/alarms.js';
export * from './schema/mqtt.js';
export * from './schema/search.js';
export * from './schema/cases.js';
export * from './schema/findings.js';
// 交易服务 leasing and 以租代购 (issue 13) — migration 20261208030000_leasing.sql
export * from './schema/leasing.js';
// 交易服务 quality feedback (issue 13) — migration 20261209040000_trade_ratings.sql
export * from './schema/ratings.js';
// 保险 (issue 13) — migration 20261210040000_insurance.sql
export * from './schema/insurance.js';

// 旧件交易 core exchange (issue 13) — migration 20261211020000_core_exchange.sql
export * from './schema/core-exchange.js';
