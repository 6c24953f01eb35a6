/**
 * Search vectors for rows stored before their search column (platform/search/backfill.ts, docs/trading.md "Core
 * exchange"): rows stored as they were before the column (search_tsv = '') are found by no word until the backfill —
 * the durable job `search.backfill` — writes the vector the insert path writes for the same text; they then rank with
 * new rows. The write is conditional: a row edited between the backfill's read and its write keeps its edit's vector.
 * Enqueued under one key, so two starts make one job; a second run writes nothing. PGlite by default, PostgreSQL
 * with TEST_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/server/cli.js';
import { testConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { catalogueRepo } from '../../src/server/modules/catalogue/catalogue.repo.js';
import type { JobRow } from '../../src/server/platform/queue/queue.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, TEST_PASSWORD } from '../support/factories.js';

let app: TestApp;
let admin: Session;
let enterpriseId = '';
let authorityId = '';

beforeAll(async () => {
  app = await buildTestApp();
  const e = await buildEnterprise(app.services, { regionCode: '420100' });
  enterpriseId = e.id;
  authorityId = e.authorityId;
  admin = await login(app, (await buildUser(app.services, 'enterprise_admin', { organizationId: e.id })).username, TEST_PASSWORD);
}, 120_000);
afterAll(async () => app?.close());

const q = async <T>(text: string, params: unknown[] = []) => (await app.database.raw.query<T>(text, params)).rows;
const ok = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
  const r = await app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
  expect(r.statusCode, `${method} ${url} ${r.body}`).toBeLessThan(300);
  return r.json();
};
/** The stored vector of a row, as text. */
const vector = async (table: string, id: string) => (await q<{ v: string }>(`SELECT search_tsv::text AS v FROM ${table} WHERE id = $1`, [id]))[0]!.v;

/** A copy of a stored row as a row of before the search column looks: search_tsv = '' (the column's default). */
async function copyAsOld(table: string, id: string, set: Record<string, string> = {}): Promise<string> {
  const cols = (await q<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, [table])).map((r) => r.c).filter((c) => c !== 'id' && c !== 'search_tsv');
  const copy = randomUUID();
  const values = cols.map((c) => set[c] ?? c);
  await q(`INSERT INTO ${table} (id, ${cols.join(', ')}) SELECT $1, ${values.join(', ')} FROM ${table} WHERE id = $2`, [copy, id]);
  expect(await vector(table, copy)).toBe('');
  return copy;
}

