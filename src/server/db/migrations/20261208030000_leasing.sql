-- 交易服务 leasing and 以租代购 (issue 13 "Leasing"): lease contracts of traced units and their schedules of rents.
-- The lessor enterprise (whose trace holds the unit) is enterprise_id; a finance lease names the leasing company
-- (a registered buyer organisation) that finances it. Overlapping leases of one unit are impossible: a unit has at
-- most one lease that is not yet returned or purchased (partial unique index; the service answers 409).

CREATE TABLE leases (
  enterprise_id        uuid NOT NULL REFERENCES enterprises(id),
  id                   uuid NOT NULL,
  product_code         text NOT NULL CHECK (length(product_code) BETWEEN 1 AND 500),
  model                text,
  product_name         text NOT NULL,
  lessee_org_id        uuid NOT NULL REFERENCES buyer_orgs(id),
  kind                 text NOT NULL CHECK (kind IN ('operating', 'finance')),
  financier_org_id     uuid REFERENCES buyer_orgs(id),
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'terminated', 'returned', 'purchased')),
  start_on             date NOT NULL,
  months               integer NOT NULL CHECK (months BETWEEN 1 AND 120),
  deposit_cny          numeric(14,2) NOT NULL CHECK (deposit_cny >= 0 AND deposit_cny <= 100000000),
  billing              text NOT NULL CHECK (billing IN ('fixed', 'usage')),
  monthly_rent_cny     numeric(14,2) CHECK (monthly_rent_cny > 0 AND monthly_rent_cny <= 100000000),
  rate_per_hour_cny    numeric(12,2) CHECK (rate_per_hour_cny > 0 AND rate_per_hour_cny <= 1000000),
  minimum_monthly_cny  numeric(14,2) CHECK (minimum_monthly_cny >= 0 AND minimum_monthly_cny <= 100000000),
  start_hours          numeric(12,2) NOT NULL DEFAULT 0 CHECK (start_hours >= 0),
  start_hours_source   text NOT NULL DEFAULT 'declared' CHECK (start_hours_source IN ('monitoring', 'declared')),
  purchase_price_cny   numeric(14,2) CHECK (purchase_price_cny > 0 AND purchase_price_cny <= 100000000),
  terminate_reason     text CHECK (length(terminate_reason) <= 1000),
  return_disposition   text CHECK (return_disposition IN ('relet', 'core_intake')),
  core_epc             text,
  created_by           uuid,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  closed_at            timestamptz,
  PRIMARY KEY (enterprise_id, id),
  CHECK (kind = 'operating' OR financier_org_id IS NOT NULL),
  CHECK (billing = 'usage' OR monthly_rent_cny IS NOT NULL),
  CHECK (billing = 'fixed' OR (rate_per_hour_cny IS NOT NULL AND minimum_monthly_cny IS NOT NULL))
);
CREATE UNIQUE INDEX leases_id_idx ON leases (id);
-- one live lease per unit: no overlap (returned and purchased leases are history)
CREATE UNIQUE INDEX leases_live_unit ON leases (enterprise_id, product_code) WHERE status IN ('active', 'ended', 'terminated');
CREATE INDEX leases_lessee_idx ON leases (lessee_org_id, created_at DESC);
CREATE INDEX leases_financier_idx ON leases (financier_org_id, created_at DESC) WHERE financier_org_id IS NOT NULL;
CREATE INDEX leases_enterprise_idx ON leases (enterprise_id, created_at DESC);

CREATE TABLE lease_rents (
  enterprise_id   uuid NOT NULL REFERENCES enterprises(id),
  lease_id        uuid NOT NULL,
  seq             integer NOT NULL CHECK (seq BETWEEN 1 AND 120),
  period_from     date NOT NULL,
  period_to       date NOT NULL,
  due_on          date NOT NULL,
  amount_cny      numeric(14,2) CHECK (amount_cny >= 0),
  reading_hours   numeric(12,2) CHECK (reading_hours >= 0),
  hours           numeric(12,2) CHECK (hours >= 0),
  reading_source  text CHECK (reading_source IN ('monitoring', 'declared')),
  status          text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'billed', 'paid', 'void')),
  paid_cny        numeric(14,2) CHECK (paid_cny >= 0),
  paid_reference  text CHECK (length(paid_reference) <= 100),
  paid_at         timestamptz,
  PRIMARY KEY (enterprise_id, lease_id, seq),
  FOREIGN KEY (enterprise_id, lease_id) REFERENCES leases (enterprise_id, id),
  CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
  CHECK (status = 'scheduled' OR status = 'void' OR amount_cny IS NOT NULL)
);
