-- 年度报告 owed by the enterprise, one part per announced site (规范条件 七(二)1 "公告企业…报送《年度报告》", 附2 表2-3,
-- 七(一)3; issue 15 item 14). One report per enterprise and year; its form holds `sites`: [{siteId, siteName, table23,
-- facts}] — 表2-3 repeated per site. Existing reports (one per site) are migrated without loss:
--  * each report's own 表2-3 becomes the part of its site (form.table23 → form.sites[0]);
--  * where an enterprise had several reports in one year, the most advanced one (forwarded > accepted > submitted >
--    returned > draft, then the earliest) leads: the others' parts are appended to it, and the others stay as rows
--    marked merged_into = the lead (their state, opinions and history kept, out of every list).
-- site_id stays: the report's first site (reminders are keyed by it).
ALTER TABLE annual_reports ADD COLUMN merged_into uuid;

UPDATE annual_reports
   SET form = (form - 'table23') || jsonb_build_object('sites', jsonb_build_array(
         jsonb_strip_nulls(jsonb_build_object('siteId', site_id::text, 'table23', form->'table23'))))
 WHERE NOT form ? 'sites';

WITH ranked AS (
  SELECT enterprise_id, id, year,
         first_value(id) OVER (PARTITION BY enterprise_id, year
           ORDER BY CASE state WHEN 'forwarded' THEN 0 WHEN 'accepted' THEN 1 WHEN 'submitted' THEN 2 WHEN 'returned' THEN 3 ELSE 4 END, created_at, id) AS lead
  FROM annual_reports
), others AS (
  SELECT r.lead, jsonb_agg(a.form->'sites'->0 ORDER BY a.created_at) AS parts
  FROM ranked r JOIN annual_reports a ON a.enterprise_id = r.enterprise_id AND a.id = r.id
  WHERE r.id <> r.lead GROUP BY r.lead
)
UPDATE annual_reports a SET form = jsonb_set(a.form, '{sites}', (a.form->'sites') || o.parts)
  FROM others o WHERE a.id = o.lead;

UPDATE annual_reports a SET merged_into = r.lead
  FROM (SELECT id, first_value(id) OVER (PARTITION BY enterprise_id, year
          ORDER BY CASE state WHEN 'forwarded' THEN 0 WHEN 'accepted' THEN 1 WHEN 'submitted' THEN 2 WHEN 'returned' THEN 3 ELSE 4 END, created_at, id) AS lead
        FROM annual_reports) r
 WHERE a.id = r.id AND r.id <> r.lead;

ALTER TABLE annual_reports DROP CONSTRAINT annual_reports_enterprise_id_site_id_year_key;
CREATE UNIQUE INDEX annual_reports_enterprise_year_idx ON annual_reports (enterprise_id, year) WHERE merged_into IS NULL;
