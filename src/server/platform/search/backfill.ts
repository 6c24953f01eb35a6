import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import type { JobLog } from '../jobs.js';
import type { Queue } from '../queue/queue.js';
import { SEGMENTER_VERSION } from './segment.js';

/**
 * Search vectors that are not the ones the insert path writes now (docs/architecture.md "Search"):
 * - rows stored before their table had a vector hold the column's default '' and are found by no word;
 * - rows written before the segmenter changed (a new domain word, a new jieba: segment.ts SEGMENTER_VERSION) hold
 *   the old words, so a new word never matches them.
 * The words come from jieba, which runs here, not in SQL, so the vectors are computed in batches: each module reads
 * a batch of its rows (keyset by id) — those with an empty vector, or every row when the version recorded for the
 * table (search_segmenter_state) differs from the segmenter's — segments their text with the very function its
 * insert uses, and writes the vectors with a conditional UPDATE — only where the text is still the one read and the
 * vector differs, so a row edited meanwhile keeps the vector its edit wrote and a second run writes nothing. After a
 * table's every row was read the version is recorded. This file is the shared loop, the SQL builder the modules
 * declare their tables to, and the durable job; each module declares its own table (core-exchange, catalogue,
 * portal, listings).
 *
 * During a rolling deploy an old process may still write old words after the table was re-segmented: the next
 * version change, or `reman search:backfill` after the deploy, mends them (no per-row version is kept).
 */

/** One batch of one table: the last key read (the next batch starts after it), rows read, vectors written. */
export interface BackfillBatch {
  last: string | null;
  read: number;
  written: number;
}

/**
 * A table whose vectors its module writes, a batch at a time: the rows with an empty vector,
 * or every row when `all` (a re-segmentation after the segmenter changed).
 */
export interface SearchBackfillTarget {
  table: string;
  batch(after: string | null, limit: number, all: boolean): Promise<BackfillBatch>;
}

/** Counts of one table's run: rows read, vectors written (the rest had no word, the right vector already, or changed). */
export interface BackfillCount {
  table: string;
  /** 'resegment': every row read, the table's recorded segmenter version differed; 'empty': the empty vectors only */
  mode: 'empty' | 'resegment';
  read: number;
  written: number;
  batches: number;
}

/** What a module's repo offers the backfill: a batch of rows' searched text, and the conditional write of their vectors. */
export interface SearchBackfillRepo<R extends { id: string }> {
  table: string;
  /** Rows after `after` in id order: those with an empty vector, or every row when `all`. */
  searchTexts(db: Db, after: string | null, limit: number, all: boolean): Promise<R[]>;
  /** Writes the vector the insert path writes now, where the text is still the one read and the stored vector differs; the ids written. */
  writeSearchVectors(db: Db, rows: readonly R[]): Promise<string[]>;
}

/**
 * A table's target from its repo: each batch reads after the last key, then writes what is unchanged in one UPDATE.
 * No transaction around the two: the UPDATE's condition (the text still the one read) is what keeps an edit made in
 * between, and the words may be looked up in another module (listings: the sellers' names), which on PGlite's
 * single connection must not wait behind an open transaction.
 */
export function searchBackfillTarget<R extends { id: string }>(db: Db, repo: SearchBackfillRepo<R>): SearchBackfillTarget {
  return {
    table: repo.table,
    async batch(after, limit, all) {
      const rows = await repo.searchTexts(db, after, limit, all);
      const written = await repo.writeSearchVectors(db, rows);
      return { last: rows.at(-1)?.id ?? null, read: rows.length, written: written.length };
    },
  };
}

/**
 * The SQL of a table's backfill from what its module declares (the module owns the declaration; this builds the
 * two statements every table needs alike): `text` are SQL expressions over the row (alias `x`; snake-case column
 * names, constants of the module, never input) under the keys its `words` reads; `words` is the insert path's
 * function (a batch at a time: it may look names up). The read returns the text as one jsonb array; the write is
 *   UPDATE <table> x SET search_tsv = to_tsvector('simple', words) FROM (VALUES …) v
 *   WHERE x.id = v.id AND jsonb_build_array(<text>) = <the array read> AND x.search_tsv IS DISTINCT FROM <the new vector>
 * so a row edited since the read keeps the vector its edit wrote, and a row whose vector is already the one the
 * segmenter gives is not written (a second run writes nothing). Rows without a word are left.
 */
export function searchTextRepo<T extends object>(spec: {
  table: string;
  text: { [K in keyof T]: string };
  words: (rows: ReadonlyArray<T & { id: string }>) => string[] | Promise<string[]>;
}): SearchBackfillRepo<T & { id: string; text: unknown[] }> {
  const keys = Object.keys(spec.text) as Array<keyof T & string>;
  const table = sql.raw(spec.table);
  const textArray = sql.raw(`jsonb_build_array(${keys.map((k) => spec.text[k as keyof T]).join(', ')})`);
  type Row = T & { id: string; text: unknown[] };
  return {
    table: spec.table,
    async searchTexts(db, after, limit, all) {
      const where = [...(all ? [] : [sql`x.search_tsv = ''::tsvector`]), ...(after ? [sql`x.id > ${after}::uuid`] : [])];
      const rows = await rowsOf<{ id: string; text: unknown[] | string }>(
        db,
        sql`SELECT x.id, ${textArray} AS text FROM ${table} x${where.length ? sql` WHERE ${sql.join(where, sql` AND `)}` : sql``} ORDER BY x.id LIMIT ${limit}`,
      );
      return rows.map((r) => {
        const text = typeof r.text === 'string' ? (JSON.parse(r.text) as unknown[]) : r.text;
        return { ...(Object.fromEntries(keys.map((k, i) => [k, text[i]])) as T), id: r.id, text } as Row;
      });
    },
    async writeSearchVectors(db, rows) {
      const words = await spec.words(rows);
      const values = rows.map((r, i) => ({ r, words: words[i]! })).filter((x) => x.words !== '');
      if (!values.length) return [];
      const v = sql.join(values.map(({ r, words }) => sql`(${r.id}::uuid, ${JSON.stringify(r.text)}::jsonb, ${words}::text)`), sql`, `);
      const done = await rowsOf<{ id: string }>(
        db,
        sql`UPDATE ${table} x SET search_tsv = to_tsvector('simple', v.words) FROM (VALUES ${v}) AS v(id, text, words)
            WHERE x.id = v.id AND ${textArray} = v.text AND x.search_tsv IS DISTINCT FROM to_tsvector('simple', v.words)
            RETURNING x.id`,
      );
      return done.map((d) => d.id);
    },
  };
}

