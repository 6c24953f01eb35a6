/**
 * Search vectors for rows stored before their search column (platform/search/backfill.ts, docs/trading.md "Core
 * exchange"): rows stored as they were before the column (search_tsv = '') are found by no word until the backfill —
 * the durable job `search.backfill` — writes the vector the insert path writes for the same text; they then rank with
 * new rows. The write is conditional: a row edited between the backfill's read and its write keeps its edit's vector.
 * Enqueued under one key, so two starts make one job; a second run writes nothing. After the segmenter changed
 * (its version recorded per table differs; the version is the job's parameter here) every row of all seven tables is
 * re-segmented to the vector its insert path writes now, and the public index's digest makes its sync rewrite every
 * document. PGlite by default, PostgreSQL with TEST_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/server/cli.js';
import { testConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { catalogueRepo, catalogueSearchTexts } from '../../src/server/modules/catalogue/catalogue.repo.js';
import type { JobRow } from '../../src/server/platform/queue/queue.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { backfillAll } from '../../src/server/platform/search/backfill.js';
import { SEGMENTER_VERSION } from '../../src/server/platform/search/segment.js';
import { createSearchService, portalSources } from '../../src/server/modules/search/index.js';
import { buildEnterprise, buildProduct, buildTestingOrg, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

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
  // as a deployed system after its first run: every table's vectors recorded as written with this segmenter
  await app.services.searchBackfill.run();
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
    expect(counts.find((c) => c.table === 'core_postings')).toEqual({ table: 'core_postings', mode: 'empty', read: 6, written: 5, batches: 1 });
    for (const id of copies) expect(await vector('core_postings', id)).toBe(await vector('core_postings', base.id));
    expect(await vector('core_postings', wordless)).toBe('');
    // batches of two (2, 2, 0 rows): the wordless posting is read again (still empty), the three new copies written
    const { backfillTable } = await import('../../src/server/platform/search/backfill.js');
    const { corePostingsSearchBackfill } = await import('../../src/server/modules/core-exchange/index.js');
    const more = [await copyAsOld('core_postings', base.id), await copyAsOld('core_postings', base.id), await copyAsOld('core_postings', base.id)];
    const c = await backfillTable(corePostingsSearchBackfill(app.database.db), { batchSize: 2 });
    expect(c).toEqual({ table: 'core_postings', mode: 'empty', read: 4, written: 3, batches: 3 });
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
    const read = await catalogueSearchTexts.searchTexts(db, null, 500, false);
    expect(read.map((r) => r.id)).toEqual(expect.arrayContaining([a, b]));
    // b is edited after the backfill read it: its edit writes the vector of the new text
    await ok('PATCH', `/api/v1/catalogue/applications/${b}`, { specifications: '额定功率 5 kW；配液压泵' });
    const edited = await vector('catalogue_applications', b);
    expect(edited).toContain("'液压泵'");
    const written = await catalogueSearchTexts.writeSearchVectors(db, read);
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
    const read = (await catalogueSearchTexts.searchTexts(db, null, 500, false)).filter((r) => r.id === d);
    let commit!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const edit = db.transaction(async (tx) => {
      await catalogueRepo.update(tx, d, { specifications: '额定功率 5 kW；配变速箱' });
      locked();
      await new Promise<void>((r) => (commit = r));
    });
    await isLocked;
    const write = catalogueSearchTexts.writeSearchVectors(db, read); // waits for the edit's row lock
    await new Promise((r) => setTimeout(r, 300));
    commit();
    await edit;
    expect(await write).toEqual([]); // the row re-checked after the edit's commit: no longer what was read
    expect(await found('变速箱')).toEqual([d]);
    expect(await vector('catalogue_applications', d)).not.toContain('电压'); // not the stale words of what was read
  }, 60_000);
});

describe('a changed segmenter (a new domain word, a new jieba)', () => {
  const TABLES = ['core_postings', 'catalogue_applications', 'portal_standards', 'portal_policies', 'portal_demo_units', 'portal_testing_orgs', 'listings'];
  /** A vector as a segmenter without the domain word list wrote it: 盾构机 and 主轴承 are no words of it. */
  const OLD_WORDS = '盾构 机 主轴 承 旧 件 再 制造';
  const recordVersion = (version: string) => q(`UPDATE search_segmenter_state SET version = $1`, [version]);
  const versions = async () => (await q<{ table_name: string; version: string }>(`SELECT table_name, version FROM search_segmenter_state ORDER BY table_name`)).map((r) => [r.table_name, r.version]);
  const rowCount = async (table: string) => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  it('the job re-segments every row of a table whose recorded version differs to the vector its insert path writes now, records the version; a second run writes nothing', async () => {
    const db = app.database.db;
    const ctx = await operator(app.services);
    const content = app.services.portal.content;
    const tag = randomUUID().slice(0, 8);
    // one row of every table, each through its insert path: the vectors of this segmenter
    const posting = (await ok('POST', '/api/v1/core-exchange/postings', { kind: 'supply', name: '盾构机主轴承旧件', model: `ZC-${tag}`, quantity: 1, grade: 'C', regionCode: '420100' })).id as string;
    const application = (await catalogueRepo.insert(db, { id: randomUUID(), enterpriseId, authorityId, productName: '再制造盾构机主轴承', model: `ZB-${tag}`, field: 'internal_combustion_engines', specifications: '外径 3 m', standardCode: 'GB/T 28672-2012' })).id;
    const standard = (await content.standards.create(ctx, { code: `T/RM ${tag}-2026`, title: '盾构机主轴承再制造技术规范', type: 'group', status: 'current', drafters: ['中铁工程装备集团'], summary: '主轴承的检测与修复' })).id;
    const policy = (await content.policies.create(ctx, { title: `盾构机再制造试点通知 ${tag}`, category: 'notice', issuedOn: '2026-03-01', body: '支持主轴承再制造' })).id;
    const unit = (await content.demoUnits.create(ctx, { name: `盾构机再制造示范基地 ${tag}`, kind: 'base', provinceCode: '420000', year: 2026, description: '主轴承修复' })).id;
    const org = (await buildTestingOrg(app.services, { name: `盾构机主轴承检测中心${tag}` })).id;
    const product = await buildProduct(app.services, enterpriseId, { name: '再制造盾构机主轴承', model: `ZL-${tag}` });
    const listing = (await ok('POST', '/api/v1/listings', { productCode: product.code, priceCny: 98000, title: '盾构机主轴承（再制造）', description: '整机检测合格' })).id as string;
    const rows: Array<[string, string]> = [['core_postings', posting], ['catalogue_applications', application], ['portal_standards', standard], ['portal_policies', policy], ['portal_demo_units', unit], ['portal_testing_orgs', org], ['listings', listing]];
    const fresh = new Map<string, string>();
    for (const [table, id] of rows) {
      fresh.set(id, await vector(table, id));
      expect(fresh.get(id), table).toContain("'主轴承'");
    }

    // written under segmenter A: the old words, and A recorded for every table
    for (const [table, id] of rows) await q(`UPDATE ${table} SET search_tsv = to_tsvector('simple', $2) WHERE id = $1`, [id, OLD_WORDS]);
    await recordVersion('seg-A');
    const postings = async (query: string) => (await ok('GET', `/api/v1/core-exchange/postings?pageSize=50&q=${encodeURIComponent(query)}`)).items.map((x: { id: string }) => x.id) as string[];
    expect(await postings(`主轴承 ZC-${tag}`)).toEqual([]); // the new word does not match the old row

    // segmenter B (the version is the job's parameter): every row of every table read, the stale ones written
    const counts = await backfillAll(db, app.services.searchBackfill.targets, { version: 'seg-B', batchSize: 3 });
    expect(counts.map((c) => c.table)).toEqual(TABLES);
    for (const c of counts) expect(c, c.table).toEqual({ table: c.table, mode: 'resegment', read: expect.any(Number), written: 1, batches: Math.floor(c.read / 3) + 1 });
    for (const c of counts) expect(c.read, c.table).toBe(await rowCount(c.table));
    for (const [table, id] of rows) expect(await vector(table, id), table).toBe(fresh.get(id));
    expect(await versions()).toEqual([...TABLES].sort().map((t) => [t, 'seg-B']));
    expect(await postings(`主轴承 ZC-${tag}`)).toEqual([posting]);

    // a second run under B: the empty vectors only, nothing written
    const again = await backfillAll(db, app.services.searchBackfill.targets, { version: 'seg-B' });
    for (const c of again) expect(c, c.table).toMatchObject({ mode: 'empty', written: 0 });

    // the job of this process (SEGMENTER_VERSION, not B): re-segments every table, writes nothing (all right already), records its version
    const { lines, log } = capture();
    const job = await settled((await app.services.searchBackfill.start(log))!);
    expect(job.state).toBe('succeeded');
    for (const t of TABLES) expect(lines).toContainEqual(expect.objectContaining({ table: t, mode: 'resegment', written: 0, version: SEGMENTER_VERSION }));
    expect(await versions()).toEqual([...TABLES].sort().map((t) => [t, SEGMENTER_VERSION]));
  }, 180_000);

  it('an edit between the re-segmentation read and write keeps its own vector', async () => {
    const db = app.database.db;
    const id = (await catalogueRepo.insert(db, { id: randomUUID(), enterpriseId, authorityId, productName: '再制造盾构机主轴承', model: `ZE-${randomUUID().slice(0, 6)}`, field: 'internal_combustion_engines', specifications: '外径 3 m', standardCode: 'GB/T 28672-2012' })).id;
    await q(`UPDATE catalogue_applications SET search_tsv = to_tsvector('simple', $2) WHERE id = $1`, [id, OLD_WORDS]);
    const read = (await catalogueSearchTexts.searchTexts(db, null, 100_000, true)).filter((r) => r.id === id);
    expect(read).toHaveLength(1);
    await ok('PATCH', `/api/v1/catalogue/applications/${id}`, { specifications: '外径 3 m；配液压泵' });
    const edited = await vector('catalogue_applications', id);
    expect(edited).toContain("'液压泵'");
    expect(await catalogueSearchTexts.writeSearchVectors(db, read)).toEqual([]);
    expect(await vector('catalogue_applications', id)).toBe(edited);
    // read again: the text is the one read, the vector already right: nothing written either
    expect(await catalogueSearchTexts.writeSearchVectors(db, (await catalogueSearchTexts.searchTexts(db, null, 100_000, true)).filter((r) => r.id === id))).toEqual([]);
  }, 60_000);

  it('the public index: documents digested under another segmenter version are rewritten by the next sync', async () => {
    const db = app.database.db;
    const ctx = await operator(app.services);
    const s = await app.services.portal.content.standards.create(ctx, { code: `T/RM S${randomUUID().slice(0, 6)}-2026`, title: '盾构机主轴承再制造通用要求', type: 'group', status: 'current' });
    await app.services.portal.content.standards.publish(ctx, s.id);
    const under = (segmenterVersion: string) => createSearchService({ db, publicCache: app.services.publicCache, sources: portalSources(app.services.portal.content), segmenterVersion });
    const a = under('seg-A');
    const b = under('seg-B');
    await a.sync();
    const doc = async () => (await q<{ tsv: string; digest: string }>(`SELECT tsv::text AS tsv, digest FROM search_documents WHERE type = 'standard' AND ref_id = $1`, [s.id]))[0]!;
    const right = await doc();
    expect(right.tsv).toContain("'主轴承'");
    const portalDocs = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM search_documents WHERE type IN ('standard', 'policy', 'demoUnit', 'testingOrg')`))[0]!.n;
    // A's words; under A the content's digest is unchanged, so a sync leaves them (what a changed segmenter needs mended)
    await q(`UPDATE search_documents SET tsv = to_tsvector('simple', $2) WHERE type = 'standard' AND ref_id = $1`, [s.id, OLD_WORDS]);
    expect(await a.sync()).toEqual({ written: 0, removed: 0 });
    // under B every document's digest differs: all rewritten, with the words the segmenter gives now
    expect(await b.sync()).toEqual({ written: portalDocs, removed: 0 });
    expect((await doc()).tsv).toBe(right.tsv);
    expect((await doc()).digest).not.toBe(right.digest);
    expect(await b.sync()).toEqual({ written: 0, removed: 0 });
    // the app's own index (SEGMENTER_VERSION) rewrites them once more, then is in line
    expect((await app.services.search.sync()).written).toBeGreaterThanOrEqual(portalDocs);
    expect((await app.services.search.sync()).written).toBe(0);
  }, 120_000);
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
      // a new database records no segmenter version: its first run reads every row (and writes the one without words)
      expect(lines.slice(0, 2)).toEqual(['core_postings: 0 search vector(s) written of 0 row(s) re-segmented (segmenter changed)', 'catalogue_applications: 1 search vector(s) written of 1 row(s) re-segmented (segmenter changed)']);
      expect(lines.map((l) => l.split(':')[0])).toEqual(['core_postings', 'catalogue_applications', 'portal_standards', 'portal_policies', 'portal_demo_units', 'portal_testing_orgs', 'listings']);
      const again: string[] = [];
      expect(await runCli(['search:backfill'], config, (l) => again.push(l))).toBe(0);
      expect(again).toContain('catalogue_applications: 0 search vector(s) written of 0 row(s) without one');
      expect(again.every((l) => / 0 search vector\(s\) written of 0 row\(s\) without one$/.test(l)), again.join('\n')).toBe(true);
      const check = await openDatabase({ dataDir: config.DATA_DIR });
      const [row] = (await check.raw.query<{ v: string }>(`SELECT search_tsv::text AS v FROM catalogue_applications WHERE id = $1`, [id])).rows;
      await check.close();
      expect(row!.v).toContain("'变速箱'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
