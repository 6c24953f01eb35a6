-- Traceability projection (issue 4; module src/server/modules/trace, design in docs/traceability.md).
-- Populated inside every EPCIS capture transaction by the trace projector from the stored events; the events
-- themselves stay in the epcis module's tables. Enterprise-owned rows lead their keys with enterprise_id
-- (Citus distribution column); trace_enterprises is small (one row per enterprise: a reference table).

-- Product-code prefix and the serial counter of each enterprise (docs/traceability.md "Product codes").
CREATE TABLE trace_enterprises (
  enterprise_id uuid PRIMARY KEY,
  prefix        char(6) NOT NULL UNIQUE CHECK (prefix ~ '^[0-9A-HJKMNP-TV-Z]{6}$'),
  next_serial   bigint NOT NULL DEFAULT 1 CHECK (next_serial >= 1),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Every identified object (EPC) or class (lot) seen in an event.
CREATE TABLE trace_objects (
  enterprise_id    uuid NOT NULL,
  key              text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('core', 'part', 'product', 'lot', 'other')),
  name             text,
  first_event_time timestamptz NOT NULL,
  last_event_time  timestamptz NOT NULL,
  last_step_kind   text,
  last_biz_step    text,
  last_disposition text,
  PRIMARY KEY (enterprise_id, key)
);
CREATE INDEX trace_objects_key_idx ON trace_objects (key);

-- Genealogy edges: parent is made of / contains child (transformation: output ← input; disassembly: part ←
-- core; aggregation: parentID ← child, valid until the DELETE). Rows of erroneous events stay, flagged.
CREATE TABLE trace_edges (
  enterprise_id uuid NOT NULL,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  parent_key    text NOT NULL,
  child_key     text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('transformation', 'disassembly', 'aggregation')),
  event_id      text NOT NULL,
  valid_from    timestamptz NOT NULL,
  valid_to      timestamptz,
  closed_by_event_id text,
  erroneous     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (enterprise_id, id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX trace_edges_parent_idx ON trace_edges (parent_key) INCLUDE (child_key, kind, valid_from, valid_to, erroneous, event_id, enterprise_id);
CREATE INDEX trace_edges_child_idx ON trace_edges (child_key) INCLUDE (parent_key, kind, valid_from, valid_to, erroneous, event_id, enterprise_id);
CREATE INDEX trace_edges_event_idx ON trace_edges (enterprise_id, event_id);
CREATE INDEX trace_edges_closed_by_idx ON trace_edges (enterprise_id, closed_by_event_id) WHERE closed_by_event_id IS NOT NULL;

-- Remanufactured products: one row per product and life.
CREATE TABLE trace_products (
  enterprise_id   uuid NOT NULL,
  code            text NOT NULL CHECK (code ~ '^RM[0-9A-HJKMNP-TV-Z]{15}$'),
  epc             text NOT NULL,
  gtin            char(14) CHECK (gtin ~ '^\d{14}$'),
  digital_link    text,
  serial          text NOT NULL,
  name            text NOT NULL,
  model           text,
  standard_no     text,
  warranty_months integer CHECK (warranty_months >= 0),
  production_date date NOT NULL,
  life            integer NOT NULL DEFAULT 1 CHECK (life >= 1),
  mass_rate       numeric(6,2),
  value_rate      numeric(6,2),
  formula_version text,
  core_mass       double precision NOT NULL DEFAULT 0,
  total_mass      double precision NOT NULL DEFAULT 0,
  core_value      double precision NOT NULL DEFAULT 0,
  total_value     double precision NOT NULL DEFAULT 0,
  inputs          jsonb NOT NULL DEFAULT '[]',
  life_core_keys  text[] NOT NULL DEFAULT '{}',
  status          text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'revoked', 'recalled')),
  status_reason   text,
  state           text,
  owner_id        text,
  owner_name      text,
  possessor_id    text,
  possessor_name  text,
  installation    jsonb,
  made_event_id   text NOT NULL,
  made_at         timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, code),
  UNIQUE (enterprise_id, epc, life)
);
CREATE INDEX trace_products_code_idx ON trace_products (code);
CREATE INDEX trace_products_epc_idx ON trace_products (epc);
CREATE INDEX trace_products_date_idx ON trace_products (enterprise_id, production_date);

-- Steps each object went through (one row per event and object), for product pages, the public page and
-- the production ledger.
CREATE TABLE trace_steps (
  enterprise_id uuid NOT NULL,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  object_key    text NOT NULL,
  event_id      text NOT NULL,
  event_time    timestamptz NOT NULL,
  event_type    text NOT NULL,
  biz_step      text,
  disposition   text,
  step_kind     text,
  details       jsonb,
  erroneous     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (enterprise_id, id)
);
CREATE INDEX trace_steps_object_idx ON trace_steps (object_key, event_time);
CREATE INDEX trace_steps_kind_idx ON trace_steps (enterprise_id, step_kind, event_time);
CREATE INDEX trace_steps_event_idx ON trace_steps (enterprise_id, event_id);

-- Bulk imports (templates per lifecycle step): progress and the per-cell errors.
CREATE TABLE trace_import_jobs (
  enterprise_id uuid NOT NULL,
  id            uuid NOT NULL,
  step          text NOT NULL,
  file_name     text NOT NULL,
  status        text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  processed     integer NOT NULL DEFAULT 0,
  total         integer NOT NULL DEFAULT 0,
  errors        jsonb NOT NULL DEFAULT '[]',
  created_by    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  PRIMARY KEY (enterprise_id, id)
);
CREATE INDEX trace_import_jobs_id_idx ON trace_import_jobs (id);
