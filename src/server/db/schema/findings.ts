import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** 七(二)3: experts of a change's acceptance check — migration 20261208010000_change_experts_findings.sql */
export const changeExpertAssignments = pgTable(
  'change_expert_assignments',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    changeId: uuid('change_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    assignedBy: uuid('assigned_by'),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
    opinion: jsonb('opinion'),
    submittedAt: ts('submitted_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.changeId, t.expertId] })],
);

/** 七(二)4(1) possible grounds found by the platform — migration 20261208010000_change_experts_findings.sql */
export const supervisionFindings = pgTable(
  'supervision_findings',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    id: uuid('id').notNull(),
    authorityId: text('authority_id').notNull(),
    kind: text('kind').notNull(),
    clause: text('clause').notNull(),
    ground: text('ground').notNull().default('conditions_not_maintained'),
    dedupeKey: text('dedupe_key').notNull(),
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    summary: text('summary').notNull(),
    summaryEn: text('summary_en').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state').notNull().default('open'),
    raisedAt: ts('raised_at').notNull().defaultNow(),
    dismissedReason: text('dismissed_reason'),
    dismissedBy: uuid('dismissed_by'),
    dismissedAt: ts('dismissed_at'),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.id] })],
);
