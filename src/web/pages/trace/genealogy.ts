import type { TraceTree } from './traceApi';

/**
 * The genealogy as people read it (issue 16 item 8, docs/ux.md "Genealogy"): pure functions, no React, so the unit
 * test (test/unit/genealogy-view.test.ts) checks the shape the page draws.
 *
 * - Upstream ("what went in") is **grouped by life**: one top-level group per life of the unit (this product first,
 *   then each earlier life's product, newest first, then the used cores first taken in). Under this life: what it was
 *   made of; under an earlier life: the parts taken out of that product (or core) again.
 * - Downstream ("where used") is the plain walk from the product to what holds it.
 * - Every node is named by its part name and a short code (the product code, or the tail of the EPC); the full
 *   identifier stays in `key` (a hover on the page).
 * - A node already drawn in full is drawn again as a reference only (`repeat`, "见上"), without its subtree.
 */

export type NodeKind = 'core' | 'part' | 'product' | 'lot' | 'other';
export type Relation = 'input' | 'contained' | 'disassembled_from';

export interface ViewNode {
  /** unique in the drawn tree (a path) */
  id: string;
  /** the object's identifier (URN, GS1 Digital Link …) */
  key: string;
  kind: NodeKind;
  name: string;
  /** what a person reads as the code: the platform product code, the lot, the serial */
  code: string;
  productCode: string | null;
  life: number | null;
  /** how it hangs under its parent: made of / holds / taken out of */
  relation: Relation | null;
  /** drawn in full elsewhere (earlier in the tree): "见上" */
  repeat: boolean;
  children: ViewNode[];
}

export interface LifeGroup {
  id: string;
  /** the life of the product heading the group; null: a used core as first taken in (before its first life) */
  life: number | null;
  /** the product (or core) heading the group */
  head: ViewNode;
  /** this product (the page's root) */
  current: boolean;
}

