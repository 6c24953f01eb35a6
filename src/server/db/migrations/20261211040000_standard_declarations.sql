-- Issue 14: a standard's public page lists the traced products that declare it (trace_products.standard_no).
-- The key is domain/portal/standard-code.ts standardKeySql('standard_no'); keep the two identical.
CREATE INDEX trace_products_standard_key_idx ON trace_products ((upper(translate(regexp_replace(standard_no, '[[:space:]]', '', 'g'), '－—–／', '---/'))), enterprise_id)
  WHERE standard_no IS NOT NULL;
