-- 再制造产品目录 (认定), issue 14: applications to list a product model, their review (province → MIIT → 公示)
-- and the numbered batches in which MIIT publishes the listed models (docs/public-portal.md "Catalogue").

CREATE TABLE catalogue_batches (
  id            uuid PRIMARY KEY,
  batch_no      integer NOT NULL UNIQUE CHECK (batch_no >= 1),
  title         text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  published_on  date NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalogue_applications (
  id                   uuid PRIMARY KEY,
  enterprise_id        uuid NOT NULL,
  authority_id         text NOT NULL,
  state                text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned', 'provincial_rejected', 'forwarded', 'in_notice', 'notice_passed', 'listed', 'rejected', 'withdrawn')),
  product_name         text NOT NULL CHECK (length(product_name) BETWEEN 2 AND 200),
  model                text NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
  field                text NOT NULL,
  specifications       text NOT NULL DEFAULT '',
  standard_code        text NOT NULL CHECK (length(standard_code) BETWEEN 3 AND 60),
  -- [{testingOrgId, orgName, accreditationNo, reportNo, issuedOn, sha256?, fileName?}] — orgs of the portal's directory
  test_reports         jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- 再制造率 (percent, as in trace_products) from the enterprise's trace records (a unit of this model), through the trace service
  sample_product_code  text,
  mass_rate            numeric(6, 2),
  value_rate           numeric(6, 2),
  rate_formula         text,
  provincial_opinion   text,
  reason               text,
  notice_start_on      date,
  notice_end_on        date,
  batch_id             uuid REFERENCES catalogue_batches (id),
  listed_no            text UNIQUE,
  submitted_at         timestamptz,
  listed_at            timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  search_tsv           tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX catalogue_applications_enterprise ON catalogue_applications (enterprise_id, state);
CREATE INDEX catalogue_applications_authority ON catalogue_applications (authority_id, state);
CREATE INDEX catalogue_applications_state ON catalogue_applications (state, listed_no);
CREATE INDEX catalogue_applications_search ON catalogue_applications USING gin (search_tsv);
-- one open or listed application per enterprise and model (a rejected or withdrawn one may be made again)
CREATE UNIQUE INDEX catalogue_applications_model ON catalogue_applications (enterprise_id, upper(model))
  WHERE state NOT IN ('provincial_rejected', 'rejected', 'withdrawn');

-- the one search indexes listed catalogue models too
ALTER TABLE search_documents DROP CONSTRAINT search_documents_type_check;
ALTER TABLE search_documents ADD CONSTRAINT search_documents_type_check
  CHECK (type IN ('enterprise', 'announcement', 'notice', 'standard', 'policy', 'demoUnit', 'testingOrg', 'listing', 'product', 'catalogue'));
