-- 规范公告 procedure (规范条件 七(一), 附1): applications per site, frozen versions, attachments stored once
-- by SHA-256, provincial opinion (表1-3), expert review, on-site check, 公示 with objections, 公告 batches,
-- notifications. Enterprise-owned rows lead their keys with enterprise_id (docs/scaling.md).

CREATE TABLE files (
  sha256     char(64) PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size       integer NOT NULL CHECK (size > 0),
  mime       text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png', 'application/ofd')),
  data       bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE applications (
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  id            uuid NOT NULL,
  site_id       uuid NOT NULL,
  -- applications of one enterprise submitted together (one per site, 七(一)3)
  submission_group uuid,
  state         text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'provincial_rejected', 'forwarded',
                  'expert_review', 'onsite_check', 'ready_for_notice', 'in_notice', 'notice_passed', 'announced',
                  'rejected', 'withdrawn')),
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  form          jsonb NOT NULL DEFAULT '{}',
  authority_id  text NOT NULL REFERENCES authorities(id),
  submitted_at  timestamptz,
  decided_at    timestamptz,
  -- 表1-3: {opinion, handler, head, date, contactPhone, contactEmail, filler}
  provincial_opinion jsonb,
  outcome_reason text,
  created_by    uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, site_id) REFERENCES sites(enterprise_id, id)
);
CREATE INDEX applications_id_idx ON applications (id);
CREATE INDEX applications_authority_state_idx ON applications (authority_id, state);
CREATE INDEX applications_state_idx ON applications (state);
-- one live case per site
CREATE UNIQUE INDEX applications_open_per_site ON applications (enterprise_id, site_id)
  WHERE state NOT IN ('provincial_rejected', 'rejected', 'withdrawn', 'announced');

-- A frozen copy of each submitted version (a return for supplement opens the next version).
CREATE TABLE application_versions (
  enterprise_id  uuid NOT NULL,
  application_id uuid NOT NULL,
  version        integer NOT NULL,
  form           jsonb NOT NULL,
  attachments    jsonb NOT NULL,
  check_result   jsonb NOT NULL,
  rates          jsonb NOT NULL,
  submitted_by   uuid NOT NULL REFERENCES users(id),
  submitted_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, application_id, version),
  FOREIGN KEY (enterprise_id, application_id) REFERENCES applications(enterprise_id, id)
);

CREATE TABLE application_attachments (
  enterprise_id  uuid NOT NULL,
  application_id uuid NOT NULL,
  id             uuid NOT NULL,
  slot           text NOT NULL,
  file_sha256    char(64) NOT NULL REFERENCES files(sha256),
  filename       text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  -- replacements form a chain: each replacement is a new row (a new version) pointing at the one it replaces
  replaces_id    uuid,
  revision       integer NOT NULL DEFAULT 1,
  -- the application version the file was uploaded for
  form_version   integer NOT NULL,
  uploaded_by    uuid NOT NULL REFERENCES users(id),
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  superseded_at  timestamptz,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, application_id) REFERENCES applications(enterprise_id, id)
);
CREATE INDEX application_attachments_app_idx ON application_attachments (enterprise_id, application_id, slot);

CREATE TABLE application_events (
  enterprise_id  uuid NOT NULL,
  application_id uuid NOT NULL,
  id             bigint GENERATED ALWAYS AS IDENTITY,
  event          text NOT NULL,
  from_state     text NOT NULL,
  to_state       text NOT NULL,
  actor_id       uuid,
  actor_role     text,
  note           jsonb,
  at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, application_id) REFERENCES applications(enterprise_id, id)
);
CREATE INDEX application_events_app_idx ON application_events (enterprise_id, application_id, id);

CREATE TABLE expert_assignments (
  enterprise_id  uuid NOT NULL,
  application_id uuid NOT NULL,
  expert_id      uuid NOT NULL REFERENCES experts(id),
  assigned_by    uuid NOT NULL REFERENCES users(id),
  assigned_at    timestamptz NOT NULL DEFAULT now(),
  -- {chapters: {'二': text, …, '六': text}, recommendation: 'approve' | 'revise' | 'reject', comment}
  opinion        jsonb,
  submitted_at   timestamptz,
  PRIMARY KEY (enterprise_id, application_id, expert_id),
  FOREIGN KEY (enterprise_id, application_id) REFERENCES applications(enterprise_id, id)
);
CREATE INDEX expert_assignments_expert_idx ON expert_assignments (expert_id);

