/** Devices and telemetry (migration 20261206030000_devices; SQL in modules/devices/devices.repo.ts and telemetry.repo.ts). */
import { bigint, boolean, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const devices = pgTable('devices', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: uuid('id').primaryKey(),
  productCode: text('product_code').notNull(),
  productModel: text('product_model'),
  name: text('name').notNull(),
  clientId: text('client_id').notNull(),
  secretHash: text('secret_hash').notNull(),
  secretVersion: integer('secret_version').notNull().default(1),
  status: text('status').$type<'active' | 'revoked'>().notNull().default('active'),
  lastSeenAt: ts('last_seen_at'),
  pointsStored: bigint('points_stored', { mode: 'number' }).notNull().default(0),
  pointsRefused: bigint('points_refused', { mode: 'number' }).notNull().default(0),
  messagesRefused: bigint('messages_refused', { mode: 'number' }).notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
  manufacturerAccess: boolean('manufacturer_access').notNull().default(true),
  consentParty: text('consent_party'),
  consentAt: ts('consent_at'),
  regionCode: text('region_code'),
});

export const deviceErrors = pgTable('device_errors', {
  enterpriseId: uuid('enterprise_id').notNull(),
  deviceId: uuid('device_id').notNull(),
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull().defaultNow(),
  channel: text('channel').$type<'http' | 'mqtt'>().notNull(),
  code: text('code').notNull(),
  message: text('message').notNull(),
  messageEn: text('message_en').notNull(),
  detail: jsonb('detail'),
});

export const thingModels = pgTable(
  'thing_models',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    productModel: text('product_model').notNull(),
    template: text('template'),
    metrics: jsonb('metrics').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.productModel] })],
);

/** Partitioned by day (telemetry_pYYYYMMDD, created by the partitions job); written with raw SQL only. */
export const telemetry = pgTable(
  'telemetry',
  {
    deviceId: uuid('device_id').notNull(),
    key: text('key').notNull(),
    ts: ts('ts').notNull(),
    num: doublePrecision('num'),
    txt: text('txt'),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.key, t.ts] })],
);

const rollup = (name: string) =>
  pgTable(
    name,
    {
      deviceId: uuid('device_id').notNull(),
      key: text('key').notNull(),
      bucket: ts('bucket').notNull(),
      min: doublePrecision('min').notNull(),
      max: doublePrecision('max').notNull(),
      sum: doublePrecision('sum').notNull(),
      count: integer('count').notNull(),
      last: doublePrecision('last').notNull(),
      lastTs: ts('last_ts').notNull(),
    },
    (t) => [primaryKey({ columns: [t.deviceId, t.key, t.bucket] })],
  );
export const telemetry1m = rollup('telemetry_1m');
export const telemetry1h = rollup('telemetry_1h');

export const telemetryLatest = pgTable(
  'telemetry_latest',
  {
    deviceId: uuid('device_id').notNull(),
    key: text('key').notNull(),
    ts: ts('ts').notNull(),
    num: doublePrecision('num'),
    txt: text('txt'),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.key] })],
);

/** 远程诊断 commands (migration 20261210030000_device_commands; SQL in modules/devices/commands.repo.ts). */
export const deviceCommands = pgTable('device_commands', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: uuid('id').primaryKey(),
  deviceId: uuid('device_id').notNull(),
  caseId: uuid('case_id'),
  method: text('method').notNull(),
  params: jsonb('params').$type<Record<string, number | boolean | string>>().notNull().default({}),
  state: text('state').$type<'sent' | 'replied' | 'failed' | 'timeout'>().notNull().default('sent'),
  sentBy: uuid('sent_by').notNull(),
  sentByOrg: uuid('sent_by_org'),
  sentAt: ts('sent_at').notNull(),
  timeoutAt: ts('timeout_at').notNull(),
  settledAt: ts('settled_at'),
  reply: jsonb('reply'),
  error: text('error'),
});
