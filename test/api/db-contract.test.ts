/**
 * Issue 11 item 5 — one database contract: the SQL migrations are the source, `src/server/db/schema.ts` mirrors
 * them, and this test keeps the two equal. It migrates a fresh database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), reads `information_schema.columns` and compares every table and column with the Drizzle
 * tables: same tables, same columns, compatible types, same nullability, same default presence.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema.js';
import { freshDatabase } from '../support/db.js';

/** Tables that exist in the database on purpose without a Drizzle table, each with its reason. */
const NOT_IN_DRIZZLE: Record<string, string> = {
  schema_migrations: 'bookkeeping of the migrator itself (src/server/db/migrate.ts creates and reads it with raw SQL)',
};

interface ColumnShape {
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

interface DbColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
}

/** Element type names of array columns (information_schema says only 'ARRAY'; udt_name is '_<element>'). */
const ARRAY_ELEMENTS: Record<string, string> = { _text: 'text', _bpchar: 'character', _uuid: 'uuid', _int4: 'integer', _int8: 'bigint' };

function dbType(c: DbColumn): string {
  if (c.data_type === 'ARRAY') return `${ARRAY_ELEMENTS[c.udt_name] ?? c.udt_name}[]`;
  if (c.data_type === 'character' && c.character_maximum_length != null) return `character(${c.character_maximum_length})`;
  if (c.data_type === 'numeric' && c.numeric_precision != null) return `numeric(${c.numeric_precision},${c.numeric_scale ?? 0})`;
  return c.data_type;
}

/** Drizzle's SQL type spelled like information_schema spells it (`char(6)` → `character(6)`, arrays without lengths). */
function drizzleType(sqlType: string): string {
  let t = sqlType.replace(/\s*,\s*/g, ',').replace(/^char\b/, 'character').replace(/^varchar\b/, 'character varying');
  if (t.endsWith('[]')) t = t.replace(/\(.*\)/, '');
  return t;
}

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('database contract: migrations ⇔ src/server/db/schema.ts', () => {
  it('every table and column of the migrated database has its Drizzle twin with the same type, nullability and default presence', async () => {
    const { rows } = await database.raw.query<DbColumn>(
      `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale,
              is_nullable, column_default, is_identity
         FROM information_schema.columns c
        WHERE table_schema = 'public'
          AND EXISTS (SELECT 1 FROM information_schema.tables t
                       WHERE t.table_schema = 'public' AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')
        ORDER BY table_name, ordinal_position`,
    );
    const inDb = new Map<string, Map<string, ColumnShape>>();
    for (const c of rows) {
      if (!inDb.has(c.table_name)) inDb.set(c.table_name, new Map());
      inDb.get(c.table_name)!.set(c.column_name, {
        type: dbType(c),
        nullable: c.is_nullable === 'YES',
        hasDefault: c.column_default != null || c.is_identity === 'YES',
      });
    }

    const inDrizzle = new Map<string, Map<string, ColumnShape>>();
    for (const value of Object.values(schema)) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value);
      expect(inDrizzle.has(config.name), `schema.ts declares table ${config.name} twice`).toBe(false);
      inDrizzle.set(
        config.name,
        new Map(config.columns.map((col) => [col.name, { type: drizzleType(col.getSQLType()), nullable: !col.notNull, hasDefault: col.hasDefault }])),
      );
    }

    const problems: string[] = [];
    for (const [table, columns] of inDb) {
      if (table in NOT_IN_DRIZZLE) continue;
      const twin = inDrizzle.get(table);
      if (!twin) {
        problems.push(`table ${table}: in the database, missing in schema.ts`);
        continue;
      }
      for (const [column, db] of columns) {
        const dz = twin.get(column);
        if (!dz) {
          problems.push(`${table}.${column}: in the database (${db.type}), missing in schema.ts`);
          continue;
        }
        if (db.type !== dz.type) problems.push(`${table}.${column}: type ${db.type} in the database, ${dz.type} in schema.ts`);
        if (db.nullable !== dz.nullable)
          problems.push(`${table}.${column}: ${db.nullable ? 'nullable' : 'NOT NULL'} in the database, ${dz.nullable ? 'nullable' : 'notNull()'} in schema.ts`);
        if (db.hasDefault !== dz.hasDefault)
          problems.push(`${table}.${column}: ${db.hasDefault ? 'has a default' : 'has no default'} in the database, ${dz.hasDefault ? 'has a default' : 'has none'} in schema.ts`);
      }
      for (const column of twin.keys()) {
        if (!columns.has(column)) problems.push(`${table}.${column}: in schema.ts, missing in the database`);
      }
    }
    for (const table of inDrizzle.keys()) {
      if (!inDb.has(table)) problems.push(`table ${table}: in schema.ts, missing in the database`);
    }
    for (const table of Object.keys(NOT_IN_DRIZZLE)) {
      expect(inDb.has(table), `allow-listed table ${table} no longer exists: drop it from NOT_IN_DRIZZLE`).toBe(true);
    }

    expect(problems, `schema.ts and the migrations disagree:\n${problems.join('\n')}`).toEqual([]);
  });
});
