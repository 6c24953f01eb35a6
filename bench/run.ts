/**
 * `npm run bench`: throughput of representative paths, each printed as a ratio to a raw baseline measured
 * in the same run on the same machine (never asserted in tests):
 *   - HTTP: a bare Fastify route (same process, app.inject) vs. our authenticated, policy-checked,
 *     Zod-validated and presented routes;
 *   - writes: a raw SQL INSERT vs. an audited write (transaction + hash-chained audit row) vs. a full
 *     HTTP PATCH of an enterprise;
 *   - verification of the audit chain per 1,000 entries.
 * Embedded PGlite in memory by default; BENCH_DATABASE_URL (read via config) is not used: keep it simple.
 * EPCIS capture (10,000-event documents vs. a raw multi-row INSERT, PGlite and PostgreSQL) has its own script:
 * `npx tsx bench/epcis-capture.ts` (docs/epcis.md).
 */
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { seedDemoData, DEMO_PASSWORD } from '../src/server/demo.js';
import { recordAudit, verifyAuditChain } from '../src/server/platform/audit.js';

async function measure(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(50, n); i++) await fn(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { label, n, ms, perSec: (n / ms) * 1000, usPerOp: (ms * 1000) / n };
}

function print(title: string, baseline: Awaited<ReturnType<typeof measure>>, rows: Awaited<ReturnType<typeof measure>>[]) {
  console.log(`\n${title}`);
  console.log(`${'path'.padEnd(58)} ${'ops/s'.padStart(9)} ${'µs/op'.padStart(9)} ${'× baseline'.padStart(11)}`);
  for (const r of [baseline, ...rows]) {
    console.log(`${r.label.padEnd(58)} ${r.perSec.toFixed(0).padStart(9)} ${r.usPerOp.toFixed(0).padStart(9)} ${(r.usPerOp / baseline.usPerOp).toFixed(1).padStart(11)}`);
  }
}

const N = Number(process.argv[2] ?? 2000);
const config = testConfig({ LOGIN_RATE_PER_MINUTE: 100_000 });
const database = await openDatabase({ dataDir: 'memory://' });
const app = await buildApp({ config, database, serveWeb: false });
await seedDemoData(app.services, database, config);

const loginRes = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'miit', password: DEMO_PASSWORD } });
const cookie = loginRes.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const headers = { cookie, 'x-csrf-token': loginRes.json().csrfToken as string };

const bare = Fastify();
bare.get('/ping', async () => ({ ok: true, items: [{ id: 1, name: 'x' }] }));
await bare.ready();

const enterpriseId = (await app.inject({ url: '/api/v1/enterprises?pageSize=1', headers })).json().items[0].id as string;
const appId = (await app.inject({ url: '/api/v1/applications?pageSize=1', headers })).json().items[0].id as string;

print('HTTP reads (app.inject, one process)', await measure('baseline: bare Fastify JSON route', N, () => bare.inject('/ping')), [
  await measure('GET /healthz (SELECT 1)', N, () => app.inject('/healthz')),
  await measure('GET /api/v1/enterprises?pageSize=20 (session, scope, 20 rows)', N, () => app.inject({ url: '/api/v1/enterprises?pageSize=20', headers })),
  await measure('GET /api/v1/enterprises/:id', N, () => app.inject({ url: `/api/v1/enterprises/${enterpriseId}`, headers })),
  await measure('GET /api/v1/applications?pageSize=20 (MIIT scope)', N, () => app.inject({ url: '/api/v1/applications?pageSize=20', headers })),
  await measure('GET /api/v1/applications/:id (detail with check)', Math.ceil(N / 4), () => app.inject({ url: `/api/v1/applications/${appId}`, headers })),
  await measure('GET /api/v1/public/announced-enterprises (no login)', N, () => app.inject('/api/v1/public/announced-enterprises')),
]);

await database.raw.exec('CREATE TABLE bench_raw (id bigserial PRIMARY KEY, payload text NOT NULL)');
const W = Math.ceil(N / 2);
print('Writes', await measure('baseline: raw INSERT (one statement)', W, (i) => database.raw.query('INSERT INTO bench_raw (payload) VALUES ($1)', [`row ${i}`])), [
  await measure('audited write: transaction + hash-chained audit row', W, (i) =>
    database.db.transaction((tx) => recordAudit(tx, null, { action: 'bench.write', objectType: 'bench', objectId: String(i), change: { i } })),
  ),
  await measure('PATCH /api/v1/enterprises/:id (HTTP, policy, audit)', W, (i) =>
    app.inject({ method: 'PATCH', url: `/api/v1/enterprises/${enterpriseId}`, headers, payload: { contactPhone: `020-8${String(i).padStart(7, '0')}` } }),
  ),
]);

const entries = Number((await database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n);
const t0 = process.hrtime.bigint();
const report = await verifyAuditChain(database.db);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`\nAudit chain verification: ${report.entries} entries in ${ms.toFixed(0)} ms (${((ms / entries) * 1000).toFixed(1)} ms per 1,000), ok=${report.ok}`);

await app.close();
await bare.close();
