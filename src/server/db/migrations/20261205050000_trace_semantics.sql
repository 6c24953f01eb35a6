-- Trace semantics and projection speed (issue 10 §5; docs/traceability.md §4–§6).
--
-- 1. A product whose unit came back as a core and was disassembled, or went into a new product, is no longer in
--    circulation under its code: `disassembled_at` (+ the event, so an error declaration can take it back) and
--    `successor_code` (the product its unit became) say so; the public status is derived from them
--    (src/domain/trace/successor.ts).
ALTER TABLE trace_products
  ADD COLUMN disassembled_at timestamptz,
  ADD COLUMN disassembled_by_event_id text,
  ADD COLUMN successor_code text,
  -- 2. The public timeline (date + kind of every non-erroneous step of the product and of its life cores),
  --    kept by the projector, so public verification reads ONE row by code.
  ADD COLUMN public_steps jsonb;

-- Products whose life cores include a key (refresh of the public timeline when a step of an old core or an
-- earlier life's product arrives later; the successor of a core's product).
CREATE INDEX trace_products_life_core_keys_idx ON trace_products USING gin (life_core_keys);

-- Indexes that served no query but error declarations (which now scan the enterprise's rows once per
-- declaration capture): every edge and step row paid for them on insert.
DROP INDEX IF EXISTS trace_edges_event_idx;
DROP INDEX IF EXISTS trace_steps_event_idx;
-- Every query of steps by object names the enterprise: one index answers both (the planner no longer ANDs the
-- step-kind index, which matched every step of the enterprise, with the object index).
DROP INDEX IF EXISTS trace_steps_object_idx;
CREATE INDEX trace_steps_object_idx ON trace_steps (enterprise_id, object_key, event_time);

-- The timeline of the products that exist already.
UPDATE trace_products p SET public_steps = (
  SELECT coalesce(jsonb_agg(jsonb_build_array(s.day, s.step_kind) ORDER BY s.t), '[]'::jsonb)
  FROM (SELECT DISTINCT ON (event_id) to_char(event_time AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, step_kind, event_time AS t
        FROM trace_steps WHERE enterprise_id = p.enterprise_id AND object_key = ANY(ARRAY[p.epc] || p.life_core_keys) AND NOT erroneous AND step_kind IS NOT NULL
        ORDER BY event_id, event_time) s);

-- Units already disassembled, and the products they became (latest earlier life of each life core).
UPDATE trace_products p SET disassembled_at = d.t, disassembled_by_event_id = d.event_id
FROM (SELECT DISTINCT ON (enterprise_id, child_key) enterprise_id, child_key, valid_from AS t, event_id
      FROM trace_edges WHERE kind = 'disassembly' AND NOT erroneous ORDER BY enterprise_id, child_key, valid_from) d
WHERE d.enterprise_id = p.enterprise_id AND d.child_key = p.epc AND d.t >= p.made_at;
UPDATE trace_products p SET successor_code = (
  SELECT s.code FROM trace_products s
  WHERE s.enterprise_id = p.enterprise_id AND p.epc = ANY(s.life_core_keys) AND s.life > p.life AND s.made_at >= p.made_at
    AND s.status_reason IS DISTINCT FROM 'reassembly event declared erroneous'
  ORDER BY s.made_at, s.code LIMIT 1);
