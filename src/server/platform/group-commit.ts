/**
 * Group commit: items submitted while a flush is running wait and go together into the next flush, so the work per
 * item (a transaction, a commit, the round trips) is shared under load while a lone item is flushed at once (no
 * timer, no added latency when idle). One flush runs at a time; a flush takes queued items up to `maxWeight`.
 *
 * `flush` answers one result per item, in order: a value or an Error for that item alone (e.g. a revoked device).
 * If the whole flush throws and it held several items, each item is flushed again alone, so one poisoned item
 * fails only itself. Used by telemetry ingest (docs/monitoring.md "Ingest: batches").
 */
export type ItemResult<R> = { ok: R } | { err: unknown };

export interface GroupCommit<I, R> {
  submit(item: I, weight?: number): Promise<R>;
  /** items waiting (not yet in a flush) */
  pending(): number;
  /** resolves when nothing is queued or flushing */
  idle(): Promise<void>;
}

interface Waiting<I, R> {
  item: I;
  weight: number;
  resolve(r: R): void;
  reject(e: unknown): void;
}

export function groupCommit<I, R>(o: { maxWeight: number; flush: (items: I[]) => Promise<ItemResult<R>[]> }): GroupCommit<I, R> {
  let queue: Waiting<I, R>[] = [];
  let running: Promise<void> | null = null;

  function take(): Waiting<I, R>[] {
    let w = 0;
    let n = 0;
    while (n < queue.length && (n === 0 || w + queue[n]!.weight <= o.maxWeight)) w += queue[n++]!.weight;
    const batch = queue.slice(0, n);
    queue = queue.slice(n);
    return batch;
  }

  async function settle(batch: Waiting<I, R>[]) {
    let results: ItemResult<R>[];
    try {
      results = await o.flush(batch.map((b) => b.item));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      for (const b of batch) await settle([b]);
      return;
    }
    batch.forEach((b, i) => {
      const r = results[i];
      if (!r) b.reject(new Error('group commit: no result for an item'));
      else if ('ok' in r) b.resolve(r.ok);
      else b.reject(r.err);
    });
  }

  async function loop() {
    while (queue.length) await settle(take());
    running = null;
  }

  return {
    submit(item, weight = 1) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, weight, resolve, reject });
        running ??= loop();
      });
    },
    pending: () => queue.length,
    async idle() {
      while (running) await running;
    },
  };
}
