import type { Db } from '../../db/client.js';
import { relationOf, type Direction, type EdgeKind, type EdgeRelation } from '../../../domain/trace/genealogy.js';
import { traceRepo, type EnterpriseIds } from './trace.repo.js';

export interface TraceEdgeOut {
  parent: string;
  child: string;
  kind: EdgeKind;
  /** input (made of) · contained (aggregation) · disassembled_from (core → part provenance) */
  relation: EdgeRelation;
  eventId: string;
  validFrom: string;
  validTo: string | null;
}
export interface TraceWalk {
  nodes: Map<string, number>;
  edges: TraceEdgeOut[];
  truncated: boolean;
}

const isoOf = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();

/** One recursive CTE (traceRepo.walk) → nodes with their depth, the edges followed, truncation. */
export async function walkGenealogy(db: Db, root: string, direction: Direction, at: Date, depth: number, ids: EnterpriseIds, opts: { includeScrapped?: boolean } = {}): Promise<TraceWalk> {
  const rows = await traceRepo.walk(db, root, direction, at, depth, ids, opts.includeScrapped ?? false);
  const nodes = new Map<string, number>([[root, 0]]);
  const seen = new Set<string>();
  const edges: TraceEdgeOut[] = [];
  let truncated = false;
  for (const r of rows) {
    if (r.depth >= depth) {
      truncated = true;
      continue;
    }
    const other = direction === 'up' ? r.child_key : r.parent_key;
    const d = Number(r.depth) + 1;
    if (!nodes.has(other) || nodes.get(other)! > d) nodes.set(other, d);
    const sig = `${r.parent_key}\u0000${r.child_key}\u0000${r.event_id}\u0000${r.kind}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    edges.push({ parent: r.parent_key, child: r.child_key, kind: r.kind, relation: relationOf(r.kind), eventId: r.event_id, validFrom: isoOf(r.valid_from), validTo: r.valid_to ? isoOf(r.valid_to) : null });
  }
  return { nodes, edges, truncated };
}