async function settled(id: number): Promise<JobRow> {
  for (let i = 0; i < 600; i++) {
    const job = await app.services.jobs.get(id);
    if (job && ['succeeded', 'failed', 'discarded'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: { info: (o: unknown) => void lines.push(o as Record<string, unknown>), error: (o: unknown) => void lines.push({ error: o }) } };
}

describe('core postings stored before their search column', () => {
  it('the job writes the vector a new posting gets; the old posting is found by words in any order and ranks with new ones', async () => {
    const body = { kind: 'supply', name: '再制造柴油发动机总成', model: 'WP12.430E', note: '国六排放 整机', quantity: 3, grade: 'B', priceCny: 3000, regionCode: '420100' };
    const fresh = await ok('POST', '/api/v1/core-exchange/postings', body);
    const old = await copyAsOld('core_postings', fresh.id, { created_at: "created_at - interval '30 days'", updated_at: "updated_at - interval '30 days'" });
    const pump = await copyAsOld('core_postings', fresh.id, { name: "'液压泵旧件'", created_at: "created_at - interval '40 days'" });
    const ids = async (query: string) => (await ok('GET', `/api/v1/core-exchange/postings?pageSize=50&q=${encodeURIComponent(query)}`)).items.map((x: { id: string }) => x.id) as string[];
    // before: the words in another order are no substring of the name, so only the new posting is found
    expect(await ids('发动机再制造')).toEqual([fresh.id]);
    expect(await ids('液压泵 旧件')).toEqual([]);

    const { lines, log } = capture();
    const jobId = await app.services.searchBackfill.start(log);
    expect(jobId).not.toBeNull();
    const job = await settled(jobId!);
    expect(job, JSON.stringify(job)).toMatchObject({ state: 'succeeded', task: 'search.backfill', done: 2 });

    expect(await vector('core_postings', old)).toBe(await vector('core_postings', fresh.id));
    expect(await vector('core_postings', old)).not.toBe('');
    const found = await ids('发动机再制造');
    expect(found).toEqual([fresh.id, old]); // the same rank, the newer first
    expect(await ids('液压泵 旧件')).toEqual([pump]);
    const ranks = await q<{ id: string; r: number }>(`SELECT id, ts_rank(search_tsv, to_tsquery('simple', '''发动机'' & ''再制造''')) AS r FROM core_postings WHERE id IN ($1::uuid, $2::uuid)`, [fresh.id, old]);
    expect(ranks[0]!.r).toBeGreaterThan(0);
    expect(ranks[0]!.r).toBe(ranks[1]!.r);
    expect(lines).toContainEqual(expect.objectContaining({ job: 'search.backfill', table: 'core_postings', read: 2, written: 2 }));

    // two starts at once make one job (its key); a run after all is done reads and writes nothing
    const again = capture();
    const both = await Promise.all([app.services.searchBackfill.start(again.log), app.services.searchBackfill.start(again.log)]);
    expect(both.filter((x) => x !== null)).toHaveLength(1);
    expect((await settled(both.find((x) => x !== null)!)).state).toBe('succeeded');
    expect(again.lines).toContainEqual(expect.objectContaining({ table: 'core_postings', read: 0, written: 0 }));
    expect(await vector('core_postings', old)).toBe(await vector('core_postings', fresh.id));
  }, 120_000);

  it('walks the table in batches by key and leaves a posting without a word as it is', async () => {
    const base = await ok('POST', '/api/v1/core-exchange/postings', { kind: 'supply', name: '盾构机主轴承旧件', model: 'ZC-1', quantity: 1, grade: 'C', regionCode: '420100' });
    const copies = [];
    for (let i = 0; i < 5; i++) copies.push(await copyAsOld('core_postings', base.id));
    const wordless = await copyAsOld('core_postings', base.id, { name: "'——'", model: "'—'", note: "''" });
    const counts = await app.services.searchBackfill.run();
    expect(counts.find((c) => c.table === 'core_postings')).toEqual({ table: 'core_postings', read: 6, written: 5, batches: 1 });
    for (const id of copies) expect(await vector('core_postings', id)).toBe(await vector('core_postings', base.id));
    expect(await vector('core_postings', wordless)).toBe('');
    // batches of two (2, 2, 0 rows): the wordless posting is read again (still empty), the three new copies written
    const { backfillTable } = await import('../../src/server/platform/search/backfill.js');
    const { corePostingsSearchBackfill } = await import('../../src/server/modules/core-exchange/index.js');
    const more = [await copyAsOld('core_postings', base.id), await copyAsOld('core_postings', base.id), await copyAsOld('core_postings', base.id)];
    const c = await backfillTable(corePostingsSearchBackfill(app.database.db), { batchSize: 2 });
    expect(c).toEqual({ table: 'core_postings', read: 4, written: 3, batches: 3 });
    for (const id of more) expect(await vector('core_postings', id)).toBe(await vector('core_postings', base.id));
  }, 120_000);
});

describe('catalogue applications stored without their search vector', () => {
  /** A draft as it would look stored by SQL (a restore, a load): the vector the column's default. */
  async function oldDraft(productName: string, specifications: string): Promise<string> {
    const id = randomUUID();
    await q(
      `INSERT INTO catalogue_applications (id, enterprise_id, authority_id, state, product_name, model, field, specifications, standard_code) VALUES ($1, $2, $3, 'draft', $4, $5, 'internal_combustion_engines', $6, 'GB/T 28672-2012')`,
      [id, enterpriseId, authorityId, productName, `JF-${id.slice(0, 6)}`, specifications],
    );
    expect(await vector('catalogue_applications', id)).toBe('');
    return id;
  }
  const found = async (query: string) => (await ok('GET', `/api/v1/catalogue/applications?pageSize=50&q=${encodeURIComponent(query)}`)).items.map((x: { id: string }) => x.id) as string[];

  it('gets the vector the repo writes; an edit between the backfill read and write keeps its own vector', async () => {
    const a = await oldDraft('再制造交流发电机', '额定电压 24 V');
    const b = await oldDraft('再制造起动机总成', '额定电压 12 V');
    expect(await found('发电机')).toEqual([]);

    const db = app.database.db;
    const read = await catalogueRepo.emptySearchVectors(db, null, 500);
    expect(read.map((r) => r.id)).toEqual(expect.arrayContaining([a, b]));
    // b is edited after the backfill read it: its edit writes the vector of the new text
    await ok('PATCH', `/api/v1/catalogue/applications/${b}`, { specifications: '额定功率 5 kW；配液压泵' });
    const edited = await vector('catalogue_applications', b);
    expect(edited).toContain("'液压泵'");
    const written = await catalogueRepo.fillSearchVectors(db, read);
    expect(written).toContain(a);
    expect(written).not.toContain(b);
    expect(await vector('catalogue_applications', b)).toBe(edited); // not the stale words of what was read
    expect(await found('液压泵')).toEqual([b]);
    expect(await found('电压 起动机')).toEqual([]);

    // a's vector is the one the repo's write path gives the same text
    const backfilled = await vector('catalogue_applications', a);
    expect(await found('发电机 交流')).toEqual([a]);
    await ok('PATCH', `/api/v1/catalogue/applications/${a}`, { specifications: '额定电压 24 V' });
    expect(await vector('catalogue_applications', a)).toBe(backfilled);

    // the job covers the catalogue too
    const c = await oldDraft('再制造涡轮增压器', '');
    const { lines, log } = capture();
    expect((await settled((await app.services.searchBackfill.start(log))!)).state).toBe('succeeded');
    expect(lines).toContainEqual(expect.objectContaining({ table: 'catalogue_applications', read: 1, written: 1 }));
    expect(await found('涡轮增压器')).toEqual([c]);
  }, 120_000);

  // PostgreSQL: the edit's transaction and the backfill's write run on two connections at once (PGlite has one)
  it('an edit in flight holds the backfill write, which then leaves the edited row', async (ctx) => {
    if (app.database.kind !== 'postgresql') return ctx.skip();
    const d = await oldDraft('再制造发电机', '额定电压 24 V');
    const db = app.database.db;
    const read = (await catalogueRepo.emptySearchVectors(db, null, 500)).filter((r) => r.id === d);
    let commit!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const edit = db.transaction(async (tx) => {
      await catalogueRepo.update(tx, d, { specifications: '额定功率 5 kW；配变速箱' });
      locked();
      await new Promise<void>((r) => (commit = r));
    });
    await isLocked;
    const write = catalogueRepo.fillSearchVectors(db, read); // waits for the edit's row lock
    await new Promise((r) => setTimeout(r, 300));
    commit();
    await edit;
    expect(await write).toEqual([]); // the row re-checked after the edit's commit: no longer what was read
    expect(await found('变速箱')).toEqual([d]);
    expect(await vector('catalogue_applications', d)).not.toContain('电压'); // not the stale words of what was read
  }, 60_000);
});

describe('reman search:backfill', () => {
  it('fills the empty vectors of an embedded database and prints the counts per table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reman-backfill-'));
    const config = testConfig({ DATA_DIR: join(dir, 'data'), FILE_STORE_DIR: undefined });
    try {
      const id = randomUUID();
      const load = await openDatabase({ dataDir: config.DATA_DIR });
      await load.raw.query(`INSERT INTO catalogue_applications (id, enterprise_id, authority_id, product_name, model, field, standard_code) VALUES ($1, $2, 'prov-420000', '再制造变速箱总成', 'BS-1', 'internal_combustion_engines', 'GB/T 28672-2012')`, [id, randomUUID()]);
      await load.close();
      const lines: string[] = [];
      expect(await runCli(['search:backfill'], config, (l) => lines.push(l))).toBe(0);
      expect(lines).toEqual(['core_postings: 0 search vector(s) written of 0 row(s) without one', 'catalogue_applications: 1 search vector(s) written of 1 row(s) without one']);
      const check = await openDatabase({ dataDir: config.DATA_DIR });
      const [row] = (await check.raw.query<{ v: string }>(`SELECT search_tsv::text AS v FROM catalogue_applications WHERE id = $1`, [id])).rows;
      await check.close();
      expect(row!.v).toContain("'变速箱'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
