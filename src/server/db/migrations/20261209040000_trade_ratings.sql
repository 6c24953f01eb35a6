-- 交易服务 quality feedback (issue 13 "Quality feedback"): after acceptance the buyer rates the delivered units and the
-- seller, once per order (the primary key: a second rating of one order is a conflict → 409).
CREATE TABLE trade_ratings (
  enterprise_id  uuid NOT NULL REFERENCES enterprises(id),
  order_id       uuid NOT NULL,
  buyer_org_id   uuid NOT NULL REFERENCES buyer_orgs(id),
  product_name   text NOT NULL,
  model          text,
  units          integer NOT NULL CHECK (units BETWEEN 1 AND 200),
  unit_score     smallint NOT NULL CHECK (unit_score BETWEEN 1 AND 5),
  seller_score   smallint NOT NULL CHECK (seller_score BETWEEN 1 AND 5),
  comment        text NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enterprise_id, order_id),
  FOREIGN KEY (enterprise_id, order_id) REFERENCES orders (enterprise_id, id)
);
CREATE INDEX trade_ratings_enterprise_idx ON trade_ratings (enterprise_id, created_at DESC);
