import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.js';

/**
 * Set-based bulk inserts of append-only rows (the event store's events and identifier rows, the trace projection's
 * edges and steps): on PostgreSQL one `COPY … FROM STDIN` on the transaction's own connection (pg-copy-streams),
 * elsewhere (PGlite has no COPY FROM STDIN stream) one `INSERT … SELECT FROM unnest($n::type[], …)` per 20,000 rows —
 * column arrays as parameters, no JSON to build or parse. Same rows, same defaults, either way (issue 10 §5
 * "projection speed": "use COPY (pg-copy-streams)").
 */

export type Cell = string | number | boolean | null;
export interface BulkColumn {
  name: string;
  /** PostgreSQL type of the column (for unnest's array parameters) */
  type: string;
}

interface RawClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The connection under a Drizzle database or transaction (node-postgres client or pool, or PGlite). */
function clientOf(db: Db): RawClient & Partial<pg.ClientBase> {
  const session = (db as unknown as { session?: { client?: unknown } }).session;
  const client = session?.client ?? (db as unknown as { $client?: unknown }).$client;
  if (!client || typeof (client as RawClient).query !== 'function') throw new Error('bulk insert: no database client');
  return client as RawClient & Partial<pg.ClientBase>;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
/** COPY text format: backslash, tab, newline and carriage return escaped; NULL as \N. */
function copyCell(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  if (!COPY_SPECIAL.test(v)) return v; // almost every cell: nothing to escape, nothing to allocate
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

const ARRAY_SPECIAL = /["\\]/;
/**
 * An array parameter in PostgreSQL's array input form ({"a","b",NULL}: every element quoted, `"` and `\` escaped),
 * to pass as one text parameter cast to `text[]`, `timestamptz[]` …: node-postgres' own conversion of a JS array
 * escapes element by element and costs ~20 ms per 85,000 keys, this ~3 ms.
 */
export function pgArray(values: readonly (string | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[i] = v === null || v === undefined ? 'NULL' : `"${ARRAY_SPECIAL.test(v) ? v.replace(/["\\]/g, '\\$&') : v}"`;
  }
  return `{${parts.join(',')}}`;
}

/** One statement with array parameters on the connection under `db` (Drizzle would expand a JS array into a list). */
export async function rawQuery<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  return (await clientOf(db).query(text, params)).rows as T[];
}

/** Whether `db` runs on a node-postgres connection, where COPY FROM STDIN is available. */
export function canCopy(db: Db): boolean {
  return clientOf(db) instanceof pg.Client;
}

/**
 * COPY the rows in one piece: the whole text is handed to the socket at once, so the database reads it while the
 * caller's JavaScript prepares its next batch (a generator fed under backpressure would wait for the event loop).
 */
export async function copyRows(db: Db, table: string, columns: readonly string[], rows: Cell[][]): Promise<void> {
  if (!rows.length) return;
  const client = clientOf(db);
  if (!(client instanceof pg.Client)) throw new Error('copyRows: COPY needs a node-postgres connection');
  const parts: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) parts[i] = rows[i]!.map(copyCell).join('\t');
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  stream.end(`${parts.join('\n')}\n`);
  await finished(stream);
}

export async function bulkInsert(db: Db, table: string, columns: BulkColumn[], rows: Cell[][]): Promise<void> {
  if (!rows.length) return;
  const client = clientOf(db);
  const names = columns.map((c) => c.name).join(', ');
  if (client instanceof pg.Client) return copyRows(db, table, columns.map((c) => c.name), rows);
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    const params = columns.map((_, j) => chunk.map((r) => r[j] ?? null));
    await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${columns.map((c, j) => `$${j + 1}::${c.type}[]`).join(', ')})`, params);
  }
}
