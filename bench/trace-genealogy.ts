/**
 * Genealogy and verification benchmark (issue 4 "Performance"): `npm run bench:trace [cores]` (default 1,800: ≥ 1,000,000 events).
 *
 * 1. Creates the database reman_bench_trace_<pid> on PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432)
 *    and migrates it.
 * 2. Generates the projection of ≥ 1,000,000 events DIRECTLY (multi-row INSERTs from jsonb_to_recordset, 5,000
 *    rows per statement — not through EPCIS capture, whose throughput bench/epcis-capture.ts measures): cores with
 *    50–200 parts each, remanufactured over 1–3 lives (70 % of a life's parts reused in the next one, the rest new),
 *    two lots of new parts per product drawn from 500 lots (fan-out). "Events" counted as the forms would record
 *    them: intake, inspection, disassembly, one cleaning + one assessment per part, one process per
 *    remanufactured part, reassembly, test, marking, shipping, sale.
 * 3. Measures p50/p95 of the full upstream trace of random products and the full downstream trace of random lots,
 *    cores and parts, through the trace service (the same call GET /api/v1/trace/{code} makes), MIIT scope.
 * 4. autocannon: GET /api/v1/public/products/{random code} on the real app (rate limit raised, still active) vs a
 *    bare Fastify route returning a constant — same run, same client settings.
 * 5. Drops the database.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { deriveEnterprisePrefix, makeProductCode } from '../src/domain/trace/codes.js';
import type { Principal } from '../src/server/platform/principal.js';
import { traceRepo } from '../src/server/modules/trace/trace.repo.js';

const BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DB = `reman_bench_trace_${process.pid}`; // own database per run: benches of parallel work never drop each other's
const CORES = Number(process.argv[2] ?? 1800); // 1,800 cores ≈ 1,035,000 events
const ENT = '0b0b0b0b-0000-4000-8000-000000000001';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const admin = new pg.Client({ connectionString: `${BASE}/postgres` });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DB}`);
const url = `${BASE}/${DB}`;
const database = await openDatabase({ url });
const raw = database.raw;

// ---------------------------------------------------------------------------------------------- generate
const t0 = Date.now();
const prefix = deriveEnterprisePrefix(ENT);
await raw.query(`INSERT INTO trace_enterprises (enterprise_id, prefix, next_serial) VALUES ($1, $2, 1)`, [ENT, prefix]);
let serial = 0;
let events = 0;
type Obj = { key: string; kind: string; name: string | null; t: string };
type Edge = { p: string; c: string; k: string; e: string; f: string; n?: string };
type Step = { key: string; e: string; t: string; ty: string; b: string; d: string | null; sk: string };
type Prod = Record<string, unknown>;
let objs: Obj[] = [];
let edges: Edge[] = [];
let steps: Step[] = [];
let prods: Prod[] = [];
/**
 * Reassemblies as the event store holds them (issue 10 §5): their "made of" links are read from the identifier rows
 * (src/server/modules/epcis/epcis.links.ts), not from edges — as for a captured reassembly that names no input.
 * BENCH_EDGES=1: as transformation edges instead (the projection of a reassembly that names its inputs).
 */
const AS_EDGES = process.env.BENCH_EDGES === '1';
type Ev = { seq: number; e: string; t: string; doc: Record<string, unknown>; ids: [string, string][] };
let evs: Ev[] = [];
let seq = 0;
const counts = { objects: 0, edges: 0, steps: 0, products: 0, events: 0 };
const R = rng(42);
const productCodes: string[] = [];
const productEpcs: string[] = [];
const lots: string[] = Array.from({ length: 500 }, (_, i) => `urn:epc:class:lgtin:6901234.00001.L${i}`);
objs.push(...lots.map((key) => ({ key, kind: 'lot', name: '新件批次', t: new Date(Date.UTC(2024, 0, 1)).toISOString() })));
const coreKeys: string[] = [];
const partKeys: string[] = [];

