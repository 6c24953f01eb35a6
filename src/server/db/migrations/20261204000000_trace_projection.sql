-- Trace projection cursor (issue 4, docs/traceability.md "Projection"): how far the trace projection has
-- followed each enterprise's EPCIS event stream (epcis_events.seq). Small captures and the platform's own forms
-- are projected inside the capture transaction (cursor = head); large MES captures are stored at once and
-- projected right after commit by the projection follower, one capture per transaction, in stream order.
CREATE TABLE trace_projection (
  enterprise_id uuid PRIMARY KEY,
  projected_seq bigint NOT NULL DEFAULT 0 CHECK (projected_seq >= 0),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  -- the last failure of the follower for this stream (cleared by the next successful step)
  last_error    text,
  failed_at     timestamptz
);

-- Until now every capture was projected in its own transaction: existing streams are projected to their head.
INSERT INTO trace_projection (enterprise_id, projected_seq)
  SELECT enterprise_id, max(seq) FROM epcis_events GROUP BY enterprise_id;

-- Public verification by GS1 Digital Link (a product whose EPC is not the Digital Link, e.g. a platform EPC with a
-- GTIN): `epc = $1 OR digital_link = $1` becomes a BitmapOr of two index scans instead of a scan of all products.
CREATE INDEX trace_products_digital_link_idx ON trace_products (digital_link) WHERE digital_link IS NOT NULL;