/**
 * The segmenter version each table's vectors were written with (search_segmenter_state, migration 20261216030000):
 * one row per table, recorded after a run that read every row of the table with that version.
 */
export const segmenterState = {
  async version(db: Db, table: string): Promise<string | null> {
    return (await rowsOf<{ version: string }>(db, sql`SELECT version FROM search_segmenter_state WHERE table_name = ${table}`))[0]?.version ?? null;
  },
  async record(db: Db, table: string, version: string): Promise<void> {
    await db.execute(sql`INSERT INTO search_segmenter_state (table_name, version) VALUES (${table}, ${version})
      ON CONFLICT (table_name) DO UPDATE SET version = excluded.version, updated_at = now()`);
  },
};

export const SEARCH_BACKFILL_TASK = 'search.backfill';
export const SEARCH_BACKFILL_BATCH = 500;

/**
 * Every row of one table with an empty vector (or every row, `all`), once, in key order (rows emptied behind the
 * cursor wait for the next run).
 */
export async function backfillTable(
  target: SearchBackfillTarget,
  opts: { all?: boolean; batchSize?: number; signal?: AbortSignal; onBatch?: (c: BackfillCount) => void } = {},
): Promise<BackfillCount> {
  const size = Math.max(1, opts.batchSize ?? SEARCH_BACKFILL_BATCH);
  const all = opts.all ?? false;
  const count: BackfillCount = { table: target.table, mode: all ? 'resegment' : 'empty', read: 0, written: 0, batches: 0 };
  let after: string | null = null;
  for (;;) {
    opts.signal?.throwIfAborted();
    const b = await target.batch(after, size, all);
    count.read += b.read;
    count.written += b.written;
    count.batches += 1;
    opts.onBatch?.({ ...count });
    if (b.read < size || b.last === null) return count;
    after = b.last;
  }
}

/**
 * Every target in turn: a table whose recorded segmenter version is not `version` is re-segmented (every row) and
 * then records `version`; the others get their empty vectors. `version` is a parameter (tests run the job as a
 * segmenter of another version would), SEGMENTER_VERSION in the job.
 */
export async function backfillAll(
  db: Db,
  targets: readonly SearchBackfillTarget[],
  opts: { version?: string; batchSize?: number; signal?: AbortSignal; onRead?: (rows: number) => void; log?: JobLog | null } = {},
): Promise<BackfillCount[]> {
  const version = opts.version ?? SEGMENTER_VERSION;
  const counts: BackfillCount[] = [];
  let before = 0;
  for (const t of targets) {
    const all = (await segmenterState.version(db, t.table)) !== version;
    const c = await backfillTable(t, { all, batchSize: opts.batchSize, signal: opts.signal, onBatch: (x) => opts.onRead?.(before + x.read) });
    if (all) await segmenterState.record(db, t.table, version);
    before += c.read;
    counts.push(c);
    opts.log?.info(
      { job: SEARCH_BACKFILL_TASK, version, ...c },
      `${SEARCH_BACKFILL_TASK}: ${t.table}: ${c.written} vector(s) written of ${c.read} ${all ? `row(s) re-segmented (segmenter ${version})` : 'empty row(s)'}`,
    );
  }
  return counts;
}

/**
 * The backfill of every target as the durable task `search.backfill` of the job queue (retried with backoff, listed
 * by `reman jobs:list`), enqueued at each start under one key, so processes starting together run it once; a run
 * after all is done reads only the empty vectors and writes nothing. `run` is the same work inline
 * (`reman search:backfill`). `version`: the segmenter's (SEGMENTER_VERSION) unless a test says otherwise.
 */
export function createSearchBackfill({ db, jobs, targets, batchSize, version }: { db: Db; jobs: Queue; targets: readonly SearchBackfillTarget[]; batchSize?: number; version?: string }) {
  let log: JobLog | null = null;
  /** Every target in turn; `onRead` hears the rows read so far over all tables. */
  const run = (opts: { signal?: AbortSignal; onRead?: (rows: number) => void } = {}) => backfillAll(db, targets, { ...opts, version, batchSize, log });
  jobs.defineTask(
    SEARCH_BACKFILL_TASK,
    async (job) => {
      await run({ signal: job.signal, onRead: (rows) => job.progress(rows) });
    },
    { maxAttempts: 5 },
  );
  return {
    run,
    /** The tables, in the order the job takes them. */
    targets,
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
