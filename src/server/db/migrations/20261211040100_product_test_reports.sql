-- Issue 14: third-party test reports attached to traced products (one unit by its code, or every unit of a model
-- of the enterprise). Shown on the product's public page /p/{code} once the file is there; a catalogue application
-- may cite one (docs/public-portal.md "Test reports on products").
CREATE TABLE product_test_reports (
  id                uuid PRIMARY KEY,
  enterprise_id     uuid NOT NULL,
  -- a unit (product_code) or a model of the enterprise (model, product_code null)
  product_code      text CHECK (product_code IS NULL OR length(product_code) BETWEEN 4 AND 100),
  model             text NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
  testing_org_id    uuid NOT NULL,
  org_name          text NOT NULL,
  accreditation_no  text NOT NULL,
  report_no         text NOT NULL CHECK (length(report_no) BETWEEN 1 AND 100),
  issued_on         date NOT NULL,
  conclusion        text NOT NULL DEFAULT '' CHECK (length(conclusion) <= 500),
  sha256            text,
  file_name         text,
  mime              text,
  size              integer,
  withdrawn_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
-- one live report per number and organisation for the same unit or model
CREATE UNIQUE INDEX product_test_reports_live_uq ON product_test_reports (enterprise_id, upper(model), coalesce(product_code, ''), testing_org_id, report_no) WHERE withdrawn_at IS NULL;
CREATE INDEX product_test_reports_code_idx ON product_test_reports (product_code) WHERE product_code IS NOT NULL;
CREATE INDEX product_test_reports_model_idx ON product_test_reports (enterprise_id, upper(model));
