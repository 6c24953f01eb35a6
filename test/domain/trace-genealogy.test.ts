import { describe, expect, it } from 'vitest';
import { originalComponents, relationOf, traceInMemory, type GenealogyEdge } from '../../src/domain/trace/genealogy.js';
import { currentCode, publicStatus, publicStatusLabel, publicTimeline, statusChangeNeeded } from '../../src/domain/trace/successor.js';

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
    // p2 went into P1 and left it at P1's disassembly with p1: a sibling of p1, not an ancestor of P3
    expect(keys(traceInMemory(edges, 'P3', 'up', { at: 100 }))).toEqual(['C0', 'L', 'P1', 'P2', 'P3', 'p1']);
    // P1 itself is still made of p2
    expect(keys(traceInMemory(edges, 'P1', 'up', { at: 100 }))).toEqual(['C0', 'L', 'P1', 'p1', 'p2']);
  });
  it('a core reached by disassembly is followed only to the core it was itself taken out of', () => {
    const sub: GenealogyEdge[] = [
      e('A', 'k', 'transformation', 5), e('k', 'S', 'disassembly', 4), e('S', 'B', 'disassembly', 3), // k ← sub-assembly S ← big core B
      e('S', 'x', 'transformation', 1), e('B', 'y', 'transformation', 0), // what S and B were once made of: not A's ancestors
    ];
    expect(keys(traceInMemory(sub, 'A', 'up', { at: 10 }))).toEqual(['A', 'B', 'S', 'k']);
    expect(relationOf('transformation')).toBe('input');
    expect(relationOf('disassembly')).toBe('disassembled_from');
    expect(relationOf('aggregation')).toBe('contained');
  });
  it('scrapped objects only when asked for, and the walk does not go through them', () => {
    const scrapped = new Set(['p2', 'p1']);
    expect(keys(traceInMemory(edges, 'C0', 'down', { at: 100, scrapped }))).toEqual(['C0']);
    expect(keys(traceInMemory(edges, 'C0', 'down', { at: 100, scrapped, includeScrapped: true }))).toEqual(['C0', 'P1', 'P2', 'P3', 'p1', 'p2']);
    expect(keys(traceInMemory(edges, 'P1', 'up', { at: 100, scrapped: new Set(['p2']) }))).toEqual(['C0', 'L', 'P1', 'p1']);
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
  it('successor semantics: one public status, the current code, idempotent status changes', () => {
    expect(publicStatus({ status: 'issued', successorCode: null, disassembledAt: null })).toBe('issued');
    expect(publicStatus({ status: 'recalled', successorCode: null, disassembledAt: '2026-01-01' })).toBe('disassembled');
    expect(publicStatus({ status: 'recalled', successorCode: 'RM2', disassembledAt: '2026-01-01' })).toBe('superseded');
    expect(publicStatus({ status: 'revoked', successorCode: 'RM2', disassembledAt: null })).toBe('revoked');
    expect(publicStatusLabel('superseded', 'RMX')).toEqual({ zh: '已再制造为 RMX', en: 'Remanufactured into RMX' });
    expect(publicStatusLabel('disassembled', null).zh).toBe('已拆解');
    const next = new Map([['a', 'b'], ['b', 'c'], ['x', 'y'], ['y', 'x']]);
    expect(currentCode('a', (c) => next.get(c))).toBe('c');
    expect(currentCode('c', (c) => next.get(c))).toBe('c');
    expect(currentCode('x', (c) => next.get(c))).toBe('y'); // a cycle stops
    expect(statusChangeNeeded('recalled', 'recalled')).toBe(false);
    expect(statusChangeNeeded('issued', 'recalled')).toBe(true);
    expect(publicTimeline([['d1', 'sale'], ['d2', 'recall'], ['d3', 'recall'], ['d3', 'revocation'], ['d4', 'revocation']])).toEqual([['d1', 'sale'], ['d2', 'recall'], ['d3', 'revocation']]);
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
