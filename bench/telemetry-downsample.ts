/**
 * `npx tsx bench/telemetry-downsample.ts [requests=60] [totalPoints=10000000]` — issue 12 "Performance": 24 h of 1 Hz
 * data of one device downsampled to 1,000 points, p95 ≤ 50 ms with ≥ 10⁷ points in the table.
 *
 * On the machine's PostgreSQL (BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres) in a scratch
 * database created and dropped by the run: real devices provisioned through the service; ≥ totalPoints raw points
 * loaded by `COPY telemetry FROM STDIN` (the day partitions created first) — the measured device with 24 h at 1 Hz of
 * five keys and one excursion (coolantTemp 140 °C for one second), filler devices at 1 Hz over the same 24 h until
 * the total is reached — then the 1-minute and 1-hour rollups computed from the raw rows (what the ingest maintains
 * point by point) and ANALYZE. Then, in the same run, over HTTP on 127.0.0.1, one request at a time:
 *   A. GET /api/v1/devices/{id}/telemetry?keys=coolantTemp,rpm&from=&to=&points=1000 (the route as the web calls it)
 *   B. the same with resolution=raw (the raw points read and downsampled in the process: what A cost before)
 *   C. a bare Fastify route returning a constant, as the floor.
 * Prints p50/p95/p99 of each, the ratio A/C, the load average, and checks that the excursion survives in A's answer.
 */
import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadavg } from 'node:os';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { partitionOf } from '../src/server/modules/devices/telemetry.repo.js';
import { principalOf } from '../src/server/modules/identity/identity.service.js';
import { buildEnterprise, buildProduct, buildUser, TEST_PASSWORD } from '../test/support/factories.js';

const REQUESTS = Number(process.argv[2] ?? 60);
const TOTAL = Number(process.argv[3] ?? 10_000_000);
const KEYS = ['coolantTemp', 'oilPressure', 'rpm', 'runHours', 'vibrationRms'];
const DAY_S = 86_400;
const la = () => loadavg().map((x) => x.toFixed(1)).join(' ');

const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
await admin.connect();
const name = `reman_downsample_${process.pid}`;
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(pgUrl);
url.pathname = `/${name}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`;

