-- GS1 EPCIS 2.0 event repository (src/server/modules/epcis). Every table is keyed by enterprise_id (the owner
-- of the event stream) so that it can be distributed by enterprise (Citus).

-- One row per stored event. Events are immutable: an error declaration (EPCIS 2.0 §7.4.1.2) is a row of its
-- own with the same event_id and is_declaration = true. Each enterprise's stream is hash-chained:
-- hash = sha256(prev_hash || canonical row), seq = 1, 2, … per enterprise (see epcis-chain.ts).
CREATE TABLE epcis_events (
  enterprise_id uuid NOT NULL,
  seq bigint NOT NULL CHECK (seq > 0),
  event_id text NOT NULL,
  is_declaration boolean NOT NULL DEFAULT false,
  event_type text NOT NULL CHECK (event_type IN ('ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent')),
  event_time timestamptz NOT NULL,
  event_time_zone_offset text NOT NULL,
  record_time timestamptz NOT NULL,
  action text CHECK (action IN ('ADD', 'OBSERVE', 'DELETE')),
  biz_step text,
  disposition text,
  read_point text,
  biz_location text,
  transformation_id text,
  declaration_time timestamptz,
  capture_id uuid NOT NULL,
  content_hash char(64) NOT NULL,
  document jsonb NOT NULL,
  -- the capturing document's @context (namespace prefixes of extension fields), to rebuild a valid JSON-LD
  doc_context jsonb,
  prev_hash char(64) NOT NULL,
  hash char(64) NOT NULL,
  PRIMARY KEY (enterprise_id, seq),
  -- event_id first: the same index serves lookups by eventID across streams (MIIT, authorities)
  UNIQUE (event_id, enterprise_id, is_declaration),
  CHECK (is_declaration = (declaration_time IS NOT NULL))
);
CREATE INDEX epcis_events_time_idx ON epcis_events (event_time, enterprise_id, seq);
CREATE INDEX epcis_events_record_time_idx ON epcis_events (record_time, enterprise_id, seq);
CREATE INDEX epcis_events_ent_time_idx ON epcis_events (enterprise_id, event_time, seq);
CREATE INDEX epcis_events_transformation_idx ON epcis_events (transformation_id) WHERE transformation_id IS NOT NULL;

-- Identifiers by role, for MATCH_* queries and genealogy: epc, parent, child, input, output (instance-level)
-- and quantity, child_quantity, input_quantity, output_quantity (class-level, epcClass).
-- One index only (capture writes ~13 rows per event): it serves both "events with this identifier" and the
-- EXISTS checks of MATCH_* (epc → (enterprise_id, seq)). Rows are unique by construction (deduplicated per
-- event and role at capture), so no primary key is maintained.
CREATE TABLE epcis_event_epcs (
  enterprise_id uuid NOT NULL,
  seq bigint NOT NULL,
  role text NOT NULL CHECK (role IN ('epc', 'parent', 'child', 'input', 'output', 'quantity', 'child_quantity', 'input_quantity', 'output_quantity')),
  epc text NOT NULL
);
CREATE INDEX epcis_event_epcs_epc_idx ON epcis_event_epcs (epc, role, enterprise_id, seq);

-- Business transactions, sources and destinations by (normalised) type.
CREATE TABLE epcis_event_refs (
  enterprise_id uuid NOT NULL,
  seq bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('bizTransaction', 'source', 'destination')),
  type text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (enterprise_id, seq, kind, type, value)
);
CREATE INDEX epcis_event_refs_value_idx ON epcis_event_refs (kind, value);

-- Capture jobs (GET /epcis/capture/{captureID}).
CREATE TABLE epcis_captures (
  enterprise_id uuid NOT NULL,
  id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  running boolean NOT NULL,
  success boolean NOT NULL,
  error_behaviour text NOT NULL CHECK (error_behaviour IN ('rollback', 'proceed')),
  event_count integer NOT NULL,
  stored_count integer NOT NULL,
  duplicate_count integer NOT NULL,
  errors jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (enterprise_id, id)
);
CREATE INDEX epcis_captures_id_idx ON epcis_captures (id);

CREATE FUNCTION epcis_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER epcis_events_no_update BEFORE UPDATE OR DELETE ON epcis_events
  FOR EACH ROW EXECUTE FUNCTION epcis_append_only();
CREATE TRIGGER epcis_events_no_truncate BEFORE TRUNCATE ON epcis_events
  FOR EACH STATEMENT EXECUTE FUNCTION epcis_append_only();
CREATE TRIGGER epcis_event_epcs_no_update BEFORE UPDATE OR DELETE ON epcis_event_epcs
  FOR EACH ROW EXECUTE FUNCTION epcis_append_only();
CREATE TRIGGER epcis_event_refs_no_update BEFORE UPDATE OR DELETE ON epcis_event_refs
  FOR EACH ROW EXECUTE FUNCTION epcis_append_only();
