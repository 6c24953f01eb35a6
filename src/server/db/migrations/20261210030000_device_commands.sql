-- 远程诊断: remote commands to devices over MQTT, request/response with a timeout (issue 12). One row per command;
-- the reply or the timeout settles it once (conditional UPDATE on state = 'sent'); every step is audited.
CREATE TABLE device_commands (
  enterprise_id uuid NOT NULL,
  id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices(id),
  case_id uuid REFERENCES service_cases(id),
  method text NOT NULL CHECK (method ~ '^[a-zA-Z][a-zA-Z0-9]{0,63}$'),
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  state text NOT NULL DEFAULT 'sent' CHECK (state IN ('sent', 'replied', 'failed', 'timeout')),
  sent_by uuid NOT NULL,
  sent_by_org uuid,
  sent_at timestamptz NOT NULL,
  timeout_at timestamptz NOT NULL,
  settled_at timestamptz,
  reply jsonb,
  error text,
  CHECK (timeout_at > sent_at),
  CHECK ((state = 'sent') = (settled_at IS NULL))
);
CREATE INDEX device_commands_device ON device_commands (device_id, sent_at DESC);
CREATE INDEX device_commands_case ON device_commands (case_id, sent_at DESC) WHERE case_id IS NOT NULL;
CREATE INDEX device_commands_pending ON device_commands (timeout_at) WHERE state = 'sent';
