/**
 * Public endpoints under load (issue 10 §3): `npm run bench:public`.
 * Each public GET (statistics, announcements, one batch's entries, the announced list with and without a search,
 * open notices) at 1 and 20 concurrent clients (autocannon, over HTTP on 127.0.0.1), against a bare Fastify route
 * returning a constant in the same run with the same client settings; printed as a share of the bare route at the
 * same concurrency. The app runs as in production: rate limit active (PUBLIC_RATE_PER_MINUTE raised so that it
 * counts but never refuses), answers cached (platform/public-cache.ts); each endpoint is also measured with the
 * cache emptied before every request ("uncached"), which is the cost of the first visitor after a write.
 * Embedded PGlite in memory with the demo data by default; with DATABASE_URL (postgres://…/any) a scratch database
 * reman_bench_public is created on that server and dropped afterwards. BENCH_SECONDS (default 5) per measurement.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig, testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { seedDemoData } from '../src/server/demo.js';

const env = loadConfig();
const seconds = Number(process.argv[2] ?? 5);
const DB = 'reman_bench_public';
let admin: pg.Client | null = null;
let url: string | undefined;
if (env.DATABASE_URL) {
  const base = new URL(env.DATABASE_URL);
  base.pathname = '/postgres';
  admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  base.pathname = `/${DB}`;
  url = base.toString();
}
const database = url ? await openDatabase({ url }) : await openDatabase({ dataDir: 'memory://' });
const config = testConfig({ PUBLIC_RATE_PER_MINUTE: 10_000_000, REMAN_DEMO: true });
const app = await buildApp({ config, database, serveWeb: false });
await seedDemoData(app.services, database, config);
await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify();
bare.get('/bare', async () => ({ ok: true }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

const batchId = (await app.inject('/api/v1/public/announcements?pageSize=1')).json().items[0].id as string;
const endpoints: [string, string][] = [
  ['GET /api/v1/public/statistics', '/api/v1/public/statistics'],
  ['GET /api/v1/public/announcements', '/api/v1/public/announcements'],
  ['GET /api/v1/public/announcements/{id}/entries', `/api/v1/public/announcements/${batchId}/entries`],
  ['GET /api/v1/public/announced-enterprises', '/api/v1/public/announced-enterprises'],
  ['GET /api/v1/public/announced-enterprises?q=再制造&region=44', `/api/v1/public/announced-enterprises?q=${encodeURIComponent('再制造')}&region=44`],
  ['GET /api/v1/public/notices', '/api/v1/public/notices'],
];
for (const [, path] of endpoints) {
  const r = await app.inject(path);
  if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body}`);
}

async function cannon(target: string, connections: number, uncached = false) {
  const r = await autocannon({
    url: target,
    connections,
    duration: seconds,
    ...(uncached ? { setupClient: (client: { on: (e: string, f: () => void) => void }) => client.on('response', () => app.services.publicCache.drop('statistics', 'announcements', 'announced', 'notices')) } : {}),
  } as autocannon.Options);
  if (r.non2xx || r.errors) throw new Error(`${target}: non-2xx ${r.non2xx}, errors ${r.errors}`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

const rows: { label: string; c: number; rps: number; p99: number; share: number; uncachedRps: number; uncachedShare: number }[] = [];
console.log(`public endpoints, ${database.kind}, ${seconds} s per measurement, autocannon over HTTP (same process, same client)`);
for (const c of [1, 20]) {
  const bareBefore = await cannon(bareUrl, c);
  for (const [label, path] of endpoints) {
    const cached = await cannon(appBase + path, c);
    const uncached = await cannon(appBase + path, c, true);
    rows.push({ label, c, rps: cached.rps, p99: cached.p99, share: 0, uncachedRps: uncached.rps, uncachedShare: 0 });
  }
  const bareAfter = await cannon(bareUrl, c);
  const bareMean = (bareBefore.rps + bareAfter.rps) / 2;
  console.log(`\n${c} client(s): bare route ${bareBefore.rps.toFixed(0)} req/s before, ${bareAfter.rps.toFixed(0)} after (mean ${bareMean.toFixed(0)})`);
  console.log(`${'endpoint'.padEnd(60)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)} ${'% bare'.padStart(7)} ${'uncached'.padStart(9)} ${'% bare'.padStart(7)}`);
  for (const r of rows.filter((x) => x.c === c)) {
    r.share = r.rps / bareMean;
    r.uncachedShare = r.uncachedRps / bareMean;
    console.log(`${r.label.padEnd(60)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p99).padStart(7)} ${(r.share * 100).toFixed(0).padStart(6)}% ${r.uncachedRps.toFixed(0).padStart(9)} ${(r.uncachedShare * 100).toFixed(0).padStart(6)}%`);
  }
}
console.log('\nsummary');
console.log(JSON.stringify({ database: database.kind, seconds, rows }));

await bare.close();
await app.close();
if (admin) {
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
}
