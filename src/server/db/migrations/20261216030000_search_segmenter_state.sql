-- The segmenter version each table's search vectors were written with (platform/search/segment.ts SEGMENTER_VERSION,
-- platform/search/backfill.ts). One row per table rather than a column per row: a version changes for a whole table
-- at once (a new word list, a new jieba), the job re-segments the table and records the version once at the end, and
-- the insert paths stay as they are (a per-row column would have to be written by every insert and edit of six
-- tables). No row: the version is unknown, the table is re-segmented once (rows whose vector is already right are
-- read, not written).
CREATE TABLE search_segmenter_state (
  table_name text PRIMARY KEY,
  version    text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
