import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawSql } from './client.js';

/**
 * Forward-only SQL migrations: src/server/db/migrations/<YYYYMMDDHHMMSS>_<name>.sql, applied in name order,
 * each in its own transaction, recorded in schema_migrations. The same files run on PGlite and PostgreSQL.
 */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const NAME = /^(\d{14})_[a-z0-9_]+\.sql$/;

export function listMigrations(dir = MIGRATIONS_DIR): { version: string; file: string }[] {
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((file) => ({ version: NAME.exec(file)![1]!, file }));
}

/** Advisory lock key of the migrator (held for the whole run, on one connection). */
export const MIGRATION_LOCK = 727001;

/**
 * Apply the pending migrations. The advisory lock is taken BEFORE the applied list is read and held on the same
 * connection until the last migration committed, so two processes starting at once on a shared server never both
 * see a migration as pending: the second waits, then reads the list the first one completed.
 */
export async function applyMigrations(raw: RawSql, dir = MIGRATIONS_DIR): Promise<string[]> {
  const inSession = raw.session ? <T>(fn: (s: RawSql) => Promise<T>) => raw.session!(fn) : <T>(fn: (s: RawSql) => Promise<T>) => fn(raw);
  return inSession(async (s) => {
    await s.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await applyLocked(s, dir);
    } finally {
      await s.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  });
}

async function applyLocked(raw: RawSql, dir: string): Promise<string[]> {
  await raw.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, file text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set((await raw.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  const done: string[] = [];
  for (const m of listMigrations(dir)) {
    if (applied.has(m.version)) continue;
    const sql = readFileSync(join(dir, m.file), 'utf8');
    // One transaction per migration (the session's advisory lock keeps other starters out).
    await raw.exec(
      `BEGIN;\n${sql}\n;INSERT INTO schema_migrations(version, file) VALUES ('${m.version}', '${m.file}'); COMMIT;`,
    ).catch(async (err: unknown) => {
      await raw.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`Migration ${m.file} failed: ${(err as Error).message}`);
    });
    done.push(m.file);
  }
  return done;
}
