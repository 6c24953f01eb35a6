import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.js';
import { indexText, queryTerms, snippet, tsQuery } from '../../src/server/platform/search/segment.js';
import { freshDatabase } from '../support/db.js';

describe('Chinese segmentation for full-text search', () => {
  it('drops stop words and punctuation from queries, keeps the trade words whole', () => {
    expect(queryTerms('发动机的再制造')).toEqual(['发动机', '再制造']);
    expect(queryTerms('以旧换再，旧件押金')).toEqual(['以旧换再', '旧件押金']);
    expect(queryTerms('  ，。 ')).toEqual([]);
  });

  it('indexes compounds with their parts, folding case and full-width forms', () => {
    const words = indexText('再制造柴油发动机总成', 'ＷＤ６１５').split(' ');
    expect(words).toEqual(expect.arrayContaining(['再制造', '发动机', '柴油发动机', '总成', 'wd615']));
  });

  it('quotes every term so no input can break the tsquery', () => {
    expect(tsQuery(["it's", 'a\\b'])).toBe("'it''s' & 'a\\\\b'");
    expect(tsQuery([])).toBeNull();
    expect(tsQuery(['发动', '机'], { prefixLast: true })).toBe("'发动' & '机':*");
  });

  it('highlights hits in an escaped snippet', () => {
    expect(snippet('<b>再制造</b>柴油发动机', ['发动机'])).toBe('&lt;b&gt;再制造&lt;/b&gt;柴油<mark>发动机</mark>');
    const long = '甲'.repeat(200) + '发动机' + '乙'.repeat(200);
    const s = snippet(long, ['发动机'], 40);
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>发动机</mark>');
  });
});

describe('segmented text in PostgreSQL full-text search', () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase();
    await db.raw.query('CREATE TABLE search_probe (id int primary key, title text, tsv tsvector)');
    await db.raw.query('CREATE INDEX ON search_probe USING gin (tsv)');
    const docs = ['再制造柴油发动机总成', '盾构机主轴承再制造', '液压泵维修手册', '发动机缸体清洗'];
    for (const [i, d] of docs.entries()) {
      await db.raw.query("INSERT INTO search_probe VALUES ($1, $2, to_tsvector('simple', $3))", [i, d, indexText(d)]);
    }
  });
  afterAll(async () => db?.close());

  const find = async (q: string) => {
    const tq = tsQuery(queryTerms(q));
    const { rows } = await db.raw.query<{ title: string }>(
      "SELECT title FROM search_probe WHERE tsv @@ to_tsquery('simple', $1) ORDER BY ts_rank(tsv, to_tsquery('simple', $1)) DESC, id",
      [tq],
    );
    return rows.map((r) => r.title);
  };

  it.each([
    ['发动机', ['再制造柴油发动机总成', '发动机缸体清洗']],
    ['发动机的再制造', ['再制造柴油发动机总成']],
    ['再制造 发动机', ['再制造柴油发动机总成']],
    ['主轴承', ['盾构机主轴承再制造']],
    ['液压泵', ['液压泵维修手册']],
    ['变速箱', []],
  ])('%s finds %j', async (q, expected) => {
    expect(await find(q)).toEqual(expected);
  });
});
