/**
 * Genealogy across remanufacturing lives (issue 4 "Genealogy across lives"): the traversal rules, written
 * once as a pure in-memory function. The service runs the same rules as one recursive CTE over the edges
 * table (trace.repo.ts); the tests check both against hand-made graphs and against each other.
 *
 * Edges say "parent is made of / contains child":
 *  - transformation: parent = output, child = input (reassembly: product ← parts), valid from the event on;
 *  - disassembly:    parent = part, child = core (the part was taken out of that core), valid from the event on;
 *  - aggregation:    parent = parentID, child = child EPC or class, valid from ADD until DELETE.
 * Edges of events declared erroneous (EPCIS errorDeclaration) are kept but flagged and never followed.
 *
 * Upstream (what went into X and where those came from, through every earlier life — ancestors only): from
 * node n, reference time asOf(n) (the root: `at`, default now), follow edges parent = n with validFrom ≤ asOf(n)
 * — and for aggregation, still open at asOf(n) (validTo ≥ asOf(n)). The child's asOf is the edge's validFrom
 * (the moment it was consumed or taken out), except through aggregation, where it stays asOf(n). Time only runs
 * backwards through transformation/disassembly, so the physical cycle "part p → core C (= last life's product)
 * → p" stops. From a node reached by a disassembly edge (the core a part was taken out of) only disassembly
 * edges are followed (the core was itself taken out of a bigger one): the core's composition lists the other
 * parts that left it at the same disassembly — siblings of the part, not ancestors of X (issue 10 §5).
 * The edges answer two questions, told apart by `relationOf`: "made of" (composition: transformation input,
 * aggregation content) and "taken out of" (core → part provenance: disassembly).
 *
 * Scrapped or destroyed objects (last disposition `disposed`/`destroyed`) are left out — the walk does not go
 * through them — unless asked for (`includeScrapped`): a recall or a "made of" answer is about what exists.
 *
 * Downstream (every product containing anything from X): from node n, follow edges child = n with validFrom ≥
 * asOf(n) (root: −∞) and validFrom ≤ `at`; aggregation edges only while open at `at` (a part removed from a
 * parent no longer counts). Disassembly edges (core → its parts) are followed only from the root or from a node
 * reached by disassembly: the parts of a core that once contained a lot do not all contain that lot.
 */

export type EdgeKind = 'transformation' | 'disassembly' | 'aggregation';
/** What an edge says, as the API answers it: parent was made of child / contains child / was taken out of child. */
export type EdgeRelation = 'input' | 'contained' | 'disassembled_from';
export const relationOf = (kind: EdgeKind): EdgeRelation => (kind === 'transformation' ? 'input' : kind === 'aggregation' ? 'contained' : 'disassembled_from');

/** Dispositions after which an object no longer exists as such (CBV 2.0: scrapped, destroyed). */
export const SCRAPPED_DISPOSITIONS = ['disposed', 'destroyed'] as const;
export const isScrappedDisposition = (d: string | null | undefined) => (SCRAPPED_DISPOSITIONS as readonly string[]).includes(d ?? '');

export interface GenealogyEdge {
  parent: string;
  child: string;
  kind: EdgeKind;
  eventId: string;
  /** epoch milliseconds */
  validFrom: number;
  validTo: number | null;
  erroneous: boolean;
}

export type Direction = 'up' | 'down';

export interface TraceResult {
  /** key → smallest depth at which it was reached (root: 0) */
  nodes: Map<string, number>;
  /** the edges followed (deduplicated) */
  edges: GenealogyEdge[];
  truncated: boolean;
}

export const DEFAULT_TRACE_DEPTH = 20;
export const MAX_TRACE_DEPTH = 50;

interface Visit {
  key: string;
  asOf: number;
  depth: number;
  viaDisassembly: boolean;
}

/** Reference implementation of the traversal (the repo's CTE follows the same rules). */
export function traceInMemory(
  all: readonly GenealogyEdge[],
  root: string,
  direction: Direction,
  opts: { at: number; depth?: number; maxNodes?: number; scrapped?: ReadonlySet<string>; includeScrapped?: boolean },
): TraceResult {
  const hidden = (k: string) => !opts.includeScrapped && !!opts.scrapped?.has(k);
  const maxDepth = Math.min(opts.depth ?? DEFAULT_TRACE_DEPTH, MAX_TRACE_DEPTH);
  const live = all.filter((e) => !e.erroneous);
  const index = new Map<string, GenealogyEdge[]>();
  for (const e of live) {
    const k = direction === 'up' ? e.parent : e.child;
    const list = index.get(k);
    if (list) list.push(e);
    else index.set(k, [e]);
  }
  const nodes = new Map<string, number>([[root, 0]]);
  const used = new Set<GenealogyEdge>();
  const seen = new Set<string>();
  let truncated = false;
  // downstream, the root follows its disassembly (its parts); upstream, the root follows its whole composition
  let frontier: Visit[] = [{ key: root, asOf: direction === 'up' ? opts.at : Number.NEGATIVE_INFINITY, depth: 0, viaDisassembly: direction === 'down' }];
  while (frontier.length) {
    const next: Visit[] = [];
    for (const v of frontier) {
      const sig = `${v.key}|${v.asOf}|${v.viaDisassembly}|${v.depth}`;
      if (seen.has(sig)) continue;
      seen.add(sig);
      for (const e of index.get(v.key) ?? []) {
        if (!follows(e, v, direction, opts.at)) continue;
        if (hidden(direction === 'up' ? e.child : e.parent)) continue;
        if (v.depth >= maxDepth) {
          truncated = true;
          continue;
        }
        used.add(e);
        const key = direction === 'up' ? e.child : e.parent;
        const d = v.depth + 1;
        if (!nodes.has(key) || nodes.get(key)! > d) nodes.set(key, d);
        next.push({
          key,
          asOf: direction === 'up' ? (e.kind === 'aggregation' ? v.asOf : e.validFrom) : e.validFrom,
          depth: d,
          viaDisassembly: e.kind === 'disassembly',
        });
      }
    }
    frontier = next;
  }
  return { nodes, edges: [...used], truncated };
}

function follows(e: GenealogyEdge, v: Visit, direction: Direction, at: number): boolean {
  if (direction === 'up') {
    if (e.validFrom > v.asOf) return false;
    if (v.viaDisassembly && e.kind !== 'disassembly') return false; // a core's composition: siblings, not ancestors
    return e.kind !== 'aggregation' || e.validTo === null || e.validTo >= v.asOf;
  }
  if (e.validFrom < v.asOf || e.validFrom > at) return false;
  if (e.kind === 'disassembly' && !v.viaDisassembly) return false;
  return e.kind !== 'aggregation' || e.validTo === null || e.validTo > at;
}

/**
 * Components of the current product that are original from its first life: serialised inputs of the current
 * reassembly that were also inputs of the first-life reassembly (same EPC).
 */
export function originalComponents(currentInputs: readonly string[], firstLifeInputs: readonly string[]): string[] {
  const first = new Set(firstLifeInputs);
  return [...new Set(currentInputs)].filter((k) => first.has(k));
}
