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
