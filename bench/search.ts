/**
 * The one search at 100,000 documents (issue 14 "Search": p95 ≤ 50 ms): `npx tsx bench/search.ts [docs] [requests]`.
 *
 * 1. A scratch database: PostgreSQL `reman_bench_search_<pid>` on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432),
 *    dropped afterwards; with `--pglite` the embedded database in memory instead.
 * 2. `docs` (default 100,000) synthetic search documents of every type — enterprises, 公告, standards, listings,
 *    catalogue models, policies, units, organisations — built from a realistic vocabulary (products, models, cities,
 *    fields) and written through the search module's own upsert (jieba segmentation, weights A/D, GIN index).
 * 3. Over HTTP on 127.0.0.1, one client: `requests` (default 2,000) GET /api/v1/public/search with queries from a
 *    fixed mix (specific: a model, an enterprise, product + city; broad: one common word; filtered by type / region;
 *    a word order variant), the answer cache dropped before each request (uncached: every request runs the SQL), and
 *    the same number of requests to a bare Fastify route in the same process before and after. Printed: p50 / p95 /
 *    p99 per query class and overall, and the search's throughput as a share of the bare route's.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { searchRepo, type SearchDoc } from '../src/server/modules/search/search.repo.js';
import type { SearchType } from '../src/server/db/schema.js';
import { QUERIES, urlOf } from './search-queries.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const DOCS = Number(args[0] ?? 100_000);
const REQUESTS = Number(args[1] ?? 2_000);
const PGLITE = process.argv.includes('--pglite') || process.argv.some((a) => a.startsWith('--data-dir='));
/** `--data-dir=DIR`: PGlite on disk; documents already there are kept (write once, measure and EXPLAIN many times). */
const DATA_DIR = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);

// ---------------------------------------------------------------- a deterministic generator
let seed = 20261206;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
const PRODUCTS = ['柴油发动机总成', '汽油发动机总成', '变速器总成', '液压主泵', '回转马达', '起动机', '交流发电机', '涡轮增压器', '盾构机主轴承', '数控车床', '臂架油缸', '转向器', '复印机', '打印机硒鼓', '服务器', '轮胎', '离合器', '水泵', '空压机', '齿轮箱', '减速机', '工业机器人', '医疗影像设备', '叉车门架', '挖掘机斗杆'];
const BRANDS = ['潍柴', '玉柴', '康明斯', '法士特', '三一', '徐工', '中联', '柳工', '博世', '大陆', '东风', '一汽', '上汽', '重汽', '卡特彼勒', '小松', '日立', '川崎'];
const CITIES = [['广州', '44'], ['深圳', '44'], ['苏州', '32'], ['无锡', '32'], ['上海', '31'], ['长沙', '43'], ['株洲', '43'], ['济南', '37'], ['青岛', '37'], ['十堰', '42'], ['武汉', '42'], ['合肥', '34'], ['重庆', '50'], ['成都', '51'], ['西安', '61'], ['沈阳', '21'], ['天津', '12'], ['北京', '11'], ['厦门', '35'], ['杭州', '33']] as const;
const FIELDS = ['construction_machinery', 'machine_tools', 'heavy_machinery', 'internal_combustion_engines', 'electrical_equipment', 'agricultural_machinery', 'basic_mechanical_parts', 'office_equipment'];
const WORDS = ['再制造', '旧件', '回收', '拆解', '清洗', '检测', '修复', '表面工程', '激光熔覆', '装配', '出厂检验', '质保', '以旧换再', '性能', '寿命', '节能', '减排', '标准', '技术规范', '通用要求', '示范', '产业园', '集聚区', '工程机械', '汽车零部件', '机床', '内燃机', '办公设备'];
const TYPES: [SearchType, number][] = [['listing', 0.45], ['catalogue', 0.15], ['enterprise', 0.15], ['announcement', 0.05], ['notice', 0.05], ['standard', 0.05], ['policy', 0.04], ['demoUnit', 0.03], ['testingOrg', 0.03]];
const typeOf = () => {
  let x = rnd();
  for (const [t, p] of TYPES) if ((x -= p) < 0) return t;
  return 'listing' as SearchType;
};
const MODELS = ['WD615', 'WP12', 'WP10', 'YC6L', 'ISX15', 'K3V112', 'K5V140', 'M5X130', 'QD2821', 'JF506', 'CK6150', 'HX55W', 'EA888', 'FAST-12JS', '6CT', 'D6114', 'C7', 'SAA6D'];
const model = () => `${pick(MODELS)}${pick(['', '-R', 'E', 'L', '-2', '-3'])}`;
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join('');

