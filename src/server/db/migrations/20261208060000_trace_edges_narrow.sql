-- Issue 10 §5: the projection writes ~115k genealogy edges per 10,000 reman events; each edge paid for three
-- B-trees, two of them covering (INCLUDE of seven columns) and one on a generated id no query reads.
-- Measured with bench/projection-profile.ts (same run, alternating A/B on PostgreSQL 15): the edge COPY took
-- 35–40 % less time with narrow key indexes and no id. The genealogy walk now reads the edge rows from the heap
-- (rows of one reassembly are written together, so a product's edges share a few pages): its p95 stays within the
-- 50 ms target (docs/performance.md). Rows are addressed by what they mean (enterprise, event, parent, child).
ALTER TABLE trace_edges DROP CONSTRAINT trace_edges_pkey;
ALTER TABLE trace_edges DROP COLUMN id;
DROP INDEX trace_edges_parent_idx;
DROP INDEX trace_edges_child_idx;
CREATE INDEX trace_edges_parent_idx ON trace_edges (parent_key);
CREATE INDEX trace_edges_child_idx ON trace_edges (child_key);
