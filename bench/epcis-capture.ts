/**
 * EPCIS capture throughput (issue 4 "Performance"): a generated 10,000-event document of realistic
 * remanufacturing events — ObjectEvents for core intake and incoming inspection (with measurements),
 * AggregationEvents for disassembly and packing, TransformationEvents for reassembly with many inputs,
 * ObjectEvents for the final test and shipping — captured
 *   1. through the repository service alone (epcis.capture without onStored listeners: JSON Schema
 *      validation, normalisation, hash IDs, dedupe, chain, multi-row inserts of the events and their index
 *      rows, capture job) — median of `runs`;
 *   2. through the app's service (the same, plus the listeners the app registers: the trace projection
 *      follower) — once, timed until acknowledged (stored and committed; a 10,000-event capture is over
 *      TRACE_INLINE_PROJECTION_MAX, so the trace projection runs right after commit) and until projected;
 *   3. the same with the projection inside the capture transaction (TRACE_INLINE_PROJECTION_MAX=20000) — every
 *      round, right after that round's baseline, with the ratio printed per round and as their median;
 *   4. through HTTP (app.inject POST /epcis/capture with the JSON text: + parsing, auth) — once, acknowledged
 *      and projected;
 * against the baseline: a raw multi-row INSERT (VALUES lists of 1,000 rows) of the very same rows (events,
 * identifier and reference index rows) into copies of the same tables with the same indexes, on the same
 * database — median of `runs`. Prints events/s and the ratio to the baseline.
 *
 * Runs on in-memory PGlite, and on PostgreSQL when BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres
 * is reachable (in a database `reman_bench_<pid>` created and dropped here).
 *
 *   npx tsx bench/epcis-capture.ts [events=10000] [runs=3]
 *   BENCH_PGLITE=0 npx tsx bench/epcis-capture.ts   (PostgreSQL only)
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { principalOf } from '../src/server/modules/identity/identity.service.js';
import { createEpcisService } from '../src/server/modules/epcis/epcis.service.js';
import type { RequestContext } from '../src/server/platform/principal.js';
import { benchEnterprise } from './bench-enterprise.js';
import { remanDocument } from './reman-document.js';

const N = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 3);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function rawInsert(database: Database, table: string, columns: string[], rows: unknown[][], perStatement: number) {
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(',')})`).join(',');
    await database.raw.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${values}`, params);
  }
}

async function benchOn(label: string, database: Database) {
  const config = testConfig({ LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, serveWeb: false });
  const s = app.services;
  // the same app with the projection always inside the capture transaction (not closed: it shares the database)
  const inlineApp = await buildApp({ config: { ...config, TRACE_INLINE_PROJECTION_MAX: 20_000 }, database, serveWeb: false });
  const miit = await s.identity.createUserAsOperator({ username: `bench-${randomUUID().slice(0, 8)}`, displayName: 'bench', role: 'ministry_admin', organizationId: 'miit', password: 'Bench-pass-2026', mustChangePassword: false });
  const opCtx: RequestContext = { principal: principalOf(miit, null), ip: '127.0.0.1', requestId: 'bench' };
  const enterprise = async (i: number) => {
    const { id, ctx } = await benchEnterprise(s, opCtx, String(i));
    const { token } = await s.identity.createToken(ctx, 'bench MES');
    const tokenPrincipal = await s.identity.resolveApiToken(token);
    return { id, token, ctx: { principal: tokenPrincipal, ip: '127.0.0.1', requestId: 'bench' } as RequestContext };
  };

  // the repository alone: a second service on the same database, without the app's onStored listeners
  const repositoryOnly = createEpcisService({ db: database.db, clock: s.clock, enterprises: s.enterprises });

  // warm-up (JIT, Ajv, plans)
  const warm = await enterprise(0);
  await repositoryOnly.capture(warm.ctx, remanDocument(1000, 'w'));

  const service: number[] = [];
  const appService: number[] = [];
  const appProjected: number[] = [];
  const inline: number[] = [];
  const http: number[] = [];
  const httpProjected: number[] = [];
  const raw: number[] = [];
  let bytes = 0;
  await database.raw.exec(`DROP TABLE IF EXISTS bench_raw_events, bench_raw_epcs, bench_raw_refs;
    CREATE TABLE bench_raw_events (LIKE epcis_events INCLUDING ALL);
    CREATE TABLE bench_raw_epcs (LIKE epcis_event_epcs INCLUDING ALL);
    CREATE TABLE bench_raw_refs (LIKE epcis_event_refs INCLUDING ALL);`);
  for (let r = 0; r < RUNS; r++) {
    // 1. the repository service
    const a = await enterprise(r * 3 + 1);
    const docA = remanDocument(N, `s${r}`);
    let t = process.hrtime.bigint();
    const res = await repositoryOnly.capture(a.ctx, docA);
    service.push(ms(t));
    if (res.stored.length !== N) throw new Error(`service stored ${res.stored.length} of ${N}`);

    // 2. raw multi-row INSERT of the same rows the service stored (read back first, not timed)
    const ev = (await database.raw.query<Record<string, unknown>>(`SELECT enterprise_id, seq, event_id, is_declaration, event_type, event_time, event_time_zone_offset, record_time, action, biz_step,
        disposition, read_point, biz_location, transformation_id, declaration_time, capture_id, content_hash, document::text AS document, doc_context::text AS doc_context, prev_hash, hash
        FROM epcis_events WHERE enterprise_id = $1 ORDER BY seq`, [a.id])).rows;
    const ep = (await database.raw.query<Record<string, unknown>>('SELECT enterprise_id, seq, role, epc FROM epcis_event_epcs WHERE enterprise_id = $1', [a.id])).rows;
    const rf = (await database.raw.query<Record<string, unknown>>('SELECT enterprise_id, seq, kind, type, value FROM epcis_event_refs WHERE enterprise_id = $1', [a.id])).rows;
    const evCols = Object.keys(ev[0]!);
    const rawId = randomUUID();
    const swap = (rows: Record<string, unknown>[], cols: string[]) => rows.map((row) => cols.map((c) => (c === 'enterprise_id' ? rawId : row[c])));
    const evRows = swap(ev, evCols);
    const epRows = swap(ep, ['enterprise_id', 'seq', 'role', 'epc']);
    const rfRows = swap(rf, ['enterprise_id', 'seq', 'kind', 'type', 'value']);
    t = process.hrtime.bigint();
    await database.raw.exec('BEGIN');
    await rawInsert(database, 'bench_raw_events', evCols, evRows, 1000);
    await rawInsert(database, 'bench_raw_epcs', ['enterprise_id', 'seq', 'role', 'epc'], epRows, 10_000);
    if (rfRows.length) await rawInsert(database, 'bench_raw_refs', ['enterprise_id', 'seq', 'kind', 'type', 'value'], rfRows, 10_000);
    await database.raw.exec('COMMIT');
    raw.push(ms(t));
    if (r === 0) console.log(`  rows per ${N}-event document: ${ev.length} events, ${ep.length} identifier rows, ${rf.length} reference rows`);

    // 3. the projection inside the capture transaction, every round, right after the baseline's round (the issue's
    //    measure: its ratio to the baseline is taken per round, so a machine that slows down between rounds moves both)
    const i = await enterprise(100 + r);
    const docI = remanDocument(N, `i${r}`);
    t = process.hrtime.bigint();
    await inlineApp.services.epcis.capture(i.ctx, docI);
    inline.push(ms(t));
    if (r > 0) continue;

    // 4. the app's service (with its listeners), once: acknowledged, then projected (the follower started at commit)
    const b = await enterprise(r * 3 + 2);
    const docB = remanDocument(N, `a${r}`);
    t = process.hrtime.bigint();
    await s.epcis.capture(b.ctx, docB);
    appService.push(ms(t));
    await s.trace.projection.drain();
    appProjected.push(ms(t));
    const lag = (await s.trace.projection.status([b.id]))[0]!;
    if (lag.lag !== 0 || lag.headSeq !== N) throw new Error(`projection not caught up: ${JSON.stringify(lag)}`);

    // 5. HTTP, once
    const c = await enterprise(r * 3 + 3);
    const body = JSON.stringify(remanDocument(N, `h${r}`));
    bytes = body.length;
    t = process.hrtime.bigint();
    const h = await app.inject({ method: 'POST', url: '/epcis/capture', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' }, payload: body });
    http.push(ms(t));
    if (h.statusCode !== 202) throw new Error(`HTTP capture: ${h.statusCode} ${h.body.slice(0, 300)}`);
    await s.trace.projection.drain();
    httpProjected.push(ms(t));
    console.log(`  JSON document: ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  }
  const chain = process.hrtime.bigint();
  const { verifyEventChains } = await import('../src/server/modules/epcis/epcis-chain.js');
  const report = await verifyEventChains(database.db);
  const chainMs = ms(chain);

  const rate = (m: number) => (N / m) * 1000;
  const base = median(raw);
  console.log(`\nEPCIS capture on ${label}: ${N} events per document (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; node ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || 'default heap'})`);
  console.log(`${'path'.padEnd(76)} ${'events/s'.padStart(9)} ${'ms'.padStart(8)} ${'× baseline time'.padStart(16)}`);
  for (const [name, xs] of [
    [`baseline: raw multi-row INSERT of the same rows (1 transaction), median of ${RUNS}`, raw],
    [`epcis.capture, repository alone (validate … insert), median of ${RUNS}`, service],
    ['epcis.capture in the app, acknowledged (trace projection after commit), 1 run', appService],
    ['  the same, until the trace projection has caught up, 1 run', appProjected],
    [`epcis.capture in the app, trace projection inside the transaction, median of ${RUNS}`, inline],
    ['POST /epcis/capture (app.inject: + JSON parse, auth), acknowledged, 1 run', http],
    ['  the same, until the trace projection has caught up, 1 run', httpProjected],
  ] as const) {
    const m = median(xs as number[]);
    console.log(`${name.padEnd(76)} ${rate(m).toFixed(0).padStart(9)} ${m.toFixed(0).padStart(8)} ${(m / base).toFixed(2).padStart(16)}`);
  }
  // the issue's measure per round (each inline capture against the baseline of its own round), and their median
  const perRound = inline.map((m, k) => m / raw[k]!);
  console.log(`capture with the projection inside the transaction ÷ baseline, per round: ${perRound.map((x) => `${x.toFixed(2)}×`).join(' ')} → median ${median(perRound).toFixed(2)}× = ${(1 / median(perRound)).toFixed(2)}× the baseline's rate (target ≥ 0.5×)`);
  const projOnly = median(appProjected) - median(appService);
  console.log(`trace projection after commit alone: ${rate(projOnly).toFixed(0)} events/s (${projOnly.toFixed(0)} ms for ${N} events)`);
  console.log(`event chain verification: ${report.events} events in ${chainMs.toFixed(0)} ms (ok=${report.ok})`);
  await app.close();
}

// ---- PGlite ----
if (process.env.BENCH_PGLITE !== '0') await benchOn('PGlite (in memory)', await openDatabase({ dataDir: 'memory://' })); // BENCH_PGLITE=0: PostgreSQL only

// ---- PostgreSQL, when reachable ----
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let admin: pg.Client | null = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
try {
  await admin.connect();
} catch {
  console.log(`\nPostgreSQL not reachable at ${pgUrl.replace(/:[^:@/]*@/, ':***@')}: skipped`);
  admin = null;
}
if (admin) {
  const name = `reman_bench_${process.pid}`; // own database per run: benches of parallel work never drop each other's
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    await benchOn(`PostgreSQL ${version}`, await openDatabase({ url: url.toString() }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
