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
  const name = `reman_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  const close = database.close;
  database.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: databaseUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  return database;
}

/**
 * A database that outlives one app (restart tests): `open()` opens it again each time (a PGlite data directory in
 * a temporary folder, or a new database on TEST_DATABASE_URL); `drop()` removes it.
 */
export async function reopenableDatabase(): Promise<{ open(): Promise<Database>; drop(): Promise<void>; url?: string }> {
  const { databaseUrl } = testEnvironment();
  if (!databaseUrl) {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'reman-db-'));
    return { open: () => openDatabase({ dataDir: join(dir, 'data') }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `reman_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: () => openDatabase({ url: url.toString() }),
    drop: async () => {
      const a = new pg.Client({ connectionString: databaseUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
