/**
 * `npx tsx bench/ingest.ts [seconds=10] [rate=10000] [devices=50]` — issue 12 "Performance": sustained telemetry
 * ingest over MQTT (the platform's embedded broker, QoS 1: each PUBACK after the points are stored) with alarm
 * evaluation on (one model rule per metric), into PostgreSQL (a scratch database per run at BENCH_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/postgres), stated as a ratio to a raw `COPY … FROM STDIN` of the same number of
 * rows into a bare table, in the same run. Also on PGlite unless BENCH_PGLITE=0. Prints points/s acknowledged,
 * PUBACK latency p50/p99 (publish → stored and judged) and the COPY baseline. Never asserted in tests.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceCredentials, SimulateSummary } from '../scripts/simulate.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { principalOf } from '../src/server/modules/identity/identity.service.js';
import { startMqtt } from '../src/server/modules/devices/mqtt.runtime.js';
import { buildEnterprise, buildProduct, buildUser } from '../test/support/factories.js';

const SECONDS = Number(process.argv[2] ?? 10);
const RATE = Number(process.argv[3] ?? 10_000);
const DEVICES = Number(process.argv[4] ?? 50);

async function benchOn(label: string, database: Database) {
  const config = testConfig({ JOBS_POLL_MS: 1000 });
  const app = await buildApp({ config, database, serveWeb: false });
  const s = app.services;
  const e = await buildEnterprise(s);
  const admin = await buildUser(s, 'enterprise_admin', { organizationId: e.id });
  const ctx = { principal: principalOf((await s.identity.findByUsername(admin.username))!, null), ip: '127.0.0.1', requestId: 'bench' };
  await s.devices.putThingModel(ctx, 'BENCH', { template: 'engine' });
  for (const [key, value] of [['coolantTemp', 140], ['oilPressure', 1], ['vibrationRms', 90]] as const) {
    await s.alarms.rules.create(ctx, { model: 'BENCH', key, condition: { op: key === 'oilPressure' ? '<' : '>', value }, severity: 'MAJOR' });
  }
  const creds: DeviceCredentials[] = [];
  for (let i = 0; i < DEVICES; i++) {
    const p = await buildProduct(s, e.id, { model: 'BENCH' });
    const { device, credentials } = await s.devices.provision(ctx, { productCode: p.code });
    creds.push({ id: device.id, credentials });
  }
  const mqtt = (await startMqtt({ mqtt: s.mqtt, devices: s.devices, config: { ...config, MQTT_URL: undefined, MQTT_PORT: 0, MQTT_HOST: '127.0.0.1' }, log: app.log }))!;
  const summary = await simulateInChild(mqtt.url, creds);
  await mqtt.close();
  const stored = (await database.raw.query<{ n: string }>('SELECT count(*) AS n FROM telemetry')).rows[0]!.n;
  console.log(`\n${label}: ${DEVICES} devices, target ${RATE} points/s for ${SECONDS} s, 3 alarm rules per device; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`  MQTT QoS 1 → stored + judged: ${summary.pointsPerSecond} points/s acknowledged (${summary.acked}/${summary.messages} messages, ${summary.failed} failed); ${stored} rows in telemetry`);
  console.log(`  PUBACK latency (publish → stored and judged): p50 ${summary.latencyMs?.p50 ?? '–'} ms, p99 ${summary.latencyMs?.p99 ?? '–'} ms`);
  await app.close();
  return summary.pointsPerSecond;
}

/**
 * The devices run in a child process (`npm run simulate -- --json`), as real devices would be outside the platform:
 * the platform's event loop does only the broker and the ingest. Same machine, so the same two cores.
 */
async function simulateInChild(url: string, creds: DeviceCredentials[]): Promise<SimulateSummary> {
  const dir = await mkdtemp(join(tmpdir(), 'reman-bench-'));
  const file = join(dir, 'creds.json');
  await writeFile(file, JSON.stringify(creds));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', '--credentials', file, '--devices', String(creds.length), '--url', url, '--rate', String(RATE), '--duration', String(SECONDS), '--seed', '11', '--report', '1000', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  await rm(dir, { recursive: true, force: true });
  const line = out.split('\n').find((l) => l.startsWith('SUMMARY '));
  if (!line) throw new Error(`simulator exited ${code} without a summary:\n${out.slice(-2000)}`);
  return JSON.parse(line.slice(8)) as SimulateSummary;
}

/** The raw baseline: COPY of the same number of rows into a bare unindexed table, one stream. */
async function copyBaseline(url: string, rows: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE TABLE bench_copy (device_id uuid, key text, ts timestamptz, num float8)');
  const device = '00000000-0000-4000-8000-000000000001';
  const t0 = performance.now();
  const keys = ['coolantTemp', 'oilPressure', 'rpm', 'runHours', 'vibrationRms'];
  function* lines() {
    for (let i = 0; i < rows; i++) yield `${device}\t${keys[i % 5]}\t${new Date(1_700_000_000_000 + i).toISOString()}\t${(i % 1000) / 10}\n`;
  }
  await pipeline(Readable.from(lines()), c.query(copyFrom('COPY bench_copy FROM STDIN')));
  const perSec = Math.round(rows / ((performance.now() - t0) / 1000));
  await c.end();
  return perSec;
}

if (process.env.BENCH_PGLITE !== '0') await benchOn('PGlite (in memory)', await openDatabase({ dataDir: 'memory://' }));

const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
let reachable = true;
await admin.connect().catch(() => (reachable = false));
if (!reachable) console.log(`\nPostgreSQL not reachable at ${pgUrl.replace(/:[^:@/]*@/, ':***@')}: skipped`);
else {
  const name = `reman_ingest_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    const platform = await benchOn(`PostgreSQL ${version}`, await openDatabase({ url: url.toString() }));
    const copy = await copyBaseline(url.toString(), Math.max(50_000, platform * SECONDS));
    console.log(`  raw COPY FROM STDIN of the same rows: ${copy} rows/s → the platform path is ${(platform / copy * 100).toFixed(1)} % of a raw COPY (${(copy / Math.max(platform, 1)).toFixed(1)}× slower)`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
process.exit(0);