async function flush(force = false) {
  const go = async (n: number, text: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += 5000) await raw.query(text, [JSON.stringify(rows.slice(i, i + 5000))]);
    return n + rows.length;
  };
  if (force || objs.length > 20000) {
    counts.objects = await go(counts.objects, `INSERT INTO trace_objects (enterprise_id, key, kind, name, first_event_time, last_event_time)
      SELECT '${ENT}', r.key, r.kind, r.name, r.t::timestamptz, r.t::timestamptz FROM jsonb_to_recordset($1::jsonb) r(key text, kind text, name text, t text) ON CONFLICT DO NOTHING`, objs);
    objs = [];
  }
  if (force || edges.length > 20000) {
    counts.edges = await go(counts.edges, `INSERT INTO trace_edges (enterprise_id, parent_key, child_key, kind, event_id, valid_from, part_name)
      SELECT '${ENT}', r.p, r.c, r.k, r.e, r.f::timestamptz, r.n FROM jsonb_to_recordset($1::jsonb) r(p text, c text, k text, e text, f text, n text)`, edges);
    edges = [];
  }
  if (force || steps.length > 20000) {
    counts.steps = await go(counts.steps, `INSERT INTO trace_steps (enterprise_id, object_key, event_id, event_time, event_type, biz_step, disposition, step_kind)
      SELECT '${ENT}', r.key, r.e, r.t::timestamptz, r.ty, r.b, r.d, r.sk FROM jsonb_to_recordset($1::jsonb) r(key text, e text, t text, ty text, b text, d text, sk text)`, steps);
    steps = [];
  }
  if (force || evs.length > 2000) {
    const h = '0'.repeat(64);
    counts.events = await go(counts.events, `INSERT INTO epcis_events (enterprise_id, seq, event_id, event_type, event_time, event_time_zone_offset, record_time, biz_step, capture_id, content_hash, document, prev_hash, hash)
      SELECT '${ENT}', r.seq, r.e, 'TransformationEvent', r.t::timestamptz, '+08:00', r.t::timestamptz, 'assembling', '${ENT}', '${h}', r.doc, '${h}', '${h}' FROM jsonb_to_recordset($1::jsonb) r(seq bigint, e text, t text, doc jsonb)`, evs);
    await go(0, `INSERT INTO epcis_event_epcs (enterprise_id, seq, role, epc)
      SELECT '${ENT}', r.seq, r.role, r.epc FROM jsonb_to_recordset($1::jsonb) r(seq bigint, role text, epc text)`, evs.flatMap((x) => x.ids.map(([role, epc]) => ({ seq: x.seq, role, epc }))));
    evs = [];
  }
  if (force || prods.length > 2000) {
    counts.products = await go(counts.products, `INSERT INTO trace_products (enterprise_id, code, epc, serial, name, production_date, life, mass_rate, value_rate, formula_version, core_mass, total_mass, core_value, total_value, life_core_keys, made_event_id, made_at)
      SELECT '${ENT}', r.code, r.epc, r.serial, r.name, r.pd::date, r.life, r.mr, r.vr, 'GBT28620-2012/working-v1', r.cm, r.tm, r.cv, r.tv, ARRAY(SELECT jsonb_array_elements_text(r.lck)), r.ev, r.t::timestamptz
      FROM jsonb_to_recordset($1::jsonb) r(code text, epc text, serial text, name text, pd text, life int, mr numeric, vr numeric, cm float8, tm float8, cv float8, tv float8, lck jsonb, ev text, t text)`, prods);
    prods = [];
  }
}

