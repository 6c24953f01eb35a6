/**
 * Where the one search's time goes (issue 14 item 3): `npx tsx bench/search-explain.ts DIR [--plans] [--vacuum]` on
 * the PGlite data directory bench/search.ts wrote (`--data-dir=DIR`), or on PostgreSQL with BENCH_DATABASE_URL.
 * Per query of the bench's mix: the SQL alone (median of 7 runs of searchRepo.search) and the whole service call
 * (segmentation, SQL, snippets); `--plans` prints EXPLAIN (ANALYZE, BUFFERS) of each; `--vacuum` runs VACUUM first
 * (it empties a GIN index's pending list, which only autovacuum would otherwise — PGlite has none); `--only=a,b`:
 * the queries containing a or b.
 */
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import type { Db } from '../src/server/db/client.js';
import type { SearchType } from '../src/server/db/schema.js';
import { createSearchService } from '../src/server/modules/search/search.service.js';
import { searchRepo } from '../src/server/modules/search/search.repo.js';
import { createPublicCache } from '../src/server/platform/public-cache.js';
import { queryTerms, tsQuery } from '../src/server/platform/search/segment.js';
import { filtersOf, QUERIES } from './search-queries.js';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
const url = process.env.BENCH_DATABASE_URL;
const database = url ? await openDatabase({ url }) : await openDatabase({ dataDir: dir! });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  if (process.argv.includes('--vacuum')) {
    const t = performance.now();
    await database.raw.query('VACUUM search_documents');
    console.log(`VACUUM ${(performance.now() - t).toFixed(0)} ms`);
  }
  const db = database.db;
  const search = createSearchService({ db, publicCache: createPublicCache(), sources: [] });
  const sqlMs: number[] = [];
  const svcMs: number[] = [];
  console.log(`${'query'.padEnd(40)} ${'sql ms'.padStart(8)} ${'service'.padStart(8)}`);
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  for (const entry of QUERIES.filter((e) => !only || only.some((o) => e[1].includes(o)))) {
    const f = filtersOf(entry);
    const q = tsQuery(queryTerms(f.q))!;
    const filter = { tsQuery: q, types: f.types as SearchType[] | undefined, region: f.region, year: f.year };
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      await searchRepo.search(db, filter, 20, 0);
      a.push(performance.now() - t);
      t = performance.now();
      await search.search({ q: f.q, types: f.types as SearchType[] | undefined, region: f.region, year: f.year }, { page: 1, pageSize: 20 });
      b.push(performance.now() - t);
    }
    sqlMs.push(median(a));
    svcMs.push(median(b));
    console.log(`${entry[1].padEnd(40)} ${median(a).toFixed(1).padStart(8)} ${median(b).toFixed(1).padStart(8)}`);
    if (process.argv.includes('--plans')) {
      const plan = ((await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${searchSql(filter)}`)) as unknown as { rows: Record<string, string>[] }).rows;
      console.log(plan.map((r) => `    ${Object.values(r)[0]}`).join('\n'));
    }
  }
  console.log(`sum of medians: sql ${sqlMs.reduce((x, y) => x + y, 0).toFixed(0)} ms, service ${svcMs.reduce((x, y) => x + y, 0).toFixed(0)} ms over ${QUERIES.length} queries`);
} finally {
  await database.close();
}

/** The SQL searchRepo.search sends (captured from a recording db). */
function searchSql(filter: Parameters<typeof searchRepo.search>[1]): SQL {
  let captured: SQL | null = null;
  const recorder = { execute: async (q: SQL) => ((captured = q), { rows: [] }) } as unknown as Db;
  void searchRepo.search(recorder, filter, 20, 0);
  return captured!;
}
