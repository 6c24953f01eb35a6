/**
 * Where the trace projection spends its time (issue 10 §5): captures a 10,000-event reman document with the
 * projection inside the capture transaction on PostgreSQL and prints the time of each trace and EPCIS repository call.
 *   npx tsx bench/projection-profile.ts            EXPERIMENT_SQL="…" runs DDL first (try an index change)
 */
import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { principalOf } from '../src/server/modules/identity/identity.service.js';
import type { RequestContext } from '../src/server/platform/principal.js';
import { traceRepo } from '../src/server/modules/trace/trace.repo.js';
import { epcisRepo } from '../src/server/modules/epcis/epcis.repo.js';
import { benchEnterprise } from './bench-enterprise.js';
import { remanDocument } from './reman-document.js';
import pg from 'pg';

const N = 10_000;
const dbName = `reman_prof_${process.pid}`;
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const times = new Map<string, number>();
for (const [name, repo] of [['trace', traceRepo], ['epcis', epcisRepo]] as const) {
  for (const [k, f] of Object.entries(repo)) {
    if (typeof f !== 'function') continue;
    (repo as any)[k] = async (...a: unknown[]) => { const t = performance.now(); try { return await (f as any)(...a); } finally { times.set(`${name}.${k}`, (times.get(`${name}.${k}`) ?? 0) + performance.now() - t); } };
  }
}
try {
  const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${dbName}` } as never);
  if (process.env.EXPERIMENT_SQL) await database.raw.exec(process.env.EXPERIMENT_SQL);
  const config = testConfig({ LOG_LEVEL: 'silent' });
  const app = await buildApp({ config: { ...config, TRACE_INLINE_PROJECTION_MAX: 20_000 }, database, serveWeb: false });
  const s = app.services;
  const miit = await s.identity.createUserAsOperator({ username: `bench-${randomUUID().slice(0, 8)}`, displayName: 'bench', role: 'ministry_admin', organizationId: 'miit', password: 'Bench-pass-2026', mustChangePassword: false });
  const opCtx: RequestContext = { principal: principalOf(miit, null), ip: '127.0.0.1', requestId: 'bench' };
  for (let r = 0; r < 2; r++) {
    const { ctx } = await benchEnterprise(s, opCtx, String(r));
    times.clear();
    const t = performance.now();
    await s.epcis.capture(ctx, remanDocument(N, `x${r}`));
    const total = performance.now() - t;
    console.log(`run ${r}: total ${total.toFixed(0)} ms`);
    for (const [k, v] of [...times].sort((a, b) => b[1] - a[1])) if (v > 5) console.log(`  ${k.padEnd(30)} ${v.toFixed(0)} ms`);
    for (const [l, v] of (globalThis as any).__marks ?? []) console.log('   mark', String(l).padEnd(34), v.toFixed(0)); (globalThis as any).__marks = [];
  }
  await app.close();
} finally {
  if (process.env.KEEP_DB) console.log(`kept database ${dbName}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
