import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../../src/server/db/client.js';
import { escapeLike, ilikeEscaped, likeContains, likeEscaped, likePrefix, likeSuffix } from '../../src/server/db/like.js';
import { freshDatabase } from '../support/db.js';

describe('LIKE patterns from user text', () => {
  it('escapes backslash, % and _ and nothing else', () => {
    expect(escapeLike('100%')).toBe('100\\%');
    expect(escapeLike('a_b')).toBe('a\\_b');
    expect(escapeLike('C:\\x')).toBe('C:\\\\x');
    expect(escapeLike('再制造 WP12.430*?[]')).toBe('再制造 WP12.430*?[]');
    expect(likeContains('%')).toBe('%\\%%');
    expect(likePrefix('_')).toBe('\\_%');
    expect(likeSuffix('.a_1')).toBe('%.a\\_1');
  });

  describe('on the database (ESCAPE named explicitly)', () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase();
      await db.raw.query('CREATE TABLE like_probe (id int primary key, name text)');
      await db.raw.query(`INSERT INTO like_probe VALUES (1, '打折 100%'), (2, '1000 件'), (3, 'a_b'), (4, 'axb'), (5, 'C:\\dir'), (6, 'C:dir'), (7, 'ABC')`);
    });
    afterAll(async () => db?.close());
    const ids = async (cond: ReturnType<typeof sql>) =>
      (await rowsOf<{ id: number }>(db.db, sql`SELECT id FROM like_probe WHERE ${cond} ORDER BY id`)).map((r) => Number(r.id));

    it('matches the text literally', async () => {
      expect(await ids(ilikeEscaped(sql`name`, likeContains('100%')))).toEqual([1]);
      expect(await ids(ilikeEscaped(sql`name`, likeContains('%')))).toEqual([1]);
      expect(await ids(ilikeEscaped(sql`name`, likeContains('_')))).toEqual([3]);
      expect(await ids(ilikeEscaped(sql`name`, likeContains('a_b')))).toEqual([3]);
      expect(await ids(ilikeEscaped(sql`name`, likeContains('\\')))).toEqual([5]);
      expect(await ids(ilikeEscaped(sql`name`, likeContains('c:\\d')))).toEqual([5]);
      expect(await ids(likeEscaped(sql`name`, likePrefix('ab')))).toEqual([]);
      expect(await ids(ilikeEscaped(sql`name`, likePrefix('ab')))).toEqual([7]);
      expect(await ids(likeEscaped(sql`name`, likeSuffix('_b')))).toEqual([3]);
    });
  });
});
