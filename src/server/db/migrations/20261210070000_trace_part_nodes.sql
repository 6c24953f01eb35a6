-- Issue 10 §5: a part that appears only in the genealogy (taken out of a core by a disassembly, or used as an input
-- of a reassembly) is described by its edges, not by an object row of its own: per 10,000 reman events that is ~91k
-- of the ~96k object upserts the projection used to write (docs/performance.md "Part nodes from their edges").
-- The part's name, as the event that released or consumed it gave it (reman:parts / reman:inputs), travels on the
-- edge: the name of the edge's part side — the parent of a disassembly edge, the child of a transformation edge.
-- Object rows written before stay valid (a part with a row is read from its row).
ALTER TABLE trace_edges ADD COLUMN part_name text;
