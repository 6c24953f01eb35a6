-- Issue 10 §5: a reassembly's "made of" links (outputs × inputs of a TransformationEvent that is not a disassembly)
-- are read from the event store's identifier rows (epcis_event_epcs, through the epcis module's read interface
-- epcis.links.ts) instead of being written a second time as trace_edges rows: per 10,000 reman events ~86k of the
-- ~117k edge rows. An event whose links the identifier rows cannot give as the genealogy keys them — an identifier in
-- another form than its canonical one (a Digital Link on another resolver domain), or inputs the event names
-- (reman:inputs / reman:parts names travel on the edge) — keeps its edges, and is listed here: its links are its
-- edges only. Every transformation event projected before this migration keeps its edges and is listed too.
CREATE TABLE trace_edge_events (
  enterprise_id uuid NOT NULL,
  event_id      text NOT NULL,
  PRIMARY KEY (enterprise_id, event_id)
);
INSERT INTO trace_edge_events (enterprise_id, event_id)
  SELECT DISTINCT enterprise_id, event_id FROM trace_edges WHERE kind = 'transformation';
