-- The site (生产场地) a product was made at (issue 15 item 14, 规范条件 七(二)1 / 附2 表2-3 per announced site):
-- the bizLocation of the reassembly event that made it (`urn:reman-platform:site:<siteId>` when recorded through
-- the platform's forms or import; a foreign EPCIS document's own location otherwise; NULL when none was recorded —
-- then the product counts for the enterprise's only site, or is 场地未知 when it has several: domain/trace/site.ts).
-- Steps keep the location in trace_steps.details.bizLocation.
ALTER TABLE trace_products ADD COLUMN biz_location text;
