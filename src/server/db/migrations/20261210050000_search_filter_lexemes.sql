-- The one search's filters inside its GIN index (issue 14 item 3, docs/public-portal.md "Benchmark"):
-- 1. Each document's vector also holds its filter values as position-less lexemes ('type:listing', 'region:44',
--    'year:2020', 'field:<code>'; search.repo.ts filterLexemes writes the same for new rows). A filtered search is
--    then one GIN condition, tsv @@ (words && filters): the index intersects the posting lists and only matching rows
--    are read. Before, type/region/year/field were checked on heap rows after the index, and for a common word the
--    planner chose a sequential scan (PGlite: 15,000 rows read to find 1,000 listings matching 发动机). The words'
--    ranking is unchanged: ts_rank is computed with the words' query only.
-- 2. fastupdate off: GIN's pending list of new entries is merged into the index only by VACUUM (autovacuum) or when
--    it outgrows gin_pending_list_limit, and every search scans it linearly. PGlite has no autovacuum, so the list
--    stayed (up to 4 MB) and cost each query ~10 ms even with no match. Entries now go into the index on write (the
--    sync writes only changed documents); the list left over is merged here.
UPDATE search_documents SET tsv = tsv || array_to_tsvector(
  ARRAY['type:' || type]
  || CASE WHEN region IS NULL THEN '{}'::text[] ELSE ARRAY['region:' || region] END
  || CASE WHEN year IS NULL THEN '{}'::text[] ELSE ARRAY['year:' || year] END
  || ARRAY(SELECT 'field:' || f FROM unnest(fields) AS f WHERE f <> ''));
ALTER INDEX search_documents_tsv SET (fastupdate = off);
SELECT gin_clean_pending_list('search_documents_tsv'::regclass);
