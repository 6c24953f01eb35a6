-- 旧件交易 postings search with word segmentation (issue 13 core exchange; docs/trading.md "Core exchange"): the
-- posting's name, model and note segmented by jieba in the app (platform/search/segment.ts indexText), stored as
-- to_tsvector('simple', …) like the listings. Rows posted before this column have an empty vector; the search keeps
-- substring matching for them.
ALTER TABLE core_postings ADD COLUMN search_tsv tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX core_postings_search ON core_postings USING gin (search_tsv);
