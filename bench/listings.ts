/**
 * The public market's listing search at 100,000 listings (issue 13 "Performance": p95 ≤ 50 ms, same-run ratio to a
 * bare route): `npx tsx bench/listings.ts [listings] [requests] [--pglite]`.
 *
 * 1. A scratch database: PostgreSQL `reman_bench_listings_<pid>` on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432),
 *    dropped afterwards; with `--pglite` the embedded database in memory.
 * 2. 200 seller enterprises (20 provinces) and `listings` (default 100,000) active listings of one unit each, from a
 *    realistic vocabulary, written through the listings repo's own insert (jieba segmentation by `indexText`, the
 *    GIN index on `search_tsv`), 3 % withdrawn.
 * 3. Over HTTP on 127.0.0.1, one client: `requests` (default 2,000) GET /api/v1/public/listings from a fixed mix
 *    BENCH_KEEP_DB=1 keeps the database (its name is printed); BENCH_REUSE_DB=<name> measures an existing one (migrated
 *    to the current schema first, nothing written): two versions of the code compared on the same data in one sitting.
 *    (specific: a model, product + brand; broad: 再制造, 发动机; filtered by field, region, price, announced; no
 *    query: newest first; a deep page), the answer cache dropped before each request (uncached), and the same number
 *    of requests to a bare Fastify route in the same process before and after. Printed: p50/p95/p99 per class and
 *    overall, and the ratios to the bare route.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { listingRepo } from '../src/server/modules/listings/listings.repo.js';
import { indexText } from '../src/server/platform/search/segment.js';
import { buildEnterprise } from '../test/support/factories.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const LISTINGS = Number(args[0] ?? 100_000);
const REQUESTS = Number(args[1] ?? 2_000);
const PGLITE = process.argv.includes('--pglite');
/** --invalidate: drop the answers as the earlier runs did (a write each time: the search index re-syncs meanwhile) */
const OLD_HARNESS = process.argv.includes('--invalidate');

let seed = 20261209;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
const PRODUCTS = ['再制造柴油发动机总成', '再制造汽油发动机总成', '再制造变速器总成', '再制造液压主泵', '再制造回转马达', '再制造起动机', '再制造交流发电机', '再制造涡轮增压器', '再制造盾构机主轴承', '再制造数控车床', '再制造臂架油缸', '再制造转向器', '再制造复印机', '再制造齿轮箱', '再制造减速机', '再制造工业机器人', '再制造空压机', '再制造水泵'];
const BRANDS = ['潍柴', '玉柴', '康明斯', '法士特', '三一', '徐工', '中联', '柳工', '博世', '东风', '重汽', '卡特彼勒', '小松', '川崎'];
const MODELS = ['WD615', 'WP12', 'WP10', 'YC6L', 'ISX15', 'K3V112', 'K5V140', 'M5X130', 'QD2821', 'JF506', 'CK6150', 'HX55W', 'EA888', '6CT'];
const REGIONS = ['440106', '440300', '320500', '320200', '310115', '430100', '430200', '370100', '370200', '420300', '420100', '340100', '500000', '510100', '610100', '210100', '120000', '110000', '350200', '330100'];
const FIELDS = ['construction_machinery', 'machine_tools', 'heavy_machinery', 'internal_combustion_engines', 'electrical_equipment', 'agricultural_machinery', 'basic_mechanical_parts', 'office_equipment'];

const QUERIES: [string, string][] = [
  ['specific', 'q=WD615'], ['specific', `q=${encodeURIComponent('潍柴 WP12 发动机')}`], ['specific', `q=${encodeURIComponent('K3V112 液压主泵')}`], ['specific', `q=${encodeURIComponent('盾构机主轴承')}`],
  ['broad', `q=${encodeURIComponent('发动机')}`], ['broad', `q=${encodeURIComponent('再制造')}`],
  ['filtered', `q=${encodeURIComponent('发动机')}&field=internal_combustion_engines`], ['filtered', 'region=440000'], ['filtered', `q=${encodeURIComponent('液压')}&region=430100&maxPrice=50000`],
  ['filtered', 'minPrice=10000&maxPrice=20000'], ['filtered', `announcedOnly=true&q=${encodeURIComponent('变速器')}`],
  ['browse', ''], ['browse', 'page=50'],
];

const BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REUSE = process.env.BENCH_REUSE_DB;
const KEEP = !!process.env.BENCH_KEEP_DB || !!REUSE;
const DB = REUSE ?? `reman_bench_listings_${process.pid}`;
let admin: pg.Client | null = null;
let url: string | undefined;
if (!PGLITE) {
  admin = new pg.Client({ connectionString: `${BASE}/postgres` });
  await admin.connect();
  if (!REUSE) await admin.query(`CREATE DATABASE ${DB}`);
  url = `${BASE}/${DB}`;
}
const database = url ? await openDatabase({ url }) : await openDatabase({ dataDir: 'memory://' });
try {
  const config = testConfig({ PUBLIC_RATE_PER_MINUTE: 100_000_000, ...(url ? { DATABASE_URL: url } : {}) });
  const app = await buildApp({ config, database, serveWeb: false });
  const t0 = Date.now();
  if (!REUSE) await write();
  async function write() {
  const sellers: { id: string; name: string; regionCode: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const e = await buildEnterprise(app.services, { regionCode: REGIONS[i % REGIONS.length]!, name: `${pick(['精工', '绿源', '智造', '复强', '恒远', '东方', '华通', '天工'])}再制造科技有限公司${i}` });
    sellers.push({ id: e.id, name: e.name, regionCode: REGIONS[i % REGIONS.length]! });
  }
  for (let i = 0; i < LISTINGS; i += 1000) {
    await database.db.transaction(async (tx) => {
      for (let k = i; k < Math.min(LISTINGS, i + 1000); k++) {
        const s = sellers[k % sellers.length]!;
        const product = pick(PRODUCTS);
        const brand = pick(BRANDS);
        const model = `${pick(MODELS)}${pick(['', 'E', '-R', '-2'])}`;
        const title = `${brand} ${model} ${product}${pick(['', '（现货）', '（质保一年）', '（以旧换再）'])}`;
        const id = randomUUID();
        const code = `RMB${String(k).padStart(14, '0')}`;
        const description = `${product}，${pick(['整机出厂检验合格', '关键件激光熔覆修复', '按国家标准再制造', '旧件来源可追溯'])}，${pick(['可开增值税专用发票', '支持以旧换再', '全国联保'])}`;
        await listingRepo.insert(tx, {
          enterprise_id: s.id, id, title, description, price_cny: String(Math.round(2_000 + rnd() * 200_000)), new_reference_price_cny: null, warranty_months: 12,
          product_name: product, model, field: pick(FIELDS), region_code: s.regionCode, life: 1 + Math.floor(rnd() * 2), mass_rate: 80, value_rate: 60, created_by: null,
          index_text: indexText(title, product, model, description, s.name, code),
        });
        await listingRepo.insertUnits(tx, s.id, id, [{ code, epc: `urn:bench:${code}` }]);
      }
    });
  }
  await database.raw.query("UPDATE listings SET status = 'withdrawn' WHERE ctid IN (SELECT ctid FROM listings TABLESAMPLE SYSTEM (3))");
  await database.raw.query('ANALYZE listings');
  await database.raw.query('ANALYZE listing_units');
  console.log(`${database.kind}: ${LISTINGS} listings of 200 sellers written in ${((Date.now() - t0) / 1000).toFixed(0)} s${KEEP ? ` (kept: BENCH_REUSE_DB=${DB})` : ''}`);
  }

  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/public/listings?`;
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  };
  async function timed(target: string) {
    const t = performance.now();
    const r = await fetch(target);
    const body = await r.text();
    if (r.status !== 200) throw new Error(`${target}: ${r.status} ${body.slice(0, 200)}`);
    return { ms: performance.now() - t, body };
  }
  async function bareRun() {
    const ms: number[] = [];
    const t = performance.now();
    for (let i = 0; i < REQUESTS; i++) ms.push((await timed(bareUrl)).ms);
    return { ms, rps: REQUESTS / ((performance.now() - t) / 1000) };
  }
  for (const q of QUERIES) await timed(appBase + q[1]); // warm-up

  const before = await bareRun();
  const byClass = new Map<string, number[]>();
  const byQuery = new Map<string, number[]>();
  const all: number[] = [];
  const hits = new Map<string, number>();
  const t = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const q = QUERIES[i % QUERIES.length]!;
    // uncached: the SQL runs for every request. `drop`, not `invalidate`: an invalidation stands for a write and makes the
    // search index re-read every active listing in the background (search.service follow), which ran all through the
    // earlier runs of this bench and was measured with the route
    if (OLD_HARNESS) app.services.publicCache.invalidate('listings');
    else app.services.publicCache.drop('listings');
    const r = await timed(appBase + q[1]);
    all.push(r.ms);
    byClass.set(q[0], [...(byClass.get(q[0]) ?? []), r.ms]);
    byQuery.set(q[1], [...(byQuery.get(q[1]) ?? []), r.ms]);
    if (i < QUERIES.length) hits.set(decodeURIComponent(q[1]), JSON.parse(r.body).total as number);
  }
  const rps = REQUESTS / ((performance.now() - t) / 1000);
  const after = await bareRun();
  const bareRps = (before.rps + after.rps) / 2;
  const bareP95 = (pct(before.ms, 95) + pct(after.ms, 95)) / 2;
  console.log(`\n${REQUESTS} requests, one client, uncached; bare route ${before.rps.toFixed(0)} req/s before, ${after.rps.toFixed(0)} after, p95 ${bareP95.toFixed(2)} ms`);
  console.log(`${'class'.padEnd(12)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const [c, xs] of [...byClass, ['all', all] as [string, number[]]]) console.log(`${c.padEnd(12)} ${String(xs.length).padStart(5)} ${pct(xs, 50).toFixed(2).padStart(8)} ${pct(xs, 95).toFixed(2).padStart(8)} ${pct(xs, 99).toFixed(2).padStart(8)}`);
  for (const [q, xs] of byQuery) console.log(`  ${decodeURIComponent(q).padEnd(40)} p95 ${pct(xs, 95).toFixed(2)} ms`);
  console.log(`listings ${rps.toFixed(0)} req/s = ${((rps / bareRps) * 100).toFixed(1)} % of the bare route; p95 ${pct(all, 95).toFixed(2)} ms = ${(pct(all, 95) / bareP95).toFixed(1)} × the bare route's p95`);
  console.log('matches per query:', JSON.stringify(Object.fromEntries(hits)));
  console.log(JSON.stringify({ database: database.kind, listings: LISTINGS, requests: REQUESTS, p95: pct(all, 95), p50: pct(all, 50), bareP95, rps, bareRps }));
  await bare.close();
  await app.close();
} finally {
  await database.close().catch(() => undefined);
  if (admin) {
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  }
}
