import type { Db } from '../../db/client.js';
import type { JobLog } from '../jobs.js';
import type { Queue } from '../queue/queue.js';

/**
 * Search vectors for rows stored before their table had one (docs/architecture.md "Search"): a row written before
 * its `search_tsv` column holds the column's default '' and is found by no word. The words come from jieba
 * (segment.ts), which runs here, not in SQL, so the vectors are computed in batches: each module reads a batch of
 * its rows whose vector is empty (keyset by primary key), segments their text with the very function its insert
 * uses, and writes the vectors with a conditional UPDATE — only where the vector is still empty and the text is
 * the one read, so a row edited meanwhile keeps the vector its edit wrote. This file is the shared loop and the
 * durable job; the SQL stays in the modules (core-exchange, catalogue).
 */

/** One batch of one table: the last key read (the next batch starts after it), rows read, vectors written. */
export interface BackfillBatch {
  last: string | null;
  read: number;
  written: number;
}

/** A table whose empty vectors its module fills, a batch at a time (one transaction each). */
export interface SearchBackfillTarget {
  table: string;
  batch(after: string | null, limit: number): Promise<BackfillBatch>;
}

/** Counts of one table's run: rows with an empty vector read, vectors written (the rest had no word, or changed). */
export interface BackfillCount {
  table: string;
  read: number;
  written: number;
  batches: number;
}

/** What a module's repo offers the backfill: a batch of rows with an empty vector, and the conditional write of theirs. */
export interface SearchBackfillRepo<R extends { id: string }> {
  emptySearchVectors(db: Db, after: string | null, limit: number): Promise<R[]>;
  /** Writes where the vector is still empty and the text is the one read; the ids written. */
  fillSearchVectors(db: Db, rows: readonly R[]): Promise<string[]>;
}

/** A table's target from its repo: each batch one transaction — read after the last key, write what is unchanged. */
export function searchBackfillTarget<R extends { id: string }>(db: Db, table: string, repo: SearchBackfillRepo<R>): SearchBackfillTarget {
  return {
    table,
    batch: (after, limit) =>
      db.transaction(async (tx) => {
        const rows = await repo.emptySearchVectors(tx, after, limit);
        const written = await repo.fillSearchVectors(tx, rows);
        return { last: rows.at(-1)?.id ?? null, read: rows.length, written: written.length };
      }),
  };
}

export const SEARCH_BACKFILL_TASK = 'search.backfill';
export const SEARCH_BACKFILL_BATCH = 500;

/** Every row of one table with an empty vector, once, in key order (rows emptied behind the cursor wait for the next run). */
export async function backfillTable(target: SearchBackfillTarget, opts: { batchSize?: number; signal?: AbortSignal; onBatch?: (c: BackfillCount) => void } = {}): Promise<BackfillCount> {
  const size = Math.max(1, opts.batchSize ?? SEARCH_BACKFILL_BATCH);
  const count: BackfillCount = { table: target.table, read: 0, written: 0, batches: 0 };
  let after: string | null = null;
  for (;;) {
    opts.signal?.throwIfAborted();
    const b = await target.batch(after, size);
    count.read += b.read;
    count.written += b.written;
    count.batches += 1;
    opts.onBatch?.({ ...count });
    if (b.read < size || b.last === null) return count;
    after = b.last;
  }
}

/**
 * The backfill of every target as the durable task `search.backfill` of the job queue (retried with backoff, listed
 * by `reman jobs:list`), enqueued at each start under one key, so processes starting together run it once; a run
 * after all is done reads nothing and writes nothing. `run` is the same work inline (`reman search:backfill`).
 */
export function createSearchBackfill({ db, jobs, targets, batchSize }: { db: Db; jobs: Queue; targets: readonly SearchBackfillTarget[]; batchSize?: number }) {
  let log: JobLog | null = null;
  /** Every target in turn; `onRead` hears the rows read so far over all tables. */
  async function run(opts: { signal?: AbortSignal; onRead?: (rows: number) => void } = {}): Promise<BackfillCount[]> {
    const counts: BackfillCount[] = [];
    let before = 0;
    for (const t of targets) {
      const c = await backfillTable(t, { batchSize, signal: opts.signal, onBatch: (x) => opts.onRead?.(before + x.read) });
      before += c.read;
      counts.push(c);
      log?.info({ job: SEARCH_BACKFILL_TASK, ...c }, `${SEARCH_BACKFILL_TASK}: ${t.table}: ${c.written} vector(s) written of ${c.read} empty row(s)`);
    }
    return counts;
  }
  jobs.defineTask(
    SEARCH_BACKFILL_TASK,
    async (job) => {
      await run({ signal: job.signal, onRead: (rows) => job.progress(rows) });
    },
    { maxAttempts: 5 },
  );
  return {
    run,
    /** At start: enqueue the job (its key: one queued or running job at a time across processes); the job's id or null. */
    async start(l?: JobLog): Promise<number | null> {
      if (l) log = l;
      const id = await jobs.enqueue(db, { task: SEARCH_BACKFILL_TASK, key: SEARCH_BACKFILL_TASK });
      if (id !== null) jobs.poke();
      return id;
    },
  };
}
export type SearchBackfill = ReturnType<typeof createSearchBackfill>;
