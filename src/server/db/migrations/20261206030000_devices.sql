-- 在役运行监测 (issue 12, docs/monitoring.md): connected remanufactured products.
-- A device is a product of the trace module (its platform code), provisioned by the enterprise that made it.
-- Device credentials: the password is a 256-bit random secret, stored as its SHA-256 digest (platform/secrets.ts)
-- like API tokens; secret_version guards an ingest racing a rotation.
CREATE TABLE devices (
  enterprise_id     uuid NOT NULL REFERENCES enterprises(id),
  id                uuid PRIMARY KEY,
  product_code      text NOT NULL,
  product_model     text,
  name              text NOT NULL,
  client_id         text NOT NULL UNIQUE,
  secret_hash       text NOT NULL,
  secret_version    integer NOT NULL DEFAULT 1,
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  last_seen_at      timestamptz,
  points_stored     bigint NOT NULL DEFAULT 0,
  points_refused    bigint NOT NULL DEFAULT 0,
  messages_refused  bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  revoked_at        timestamptz
);
-- one live device per product
CREATE UNIQUE INDEX devices_product_active ON devices (product_code) WHERE status = 'active';
CREATE INDEX devices_enterprise ON devices (enterprise_id, created_at DESC);

-- Refused input per device (visible on the device page; counters are on devices). Purged by the retention job.
CREATE TABLE device_errors (
  enterprise_id  uuid NOT NULL,
  device_id      uuid NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  channel        text NOT NULL CHECK (channel IN ('http', 'mqtt')),
  code           text NOT NULL,
  message        text NOT NULL,
  message_en     text NOT NULL,
  detail         jsonb
);
CREATE INDEX device_errors_device ON device_errors (device_id, at DESC);

-- 物模型 per product model of an enterprise (src/domain/monitoring/thing-model.ts)
CREATE TABLE thing_models (
  enterprise_id  uuid NOT NULL REFERENCES enterprises(id),
  product_model  text NOT NULL,
  template       text,
  metrics        jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, product_model)
);

-- Raw points, partitioned by day (native declarative partitioning, PGlite and PostgreSQL alike). Partitions
-- telemetry_pYYYYMMDD are created ahead by the `telemetry.partitions` job (and on demand for a day without one);
-- retention drops whole partitions. A point is stored once per (device, key, ts): duplicates are ignored.
-- Numbers (and booleans as 0/1) in num; strings in txt. Keyed by device_id (a device belongs to one enterprise;
-- docs/decisions.md: no enterprise_id per point).
CREATE TABLE telemetry (
  device_id  uuid NOT NULL,
  key        text NOT NULL,
  ts         timestamptz NOT NULL,
  num        double precision,
  txt        text,
  PRIMARY KEY (device_id, key, ts)
) PARTITION BY RANGE (ts);

-- Continuous rollups, maintained by the ingest from the points it actually inserted (duplicates never count twice):
-- avg = sum / count; last is the value of the latest ts in the bucket.
CREATE TABLE telemetry_1m (
  device_id  uuid NOT NULL,
  key        text NOT NULL,
  bucket     timestamptz NOT NULL,
  min        double precision NOT NULL,
  max        double precision NOT NULL,
  sum        double precision NOT NULL,
  count      integer NOT NULL,
  last       double precision NOT NULL,
  last_ts    timestamptz NOT NULL,
  PRIMARY KEY (device_id, key, bucket)
);
CREATE INDEX telemetry_1m_bucket ON telemetry_1m USING brin (bucket);
CREATE TABLE telemetry_1h (
  device_id  uuid NOT NULL,
  key        text NOT NULL,
  bucket     timestamptz NOT NULL,
  min        double precision NOT NULL,
  max        double precision NOT NULL,
  sum        double precision NOT NULL,
  count      integer NOT NULL,
  last       double precision NOT NULL,
  last_ts    timestamptz NOT NULL,
  PRIMARY KEY (device_id, key, bucket)
);
CREATE INDEX telemetry_1h_bucket ON telemetry_1h USING brin (bucket);

-- Latest value per device and key (GET /devices/{id}/latest): a later ts replaces, an earlier one does not.
CREATE TABLE telemetry_latest (
  device_id  uuid NOT NULL,
  key        text NOT NULL,
  ts         timestamptz NOT NULL,
  num        double precision,
  txt        text,
  PRIMARY KEY (device_id, key)
);
