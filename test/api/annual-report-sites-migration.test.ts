/**
 * The migration to one annual report per enterprise and year (20261209010100_annual_report_sites.sql, issue 15 item
 * 14) run on existing rows: per-site reports of one enterprise and year fold into the most advanced one, each site's
 * 表2-3 becomes a part of it, nothing is lost (the folded rows stay, marked merged_into), and a lone report keeps its
 * own part. Test databases otherwise migrate empty, so this is the only run of the conversion's SQL on data.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { applyMigrations, listMigrations, MIGRATIONS_DIR } from '../../src/server/db/migrate.js';

const CONVERSION = '20261209010100';
const E1 = '10000000-0000-4000-8000-000000000001';
const E2 = '10000000-0000-4000-8000-000000000002';
const [S1, S2, S3] = ['20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000003'];
const [R1, R2, R3, R4] = ['30000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000004'];
const t23 = (n: number) => ({ recovered: { total: n, rows: [{ name: '缸体', model: 'M', source: '回收', count: n }] } });

let db: Database;
let before: string;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://', migrate: false });
  before = mkdtempSync(join(tmpdir(), 'reman-migrations-'));
  for (const m of listMigrations().filter((m) => m.version < CONVERSION)) copyFileSync(join(MIGRATIONS_DIR, m.file), join(before, m.file));
  await applyMigrations(db.raw, before);
  const q = (text: string, params: unknown[] = []) => db.raw.query(text, params);
  await q(`INSERT INTO authorities (id, kind, region_code, name, name_en) VALUES ('prov-440000', 'province', '440000', '广东省工业和信息化厅', 'Guangdong') ON CONFLICT DO NOTHING`);
  for (const [id, code] of [[E1, '91440101MA59TEXT01'], [E2, '91440101MA59TEXT02']]) {
    await q(`INSERT INTO enterprises (id, name, credit_code, region_code, authority_id, address, legal_representative, contact_name, contact_phone, enterprise_type, listing_status)
             VALUES ($1, $2, $3, '440106', 'prov-440000', '广州市天河区', '张三', '李四', '020-1234567', 'private', 'none')`, [id, `企业${id.slice(-1)}`, code]);
  }
  for (const [e, s, name] of [[E1, S1, '番禺'], [E1, S2, '顺德'], [E2, S3, '黄埔']]) {
    await q(`INSERT INTO sites (enterprise_id, id, name, address, region_code) VALUES ($1, $2, $3, '广州市', '440106')`, [e, s, name]);
  }
  // E1 has two reports for 2025 (a draft and an accepted one, the draft created first); E2 one.
  const report = (e: string, id: string, site: string, state: string, n: number, created: string) =>
    q(
      `INSERT INTO annual_reports (enterprise_id, id, site_id, year, authority_id, state, form, created_at, submitted_at, audit_opinion)
       VALUES ($1, $2, $3, 2025, 'prov-440000', $4, $5::jsonb, $6, CASE WHEN $4 = 'draft' THEN NULL ELSE $6::timestamptz END, CASE WHEN $4 IN ('accepted', 'forwarded') THEN '审核通过' END)`,
      [e, id, site, state, JSON.stringify({ cover: { name: 'x' }, table23: t23(n) }), created],
    );
  await report(E1, R1, S1, 'draft', 1, '2026-01-05T00:00:00Z');
  await report(E1, R2, S2, 'accepted', 2, '2026-01-06T00:00:00Z');
  await report(E2, R3, S3, 'submitted', 3, '2026-01-07T00:00:00Z');
  await q(`INSERT INTO annual_reports (enterprise_id, id, site_id, year, authority_id, state, form, submitted_at, audit_opinion) VALUES ($1, $2, $3, 2024, 'prov-440000', 'forwarded', $4::jsonb, now(), '审核通过')`, [E1, R4, S1, JSON.stringify({ table23: t23(4) })]);
  await applyMigrations(db.raw);
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (before) rmSync(before, { recursive: true, force: true });
});

const rows = async () =>
  (await db.raw.query<{ id: string; year: number; state: string; merged_into: string | null; form: { sites: { siteId: string; table23: unknown }[]; table23?: unknown } }>(
    'SELECT id, year, state, merged_into, form FROM annual_reports ORDER BY id',
  )).rows;

describe('annual reports: per-site rows become one report per enterprise and year', () => {
  it('folds two reports of one year into the most advanced, each site a part, and keeps the folded row marked', async () => {
    const all = await rows();
    const lead = all.find((r) => r.id === R2)!;
    expect(lead.merged_into).toBeNull();
    expect(lead.state).toBe('accepted');
    expect(lead.form.table23).toBeUndefined();
    expect(lead.form.sites).toEqual([
      { siteId: S2, table23: t23(2) },
      { siteId: S1, table23: t23(1) },
    ]);
    const folded = all.find((r) => r.id === R1)!;
    expect(folded.merged_into).toBe(R2);
    expect(folded.state).toBe('draft');
  });

  it('a lone report keeps its own part; other years are their own reports', async () => {
    const all = await rows();
    expect(all.find((r) => r.id === R3)).toMatchObject({ merged_into: null, form: { sites: [{ siteId: S3, table23: t23(3) }] } });
    expect(all.find((r) => r.id === R4)).toMatchObject({ year: 2024, merged_into: null, form: { sites: [{ siteId: S1, table23: t23(4) }] } });
  });

  it('one open report per enterprise and year from now on (the new unique index)', async () => {
    await expect(
      db.raw.query(`INSERT INTO annual_reports (enterprise_id, id, site_id, year, authority_id) VALUES ($1, '30000000-0000-4000-8000-000000000009', $2, 2025, 'prov-440000')`, [E1, S1]),
    ).rejects.toThrow(/unique|duplicate/i);
  });
});
