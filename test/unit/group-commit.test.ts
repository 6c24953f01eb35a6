/** platform/group-commit.ts: items arriving during a flush share the next one; a failing flush fails only its culprit. */
import { describe, expect, it } from 'vitest';
import { groupCommit, type ItemResult } from '../../src/server/platform/group-commit.js';

describe('group commit', () => {
  it('flushes a lone item at once, then groups what arrived meanwhile, up to the weight limit', async () => {
    const flushes: number[][] = [];
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    const g = groupCommit<number, number>({
      maxWeight: 5,
      async flush(items) {
        flushes.push(items);
        await gate;
        return items.map((i) => ({ ok: i * 10 }));
      },
    });
    const first = g.submit(0);
    const rest = Array.from({ length: 12 }, (_, i) => g.submit(i + 1));
    expect(flushes).toEqual([[0]]); // the first is being flushed alone; the others wait
    expect(g.pending()).toBe(12);
    release();
    gate = Promise.resolve();
    expect(await first).toBe(0);
    expect(await Promise.all(rest)).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 10));
    expect(flushes).toEqual([[0], [1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12]]);
    await g.idle();
  });

  it('an item heavier than the limit goes alone; per-item errors reject only that item', async () => {
    const flushes: string[][] = [];
    const g = groupCommit<string, string>({
      maxWeight: 10,
      async flush(items) {
        flushes.push(items);
        return items.map((i): ItemResult<string> => (i === 'bad' ? { err: new Error('401') } : { ok: i.toUpperCase() }));
      },
    });
    const a = g.submit('a', 1);
    const big = g.submit('big', 50);
    const bad = g.submit('bad', 1);
    const c = g.submit('c', 1);
    expect(await a).toBe('A');
    expect(await big).toBe('BIG');
    await expect(bad).rejects.toThrow('401');
    expect(await c).toBe('C');
    expect(flushes).toEqual([['a'], ['big'], ['bad', 'c']]);
  });

  it('a flush that throws is retried item by item: only the poisoned item fails', async () => {
    const flushes: string[][] = [];
    const g = groupCommit<string, string>({
      maxWeight: 100,
      async flush(items) {
        flushes.push(items);
        await Promise.resolve();
        if (items.includes('poison')) throw new Error('database refused the batch');
        return items.map((i) => ({ ok: i }));
      },
    });
    const head = g.submit('head');
    const rest = ['x', 'poison', 'y'].map((i) => g.submit(i));
    expect(await head).toBe('head');
    const settled = await Promise.allSettled(rest);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(flushes).toEqual([['head'], ['x', 'poison', 'y'], ['x'], ['poison'], ['y']]);
  });
});