function doc(i: number): SearchDoc {
  const type = typeOf();
  const [city, region] = pick(CITIES);
  const product = pick(PRODUCTS);
  const brand = pick(BRANDS);
  const m = model();
  const company = `${city}${pick(['精工', '绿源', '智造', '复强', '恒远', '东方', '华通', '天工', '力拓', '鼎盛'])}${pick(['再制造', '动力', '装备', '机械'])}${pick(['科技', '技术', '工业'])}有限公司${i % 97}`;
  const title =
    type === 'enterprise' ? company
      : type === 'standard' ? `GB/T ${30000 + (i % 9000)}-20${10 + (i % 15)} 再制造 ${product}技术规范`
        : type === 'announcement' || type === 'notice' ? `机电产品再制造行业规范条件企业名单（第${(i % 60) + 1}批）${type === 'notice' ? '公示' : ''}`
          : type === 'policy' ? `关于推进${product}再制造${pick(['试点', '示范', '以旧换再', '标准化'])}工作的通知 ${i}`
            : type === 'demoUnit' ? `${city}${pick(['再制造产业示范基地', '再制造产业园', '再制造技术研发中心'])}${i % 50}`
              : type === 'testingOrg' ? `${city}再制造产品质量检验检测中心${i % 40}`
                : `${brand} ${m} 再制造${product}${pick(['', '（现货）', '（质保一年）', '（以旧换再）'])}`;
  return {
    type,
    refId: `bench-${i}`,
    title,
    body: `${company} ${brand} ${m} ${product} ${sentence(20 + Math.floor(rnd() * 40))}`,
    url: `/bench/${i}`,
    region,
    fields: [pick(FIELDS)],
    year: 2016 + (i % 11),
  };
}

// ---------------------------------------------------------------- the run
const BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DB = `reman_bench_search_${process.pid}`;
let admin: pg.Client | null = null;
let url: string | undefined;
if (!PGLITE) {
  admin = new pg.Client({ connectionString: `${BASE}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  url = `${BASE}/${DB}`;
}
const database = url ? await openDatabase({ url }) : await openDatabase({ dataDir: DATA_DIR ?? 'memory://' });
try {
  const config = testConfig({ PUBLIC_RATE_PER_MINUTE: 100_000_000, ...(url ? { DATABASE_URL: url } : {}) });
  const app = await buildApp({ config, database, serveWeb: false });
  const t0 = Date.now();
  const [{ n: present }] = (await database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM search_documents')).rows as [{ n: number }];
  if (present !== DOCS) for (let i = 0; i < DOCS; i += 2000) await searchRepo.upsert(database.db, Array.from({ length: Math.min(2000, DOCS - i) }, (_, k) => doc(i + k)));
  await database.raw.query('ANALYZE search_documents');
  const counts = await app.services.search.counts();
  console.log(`${database.kind}: ${counts.reduce((n, c) => n + c.n, 0)} documents written in ${((Date.now() - t0) / 1000).toFixed(0)} s (${counts.map((c) => `${c.type} ${c.n}`).join(', ')})`);

  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
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
  // warm-up: every query once (plans, jieba dictionary)
  for (const q of QUERIES) await timed(appBase + urlOf(q));

  const before = await bareRun();
  const byClass = new Map<string, number[]>();
  const all: number[] = [];
  const hits = new Map<string, number>();
  const t = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const q = QUERIES[i % QUERIES.length]!;
    app.services.publicCache.invalidate('search'); // uncached: the SQL runs for every request
    const r = await timed(appBase + urlOf(q));
    all.push(r.ms);
    byClass.set(q[0], [...(byClass.get(q[0]) ?? []), r.ms]);
    if (i < QUERIES.length) hits.set(q[1], JSON.parse(r.body).total as number);
  }
  const searchRps = REQUESTS / ((performance.now() - t) / 1000);
  const after = await bareRun();
  const bareRps = (before.rps + after.rps) / 2;
  const bareP95 = (pct(before.ms, 95) + pct(after.ms, 95)) / 2;

  console.log(`\n${REQUESTS} requests, one client, uncached; bare route ${before.rps.toFixed(0)} req/s before, ${after.rps.toFixed(0)} after, p95 ${bareP95.toFixed(2)} ms`);
  console.log(`${'class'.padEnd(12)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const [c, xs] of [...byClass, ['all', all] as [string, number[]]]) console.log(`${c.padEnd(12)} ${String(xs.length).padStart(5)} ${pct(xs, 50).toFixed(2).padStart(8)} ${pct(xs, 95).toFixed(2).padStart(8)} ${pct(xs, 99).toFixed(2).padStart(8)}`);
  console.log(`search ${searchRps.toFixed(0)} req/s = ${((searchRps / bareRps) * 100).toFixed(1)} % of the bare route; p95 ${pct(all, 95).toFixed(2)} ms = ${(pct(all, 95) / bareP95).toFixed(1)} × the bare route's p95`);
  console.log('matches per query:', JSON.stringify(Object.fromEntries(hits)));
  console.log(JSON.stringify({ database: database.kind, docs: DOCS, requests: REQUESTS, p95: pct(all, 95), p50: pct(all, 50), bareP95, searchRps, bareRps, byClass: Object.fromEntries([...byClass].map(([c, xs]) => [c, { p50: pct(xs, 50), p95: pct(xs, 95) }])) }));
  await bare.close();
  await app.close();
} finally {
  await database.close().catch(() => undefined);
  if (admin) {
    if (process.argv.includes('--keep')) console.log(`kept ${BASE}/${DB} (EXPLAIN the queries there; drop it after)`);
    else await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  }
}
