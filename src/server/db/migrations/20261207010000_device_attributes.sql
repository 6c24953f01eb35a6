-- Device attributes (issue 12 "Ingest": `reman/v1/devices/{id}/attributes`, latest state; docs/monitoring.md §Ingest).
-- One row per device: the attributes it reported last, merged key by key (a later message replaces a key, keys it
-- does not repeat stay). Not time series: firmware version, configuration, location — what the device page shows.
CREATE TABLE device_attributes (
  enterprise_id  uuid NOT NULL,
  device_id      uuid PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
  attributes     jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
