/** Alarms and webhooks (migration 20261207020000_alarms; SQL in modules/alarms/alarms.repo.ts). */
import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
type Severity = 'WARNING' | 'MINOR' | 'MAJOR' | 'CRITICAL';

export const alarmRules = pgTable('alarm_rules', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: uuid('id').primaryKey(),
  deviceId: uuid('device_id'),
  productModel: text('product_model'),
  key: text('key').notNull(),
  severity: text('severity').$type<Severity>().notNull(),
  name: text('name'),
  spec: jsonb('spec').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const alarmStates = pgTable(
  'alarm_states',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    deviceName: text('device_name').notNull(),
    productCode: text('product_code').notNull(),
    state: jsonb('state').notNull(),
    nextDue: ts('next_due'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.deviceId] })],
);

export const alarms = pgTable('alarms', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: uuid('id').primaryKey(),
  ruleId: uuid('rule_id').notNull(),
  deviceId: uuid('device_id').notNull(),
  key: text('key').notNull(),
  cause: text('cause').$type<'condition' | 'noData'>().notNull(),
  severity: text('severity').$type<Severity>().notNull(),
  initialSeverity: text('initial_severity').$type<Severity>().notNull(),
  status: text('status').$type<'active' | 'cleared'>().notNull().default('active'),
  acknowledged: boolean('acknowledged').notNull().default(false),
  acknowledgedAt: ts('acknowledged_at'),
  acknowledgedBy: uuid('acknowledged_by'),
  assigneeId: uuid('assignee_id'),
  raisedTs: ts('raised_ts').notNull(),
  raisedAt: ts('raised_at').notNull(),
  raiseValue: jsonb('raise_value'),
  clearedTs: ts('cleared_ts'),
  clearedAt: ts('cleared_at'),
  clearedBy: uuid('cleared_by'),
  clearValue: jsonb('clear_value'),
  escalations: integer('escalations').notNull().default(0),
  notifications: integer('notifications').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const alarmEvents = pgTable('alarm_events', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  alarmId: uuid('alarm_id').notNull(),
  at: ts('at').notNull().defaultNow(),
  kind: text('kind').$type<'raised' | 'escalated' | 'renotified' | 'acknowledged' | 'assigned' | 'commented' | 'cleared'>().notNull(),
  actorId: uuid('actor_id'),
  text: text('text'),
  detail: jsonb('detail'),
});

export const webhooks = pgTable('webhooks', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: uuid('id').primaryKey(),
  url: text('url').notNull(),
  events: text('events').array().notNull(),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const webhookDeliveries = pgTable('webhook_deliveries', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: uuid('id').primaryKey(),
  webhookId: uuid('webhook_id').notNull(),
  event: text('event').notNull(),
  payload: jsonb('payload').notNull(),
  status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastAttemptAt: ts('last_attempt_at'),
  deliveredAt: ts('delivered_at'),
});
