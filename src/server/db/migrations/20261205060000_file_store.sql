-- Uploaded files' bytes move to the content-addressed file store (FILE_STORE_DIR; modules/files/blob-store.ts).
-- The table keeps the metadata. A SQL migration cannot write files: existing bytes are moved out by a one-time,
-- idempotent step at start (files.service.ts moveBlobsToStore: write to the store, then set data to NULL);
-- a later migration drops the column once every installation has started with this version.
ALTER TABLE files ALTER COLUMN data DROP NOT NULL;
