-- 保险 (issue 13, 000 三(八)): insurers are registered organisations of kind 'insurer'; a quality insurance policy of a
-- unit is recorded at its sale (an order) or lease; a failure after the seller's warranty but inside the cover routes
-- its case to the insurer (one claim row per case, written in the case's own transaction).

ALTER TABLE buyer_orgs ADD COLUMN kind text NOT NULL DEFAULT 'buyer' CHECK (kind IN ('buyer', 'insurer'));

CREATE TABLE insurance_policies (
  enterprise_id   uuid NOT NULL REFERENCES enterprises(id),
  id              uuid NOT NULL,
  product_code    text NOT NULL,
  product_name    text NOT NULL,
  model           text,
  insurer_org_id  uuid NOT NULL REFERENCES buyer_orgs(id),
  holder_org_id   uuid NOT NULL REFERENCES buyer_orgs(id),
  order_id        uuid,
  lease_id        uuid,
  policy_number   text NOT NULL CHECK (length(policy_number) BETWEEN 3 AND 64),
  cover_cny       numeric(14,2) NOT NULL CHECK (cover_cny > 0 AND cover_cny <= 100000000),
  coverage        text NOT NULL DEFAULT '' CHECK (length(coverage) <= 1000),
  premium_cny     numeric(14,2) NOT NULL CHECK (premium_cny >= 0 AND premium_cny <= 100000000),
  starts_on       date NOT NULL,
  ends_on         date NOT NULL,
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, id),
  CHECK (num_nonnulls(order_id, lease_id) = 1),
  CHECK (ends_on > starts_on)
);
CREATE UNIQUE INDEX insurance_policies_number ON insurance_policies (insurer_org_id, policy_number);
CREATE UNIQUE INDEX insurance_policies_id ON insurance_policies (id);
CREATE INDEX insurance_policies_unit ON insurance_policies (enterprise_id, product_code, starts_on);
CREATE INDEX insurance_policies_holder ON insurance_policies (holder_org_id);

CREATE TABLE insurance_claims (
  enterprise_id   uuid NOT NULL REFERENCES enterprises(id),
  case_id         uuid NOT NULL,
  policy_id       uuid NOT NULL,
  insurer_org_id  uuid NOT NULL REFERENCES buyer_orgs(id),
  case_number     text NOT NULL,
  product_code    text NOT NULL,
  title           text NOT NULL DEFAULT '',
  description     text,
  opened_at       timestamptz NOT NULL,
  warranty_until  date,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
  amount_cny      numeric(14,2) CHECK (amount_cny > 0 AND amount_cny <= 100000000),
  reason          text CHECK (length(reason) <= 1000),
  decided_by      uuid,
  decided_at      timestamptz,
  PRIMARY KEY (enterprise_id, case_id),
  FOREIGN KEY (enterprise_id, policy_id) REFERENCES insurance_policies (enterprise_id, id),
  CHECK ((status = 'accepted') = (amount_cny IS NOT NULL))
);
CREATE INDEX insurance_claims_insurer ON insurance_claims (insurer_org_id, opened_at DESC);
CREATE INDEX insurance_claims_policy ON insurance_claims (policy_id);
