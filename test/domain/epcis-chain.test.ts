/**
 * The hash chain's canonical JSON (src/domain/epcis/chain.ts): keys sorted at every level, the same text as
 * JSON.stringify with a key-sorting replacer — also for the objects whose key order a sorted copy cannot keep
 * (integer-like keys, "__proto__", an own "toJSON"), which stored chains may hold and must still verify.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/epcis/chain.js';

/** The definition: JSON.stringify, every plain object's keys re-emitted in sorted order. */
function reference(value: unknown): string {
  const walk = (v: unknown): string | undefined => {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
    if (v === null || typeof v !== 'object' || v instanceof Date) return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map((x) => walk(x) ?? 'null').join(',')}]`;
    const o = v as Record<string, unknown>;
    const parts = Object.keys(o).sort().flatMap((k) => {
      const s = walk(o[k]);
      return s === undefined ? [] : [`${JSON.stringify(k)}:${s}`];
    });
    return `{${parts.join(',')}}`;
  };
  return walk(value) ?? 'null';
}

/** A small deterministic generator of JSON-like values (mulberry32). */
function randomValue(seed: number) {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const keys = ['b', 'a', 'epcList', 'reman:inputs', '10', '9', '0', 'Z', 'é', '再制造', 'toJSON', '__proto__', '-1', '01'];
  const gen = (depth: number): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.3) return [1.5, -0, 'x"\\\n', true, null, '\ud800', 1e21, '缸体'][Math.floor(rnd() * 8)];
    if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
    const o: Record<string, unknown> = JSON.parse('{}');
    for (let i = Math.floor(rnd() * 5); i > 0; i--) {
      const k = keys[Math.floor(rnd() * keys.length)]!;
      if (k === 'toJSON' && rnd() < 0.5) continue;
      Object.defineProperty(o, k, { value: gen(depth + 1), enumerable: true, configurable: true, writable: true });
    }
    return o;
  };
  return gen(0);
}

describe('canonicalJson (hash chain)', () => {
  it('sorts keys at every level and drops what JSON drops', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: undefined, c: 'x' }], e: () => 1 })).toBe('{"a":[3,{"c":"x"}],"b":1}');
    expect(canonicalJson([undefined, NaN, Infinity, -0])).toBe('[null,null,null,0]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(new Date('2026-12-07T02:00:00Z'))).toBe('"2026-12-07T02:00:00.000Z"');
  });

  it('keeps the sorted order for integer-like keys, "__proto__" and "toJSON" (the objects a sorted copy cannot hold)', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', x: 'c' })).toBe('{"10":"a","9":"b","x":"c"}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"b":1,"a":2},"z":1}'))).toBe('{"__proto__":{"a":2,"b":1},"z":1}');
    expect(canonicalJson({ toJSON: 'kept as a value', a: 1 })).toBe('{"a":1,"toJSON":"kept as a value"}');
    expect(canonicalJson({ nested: [{ 1: 'one', 0: 'zero' }] })).toBe('{"nested":[{"0":"zero","1":"one"}]}');
  });

  it('equals the definition on 2,000 generated values', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const v = randomValue(seed);
      expect(canonicalJson(v), `seed ${seed}`).toBe(reference(v));
    }
  });
});
