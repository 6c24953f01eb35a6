import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEnvironment } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/db/client.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; a new database on the
 * PostgreSQL server at TEST_DATABASE_URL when set (dropped again on close).
 */
export async function freshDatabase(): Promise<Database> {
  const { databaseUrl } = testEnvironment();
  if (!databaseUrl) return openDatabase({ dataDir: 'memory://' });
  const scratch = await scratchPostgresDatabase(databaseUrl);
  const database = await openDatabase({ url: scratch.url });
  const close = database.close;
  database.close = async () => {
    await close();
    await scratch.drop();
  };
  return database;
}

/** A new, empty database on the PostgreSQL server at `serverUrl`, with its URL and a drop(). */
async function scratchPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `reman_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A database that outlives one app (restart tests): `open()` opens it again each time (a PGlite data directory in
 * a temporary folder, or a new database on TEST_DATABASE_URL); `drop()` removes it. `env` points a child platform
 * process at it (DATA_DIR or DATABASE_URL).
 */
export async function reopenableDatabase(): Promise<{ open(): Promise<Database>; drop(): Promise<void>; url?: string; env: Record<string, string> }> {
  const { databaseUrl } = testEnvironment();
  if (!databaseUrl) {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'reman-db-'));
    return { open: () => openDatabase({ dataDir: join(dir, 'data') }), drop: async () => rmSync(dir, { recursive: true, force: true }), env: { DATA_DIR: join(dir, 'data') } };
  }
  const scratch = await scratchPostgresDatabase(databaseUrl);
  return {
    url: scratch.url,
    env: { DATABASE_URL: scratch.url },
    open: () => openDatabase({ url: scratch.url }),
    drop: scratch.drop,
  };
}

/**
 * Browser suite: an in-memory PGlite opened from a data-directory tarball (`dumpDataDir('none')` of the demo world,
 * test/support/browser-snapshot.ts). Each call is its own database: nothing is shared with the dump or other files.
 */
export async function databaseFromDump(tarball: string): Promise<Database> {
  const { readFileSync } = await import('node:fs');
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(tarball)]) });
}
