/**
 * The bulk helpers' text forms (src/server/db/bulk.ts, issue 10 §5): an array parameter built by `pgArray` and rows
 * written by `bulkInsert` (COPY on PostgreSQL, unnest on PGlite) read back exactly as given — quotes, backslashes,
 * commas, braces, tabs, newlines, the word NULL, empty strings, CJK and real NULLs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert, pgArray, rawQuery, type Cell } from '../../src/server/db/bulk.js';
import type { Database } from '../../src/server/db/client.js';
import { freshDatabase } from '../support/db.js';

const TRICKY = ['plain', 'with "quotes"', 'back\\slash', 'a,b', '{braces}', 'NULL', '', ' spaced ', 'tab\there', 'new\nline', 'cr\rhere', '再制造发动机', 'urn:epc:id:sgtin:6901234.100001.x0P1'];

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database?.close());

describe('bulk text forms', () => {
  it('pgArray: a text[] parameter reads back element for element, NULLs included', async () => {
    const values = [...TRICKY, null];
    const rows = await database.db.transaction((tx) => rawQuery<{ a: (string | null)[]; n: number }>(tx, 'SELECT $1::text[] AS a, cardinality($1::text[]) AS n', [pgArray(values)]));
    expect(rows[0]!.a).toEqual(values);
    expect(rows[0]!.n).toBe(values.length);
    const empty = await database.db.transaction((tx) => rawQuery<{ n: number }>(tx, 'SELECT cardinality($1::text[]) AS n', [pgArray([])]));
    expect(empty[0]!.n).toBe(0);
  });

  it('pgArray casts to other element types (timestamptz[], uuid[])', async () => {
    const rows = await database.db.transaction((tx) =>
      rawQuery<{ t: string; u: string }>(tx, "SELECT to_char(($1::timestamptz[])[2] AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS t, ($2::uuid[])[1]::text AS u", [
        pgArray(['2026-01-01T00:00:00Z', '2026-12-07T02:30:00.000Z']),
        pgArray(['5b6f6f0e-1d2c-4b7a-9a4e-0f3c2d1e0a9b']),
      ]),
    );
    expect(rows[0]).toEqual({ t: '2026-12-07 02:30', u: '5b6f6f0e-1d2c-4b7a-9a4e-0f3c2d1e0a9b' });
  });

  it('bulkInsert writes every cell as given (text, jsonb, numbers, NULL)', async () => {
    await database.raw.exec('CREATE TABLE bulk_probe (i integer, t text, j jsonb, x float8)');
    const rows: Cell[][] = TRICKY.map((t, i) => [i, t, JSON.stringify({ t, list: [t] }), i / 3]);
    rows.push([TRICKY.length, null, null, null]);
    await database.db.transaction((tx) => bulkInsert(tx, 'bulk_probe', [{ name: 'i', type: 'integer' }, { name: 't', type: 'text' }, { name: 'j', type: 'jsonb' }, { name: 'x', type: 'float8' }], rows));
    const back = (await database.raw.query<{ i: number; t: string | null; j: { t: string } | null; x: number | null }>('SELECT i, t, j, x FROM bulk_probe ORDER BY i')).rows;
    expect(back.map((r) => r.t)).toEqual([...TRICKY, null]);
    expect(back.map((r) => r.j?.t ?? null)).toEqual([...TRICKY, null]);
    expect(back[3]!.x).toBeCloseTo(1);
    expect(back[TRICKY.length]).toEqual({ i: TRICKY.length, t: null, j: null, x: null });
  });
});
