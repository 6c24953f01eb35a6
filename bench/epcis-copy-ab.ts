/**
 * A/B, alternating in one run: the event store's chunk insert by COPY (PostgreSQL, the default) against the same
 * rows as one json_to_recordset statement (the PGlite path), through the EPCIS service without listeners
 * (repository alone), 10,000-event reman documents (issue 10 §5). Prints each run and the medians.
 *   npx tsx bench/epcis-copy-ab.ts [events=10000] [pairs=3]
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { principalOf } from '../src/server/modules/identity/identity.service.js';
import { createEpcisService } from '../src/server/modules/epcis/epcis.service.js';
import { epcisRepo } from '../src/server/modules/epcis/epcis.repo.js';
import type { RequestContext } from '../src/server/platform/principal.js';
import { benchEnterprise } from './bench-enterprise.js';
import { remanDocument } from './reman-document.js';

const N = Number(process.argv[2] ?? 10_000);
const PAIRS = Number(process.argv[3] ?? 3);
const dbName = `reman_ab_${process.pid}`;
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const copy = epcisRepo.insertChunk;
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
try {
  const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${dbName}` } as never);
  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'silent' }), database, serveWeb: false });
  const s = app.services;
  const miit = await s.identity.createUserAsOperator({ username: `ab-${randomUUID().slice(0, 8)}`, displayName: 'ab', role: 'ministry_admin', organizationId: 'miit', password: 'Bench-pass-2026', mustChangePassword: false });
  const opCtx: RequestContext = { principal: principalOf(miit, null), ip: '127.0.0.1', requestId: 'ab' };
  const repositoryOnly = createEpcisService({ db: database.db, clock: s.clock, enterprises: s.enterprises });
  const enterprise = async (i: number): Promise<RequestContext> => (await benchEnterprise(s, opCtx, `对照${i}`)).ctx;
  await repositoryOnly.capture(await enterprise(0), remanDocument(1000, 'w'));
  const times: Record<'copy' | 'json', number[]> = { copy: [], json: [] };
  for (let i = 0; i < PAIRS * 2; i++) {
    const kind = i % 2 === 0 ? 'json' : 'copy';
    epcisRepo.insertChunk = kind === 'copy' ? copy : epcisRepo.insertChunkAsJson;
    const ctx = await enterprise(i + 1);
    const doc = remanDocument(N, `${kind}${i}`);
    const t = performance.now();
    const r = await repositoryOnly.capture(ctx, doc);
    const ms = performance.now() - t;
    if (r.stored.length !== N) throw new Error(`stored ${r.stored.length} of ${N}`);
    times[kind].push(ms);
    console.log(`${kind} ${ms.toFixed(0)} ms (load ${loadavg()[0]!.toFixed(1)})`);
  }
  const c = median(times.copy), j = median(times.json);
  console.log(`median: json_to_recordset ${j.toFixed(0)} ms, COPY ${c.toFixed(0)} ms — COPY takes ${((c / j) * 100).toFixed(0)} % of the time`);
  epcisRepo.insertChunk = copy;
  await app.close();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