let evn = 0;
const eid = () => `urn:uuid:bench-${++evn}`;
for (let c = 0; c < CORES; c++) {
  const lives = 1 + (c % 3);
  const n = 50 + Math.floor(R() * 151);
  let t = Date.UTC(2024, 0, 1) + c * 60_000;
  const at = () => new Date((t += 1000)).toISOString();
  let core = `urn:bench:core:${c}`;
  coreKeys.push(core);
  objs.push({ key: core, kind: 'core', name: '旧件', t: at() });
  // parts of the first life come out of the core
  let current = Array.from({ length: n }, (_, j) => `urn:bench:part:${c}:${j}`);
  for (let life = 1; life <= lives; life++) {
    const step = (key: string, b: string, sk: string, ty = 'ObjectEvent', e = eid(), d: string | null = null) => steps.push({ key, e, t: at(), ty, b, d, sk });
    step(core, 'receiving', 'intake');
    step(core, 'inspecting', 'inspection');
    const dis = eid();
    const tDis = at();
    for (const p of current) {
      if (life === 1) objs.push({ key: p, kind: 'part', name: '零件', t: tDis });
      edges.push({ p, c: core, k: 'disassembly', e: dis, f: tDis });
      steps.push({ key: p, e: dis, t: tDis, ty: 'TransformationEvent', b: 'disassembling', d: null, sk: 'disassembly' });
    }
    steps.push({ key: core, e: dis, t: tDis, ty: 'TransformationEvent', b: 'disassembling', d: null, sk: 'disassembly' });
    events += 3;
    for (const p of current) step(p, 'urn:reman-platform:voc:bizstep:cleaning', 'cleaning');
    for (const p of current) step(p, 'urn:reman-platform:voc:bizstep:assessing', 'assessment');
    const reused = current.slice(0, Math.floor(current.length * 0.7));
    const reman = reused.filter((_, i) => i % 3 === 0);
    for (const p of reman) step(p, 'urn:reman-platform:voc:bizstep:machining', 'process');
    events += current.length * 2 + reman.length;
    const fresh = Array.from({ length: current.length - reused.length }, (_, k) => `urn:bench:new:${c}:${life}:${k}`);
    // new parts are only put into the product (no event observes them): no object row, named on their edge
    const freshSet = new Set(fresh);
    const lotPair = [lots[Math.floor(R() * lots.length)]!, lots[Math.floor(R() * lots.length)]!];
    const product = `urn:bench:prod:${c}:${life}`;
    objs.push({ key: product, kind: 'product', name: '再制造产品', t: at() });
    const asm = eid();
    const tAsm = at();
    const lotSet = [...new Set(lotPair)];
    if (!AS_EDGES) {
      const epcInputs = [...reused, ...fresh];
      evs.push({
        seq: ++seq, e: asm, t: tAsm,
        doc: { type: 'TransformationEvent', eventTime: tAsm, bizStep: 'assembling', inputEPCList: epcInputs, inputQuantityList: lotSet.map((epcClass) => ({ epcClass, quantity: 1 })), outputEPCList: [product] },
        ids: [...epcInputs.map((k) => ['input', k] as [string, string]), ...lotSet.map((k) => ['input_quantity', k] as [string, string]), ['output', product]],
      });
    }
    for (const input of [...reused, ...fresh, ...lotSet]) {
      if (AS_EDGES) edges.push({ p: product, c: input, k: 'transformation', e: asm, f: tAsm, ...(freshSet.has(input) ? { n: '新件' } : {}) });
      steps.push({ key: input, e: asm, t: tAsm, ty: 'TransformationEvent', b: 'assembling', d: null, sk: 'reassembly' });
    }
    steps.push({ key: product, e: asm, t: tAsm, ty: 'TransformationEvent', b: 'assembling', d: null, sk: 'reassembly' });
    const code = makeProductCode(prefix, ++serial);
    productCodes.push(code);
    productEpcs.push(product);
    prods.push({ code, epc: product, serial: String(serial), name: '再制造发动机', pd: tAsm.slice(0, 10), life, mr: 80, vr: 70, cm: 400, tm: 500, cv: 35000, tv: 50000, lck: [core], ev: asm, t: tAsm });
    for (const [b, sk] of [['urn:reman-platform:voc:bizstep:performance_testing', 'test'], ['urn:reman-platform:voc:bizstep:marking', 'marking'], ['shipping', 'shipping'], ['retail_selling', 'sale']] as const) step(product, b, sk);
    events += 1 + 4 + 2; // reassembly, test/marking/shipping/sale, intake + inspection
    partKeys.push(...reused.slice(0, 2));
    // next life: the product is the core; its parts are this life's inputs
    core = product;
    current = [...reused, ...fresh];
  }
  await flush();
}
await flush(true);
// the public timeline the projector keeps on each product row (generated rows skip the projector)
await traceRepo.refreshPublicSteps(database.db, ENT, { codes: productCodes });
await raw.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load (visibility map → index-only scans)
const genSeconds = (Date.now() - t0) / 1000;
console.log(`generated: ${CORES} cores, ${counts.products} products, ${events.toLocaleString()} events' worth: ${counts.objects.toLocaleString()} objects, ${counts.edges.toLocaleString()} edges, ${counts.events.toLocaleString()} reassembly events in the event store, ${counts.steps.toLocaleString()} step rows in ${genSeconds.toFixed(0)} s`);

