-- One search across the public data (issue 14 "Search", docs/public-portal.md): one row per public document
-- (announced enterprise, 公告 batch, 公示 batch, standard, policy, demonstration unit, testing organisation,
-- market listing), owned by the search module and fed from the owning modules' services (after commit, and by
-- the periodic sync / rebuild). `tsv` holds the jieba-segmented words (platform/search/segment.ts indexText):
-- the title with weight A, the body with weight D, so ts_rank boosts title hits and the suggestions match
-- title words only ('word':*A).

CREATE TABLE search_documents (
  type        text NOT NULL CHECK (type IN ('enterprise', 'announcement', 'notice', 'standard', 'policy', 'demoUnit', 'testingOrg', 'listing', 'product')),
  ref_id      text NOT NULL CHECK (length(ref_id) BETWEEN 1 AND 200),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  body        text NOT NULL DEFAULT '',
  url         text NOT NULL CHECK (url LIKE '/%'),
  -- province code (2 digits) where the document has a place
  region      char(2) CHECK (region ~ '^[0-9]{2}$'),
  -- fields of remanufacturing (规范条件 一(一) codes, or the unit's own words for demonstration units)
  fields      text[] NOT NULL DEFAULT '{}',
  year        integer CHECK (year BETWEEN 1949 AND 2100),
  tsv         tsvector NOT NULL,
  -- sha-256 of the indexed content: the sync rewrites a row only when it changed
  digest      char(64) NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (type, ref_id)
);
CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv);
CREATE INDEX search_documents_filters ON search_documents (type, region, year);
