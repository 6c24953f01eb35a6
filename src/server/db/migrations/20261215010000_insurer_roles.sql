-- Issue 13 保险: an insurer's users get roles of their own, insurer_admin and insurer_staff (docs/trading.md
-- "Insurance", docs/decisions.md "Insurers' roles"). Until now they held the buyer roles, so every route of a buyer
-- (ordering, leasing, the core exchange, ratings, devices, cases) was open to them at the route level; with roles of
-- their own the route policies refuse them (403) and the web shows the insurer's menu and role tag.
-- The organisation stays a row of buyer_orgs (kind insurer), named by users.buyer_org_id.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('enterprise_staff', 'enterprise_admin', 'authority_reviewer',
  'authority_admin', 'ministry_officer', 'ministry_admin', 'expert', 'buyer_admin', 'buyer_staff', 'testing_org_staff',
  'insurer_admin', 'insurer_staff'));
ALTER TABLE users ADD CONSTRAINT users_insurer_org CHECK (role NOT IN ('insurer_admin', 'insurer_staff') OR buyer_org_id IS NOT NULL);

-- the users an insurer has today keep their rank: its administrators become insurer_admin, its staff insurer_staff
UPDATE users u
   SET role = CASE u.role WHEN 'buyer_admin' THEN 'insurer_admin' ELSE 'insurer_staff' END, updated_at = now()
  FROM buyer_orgs o
 WHERE o.id = u.buyer_org_id AND o.kind = 'insurer' AND u.role IN ('buyer_admin', 'buyer_staff');
