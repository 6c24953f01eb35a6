/** 工单 and warranty claims (migration 20261208050000_cases; SQL in modules/cases/cases.repo.ts). */
import { bigint, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CaseState, ClaimStatus, Outcome } from '../../../domain/monitoring/cases.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface CasePart {
  name: string;
  partNo: string | null;
  quantity: number;
  removedSerial: string | null;
  newSerial: string | null;
  costCny: number | null;
  at: string;
  /** trace: the part taken out as found in the product's genealogy (null: not identified) — absent before 2026-12 */
  removedEpc?: string | null;
  /** trace: the EPC the platform gave the part fitted (the repair step's ADD) */
  newEpc?: string | null;
}

export const serviceCases = pgTable('service_cases', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: uuid('id').primaryKey(),
  number: text('number').notNull().unique(),
  deviceId: uuid('device_id').notNull(),
  deviceName: text('device_name').notNull(),
  productCode: text('product_code').notNull(),
  productModel: text('product_model'),
  alarmId: uuid('alarm_id'),
  origin: text('origin').$type<'alarm' | 'owner' | 'enterprise'>().notNull(),
  openedBy: uuid('opened_by').notNull(),
  openedByOrg: uuid('opened_by_org'),
  title: text('title').notNull(),
  /** English title (migration 20261216040000): set for a case opened from an alarm; null → the title is shown */
  titleEn: text('title_en'),
  description: text('description'),
  state: text('state').$type<CaseState>().notNull().default('open'),
  telemetryWindow: jsonb('telemetry_window').$type<{ from: string; to: string; keys: string[] } | null>(),
  soldOn: date('sold_on'),
  warrantyUntil: date('warranty_until'),
  claimStatus: text('claim_status').$type<ClaimStatus | null>(),
  claimReason: text('claim_reason'),
  claimCostCny: numeric('claim_cost_cny', { precision: 12, scale: 2 }),
  faultCode: text('fault_code'),
  diagnosis: text('diagnosis'),
  visit: jsonb('visit').$type<{ date: string; technician: string; findings: string } | null>(),
  parts: jsonb('parts').$type<CasePart[]>().notNull().default([]),
  conclusion: text('conclusion'),
  outcome: text('outcome').$type<Outcome | null>(),
  rating: integer('rating'),
  ratingComment: text('rating_comment'),
  openedAt: ts('opened_at').notNull(),
  concludedAt: ts('concluded_at'),
  closedAt: ts('closed_at'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const serviceCaseEvents = pgTable('service_case_events', {
  enterpriseId: uuid('enterprise_id').notNull(),
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  caseId: uuid('case_id').notNull(),
  at: ts('at').notNull(),
  kind: text('kind').notNull(),
  actorId: uuid('actor_id'),
  detail: jsonb('detail').$type<Record<string, unknown> | null>(),
});
