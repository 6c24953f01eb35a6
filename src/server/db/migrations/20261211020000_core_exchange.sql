-- 旧件交易 core exchange (issue 13, docs/trading.md "Core exchange"): enterprises, recyclers and dealers post supply of
-- cores; remanufacturers post demand; a match between a supply and a demand is proposed by one side and accepted by
-- the other, and the accepted transfer is recorded in the traces (core intake at the receiver, shipping at a supplying
-- enterprise) with the supplier's source attestation (规范条件 四(二)).

CREATE TABLE core_postings (
  id             uuid PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('supply', 'demand')),
  -- the posting party: an enterprise (a remanufacturer, which has a trace) or a registered organisation (recycler, dealer)
  enterprise_id  uuid REFERENCES enterprises(id),
  buyer_org_id   uuid REFERENCES buyer_orgs(id),
  channel        text NOT NULL CHECK (channel IN ('enterprise', 'recycler', 'dealer')),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  model          text CHECK (length(model) <= 100),
  model_key      text NOT NULL DEFAULT '',
  field          text,
  quantity       integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
  remaining      integer NOT NULL CHECK (remaining >= 0 AND remaining <= quantity),
  -- supply: the cores' grade; demand: the worst grade accepted
  grade          text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  price_cny      numeric(14,2) CHECK (price_cny > 0 AND price_cny <= 100000000),
  deposit_cny    numeric(14,2) CHECK (deposit_cny >= 0 AND deposit_cny <= 100000000),
  region_code    text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  note           text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'withdrawn')),
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(enterprise_id, buyer_org_id) = 1),
  CHECK ((channel = 'enterprise') = (enterprise_id IS NOT NULL)),
  -- a demand is a remanufacturer's: the cores go into its trace
  CHECK (kind = 'supply' OR enterprise_id IS NOT NULL),
  CHECK (model IS NOT NULL OR field IS NOT NULL),
  CHECK ((status = 'filled') = (remaining = 0))
);
CREATE INDEX core_postings_open ON core_postings (kind, status, model_key, created_at DESC);
CREATE INDEX core_postings_enterprise ON core_postings (enterprise_id, created_at DESC);
CREATE INDEX core_postings_org ON core_postings (buyer_org_id, created_at DESC);

CREATE TABLE core_matches (
  id                  uuid PRIMARY KEY,
  supply_id           uuid NOT NULL REFERENCES core_postings(id),
  demand_id           uuid NOT NULL REFERENCES core_postings(id),
  -- the receiving remanufacturer (the demand's enterprise)
  enterprise_id       uuid NOT NULL REFERENCES enterprises(id),
  quantity            integer NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
  status              text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined')),
  proposed_side       text NOT NULL CHECK (proposed_side IN ('supply', 'demand')),
  proposed_by         uuid,
  reason              text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
  -- the supplier's declaration of a lawful source: {statement, document?, by, byName, org, at}
  attestation         jsonb,
  core_epcs           jsonb NOT NULL DEFAULT '[]',
  receiver_event_ids  jsonb NOT NULL DEFAULT '[]',
  supplier_event_ids  jsonb NOT NULL DEFAULT '[]',
  note                text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_at          timestamptz NOT NULL DEFAULT now(),
  decided_by          uuid,
  decided_at          timestamptz,
  CHECK (status <> 'accepted' OR attestation IS NOT NULL)
);
-- one open proposal per pair
CREATE UNIQUE INDEX core_matches_open ON core_matches (supply_id, demand_id) WHERE status = 'proposed';
CREATE INDEX core_matches_supply ON core_matches (supply_id);
CREATE INDEX core_matches_demand ON core_matches (demand_id);
