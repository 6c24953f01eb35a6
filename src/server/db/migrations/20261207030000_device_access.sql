-- 在役运行监测 access (issue 12 "Devices and ownership", docs/monitoring.md "Access").
-- The owner's consent to the manufacturer's service access: granted by default; withdrawn by the owner recorded in
-- the trace (consent_party = that owner's party URN). A withdrawal binds only while that party still owns the
-- product: after a resale the new owner decides afresh.
ALTER TABLE devices
  ADD COLUMN manufacturer_access boolean NOT NULL DEFAULT true,
  ADD COLUMN consent_party text,
  ADD COLUMN consent_at timestamptz,
  -- province (GB/T 2260, 6 digits) where the unit is installed, for the fleet map; null: the maker's region
  ADD COLUMN region_code text CHECK (region_code IS NULL OR region_code ~ '^[0-9]{6}$'),
  ADD CONSTRAINT devices_consent_party CHECK (manufacturer_access OR consent_party IS NOT NULL);

-- "products held by party X" (trace read for owners and lessees): only platform organisations' parties are asked for.
CREATE INDEX trace_products_owner_idx ON trace_products (owner_id) WHERE owner_id LIKE 'urn:reman-platform:party:%';
CREATE INDEX trace_products_possessor_idx ON trace_products (possessor_id) WHERE possessor_id LIKE 'urn:reman-platform:party:%';
