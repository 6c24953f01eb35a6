-- 交易服务 (issue 13): buyer organisations and their users, listings of verified units, orders.
-- Enterprise data carries enterprise_id (the seller) as the Citus distribution key.

CREATE TABLE buyer_orgs (
  id            uuid PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  credit_code   char(18) NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  contact_name  text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 50),
  phone         text NOT NULL CHECK (length(phone) BETWEEN 5 AND 30),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- users: a fourth kind of organisation (buyer), and the buyer roles
ALTER TABLE users ADD COLUMN buyer_org_id uuid REFERENCES buyer_orgs(id);
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
           WHERE conrelid = 'users'::regclass AND contype = 'c'
             AND (pg_get_constraintdef(oid) LIKE '%num_nonnulls%' OR pg_get_constraintdef(oid) LIKE '%''expert''::text]%' OR conname = 'users_role_check')
  LOOP
    EXECUTE format('ALTER TABLE users DROP CONSTRAINT %I', c.conname);
  END LOOP;
END $$;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('enterprise_staff', 'enterprise_admin', 'authority_reviewer',
  'authority_admin', 'ministry_officer', 'ministry_admin', 'expert', 'buyer_admin', 'buyer_staff'));
ALTER TABLE users ADD CONSTRAINT users_one_organisation CHECK (num_nonnulls(enterprise_id, authority_id, expert_id, buyer_org_id) = 1);
ALTER TABLE users ADD CONSTRAINT users_buyer_org CHECK (role NOT IN ('buyer_admin', 'buyer_staff') OR buyer_org_id IS NOT NULL);
CREATE INDEX users_buyer_org_idx ON users (buyer_org_id) WHERE buyer_org_id IS NOT NULL;

CREATE TABLE listings (
  enterprise_id            uuid NOT NULL REFERENCES enterprises(id),
  id                       uuid NOT NULL,
  title                    text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  description              text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  price_cny                numeric(14,2) NOT NULL CHECK (price_cny > 0 AND price_cny <= 100000000),
  new_reference_price_cny  numeric(14,2) CHECK (new_reference_price_cny > 0 AND new_reference_price_cny <= 100000000),
  warranty_months          integer CHECK (warranty_months BETWEEN 0 AND 120),
  product_name             text NOT NULL,
  model                    text,
  field                    text,
  region_code              char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  life                     integer NOT NULL DEFAULT 1,
  mass_rate                double precision,
  value_rate               double precision,
  status                   text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'sold', 'withdrawn')),
  status_reason            text,
  search_tsv               tsvector NOT NULL,
  created_by               uuid,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id)
);
CREATE INDEX listings_id_idx ON listings (id);
CREATE INDEX listings_search_idx ON listings USING gin (search_tsv);
CREATE INDEX listings_public_idx ON listings (status, created_at DESC, id);
CREATE INDEX listings_price_idx ON listings (status, price_cny);

-- each unit of a listing stays individually traceable; a unit is in at most one live listing and sold once
CREATE TABLE listing_units (
  enterprise_id  uuid NOT NULL REFERENCES enterprises(id),
  listing_id     uuid NOT NULL,
  product_code   text NOT NULL,
  product_epc    text NOT NULL,
  status         text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'reserved', 'sold', 'withdrawn')),
  order_id       uuid,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, listing_id, product_code),
  FOREIGN KEY (enterprise_id, listing_id) REFERENCES listings (enterprise_id, id),
  CHECK ((status IN ('reserved', 'sold')) = (order_id IS NOT NULL))
);
CREATE UNIQUE INDEX listing_units_live_unit ON listing_units (enterprise_id, product_code) WHERE status <> 'withdrawn';
CREATE INDEX listing_units_epc_idx ON listing_units (product_epc) WHERE status = 'available';
CREATE INDEX listing_units_order_idx ON listing_units (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE orders (
  enterprise_id     uuid NOT NULL REFERENCES enterprises(id),
  id                uuid NOT NULL,
  listing_id        uuid NOT NULL,
  buyer_org_id      uuid NOT NULL REFERENCES buyer_orgs(id),
  created_by        uuid NOT NULL,
  quantity          integer NOT NULL CHECK (quantity BETWEEN 1 AND 200),
  unit_price_cny    numeric(14,2) NOT NULL CHECK (unit_price_cny > 0),
  total_cny         numeric(16,2) NOT NULL CHECK (total_cny > 0),
  payment_terms     text NOT NULL DEFAULT 'on_account' CHECK (payment_terms IN ('on_account', 'prepayment')),
  status            text NOT NULL CHECK (status IN ('inquiry', 'quoted', 'placed', 'confirmed', 'paid', 'delivered', 'accepted', 'disputed', 'cancelled')),
  payment_status    text NOT NULL DEFAULT 'unpaid' CHECK (payment_status IN ('unpaid', 'voucher_submitted', 'paid')),
  message           text,
  trade_in          jsonb,
  payment           jsonb,
  invoice_number    text,
  dispute_reason    text,
  sale_recorded_at  timestamptz,
  delivered_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, listing_id) REFERENCES listings (enterprise_id, id)
);
CREATE INDEX orders_id_idx ON orders (id);
CREATE INDEX orders_buyer_idx ON orders (buyer_org_id, created_at DESC);
CREATE INDEX orders_seller_idx ON orders (enterprise_id, created_at DESC);