CREATE TABLE onsite_checks (
  enterprise_id  uuid NOT NULL,
  application_id uuid NOT NULL,
  id             uuid NOT NULL,
  team           text[] NOT NULL CHECK (cardinality(team) >= 1),
  check_date     date NOT NULL,
  findings       jsonb NOT NULL,
  photos         char(64)[] NOT NULL DEFAULT '{}',
  conclusion     text NOT NULL CHECK (conclusion IN ('pass', 'fail')),
  recorded_by    uuid NOT NULL REFERENCES users(id),
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, application_id) REFERENCES applications(enterprise_id, id)
);

-- 公示 batches and objections
CREATE TABLE notice_batches (
  id           uuid PRIMARY KEY,
  title        text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  start_date   date NOT NULL,
  end_date     date NOT NULL CHECK (end_date >= start_date),
  working_days integer CHECK (working_days BETWEEN 1 AND 60),
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by   uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  closed_at    timestamptz
);

CREATE TABLE notice_entries (
  batch_id       uuid NOT NULL REFERENCES notice_batches(id),
  id             uuid NOT NULL,
  enterprise_id  uuid NOT NULL,
  application_id uuid NOT NULL,
  seq            integer NOT NULL,
  status         text NOT NULL DEFAULT 'listed' CHECK (status IN ('listed', 'removed', 'passed')),
  PRIMARY KEY (batch_id, id),
  UNIQUE (batch_id, application_id),
  FOREIGN KEY (enterprise_id, application_id) REFERENCES applications(enterprise_id, id)
);
CREATE UNIQUE INDEX notice_entries_id_idx ON notice_entries (id);

CREATE TABLE objections (
  id          uuid PRIMARY KEY,
  batch_id    uuid NOT NULL REFERENCES notice_batches(id),
  entry_id    uuid NOT NULL REFERENCES notice_entries(id),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  contact     text NOT NULL CHECK (length(contact) BETWEEN 3 AND 200),
  reason      text NOT NULL CHECK (length(reason) BETWEEN 5 AND 5000),
  evidence    char(64)[] NOT NULL DEFAULT '{}',
  ip          text,
  filed_at    timestamptz NOT NULL DEFAULT now(),
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'dismissed')),
  resolution  text,
  resolved_by uuid REFERENCES users(id),
  resolved_at timestamptz
);
CREATE INDEX objections_batch_idx ON objections (batch_id, status);

-- 公告 batches: 第N批, 工业和信息化部公告 YYYY年第N号
CREATE TABLE announcement_batches (
  id          uuid PRIMARY KEY,
  batch_no    integer NOT NULL UNIQUE CHECK (batch_no >= 1),
  doc_number  text NOT NULL UNIQUE,
  announced_on date NOT NULL,
  title       text NOT NULL,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE announcement_entries (
  batch_id        uuid NOT NULL REFERENCES announcement_batches(id),
  seq             integer NOT NULL,
  enterprise_id   uuid NOT NULL REFERENCES enterprises(id),
  application_id  uuid,
  site_id         uuid NOT NULL,
  -- snapshots as published
  province_code   char(6) NOT NULL,
  enterprise_name text NOT NULL,
  credit_code     char(18) NOT NULL,
  site_name       text NOT NULL,
  fields          text[] NOT NULL,
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  PRIMARY KEY (batch_id, seq)
);
CREATE INDEX announcement_entries_enterprise_idx ON announcement_entries (enterprise_id);

-- Notifications: addressed to an organisation (all its users) or one user.
CREATE TABLE notifications (
  id          uuid PRIMARY KEY,
  org_id      text,
  user_id     uuid REFERENCES users(id),
  kind        text NOT NULL,
  title       text NOT NULL,
  title_en    text NOT NULL,
  link        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  CHECK (org_id IS NOT NULL OR user_id IS NOT NULL)
);
CREATE INDEX notifications_org_idx ON notifications (org_id, created_at DESC);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- Working-day overrides (admin-editable) for years the calendar package does not cover.
CREATE TABLE workday_overrides (
  day     date PRIMARY KEY,
  workday boolean NOT NULL,
  note    text
);

-- 七(二)4: revocations (filled by the dynamic-management capability); checked before a new application.
CREATE TABLE revocations (
  enterprise_id  uuid NOT NULL REFERENCES enterprises(id),
  id             uuid NOT NULL,
  revoked_at     timestamptz NOT NULL,
  rectification_accepted_at date,
  reason         text NOT NULL,
  PRIMARY KEY (enterprise_id, id)
);