try {
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  const database = await openDatabase({ url: url.toString() });
  const config = testConfig({ JOBS_POLL_MS: 60_000 });
  const app = await buildApp({ config, database, serveWeb: false });
  const s = app.services;
  const e = await buildEnterprise(s);
  const user = await buildUser(s, 'enterprise_admin', { organizationId: e.id });
  const ctx = { principal: principalOf((await s.identity.findByUsername(user.username))!, null), ip: '127.0.0.1', requestId: 'bench' };
  await s.devices.putThingModel(ctx, 'BENCH', { template: 'engine' });
  const perDevice = KEYS.length * DAY_S;
  const deviceCount = Math.max(2, Math.ceil(TOTAL / perDevice));
  const ids: string[] = [];
  for (let i = 0; i < deviceCount; i++) {
    const p = await buildProduct(s, e.id, { model: 'BENCH' });
    ids.push((await s.devices.provision(ctx, { productCode: p.code })).device.id);
  }
  const target = ids[0]!;

  // 24 h ending at the last whole minute: within the raw retention, so 'auto' would choose the raw points
  const toMs = Math.floor(Date.now() / 60_000) * 60_000;
  const fromMs = toMs - DAY_S * 1000;
  const spikeMs = fromMs + 12 * 3_600_000 + 17_000;
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  for (const day of new Set([partitionOf(fromMs).name, partitionOf(toMs - 1).name])) {
    const ms = day === partitionOf(fromMs).name ? fromMs : toMs - 1;
    const p = partitionOf(ms);
    await c.query(`CREATE TABLE IF NOT EXISTS ${p.name} PARTITION OF telemetry FOR VALUES FROM ('${p.from}') TO ('${p.to}')`);
  }
  const value = (d: number, k: number, sec: number) => {
    const base = [85, 420, 1500, 1000 + sec / 3600, 4][k]!;
    const wave = Math.sin((sec + d * 977 + k * 131) / 900) * base * 0.05;
    return Math.round((base + wave + ((sec * 7919 + d * 104_729 + k) % 1000) / 1000) * 100) / 100;
  };
  function* lines() {
    for (let d = 0; d < ids.length; d++) {
      for (let k = 0; k < KEYS.length; k++) {
        const prefix = `${ids[d]}\t${KEYS[k]}\t`;
        let chunk = '';
        for (let sec = 0; sec < DAY_S; sec++) {
          const ms = fromMs + sec * 1000;
          const v = d === 0 && k === 0 && ms === spikeMs ? 140 : value(d, k, sec);
          chunk += `${prefix}${new Date(ms).toISOString()}\t${v}\n`;
          if (chunk.length > 1 << 16) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk) yield chunk;
      }
    }
  }
  console.log(`PostgreSQL ${version}: loading ${(ids.length * perDevice).toLocaleString('en')} points (${ids.length} devices × ${KEYS.length} keys × 86,400 s) by COPY; load average ${la()}`);
  let t0 = performance.now();
  await pipeline(Readable.from(lines()), c.query(copyFrom('COPY telemetry (device_id, key, ts, num) FROM STDIN')));
  const copySec = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await c.query(`INSERT INTO telemetry_1m (device_id, key, bucket, min, max, sum, count, last, last_ts)
    SELECT device_id, key, date_trunc('minute', ts, 'UTC'), min(num), max(num), sum(num), count(*)::int, (array_agg(num ORDER BY ts DESC))[1], max(ts)
    FROM telemetry GROUP BY 1, 2, 3`);
  await c.query(`INSERT INTO telemetry_1h (device_id, key, bucket, min, max, sum, count, last, last_ts)
    SELECT device_id, key, date_trunc('hour', bucket, 'UTC'), min(min), max(max), sum(sum), sum(count)::int, (array_agg(last ORDER BY last_ts DESC))[1], max(last_ts)
    FROM telemetry_1m GROUP BY 1, 2, 3`);
  await c.query(`INSERT INTO telemetry_latest (device_id, key, ts, num)
    SELECT DISTINCT ON (device_id, key) device_id, key, last_ts, last FROM telemetry_1m ORDER BY device_id, key, last_ts DESC`);
  const rollupSec = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await c.query('ANALYZE telemetry');
  await c.query('ANALYZE telemetry_1m');
  await c.query('ANALYZE telemetry_1h');
  const counts = (await c.query<{ raw: string; m: string; h: string }>(`SELECT (SELECT count(*) FROM telemetry) AS raw, (SELECT count(*) FROM telemetry_1m) AS m, (SELECT count(*) FROM telemetry_1h) AS h`)).rows[0]!;
  console.log(`  COPY ${copySec.toFixed(1)} s (${Math.round(Number(counts.raw) / copySec).toLocaleString('en')} rows/s), rollups ${rollupSec.toFixed(1)} s, ANALYZE + count ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`  rows: telemetry ${Number(counts.raw).toLocaleString('en')}, telemetry_1m ${Number(counts.m).toLocaleString('en')}, telemetry_1h ${Number(counts.h).toLocaleString('en')}`);

  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: TEST_PASSWORD }) });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
  const q = `keys=coolantTemp,rpm&from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}&points=1000`;
  const routeA = `${base}/api/v1/devices/${target}/telemetry?${q}`;
  const routeB = `${routeA}&resolution=raw`;

  const answer = async (u: string) => {
    const r = await fetch(u, { headers: { cookie } });
    const text = await r.text();
    if (r.status !== 200) throw new Error(`${u}: ${r.status} ${text.slice(0, 300)}`);
    return text;
  };
  const first = JSON.parse(await answer(routeA)) as { resolution: string; series: Record<string, [number, number][]> };
  const temp = first.series.coolantTemp ?? [];
  const spikeKept = temp.some(([, v]) => v === 140);
  console.log(`  answer A: resolution ${first.resolution}, ${temp.length} coolantTemp points, ${first.series.rpm?.length ?? 0} rpm points; the 1-second excursion (140 °C) ${spikeKept ? 'kept' : 'LOST'}`);
  const rawFirst = JSON.parse(await answer(routeB)) as { series: Record<string, [number, number][]> };
  console.log(`  answer B (raw): ${rawFirst.series.coolantTemp?.length ?? 0} coolantTemp points, excursion ${(rawFirst.series.coolantTemp ?? []).some(([, v]) => v === 140) ? 'kept' : 'LOST'}`);

  const time = async (u: string, n: number, read: (u: string) => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await read(u); // warm-up
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await read(u);
      xs.push(performance.now() - t);
    }
    return xs;
  };
  const bareRead = async (u: string) => (await fetch(u)).text();
  // interleaved rounds, so that a change of machine load falls on all three alike
  const a: number[] = [];
  const b: number[] = [];
  const floor: number[] = [];
  const rounds = 4;
  for (let r = 0; r < rounds; r++) {
    a.push(...(await time(routeA, REQUESTS / rounds, answer)));
    b.push(...(await time(routeB, Math.max(3, REQUESTS / rounds / 4), answer)));
    floor.push(...(await time(bareUrl, REQUESTS / rounds, bareRead)));
  }
  console.log(`\n  load average ${la()} (2 cores, shared)`);
  console.log(`  A. GET …/telemetry?keys=coolantTemp,rpm&points=1000 over 24 h (${a.length} requests): ${fmt(a)}`);
  console.log(`  B. the same with resolution=raw (${b.length} requests): ${fmt(b)}`);
  console.log(`  C. bare Fastify route (${floor.length} requests): ${fmt(floor)}`);
  console.log(`  A/C at p50 ${(pct(a, 50) / pct(floor, 50)).toFixed(1)}×, at p95 ${(pct(a, 95) / pct(floor, 95)).toFixed(1)}×; B/A at p50 ${(pct(b, 50) / pct(a, 50)).toFixed(1)}×`);
  console.log(`  target p95 ≤ 50 ms: ${pct(a, 95) <= 50 ? 'met' : 'NOT met'}`);
  await bare.close();
  await c.end();
  await app.close();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
process.exit(0);
