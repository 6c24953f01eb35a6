-- Issue 14: accounts of third-party testing organisations (docs/public-portal.md "Testing organisations' accounts").
-- A published entry of the directory (portal_testing_orgs) may have users (role testing_org_staff, created by MIIT's
-- administrator); such a user issues test reports on traced products or models within the organisation's accredited
-- fields, shown on /p/{code} as issued by the organisation.

-- the 规范条件 一(一) fields the organisation's accreditation covers (MIIT enters them with the directory entry)
ALTER TABLE portal_testing_orgs ADD COLUMN scope_fields text[] NOT NULL DEFAULT '{}';

-- users: a fifth kind of organisation (testing organisation) and its role
ALTER TABLE users ADD COLUMN testing_org_id uuid REFERENCES portal_testing_orgs(id);
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users DROP CONSTRAINT users_one_organisation;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('enterprise_staff', 'enterprise_admin', 'authority_reviewer',
  'authority_admin', 'ministry_officer', 'ministry_admin', 'expert', 'buyer_admin', 'buyer_staff', 'testing_org_staff'));
ALTER TABLE users ADD CONSTRAINT users_one_organisation CHECK (num_nonnulls(enterprise_id, authority_id, expert_id, buyer_org_id, testing_org_id) = 1);
ALTER TABLE users ADD CONSTRAINT users_testing_org CHECK ((role = 'testing_org_staff') = (testing_org_id IS NOT NULL));
CREATE INDEX users_testing_org_idx ON users (testing_org_id) WHERE testing_org_id IS NOT NULL;

-- reports issued by the organisation itself (issued_by_org), with the field its accreditation was checked against
ALTER TABLE product_test_reports ADD COLUMN issued_by_org boolean NOT NULL DEFAULT false;
ALTER TABLE product_test_reports ADD COLUMN field text;
ALTER TABLE product_test_reports ADD COLUMN issued_by_user uuid;
ALTER TABLE product_test_reports ADD CONSTRAINT product_test_reports_org_field CHECK (NOT issued_by_org OR (field IS NOT NULL AND issued_by_user IS NOT NULL));
CREATE INDEX product_test_reports_org_idx ON product_test_reports (testing_org_id, created_at DESC) WHERE issued_by_org;
