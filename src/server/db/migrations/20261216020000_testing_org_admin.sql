-- Issue 14 检测机构: a testing organisation gets an administrator of its own, testing_org_admin, who manages the
-- organisation's users as an insurer's or a buyer's administrator does theirs (docs/decisions.md "Testing
-- organisations' administrators", after "Insurers' users hold roles of their own"). Until now only the ministry
-- admin made a testing organisation's users. The organisation stays an entry of portal_testing_orgs named by
-- users.testing_org_id, required for both testing roles. Existing testing users stay testing_org_staff.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('enterprise_staff', 'enterprise_admin', 'authority_reviewer',
  'authority_admin', 'ministry_officer', 'ministry_admin', 'expert', 'buyer_admin', 'buyer_staff', 'testing_org_staff',
  'testing_org_admin', 'insurer_admin', 'insurer_staff'));
ALTER TABLE users DROP CONSTRAINT users_testing_org;
ALTER TABLE users ADD CONSTRAINT users_testing_org CHECK ((role IN ('testing_org_staff', 'testing_org_admin')) = (testing_org_id IS NOT NULL));
