import { sql, type SQL } from 'drizzle-orm';

/**
 * The event store's read interface for genealogy (issue 10 §5): the "made of" links of TransformationEvents, read
 * from the identifier rows this module stores at capture (epcis_event_epcs) instead of being copied into another
 * table. A link is (output → input) of one stored, non-declaration TransformationEvent that is not a disassembly
 * (bizStep disassembling: the core → part provenance, which the trace projection keeps as edges), an identifier
 * never linked to itself; EPC lists and quantity classes alike. `erroneous` when the event was declared erroneous
 * (EPCIS 2.0 §7.4.1.2: a declaration row of the same eventID in the stream).
 *
 * Returned as an SQL relation to embed (the genealogy walk is one recursive statement): columns enterprise_id,
 * parent_key, child_key, event_id, valid_from (the event time), erroneous. Identifiers are as the events gave them.
 */
export interface LinkSelection {
  /** the side the lookup starts from: links whose output (parent) or whose input (child) matches */
  side: 'output' | 'input';
  /** condition on the identifier of that side (an index condition when it is an equality) */
  identifier: (epc: SQL) => SQL;
  /** an extra condition on the event (its enterprise and eventID), e.g. the caller's scope */
  event?: (enterpriseId: SQL, eventId: SQL) => SQL;
}

const listOf = (side: 'input' | 'output') => sql.raw(`SELECT jsonb_array_elements_text(l.document->'${side}EPCList') AS k
      UNION SELECT q->>'epcClass' FROM jsonb_array_elements(COALESCE(l.document->'${side}QuantityList', '[]'::jsonb)) AS q`);

export function transformationLinks(sel: LinkSelection): SQL {
  const roles = sel.side === 'output' ? sql.raw(`('output', 'output_quantity')`) : sql.raw(`('input', 'input_quantity')`);
  const other = listOf(sel.side === 'output' ? 'input' : 'output');
  const [parent, child] = sel.side === 'output' ? [sql`l.key`, sql`o.k`] : [sql`o.k`, sql`l.key`];
  // one row per (identifier, event) first — the declaration probe once per event — then the other side's list
  return sql`SELECT l.enterprise_id, ${parent} AS parent_key, ${child} AS child_key, l.event_id, l.valid_from, l.erroneous
    FROM (SELECT x.enterprise_id, x.epc AS key, ev.event_id, ev.event_time AS valid_from, ev.document,
            EXISTS (SELECT 1 FROM epcis_events d WHERE d.event_id = ev.event_id AND d.enterprise_id = ev.enterprise_id AND d.is_declaration) AS erroneous
          FROM epcis_event_epcs x JOIN epcis_events ev ON ev.enterprise_id = x.enterprise_id AND ev.seq = x.seq
          WHERE ${sel.identifier(sql`x.epc`)} AND x.role IN ${roles}
            AND ev.event_type = 'TransformationEvent' AND NOT ev.is_declaration AND ev.biz_step IS DISTINCT FROM 'disassembling'
            ${sel.event ? sql`AND ${sel.event(sql`ev.enterprise_id`, sql`ev.event_id`)}` : sql``}
          OFFSET 0) l
    CROSS JOIN LATERAL (${other}) o
    WHERE o.k IS NOT NULL AND o.k <> l.key`;
}
