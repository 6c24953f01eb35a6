import { describe, expect, it } from 'vitest';
import { originalComponents, traceInMemory, type GenealogyEdge } from '../../src/domain/trace/genealogy.js';

const e = (parent: string, child: string, kind: GenealogyEdge['kind'], from: number, to: number | null = null, erroneous = false): GenealogyEdge => ({ parent, child, kind, eventId: `${parent}>${child}@${from}`, validFrom: from, validTo: to, erroneous });
const keys = (r: ReturnType<typeof traceInMemory>) => [...r.nodes.keys()].sort();

// three lives of one core C0 (a part p1 travels through all of them), a lot L in two products
const edges: GenealogyEdge[] = [
  e('p1', 'C0', 'disassembly', 2), e('p2', 'C0', 'disassembly', 2),
  e('P1', 'p1', 'transformation', 3), e('P1', 'p2', 'transformation', 3), e('P1', 'L', 'transformation', 3),
  e('p1', 'P1', 'disassembly', 6),
  e('P2', 'p1', 'transformation', 7),
  e('p1', 'P2', 'disassembly', 8),
  e('P3', 'p1', 'transformation', 9), e('P3', 'L', 'transformation', 9),
  e('P9', 'L', 'transformation', 10, null, true), // declared erroneous
  e('X', 'P2', 'aggregation', 7.5, 7.8),
];

describe('genealogy rules (reference implementation)', () => {
  it('upstream reaches every earlier life and stops the physical cycle part → core → part', () => {
    expect(keys(traceInMemory(edges, 'P3', 'up', { at: 100 }))).toEqual(['C0', 'L', 'P1', 'P2', 'P3', 'p1', 'p2']);
  });
  it('downstream of a lot excludes erroneous events; of a core follows its parts into every life', () => {
    expect(keys(traceInMemory(edges, 'L', 'down', { at: 100 }))).toEqual(['L', 'P1', 'P3']);
    expect(keys(traceInMemory(edges, 'C0', 'down', { at: 100 }))).toEqual(['C0', 'P1', 'P2', 'P3', 'p1', 'p2']);
  });
  it('does not spread a lot to the sibling parts of a core it was in', () => {
    // L was in P1; P1 was later disassembled: its parts do not all contain L
    expect(keys(traceInMemory(edges, 'L', 'down', { at: 100 }))).not.toContain('P2');
  });
  it('aggregation windows: contained only while the window is open', () => {
    expect(keys(traceInMemory(edges, 'P2', 'down', { at: 7.6 }))).toContain('X');
    expect(keys(traceInMemory(edges, 'P2', 'down', { at: 100 }))).not.toContain('X');
    expect(keys(traceInMemory(edges, 'X', 'up', { at: 7.6 }))).toContain('C0');
    expect(keys(traceInMemory(edges, 'X', 'up', { at: 100 }))).toEqual(['X']);
  });
  it('depth limit truncates', () => {
    const r = traceInMemory(edges, 'P3', 'up', { at: 100, depth: 1 });
    expect(keys(r)).toEqual(['L', 'P3', 'p1']);
    expect(r.truncated).toBe(true);
  });
  it('original components: inputs of this life that were inputs of the first life', () => {
    expect(originalComponents(['p1', 'n2', 'p1'], ['p1', 'p2', 'L'])).toEqual(['p1']);
  });
});
