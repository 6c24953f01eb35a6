import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../db/client.js';

/**
 * Set-based bulk inserts of the projection's append-only rows (trace_edges, trace_steps): on PostgreSQL one
 * `COPY … FROM STDIN` on the transaction's own connection (pg-copy-streams), elsewhere (PGlite has no COPY FROM
 * STDIN stream) one `INSERT … SELECT FROM unnest($n::type[], …)` per 20,000 rows — column arrays as parameters,
 * no JSON to build or parse. Same rows, same defaults, either way (issue 10 §5 "projection speed").
 */

type Cell = string | number | boolean | null;
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

/** COPY text format: backslash, tab, newline and carriage return escaped; NULL as \N. */
function copyCell(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One statement with array parameters on the connection under `db` (Drizzle would expand a JS array into a list). */
export async function rawQuery<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  return (await clientOf(db).query(text, params)).rows as T[];
}

export async function bulkInsert(db: Db, table: string, columns: BulkColumn[], rows: Cell[][]): Promise<void> {
  if (!rows.length) return;
  const client = clientOf(db);
  const names = columns.map((c) => c.name).join(', ');
  if (client instanceof pg.Client) {
    const CHUNK = 2000;
    async function* lines() {
      for (let i = 0; i < rows.length; i += CHUNK) {
        let s = '';
        for (const r of rows.slice(i, i + CHUNK)) s += `${r.map(copyCell).join('\t')}\n`;
        yield s;
      }
    }
    await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${names}) FROM STDIN`)));
    return;
  }
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    const params = columns.map((_, j) => chunk.map((r) => r[j] ?? null));
    await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${columns.map((c, j) => `$${j + 1}::${c.type}[]`).join(', ')})`, params);
  }
}