/** The short code of an identifier: the lot or serial people find on the part, not the whole URN. */
export function shortCode(key: string, productCode: string | null = null): string {
  if (productCode) return productCode;
  const dl = /^https?:\/\/[^/]+\/01\/(\d{14})(?:\/(?:21|10)\/([^/?#]+))?/.exec(key);
  if (dl) return dl[2] ? `${dl[1]}·${decodeURIComponent(dl[2])}` : dl[1]!;
  const lot = /^urn:epc:class:lgtin:[^.]+\.[^.]+\.(.+)$/.exec(key);
  if (lot) return lot[1]!;
  const epc = /^urn:epc:id:[a-z]+:(.+)$/.exec(key);
  if (epc) return epc[1]!;
  const own = /^urn:[^:]+:[^:]+:([^:]+)$/.exec(key);
  if (own) return own[1]!;
  const m = /([^:/]+)$/.exec(key);
  return m ? m[1]! : key;
}

interface Raw {
  key: string;
  kind: NodeKind;
  name: string | null;
  productCode: string | null;
  life: number | null;
}

function indexNodes(tree: TraceTree) {
  const byKey = new Map<string, Raw>();
  for (const n of tree.nodes) byKey.set(n.key, n);
  byKey.set(tree.root.key, tree.root);
  return byKey;
}

function makeNode(byKey: Map<string, Raw>, key: string, id: string, relation: Relation | null, repeat: boolean): ViewNode {
  const n = byKey.get(key);
  return {
    id,
    key,
    kind: n?.kind ?? 'other',
    name: n?.name ?? shortCode(key),
    code: shortCode(key, n?.productCode ?? null),
    productCode: n?.productCode ?? null,
    life: n?.life ?? null,
    relation,
    repeat,
    children: [],
  };
}

const byLifeDesc = (byKey: Map<string, Raw>) => (a: string, b: string) => (byKey.get(b)?.life ?? 0) - (byKey.get(a)?.life ?? 0) || a.localeCompare(b);

/** Upstream, grouped by life (see the file's comment). */
export function upstreamByLife(tree: TraceTree): LifeGroup[] {
  const byKey = indexNodes(tree);
  // what a node is made of / holds (transformation, aggregation), and what was taken out of it (disassembly)
  const madeOf = new Map<string, { key: string; relation: Relation }[]>();
  const takenOut = new Map<string, string[]>();
  for (const e of tree.edges) {
    if (e.relation === 'disassembled_from') {
      const l = takenOut.get(e.child) ?? [];
      if (!l.includes(e.parent)) l.push(e.parent);
      takenOut.set(e.child, l);
    } else {
      const l = madeOf.get(e.parent) ?? [];
      if (!l.some((x) => x.key === e.child)) l.push({ key: e.child, relation: e.relation });
      madeOf.set(e.parent, l);
    }
  }
  const drawn = new Set<string>();
  const sub = (key: string, id: string, relation: Relation | null, path: Set<string>): ViewNode => {
    const repeat = drawn.has(key) || path.has(key);
    const node = makeNode(byKey, key, id, relation, repeat);
    if (repeat) return node;
    drawn.add(key);
    const p2 = new Set(path).add(key);
    node.children = (madeOf.get(key) ?? []).map((c, i) => sub(c.key, `${id}/${i}`, c.relation, p2));
    return node;
  };
  const heads: string[] = [tree.root.key];
  const others = [...byKey.values()].filter((n) => n.key !== tree.root.key);
  heads.push(...others.filter((n) => n.kind === 'product').map((n) => n.key).sort(byLifeDesc(byKey)));
  heads.push(...others.filter((n) => n.kind === 'core' && (takenOut.has(n.key) || madeOf.has(n.key))).map((n) => n.key).sort());
  const groups: LifeGroup[] = [];
  for (const h of heads) {
    const gid = `g:${h}`;
    const head = makeNode(byKey, h, gid, null, false);
    drawn.add(h);
    const kids: ViewNode[] = [];
    (madeOf.get(h) ?? []).forEach((c, i) => kids.push(sub(c.key, `${gid}/m${i}`, c.relation, new Set([h]))));
    (takenOut.get(h) ?? []).forEach((p, i) => kids.push(sub(p, `${gid}/t${i}`, 'disassembled_from', new Set([h]))));
    if (h !== tree.root.key && !kids.length) continue;
    head.children = kids;
    groups.push({ id: gid, life: head.kind === 'product' ? head.life : null, head, current: h === tree.root.key });
  }
  // anything the groups did not reach (a lot's own history, an odd edge): under one more group, so nothing is hidden
  const rest = [...byKey.keys()].filter((k) => !drawn.has(k));
  if (rest.length) {
    const head: ViewNode = { ...makeNode(byKey, 'other', 'g:rest', null, false), kind: 'other', name: '', code: '', children: rest.map((k, i) => sub(k, `g:rest/${i}`, null, new Set())) };
    groups.push({ id: 'g:rest', life: null, head, current: false });
  }
  return groups;
}

/** Downstream (where used): the walk from the product to what holds it, each node once in full. */
export function downstreamTree(tree: TraceTree): ViewNode {
  const byKey = indexNodes(tree);
  const next = new Map<string, { key: string; relation: Relation }[]>();
  for (const e of tree.edges) {
    const l = next.get(e.child) ?? [];
    if (!l.some((x) => x.key === e.parent)) l.push({ key: e.parent, relation: e.relation });
    next.set(e.child, l);
  }
  const drawn = new Set<string>();
  const walk = (key: string, id: string, relation: Relation | null): ViewNode => {
    const repeat = drawn.has(key);
    const node = makeNode(byKey, key, id, relation, repeat);
    if (repeat) return node;
    drawn.add(key);
    node.children = (next.get(key) ?? []).map((c, i) => walk(c.key, `${id}/${i}`, c.relation));
    return node;
  };
  return walk(tree.root.key, 'root', null);
}

/** Every node once and every edge once: the graph view. */
export function graphOf(tree: TraceTree): { nodes: ViewNode[]; links: { source: string; target: string; relation: Relation }[] } {
  const byKey = indexNodes(tree);
  const nodes = [...byKey.keys()].map((k) => makeNode(byKey, k, k, null, false));
  const seen = new Set<string>();
  const links: { source: string; target: string; relation: Relation }[] = [];
  for (const e of tree.edges) {
    const sig = `${e.parent}\u0000${e.child}`;
    if (seen.has(sig) || !byKey.has(e.parent) || !byKey.has(e.child)) continue;
    seen.add(sig);
    // arrows point the way the material went: part → the product made of it, core → the part taken out of it
    links.push({ source: e.child, target: e.parent, relation: e.relation });
  }
  return { nodes, links };
}

/** How many nodes the tree view would draw (the page switches to the graph view above a threshold). */
export function countNodes(nodes: ViewNode[]): number {
  return nodes.reduce((n, x) => n + 1 + countNodes(x.children), 0);
}

export interface StepLike {
  kind: string;
}

/**
 * The public timeline grouped by life: each 核心 intake (旧件回收入库) opens a life; the groups are numbered so the
 * last one is the product's own life (earlier lives recorded elsewhere shift the numbers, never below 1).
 */
export function stepsByLife<S extends StepLike>(steps: readonly S[], life: number): { life: number; steps: S[] }[] {
  const groups: S[][] = [];
  for (const s of steps) {
    if (!groups.length || (s.kind === 'intake' && groups[groups.length - 1]!.some((x) => x.kind !== 'intake'))) groups.push([]);
    groups[groups.length - 1]!.push(s);
  }
  const first = Math.max(1, life - groups.length + 1);
  return groups.map((g, i) => ({ life: first + i, steps: g }));
}
