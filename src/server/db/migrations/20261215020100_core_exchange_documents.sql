-- 旧件交易 source declaration's supporting document as an uploaded file (issue 13 core exchange, 规范条件 四(二);
-- docs/trading.md "Core exchange"): a trading party uploads the file (the platform's file store: checked by content
-- and size, stored once by SHA-256) and its declaration references it by hash; a party references only files it
-- uploaded itself. The download is decided by the match (its two parties and MIIT).
CREATE TABLE core_exchange_documents (
  -- the uploading party: an enterprise or a registered organisation (recycler, dealer)
  party_id     uuid NOT NULL,
  sha256       char(64) NOT NULL REFERENCES files(sha256),
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  mime         text NOT NULL,
  size         integer NOT NULL CHECK (size > 0),
  uploaded_by  uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (party_id, sha256)
);
