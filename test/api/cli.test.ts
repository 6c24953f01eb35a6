import { mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, UsageError } from '../../src/server/cli.js';
import { testConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { fileStore } from '../../src/server/modules/files/blob-store.js';

/** The operator CLI on an embedded database in a temporary DATA_DIR. */
const dir = mkdtempSync(join(tmpdir(), 'reman-cli-'));
// the file store in its default place, ${DATA_DIR}-files (beside the database, never inside it)
const config = testConfig({ DATA_DIR: join(dir, 'data'), FILE_STORE_DIR: undefined });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, config, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('reman CLI', () => {
  it('seeds demo data once, creates users, resets passwords, verifies the audit chain', async () => {
    expect((await run('demo:seed')).out).toBe('demo data created');
    expect((await run('demo:seed')).out).toBe('demo data already present');
    const created = await run('user:create', '--username', 'cli-user', '--role', 'authority_reviewer', '--org', 'prov-320000', '--name', '命令行用户');
    expect(created.out).toMatch(/initial password .*: \S{10,}/);
    const reset = await run('user:reset-password', '--username', 'cli-user', '--password', 'Chosen-pass-2026');
    expect(reset.out).toBe('password set for cli-user');
    const verify = await run('audit:verify');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, firstBrokenAt: null });
    expect(JSON.parse(verify.out).entries).toBeGreaterThan(20);
  }, 240_000); // the whole demo is seeded (every capability's demo area), on a machine that may be loaded

  it('refuses bad input with a usage error', async () => {
    await expect(run('user:create', '--username', 'x')).rejects.toBeInstanceOf(UsageError);
    await expect(run('user:create', '--username', 'xx', '--role', 'king', '--org', 'miit', '--name', 'n')).rejects.toThrow(/unknown role/);
    expect((await run('no-such-command')).code).toBe(2);
    await expect(run('trace:repair')).rejects.toThrow(/needs --enterprise/);
    await expect(run('jobs:retry', 'abc')).rejects.toThrow(/needs a job id/);
  });

  it('exports a backup and imports it into an empty data directory; refuses a non-empty one without --force', async () => {
    const file = join(dir, 'backup.tar.gz');
    const pdf = Buffer.from('%PDF-1.4 backup test file');
    const sha = await fileStore(config).put(pdf);
    expect(existsSync(join(dir, 'data-files', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    let stored = 0;
    for await (const _ of fileStore(config).list()) stored++; // the demo's attachments and the PDF above
    expect(stored).toBeGreaterThan(1);
    const exported = await run('backup:export', file);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(` ${stored} stored files`);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    const restored = testConfig({ DATA_DIR: join(dir, 'restored'), FILE_STORE_DIR: undefined });
    expect(await runCli(['backup:import', file], restored, () => undefined)).toBe(0);
    expect((await fileStore(restored).get(sha))?.equals(pdf)).toBe(true);
    let restoredFiles = 0;
    for await (const _ of fileStore(restored).list()) restoredFiles++;
    expect(restoredFiles).toBe(stored);
    const db = await openDatabase({ dataDir: restored.DATA_DIR });
    const { rows } = await db.raw.query<{ username: string }>(`SELECT username FROM users WHERE username = 'cli-user'`);
    await db.close();
    expect(rows).toHaveLength(1);

    await expect(runCli(['backup:import', file], restored, () => undefined)).rejects.toThrow(/not empty/);
    expect(await runCli(['backup:import', file, '--force'], restored, () => undefined)).toBe(0);
    expect(existsSync(restored.DATA_DIR)).toBe(true);
  }, 240_000); // dumps, restores and reopens an embedded database in a directory

  it('lists dead jobs, retries one and discards another (audited)', async () => {
    const db = await openDatabase({ dataDir: config.DATA_DIR });
    const { rows } = await db.raw.query<{ id: number }>(
      `INSERT INTO jobs (task, state, attempts, max_attempts, last_error, finished_at) VALUES
         ('trace.import', 'failed', 3, 3, 'disk full', now()), ('annual-report.import', 'failed', 3, 3, 'bad cell', now())
       RETURNING id::int AS id`,
    );
    await db.close();
    const [a, b] = rows.map((r) => r.id);
    const listed = await run('jobs:list', '--state', 'failed');
    expect(listed.out).toMatch(new RegExp(`^${a}\tfailed\ttrace\.import\tattempts 3/3\t.*\tdisk full$`, 'm'));
    expect(listed.out).toMatch(/^2 job\(s\)$/m);
    expect((await run('jobs:retry', String(a))).out).toBe(`job ${a} (trace.import): queued`);
    expect((await run('jobs:discard', String(b))).out).toBe(`job ${b} (annual-report.import): discarded`);
    expect((await run('jobs:list', '--state', 'failed')).out).toBe('0 job(s)');
    await expect(run('jobs:discard', String(b))).rejects.toThrow(/cannot be discarded/);
    await expect(run('jobs:list', '--state', 'dead')).rejects.toBeInstanceOf(UsageError);
    const check = await openDatabase({ dataDir: config.DATA_DIR });
    const audit = await check.raw.query<{ action: string }>(`SELECT action FROM audit_log WHERE object_type = 'job' ORDER BY id`);
    await check.close();
    expect(audit.rows.map((r) => r.action)).toEqual(['job.retried', 'job.discarded']);
  }, 300_000); // seven opens of the embedded database
});
