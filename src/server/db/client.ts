import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { applyMigrations } from './migrate.js';

export type Schema = typeof schema;
/** The Drizzle database or a transaction on it: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgresql';

/** Minimal raw-SQL port used by the migrator, health checks and the CLI. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<void>;
  /** Run `fn` on ONE connection (session-level locks, e.g. the migrator's advisory lock). PGlite has only one. */
  session?<T>(fn: (raw: RawSql) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: DatabaseKind;
  db: Db;
  raw: RawSql;
  /** The embedded engine, when kind = 'pglite' (backup export uses it). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… for a real server; otherwise PGlite. */
  url?: string;
  /** PGlite data directory; 'memory://' (or undefined) for an in-memory database. */
  dataDir?: string;
  /** A PGlite data-dir tarball to start from (backup import). */
  loadDataDir?: Blob;
  migrate?: boolean;
}

/**
 * A hot read as a named prepared statement: on PostgreSQL parsed and planned once per pooled connection (node-postgres
 * `name`), on PGlite a plain parameterised query. `text` uses $1, $2 …; `name` must be unique per text. Not for
 * transactions: it runs on the root database.
 */
export async function preparedQuery<T>(db: Db, name: string, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return (await client.query<T & pg.QueryResultRow>({ name, text, values: params })).rows;
  if (client instanceof PGlite) return (await client.query<T>(text, params)).rows;
  throw new Error('preparedQuery: not a root database (inside a transaction?)');
}

/** The rows of a raw `db.execute(sql…)` (same shape on PGlite and node-postgres). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.url ? await openPostgres(opts.url) : await openPglite(opts.dataDir, opts.loadDataDir);
  if (opts.migrate !== false) {
    try {
      await applyMigrations(database.raw);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir!, { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dataDir, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    raw: {
      query: async (text, params) => ({ rows: (await client.query(text, params ?? [])).rows as never[] }),
      exec: async (text) => {
        await client.exec(text);
      },
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection that the server ends (restart, admin termination) is reported here; the pool
  // replaces it on the next checkout. Without a listener it would crash the process.
  pool.on('error', (err) => {
    if ((err as { code?: string }).code !== '57P01') console.error(JSON.stringify({ level: 50, msg: 'idle database connection error', err: err.message }));
  });
  // Fail fast with a clear message if the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgresql',
    db,
    raw: {
      query: async (text, params) => ({ rows: (await pool.query(text, params ?? [])).rows }),
      exec: async (text) => {
        await pool.query(text);
      },
      session: async (fn) => {
        const client = await pool.connect();
        try {
          return await fn({
            query: async (text, params) => ({ rows: (await client.query(text, params ?? [])).rows }),
            exec: async (text) => {
              await client.query(text);
            },
          });
        } finally {
          client.release();
        }
      },
    },
    close: () => pool.end(),
  };
}
