-- 公告企业的动态管理 (规范条件 七(二)): changes, revocation cases with their hearing, complaints.

-- 七(二)3: change requests, one per change event of an announced enterprise (optionally one site).
CREATE TABLE change_requests (
  enterprise_id   uuid NOT NULL REFERENCES enterprises(id),
  id              uuid NOT NULL,
  authority_id    text NOT NULL REFERENCES authorities(id),
  site_id         uuid,
  items           jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) >= 1),
  change_date     date NOT NULL,
  deadline        date NOT NULL CHECK (deadline > change_date),
  description     text NOT NULL,
  attachments     text[] NOT NULL DEFAULT '{}',
  state           text NOT NULL CHECK (state IN ('submitted', 'check_passed', 'check_failed', 'confirmed', 'not_confirmed')),
  check_opinion   text,
  checked_on      date,
  checked_by      uuid REFERENCES users(id),
  confirm_opinion text,
  confirmed_on    date,
  confirmed_by    uuid REFERENCES users(id),
  overdue_flagged_at timestamptz,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id)
);
CREATE INDEX change_requests_id_idx ON change_requests (id);
CREATE INDEX change_requests_authority_idx ON change_requests (authority_id, state);

-- 七(二)4: revocation cases: opened → notified (statement period) → statement_received → revoked | not_revoked.
CREATE TABLE revocation_cases (
  enterprise_id   uuid NOT NULL REFERENCES enterprises(id),
  id              uuid NOT NULL,
  authority_id    text NOT NULL REFERENCES authorities(id),
  origin          text NOT NULL CHECK (origin IN ('provincial_request', 'ministry', 'complaint')),
  complaint_id    uuid,
  grounds         text[] NOT NULL CHECK (cardinality(grounds) >= 1 AND grounds <@ ARRAY['conditions_not_maintained', 'annual_report_missing', 'falsification', 'supervision_refused_or_failed', 'major_accident_or_violation']),
  facts           text NOT NULL,
  evidence        text[] NOT NULL DEFAULT '{}',
  state           text NOT NULL CHECK (state IN ('opened', 'notified', 'statement_received', 'revoked', 'not_revoked')),
  notice_text     text,
  notified_on     date,
  statement_due   date,
  statement       text,
  statement_files text[] NOT NULL DEFAULT '{}',
  statement_on    date,
  hearing_summary text,
  decision_reason text,
  decided_on      date,
  decided_by      uuid REFERENCES users(id),
  rectification_state text CHECK (rectification_state IN ('submitted', 'accepted', 'returned')),
  rectification_text  text,
  rectification_files text[] NOT NULL DEFAULT '{}',
  rectification_opinion text,
  rectification_accepted_on date,
  opened_by       uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id),
  CHECK (state NOT IN ('notified', 'statement_received', 'revoked', 'not_revoked') OR (notified_on IS NOT NULL AND statement_due IS NOT NULL)),
  CHECK (rectification_state IS NULL OR state = 'revoked')
);
CREATE INDEX revocation_cases_id_idx ON revocation_cases (id);
CREATE INDEX revocation_cases_authority_idx ON revocation_cases (authority_id, state);

-- The reapply lock table (20261123120000) now belongs to the revocations module: one row per revocation
-- decision (id = the case id), rectification_accepted_at set when the authority accepts the rectification.
ALTER TABLE revocations ADD COLUMN case_id uuid;

-- The announced list: when an entry was revoked, and the confirmed changes of its facts (old → new, dated).
ALTER TABLE announcement_entries ADD COLUMN revoked_on date;
ALTER TABLE announcement_entries ADD COLUMN history jsonb NOT NULL DEFAULT '[]';

-- 七(二)2: complaints from anyone, with or without an account.
CREATE TABLE complaints (
  id              uuid PRIMARY KEY,
  tracking_code   char(12) NOT NULL UNIQUE,
  enterprise_id   uuid REFERENCES enterprises(id),
  authority_id    text REFERENCES authorities(id),
  enterprise_name text NOT NULL,
  subject         text NOT NULL,
  facts           text NOT NULL,
  contact         text,
  evidence        text[] NOT NULL DEFAULT '{}',
  filed_by        uuid REFERENCES users(id),
  ip              text,
  state           text NOT NULL CHECK (state IN ('received', 'accepted', 'investigating', 'substantiated', 'unsubstantiated', 'dismissed')),
  conclusion      text,
  concluded_on    date,
  handled_by      uuid REFERENCES users(id),
  revocation_case_id uuid,
  filed_at        timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (state NOT IN ('substantiated', 'unsubstantiated', 'dismissed') OR conclusion IS NOT NULL)
);
CREATE INDEX complaints_authority_idx ON complaints (authority_id, state);
CREATE INDEX complaints_enterprise_idx ON complaints (enterprise_id);