// ---------------------------------------------------------------------------------------------- genealogy
const config = testConfig({ DATABASE_URL: url, VERIFY_RATE_PER_MINUTE: 10_000_000 });
const app = await buildApp({ config, database, serveWeb: false });
const miit: Principal = { kind: 'user', userId: '00000000-0000-4000-8000-000000000000', username: 'bench', role: 'ministry_admin', enterpriseId: null, authorityId: null, expertId: null, mustChangePassword: false, sessionTokenHash: null };
const trace = app.services.trace;

async function timeMany(label: string, refs: string[], dir: 'up' | 'down') {
  for (const r of refs.slice(0, 10)) await trace.trace(miit, r, dir, 50); // warm-up
  const ms: number[] = [];
  let nodes = 0;
  for (const r of refs) {
    const s = process.hrtime.bigint();
    const res = await trace.trace(miit, r, dir, 50);
    ms.push(Number(process.hrtime.bigint() - s) / 1e6);
    nodes += res.nodes.length;
  }
  console.log(`${label.padEnd(44)} n=${refs.length}  p50 ${pct(ms, 50).toFixed(1)} ms  p95 ${pct(ms, 95).toFixed(1)} ms  max ${Math.max(...ms).toFixed(1)} ms  (avg ${(nodes / refs.length).toFixed(0)} nodes)`);
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}
const pick = <T>(xs: T[], k: number) => Array.from({ length: k }, () => xs[Math.floor(R() * xs.length)]!);
const thirdLife = productCodes.filter((_, i) => productEpcs[i]!.endsWith(':3'));
console.log('\ngenealogy through the trace service (one recursive CTE + node lookups), MIIT scope, depth 50');
const up = await timeMany('upstream, random products (all lives)', pick(productCodes, 300), 'up');
const up3 = await timeMany('upstream, random third-life products', pick(thirdLife, 200), 'up');
const downLot = await timeMany('downstream, random lots', pick(lots, 100), 'down');
const downCore = await timeMany('downstream, random first-life cores', pick(coreKeys, 200), 'down');
const downPart = await timeMany('downstream, random parts', pick(partKeys, 200), 'down');

