-- Issue 10 §5 (projection speed): a product's inputs — the reman:inputs of the reassembly that made it (name, origin,
-- mass, value, quantity per input), or its input identifiers — are no longer copied onto the product row. They are
-- the made event's (made_event_id), which the event store keeps as captured; the product page reads them from there
-- (trace.service productDetail → epcis eventsByIds → trace.projector productInputs). At ~60 inputs per product the
-- column held ~3.7 kB per row, more than the rest of the row, and parsing it was ~60 % of the product insert.
ALTER TABLE trace_products DROP COLUMN inputs;
