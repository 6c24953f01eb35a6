-- 交易服务 orders (issue 13): payment records beside the order (the offline transfer with its voucher, or a
-- provider's payment later), the 以旧换再 trade-in of an order, the sellers' trade-in valuation rules.
-- The orders table itself is in 20261206050000_trading.sql. Enterprise data carries enterprise_id (the seller).

CREATE TABLE order_payments (
  enterprise_id   uuid NOT NULL REFERENCES enterprises(id),
  id              uuid NOT NULL,
  order_id        uuid NOT NULL,
  buyer_org_id    uuid NOT NULL REFERENCES buyer_orgs(id),
  provider        text NOT NULL DEFAULT 'offline_transfer' CHECK (length(provider) BETWEEN 1 AND 50),
  amount_cny      numeric(16,2) NOT NULL CHECK (amount_cny > 0 AND amount_cny <= 10000000000),
  reference       text CHECK (length(reference) <= 100),
  voucher_sha256  char(64),
  status          text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'confirmed', 'rejected')),
  note            text CHECK (length(note) <= 500),
  submitted_by    uuid NOT NULL,
  submitted_at    timestamptz NOT NULL DEFAULT now(),
  decided_by      uuid,
  decided_at      timestamptz,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, order_id) REFERENCES orders (enterprise_id, id),
  CHECK (provider <> 'offline_transfer' OR voucher_sha256 IS NOT NULL),
  CHECK ((status = 'submitted') = (decided_at IS NULL))
);
-- one payment under review per order at a time
CREATE UNIQUE INDEX order_payments_one_open ON order_payments (enterprise_id, order_id) WHERE status = 'submitted';
CREATE INDEX order_payments_order_idx ON order_payments (enterprise_id, order_id, submitted_at);

CREATE TABLE trade_in_rules (
  enterprise_id          uuid NOT NULL REFERENCES enterprises(id),
  scope                  text NOT NULL CHECK (scope IN ('model', 'field')),
  key                    text NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
  base_value_cny         numeric(14,2) NOT NULL CHECK (base_value_cny > 0 AND base_value_cny <= 100000000),
  depreciation_per_year  double precision NOT NULL CHECK (depreciation_per_year >= 0 AND depreciation_per_year < 1),
  floor_share            double precision NOT NULL CHECK (floor_share >= 0 AND floor_share <= 1),
  hours_per_year         integer NOT NULL CHECK (hours_per_year BETWEEN 1 AND 8784),
  core_deposit_cny       numeric(14,2) NOT NULL CHECK (core_deposit_cny >= 0 AND core_deposit_cny <= 100000000),
  return_days            integer NOT NULL CHECK (return_days BETWEEN 1 AND 365),
  updated_by             uuid,
  updated_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, scope, key)
);

CREATE TABLE order_trade_ins (
  enterprise_id       uuid NOT NULL REFERENCES enterprises(id),
  order_id            uuid NOT NULL,
  buyer_org_id        uuid NOT NULL REFERENCES buyer_orgs(id),
  model               text NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
  field               text,
  age_years           numeric(5,2) NOT NULL CHECK (age_years >= 0 AND age_years <= 100),
  running_hours       integer NOT NULL CHECK (running_hours BETWEEN 0 AND 1000000),
  declared_grade      char(1) NOT NULL CHECK (declared_grade IN ('A', 'B', 'C', 'D')),
  grade               char(1) NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  product_code        text,
  rule_source         text NOT NULL CHECK (rule_source IN ('model', 'field', 'platform')),
  rule                jsonb NOT NULL,
  credit_cny          numeric(14,2) NOT NULL CHECK (credit_cny >= 0),
  deposit_cny         numeric(14,2) NOT NULL CHECK (deposit_cny >= 0),
  return_days         integer NOT NULL CHECK (return_days BETWEEN 1 AND 365),
  due_on              date,
  status              text NOT NULL DEFAULT 'awaiting_core' CHECK (status IN ('awaiting_core', 'core_in_transit', 'core_received', 'settled', 'cancelled')),
  tracking_no         text CHECK (length(tracking_no) <= 100),
  core_epc            text,
  final_grade         char(1) CHECK (final_grade IN ('A', 'B', 'C', 'D')),
  final_value_cny     numeric(14,2) CHECK (final_value_cny >= 0),
  refund_cny          numeric(14,2),
  overdue_flagged_at  timestamptz,
  received_at         timestamptz,
  settled_at          timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, order_id),
  FOREIGN KEY (enterprise_id, order_id) REFERENCES orders (enterprise_id, id),
  CHECK ((status IN ('core_received', 'settled')) = (core_epc IS NOT NULL AND final_value_cny IS NOT NULL)),
  CHECK ((status = 'settled') = (settled_at IS NOT NULL))
);
CREATE INDEX order_trade_ins_open_idx ON order_trade_ins (due_on) WHERE status IN ('awaiting_core', 'core_in_transit');
