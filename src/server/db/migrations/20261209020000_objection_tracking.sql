-- Issue 16 item 13: an objection to a 公示 gets a tracking code like a complaint (public lookup by code).
-- Objections filed before this migration get a code from their id (hex digits are in the code alphabet).
ALTER TABLE objections ADD COLUMN tracking_code char(12);
UPDATE objections SET tracking_code = upper(substr(md5(id::text), 1, 12)) WHERE tracking_code IS NULL;
ALTER TABLE objections ALTER COLUMN tracking_code SET NOT NULL;
ALTER TABLE objections ADD CONSTRAINT objections_tracking_code_key UNIQUE (tracking_code);
