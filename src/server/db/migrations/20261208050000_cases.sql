-- 工单 and warranty claims (issue 12 "Diagnosis and warranty cases"; docs/monitoring-cases.md). A case concerns one
-- device (a product of the trace) of the making enterprise (its service team works it); it opens from an alarm (at
-- most one case per alarm) or by the owner. The state machine is src/domain/monitoring/cases.ts.
CREATE TABLE service_cases (
  enterprise_id     uuid NOT NULL REFERENCES enterprises(id),
  id                uuid PRIMARY KEY,
  number            text NOT NULL UNIQUE,
  device_id         uuid NOT NULL REFERENCES devices(id),
  device_name       text NOT NULL,
  product_code      text NOT NULL,
  product_model     text,
  alarm_id          uuid REFERENCES alarms(id),
  origin            text NOT NULL CHECK (origin IN ('alarm', 'owner', 'enterprise')),
  opened_by         uuid NOT NULL,
  opened_by_org     uuid,
  title             text NOT NULL,
  description       text,
  state             text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'diagnosed', 'onsite', 'concluded', 'closed')),
  -- the attached telemetry window {from, to, keys}
  telemetry_window  jsonb,
  sold_on           date,
  warranty_until    date,
  claim_status      text CHECK (claim_status IN ('pending', 'accepted', 'rejected')),
  claim_reason      text,
  claim_cost_cny    numeric(12, 2),
  fault_code        text,
  diagnosis         text,
  visit             jsonb,
  parts             jsonb NOT NULL DEFAULT '[]',
  conclusion        text,
  outcome           text CHECK (outcome IN ('repaired', 'parts_replaced', 'no_fault_found', 'remanufacture', 'upgrade')),
  rating            integer CHECK (rating BETWEEN 1 AND 5),
  rating_comment    text,
  opened_at         timestamptz NOT NULL,
  concluded_at      timestamptz,
  closed_at         timestamptz,
  version           integer NOT NULL DEFAULT 1,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX service_cases_one_per_alarm ON service_cases (alarm_id) WHERE alarm_id IS NOT NULL;
CREATE INDEX service_cases_enterprise ON service_cases (enterprise_id, state, opened_at DESC);
CREATE INDEX service_cases_device ON service_cases (device_id, opened_at DESC);

CREATE TABLE service_case_events (
  enterprise_id  uuid NOT NULL,
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id        uuid NOT NULL REFERENCES service_cases(id) ON DELETE CASCADE,
  at             timestamptz NOT NULL,
  kind           text NOT NULL,
  actor_id       uuid,
  detail         jsonb
);
CREATE INDEX service_case_events_case ON service_case_events (case_id, id);
