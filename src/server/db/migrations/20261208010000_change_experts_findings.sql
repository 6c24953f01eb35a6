-- 规范条件 七(二)3 (issue 15 item 13): "由省级工业和信息化主管部门组织相关机构和专家验收核实" — the authority may
-- involve experts from the pool in a change's acceptance check; each records an opinion (规范条件 chapters 二–六
-- and a conclusion). MIIT's confirmation is published: published_on marks a confirmed change on the public list of
-- change notices.
CREATE TABLE change_expert_assignments (
  enterprise_id uuid NOT NULL REFERENCES enterprises(id),
  change_id     uuid NOT NULL,
  expert_id     uuid NOT NULL REFERENCES experts(id),
  assigned_by   uuid REFERENCES users(id),
  assigned_at   timestamptz NOT NULL DEFAULT now(),
  opinion       jsonb,
  submitted_at  timestamptz,
  PRIMARY KEY (enterprise_id, change_id, expert_id),
  FOREIGN KEY (enterprise_id, change_id) REFERENCES change_requests (enterprise_id, id),
  CHECK ((opinion IS NULL) = (submitted_at IS NULL))
);
CREATE INDEX change_expert_assignments_expert_idx ON change_expert_assignments (expert_id);
ALTER TABLE change_requests ADD COLUMN published_on date;
ALTER TABLE change_requests ADD CONSTRAINT change_requests_published_check CHECK (published_on IS NULL OR state = 'confirmed');

-- 七(二)4(1) "不能保持符合本规范条件要求的" — possible grounds found by the platform (issue 15 items 13 and 15): a change
-- not completed within its year or not confirmed, and the conditions re-evaluated after the 公告. A finding is a
-- prompt on the authority's to-do list, never a decision; dedupe_key makes raising it idempotent (one row per
-- fact, also after a dismissal); dismissing needs a reason.
CREATE TABLE supervision_findings (
  enterprise_id    uuid NOT NULL REFERENCES enterprises(id),
  id               uuid NOT NULL,
  authority_id     text NOT NULL REFERENCES authorities(id),
  kind             text NOT NULL,
  clause           text NOT NULL,
  ground           text NOT NULL DEFAULT 'conditions_not_maintained' CHECK (ground IN ('conditions_not_maintained', 'annual_report_missing', 'falsification', 'supervision_refused_or_failed', 'major_accident_or_violation')),
  dedupe_key       text NOT NULL,
  subject_type     text,
  subject_id       uuid,
  summary          text NOT NULL,
  summary_en       text NOT NULL,
  details          jsonb NOT NULL DEFAULT '{}',
  state            text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'dismissed')),
  raised_at        timestamptz NOT NULL DEFAULT now(),
  dismissed_reason text,
  dismissed_by     uuid REFERENCES users(id),
  dismissed_at     timestamptz,
  PRIMARY KEY (enterprise_id, id),
  CHECK (state = 'open' OR (dismissed_reason IS NOT NULL AND dismissed_at IS NOT NULL))
);
CREATE UNIQUE INDEX supervision_findings_dedupe_idx ON supervision_findings (dedupe_key);
CREATE INDEX supervision_findings_id_idx ON supervision_findings (id);
CREATE INDEX supervision_findings_authority_idx ON supervision_findings (authority_id, state);
