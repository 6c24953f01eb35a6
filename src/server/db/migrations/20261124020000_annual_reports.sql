-- 年度报告 (规范条件 七(二)1, 附件2): one report per announced site and year, its review by the provincial
-- authority, the forwarding (报送) of the jurisdiction's reports to MIIT, reminders and .xlsx import jobs.
-- Keys lead with enterprise_id (distribution by enterprise).

CREATE TABLE annual_reports (
  enterprise_id   uuid NOT NULL REFERENCES enterprises(id),
  id              uuid NOT NULL,
  site_id         uuid NOT NULL,
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  -- the reviewing authority when the report was started (enterprises.authority_id); lists filter on it
  authority_id    text NOT NULL REFERENCES authorities(id),
  state           text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned', 'accepted', 'forwarded')),
  form            jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- 表2-3 totals copied from the form at submission (statistics read these)
  recovered_total integer CHECK (recovered_total >= 0),
  reman_total     integer CHECK (reman_total >= 0),
  sold_total      integer CHECK (sold_total >= 0),
  submitted_at    timestamptz,
  submitted_on    date,
  late            boolean NOT NULL DEFAULT false,
  return_reason   text,
  audit_opinion   text,
  reviewed_by     uuid REFERENCES users(id),
  reviewed_at     timestamptz,
  forwarding_id   uuid,
  forwarded_at    timestamptz,
  created_by      uuid REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id),
  UNIQUE (enterprise_id, site_id, year),
  CHECK (state = 'draft' OR state = 'returned' OR submitted_at IS NOT NULL),
  CHECK (state NOT IN ('accepted', 'forwarded') OR audit_opinion IS NOT NULL)
);
CREATE UNIQUE INDEX annual_reports_id_idx ON annual_reports (id);
CREATE INDEX annual_reports_authority_year_idx ON annual_reports (authority_id, year, state);
CREATE INDEX annual_reports_year_idx ON annual_reports (year, state);

-- 报送: an authority forwards its reviewed reports of one year to MIIT with its 汇总.
CREATE TABLE annual_report_forwardings (
  id            uuid PRIMARY KEY,
  authority_id  text NOT NULL REFERENCES authorities(id),
  year          integer NOT NULL,
  note          text,
  report_count  integer NOT NULL CHECK (report_count >= 1),
  forwarded_by  uuid REFERENCES users(id),
  forwarded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX annual_report_forwardings_authority_idx ON annual_report_forwardings (authority_id, year);

-- Reminders 30/7/1 days before 31 March: the primary key makes each one fire once.
CREATE TABLE annual_report_reminders (
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  site_id       uuid NOT NULL,
  year          integer NOT NULL,
  days_before   integer NOT NULL CHECK (days_before IN (30, 7, 1)),
  sent_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, site_id, year, days_before)
);

-- 表2-3 .xlsx uploads: progress and the cells refused (nothing is stored unless the whole file is valid).
CREATE TABLE annual_report_imports (
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  id            uuid NOT NULL,
  report_id     uuid NOT NULL,
  status        text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  processed     integer NOT NULL DEFAULT 0,
  total         integer NOT NULL DEFAULT 0,
  errors        jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  PRIMARY KEY (enterprise_id, id)
);