// ---------------------------------------------------------------------------------------------- verification
await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify();
bare.get('/bare', async () => ({ ok: true }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const appPort = (app.server.address() as { port: number }).port;
const barePort = (bare.server.address() as { port: number }).port;

// Random codes: 'list' = 5,000 requests drawn at random up front and cycled (built once, like the constant
// request of the bare route); 'setup' = a code drawn per request in setupRequest, which makes autocannon rebuild
// and deep-clone every request in this same process (~10 % of the CPU both share, charged to the app's figure).
const randomPath = () => `/api/v1/public/products/${productCodes[Math.floor(Math.random() * productCodes.length)]}`;
async function cannon(url: string, random: false | 'list' | 'setup') {
  const r = await autocannon({
    url,
    connections: 20,
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    requests:
      random === 'list' ? Array.from({ length: 5000 }, () => ({ path: randomPath() }))
      : random === 'setup' ? [{ setupRequest: (req: { path: string }) => ({ ...req, path: randomPath() }) }]
      : undefined,
  } as autocannon.Options);
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}
console.log('\nverification (autocannon, 20 connections, same client, same run)');
const bareR = await cannon(`http://127.0.0.1:${barePort}/bare`, false);
const floorR = await cannon(`http://127.0.0.1:${appPort}/api/v1/public/no-such-route`, false); // the app's own pipeline, no handler
trace.setPublicCache(false);
const coldR = await cannon(`http://127.0.0.1:${appPort}/api/v1/public/products/${productCodes[0]}`, 'list');
trace.setPublicCache(true);
for (const c of productCodes) await trace.publicProduct(c); // warm the response cache (every product scanned once)
const verR = await cannon(`http://127.0.0.1:${appPort}/api/v1/public/products/${productCodes[0]}`, 'list');
const verSetupR = await cannon(`http://127.0.0.1:${appPort}/api/v1/public/products/${productCodes[0]}`, 'setup');
const bare2 = await cannon(`http://127.0.0.1:${barePort}/bare`, false);
console.log(`bare Fastify route (constant), before       ${bareR.rps.toFixed(0).padStart(7)} req/s  p99 ${bareR.p99} ms`);
console.log(`platform app, unknown /api path (404)        ${floorR.rps.toFixed(0).padStart(7)} req/s  p99 ${floorR.p99} ms  → ${((floorR.rps / bareR.rps) * 100).toFixed(0)} % of bare (the ceiling of any route of the app)`);
console.log(`public verification, response cache off     ${coldR.rps.toFixed(0).padStart(7)} req/s  p99 ${coldR.p99} ms  non-2xx ${coldR.non2xx}  errors ${coldR.errors}  → ${((coldR.rps / bareR.rps) * 100).toFixed(0)} % of bare`);
console.log(`public verification, cache on (warmed)      ${verR.rps.toFixed(0).padStart(7)} req/s  p99 ${verR.p99} ms  non-2xx ${verR.non2xx}  errors ${verR.errors}  → ${((verR.rps / bareR.rps) * 100).toFixed(0)} % of bare`);
console.log(`  same, code drawn per request (setupRequest) ${verSetupR.rps.toFixed(0).padStart(7)} req/s  p99 ${verSetupR.p99} ms  non-2xx ${verSetupR.non2xx}  errors ${verSetupR.errors}  → ${((verSetupR.rps / bareR.rps) * 100).toFixed(0)} % of bare (the client's per-request rebuild counted)`);
console.log(`bare Fastify route (constant), after        ${bare2.rps.toFixed(0).padStart(7)} req/s  p99 ${bare2.p99} ms`);
// the machine drifts during the run: the mean of the two bare runs is the fairer baseline
const bareMean = (bareR.rps + bare2.rps) / 2;
console.log(`against the mean of both bare runs (${bareMean.toFixed(0)} req/s): 404 ${((floorR.rps / bareMean) * 100).toFixed(0)} %, uncached ${((coldR.rps / bareMean) * 100).toFixed(0)} %, cached ${((verR.rps / bareMean) * 100).toFixed(0)} %`);

console.log('\nsummary');
console.log(JSON.stringify({ cores: CORES, products: counts.products, events, objects: counts.objects, edges: counts.edges, steps: counts.steps, genSeconds, up, up3, downLot, downCore, downPart, bareRps: bareR.rps, appFloorRps: floorR.rps, bareRpsAfter: bare2.rps, verifyColdRps: coldR.rps, verifyRps: verR.rps, verifySetupRps: verSetupR.rps, ratioCold: coldR.rps / bareR.rps, ratio: verR.rps / bareR.rps, ratioMean: verR.rps / bareMean, ratioSetup: verSetupR.rps / bareR.rps }));

await bare.close();
await app.close();
if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin.end();
