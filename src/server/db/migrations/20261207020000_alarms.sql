-- 告警 (issue 12 "Alarms", docs/monitoring-alarms.md): rules per product model or per device, the evaluation state
-- per (rule, device), alarms with their history, and signed webhooks with their delivery log.

-- A rule applies to the devices of one product model of its enterprise, or to one device (exactly one of the two).
-- `spec` is the rule as src/domain/monitoring/alarm-rules.ts AlarmRuleSchema validates it (without its id).
CREATE TABLE alarm_rules (
  enterprise_id  uuid NOT NULL REFERENCES enterprises(id),
  id             uuid PRIMARY KEY,
  device_id      uuid REFERENCES devices(id) ON DELETE CASCADE,
  product_model  text,
  key            text NOT NULL CHECK (key ~ '^[a-z][A-Za-z0-9]{0,63}$'),
  severity       text NOT NULL CHECK (severity IN ('WARNING', 'MINOR', 'MAJOR', 'CRITICAL')),
  name           text,
  spec           jsonb NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((device_id IS NULL) <> (product_model IS NULL))
);
CREATE INDEX alarm_rules_model ON alarm_rules (enterprise_id, product_model) WHERE product_model IS NOT NULL;
CREATE INDEX alarm_rules_device ON alarm_rules (device_id) WHERE device_id IS NOT NULL;

-- The evaluator's state per (rule, device): plain JSON (AlarmState), locked FOR UPDATE by every evaluation, so
-- restarts and several processes agree. `next_due` (processing time) is when the clocks (no data, escalation,
-- reminders) next matter: the tick job reads only the due rows. The device's name and product code are copied at
-- each evaluation for the tick's notifications (the devices table is the devices module's).
CREATE TABLE alarm_states (
  enterprise_id  uuid NOT NULL,
  rule_id        uuid NOT NULL REFERENCES alarm_rules(id) ON DELETE CASCADE,
  device_id      uuid NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  device_name    text NOT NULL,
  product_code   text NOT NULL,
  state          jsonb NOT NULL,
  next_due       timestamptz,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, device_id)
);
CREATE INDEX alarm_states_due ON alarm_states (next_due) WHERE next_due IS NOT NULL;

-- Alarms: active/cleared × acknowledged. One active alarm per rule and device (unique partial index).
CREATE TABLE alarms (
  enterprise_id      uuid NOT NULL,
  id                 uuid PRIMARY KEY,
  rule_id            uuid NOT NULL,
  device_id          uuid NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  key                text NOT NULL,
  cause              text NOT NULL CHECK (cause IN ('condition', 'noData')),
  severity           text NOT NULL CHECK (severity IN ('WARNING', 'MINOR', 'MAJOR', 'CRITICAL')),
  initial_severity   text NOT NULL CHECK (initial_severity IN ('WARNING', 'MINOR', 'MAJOR', 'CRITICAL')),
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cleared')),
  acknowledged       boolean NOT NULL DEFAULT false,
  acknowledged_at    timestamptz,
  acknowledged_by    uuid,
  assignee_id        uuid,
  raised_ts          timestamptz NOT NULL,
  raised_at          timestamptz NOT NULL,
  raise_value        jsonb,
  cleared_ts         timestamptz,
  cleared_at         timestamptz,
  cleared_by         uuid,
  clear_value        jsonb,
  escalations        integer NOT NULL DEFAULT 0,
  notifications      integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (acknowledged = (acknowledged_at IS NOT NULL)),
  CHECK ((status = 'cleared') = (cleared_at IS NOT NULL))
);
CREATE UNIQUE INDEX alarms_one_active ON alarms (rule_id, device_id) WHERE status = 'active';
CREATE INDEX alarms_enterprise ON alarms (enterprise_id, raised_at DESC);
CREATE INDEX alarms_device ON alarms (device_id, raised_at DESC);

-- Each alarm's history: raised, escalated, renotified, acknowledged, assigned, commented, cleared.
CREATE TABLE alarm_events (
  enterprise_id  uuid NOT NULL,
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alarm_id       uuid NOT NULL REFERENCES alarms(id) ON DELETE CASCADE,
  at             timestamptz NOT NULL DEFAULT now(),
  kind           text NOT NULL CHECK (kind IN ('raised', 'escalated', 'renotified', 'acknowledged', 'assigned', 'commented', 'cleared')),
  actor_id       uuid,
  text           text CHECK (text IS NULL OR length(text) <= 2000),
  detail         jsonb
);
CREATE INDEX alarm_events_alarm ON alarm_events (alarm_id, id);

-- Webhooks per enterprise: deliveries are signed with HMAC-SHA256 (the secret is kept to sign; shown once).
CREATE TABLE webhooks (
  enterprise_id  uuid NOT NULL REFERENCES enterprises(id),
  id             uuid PRIMARY KEY,
  url            text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
  events         text[] NOT NULL CHECK (cardinality(events) > 0),
  secret         text NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_enterprise ON webhooks (enterprise_id) WHERE active;

-- One delivery per (webhook, event): sent by the durable job queue, retried with backoff; the log of attempts.
CREATE TABLE webhook_deliveries (
  enterprise_id     uuid NOT NULL,
  id                uuid PRIMARY KEY,
  webhook_id        uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  event             text NOT NULL,
  payload           jsonb NOT NULL,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts          integer NOT NULL DEFAULT 0,
  last_status_code  integer,
  last_error        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_attempt_at   timestamptz,
  delivered_at      timestamptz
);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at DESC);
