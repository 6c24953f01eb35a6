/** The genealogy as the product page draws it (issue 16 item 8): grouped by life, named, each node once in full. */
import { describe, expect, it } from 'vitest';
import { countNodes, downstreamTree, graphOf, shortCode, stepsByLife, upstreamByLife } from '../../src/web/pages/trace/genealogy';
import type { TraceTree } from '../../src/web/pages/trace/traceApi';

// the demo's third-life engine, as GET /api/v1/trace/{code}?direction=up returns it (keys shortened)
const P3 = 'urn:reman-platform:product:R9ZP8W.00000015';
const P2 = 'urn:reman-platform:product:R9ZP8W.00000011';
const P1 = 'https://id.gs1.org/01/06901234000016/21/00000007';
const CORE = 'urn:reman-platform:core:R9ZP8W.1';
const LOT = 'urn:epc:class:lgtin:6901234.00001.PR2026A';
const PUMP = 'urn:epc:id:sgtin:6901234.000021.7905736';
const part = (n: number) => `urn:reman-platform:part:R9ZP8W.${n}`;
const node = (key: string, kind: 'core' | 'part' | 'product' | 'lot', name: string, productCode: string | null = null, life: number | null = null, depth = 1) => ({ key, kind, name, productCode, life, depth });
const edge = (parent: string, child: string, relation: 'input' | 'disassembled_from') => ({
  parent,
  child,
  relation,
  kind: relation === 'input' ? ('transformation' as const) : ('disassembly' as const),
  eventId: 'e',
  validFrom: '2026-01-01T00:00:00Z',
  validTo: null,
});
const tree: TraceTree = {
  root: { key: P3, kind: 'product', name: '再制造柴油发动机', productCode: 'RMR9ZP8W00000015Y', life: 3 },
  direction: 'up',
  depth: 20,
  at: '2026-12-06T00:00:00Z',
  nodes: [
    node(P3, 'product', '再制造柴油发动机', 'RMR9ZP8W00000015Y', 3, 0),
    node(LOT, 'lot', '活塞环（批次 PR2026A）'),
    node(PUMP, 'part', '新喷油泵'),
    node(part(12), 'part', '缸盖'),
    node(part(2), 'part', '缸体'),
    node(part(5), 'part', '连杆'),
    node(P1, 'product', '再制造柴油发动机', 'RMR9ZP8W00000007V', 1, 2),
    node(CORE, 'core', '再制造柴油发动机旧件', null, null, 2),
    node(P2, 'product', '再制造柴油发动机', 'RMR9ZP8W000000116', 2, 2),
  ],
  edges: [
    edge(P3, LOT, 'input'),
    edge(P3, PUMP, 'input'),
    edge(P3, part(12), 'input'),
    edge(P3, part(2), 'input'),
    edge(P3, part(5), 'input'),
    edge(part(12), P2, 'disassembled_from'),
    edge(part(2), P2, 'disassembled_from'),
    edge(part(2), P1, 'disassembled_from'),
    edge(part(2), CORE, 'disassembled_from'),
    edge(part(5), P2, 'disassembled_from'),
    edge(part(5), P1, 'disassembled_from'),
    edge(part(5), CORE, 'disassembled_from'),
  ],
  madeOf: [],
  provenance: [],
  truncated: false,
};

describe('genealogy view', () => {
  it('short codes: the product code, the lot, the serial — not the URN', () => {
    expect(shortCode(P3, 'RMR9ZP8W00000015Y')).toBe('RMR9ZP8W00000015Y');
    expect(shortCode(LOT)).toBe('PR2026A');
    expect(shortCode(PUMP)).toBe('6901234.000021.7905736');
    expect(shortCode(part(12))).toBe('R9ZP8W.12');
    expect(shortCode(P1)).toBe('06901234000016·00000007');
  });

  it('upstream is grouped by life: this product, then lives 2 and 1, then the core as first taken in', () => {
    const groups = upstreamByLife(tree);
    expect(groups.map((g) => [g.life, g.current, g.head.code])).toEqual([
      [3, true, 'RMR9ZP8W00000015Y'],
      [2, false, 'RMR9ZP8W000000116'],
      [1, false, 'RMR9ZP8W00000007V'],
      [null, false, 'R9ZP8W.1'],
    ]);
    // this life: what it is made of, by name
    expect(groups[0]!.head.children.map((c) => c.name).sort()).toEqual(['新喷油泵', '活塞环（批次 PR2026A）', '缸体', '缸盖', '连杆'].sort());
    expect(groups[0]!.head.children.every((c) => !c.repeat)).toBe(true);
    // earlier lives: the parts taken out of them, each already drawn above ("见上"), with no subtree repeated
    expect(groups[1]!.head.children.map((c) => [c.name, c.relation, c.repeat])).toEqual([
      ['缸盖', 'disassembled_from', true],
      ['缸体', 'disassembled_from', true],
      ['连杆', 'disassembled_from', true],
    ]);
    expect(groups[3]!.head.children.map((c) => c.name)).toEqual(['缸体', '连杆']);
    // each object in full once: 9 objects, 4 heads + 5 inputs + 7 references
    const all = groups.flatMap((g) => [g.head, ...g.head.children]);
    expect(all.filter((n) => !n.repeat).map((n) => n.key).sort()).toEqual(tree.nodes.map((n) => n.key).sort());
    expect(countNodes(groups.map((g) => g.head))).toBe(16);
  });

  it('downstream walks to the holders once; the graph has every object and edge once', () => {
    const down = downstreamTree({ ...tree, direction: 'down', root: { key: part(2), kind: 'part', name: '缸体', productCode: null, life: null } });
    expect(down.children.map((c) => c.code)).toEqual(['RMR9ZP8W00000015Y']);
    const g = graphOf(tree);
    expect(g.nodes).toHaveLength(9);
    expect(g.links).toHaveLength(12);
    expect(g.links.find((l) => l.source === CORE)).toMatchObject({ target: part(2), relation: 'disassembled_from' });
  });

  it('the public timeline: each intake opens a life, numbered up to the product\'s own', () => {
    const steps = ['intake', 'inspection', 'reassembly', 'sale', 'removal', 'intake', 'reassembly', 'lease', 'intake', 'reassembly'].map((kind) => ({ kind }));
    expect(stepsByLife(steps, 3).map((g) => [g.life, g.steps.length])).toEqual([[1, 5], [2, 3], [3, 2]]);
    // earlier lives recorded elsewhere: the last group is still the product's life
    expect(stepsByLife(steps.slice(5), 3).map((g) => g.life)).toEqual([2, 3]);
    expect(stepsByLife([{ kind: 'reassembly' }], 1).map((g) => g.life)).toEqual([1]);
  });
});
