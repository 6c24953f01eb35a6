import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig, testEnvironment } from '../../src/server/config.js';
import type { Db } from '../../src/server/db/client.js';
import { listMigrations } from '../../src/server/db/migrate.js';
import { backoffMs, DeadJobError } from '../../src/server/platform/queue/queue.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';
import { freshDatabase, reopenableDatabase } from '../support/db.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { until } from '../support/wait.js';

/** The durable job queue (platform/queue): restart, lease expiry, retries with backoff, dead jobs, operator actions. */

const rows = async <T>(db: Db, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

describe('a job survives a restart', () => {
  it('an interrupted job is handed back at shutdown and finished by the next process on the same database', async () => {
    // PostgreSQL: the second app opens the database anew. PGlite: creating a database in a directory costs ~30 s
    // here, so the second app gets the same in-memory database, which the first app's close leaves open.
    const onPostgres = !!testEnvironment().databaseUrl;
    const store = onPostgres ? await reopenableDatabase() : null;
    const shared = store ? null : await freshDatabase();
    const open = async () => (store ? store.open() : { ...shared!, close: async () => undefined });
    const config = testConfig({ JOBS_POLL_MS: 20 });
    try {
      const db1 = await open();
      const app1 = await buildApp({ config, database: db1, serveWeb: false });
      let started!: () => void;
      const blocked = new Promise<void>((r) => (started = r));
      app1.services.jobs.defineTask<{ n: number }>('test.import', async (job) => {
        started();
        await once(job.signal, 'abort'); // blocked until the process stops
        throw new Error('interrupted');
      });
      const id = (await app1.services.jobs.enqueue(db1.db, { task: 'test.import', payload: { n: 7 } }))!;
      app1.services.jobs.poke();
      await blocked;
      expect((await app1.services.jobs.get(id))!.state).toBe('running');
      await app1.close(); // closes the database too: a new process starts on the same one

      const db2 = await open();
      const app2 = await buildApp({ config, database: db2, serveWeb: false });
      const seen: number[] = [];
      app2.services.jobs.defineTask<{ n: number }>('test.import', async (job) => {
        seen.push(job.payload.n);
        job.progress(3, 3);
      });
      const done = await until(() => app2.services.jobs.get(id), (j) => j?.state === 'succeeded');
      expect(seen).toEqual([7]);
      // the interrupted attempt is not counted; the progress is stored
      expect(done).toMatchObject({ attempts: 1, done: 3, total: 3, finishedAt: expect.any(String) });
      await app2.close();
    } finally {
      await store?.drop();
      await shared?.close();
    }
  }, 240_000); // two apps built on a loaded machine

  it('a job left running by a crashed process is run again once its lease expired; with no attempt left it is dead', async () => {
    const app = await buildTestApp({ JOBS_POLL_MS: 20 });
    try {
      const db = app.database.db;
      // as a process that died mid-job leaves them: running, locked by it, lease in the past
      const [crashed] = await rows<{ id: number }>(db, sql`INSERT INTO jobs (task, payload, state, attempts, max_attempts, locked_by, locked_until, started_at)
        VALUES ('test.crash', '{"k":1}', 'running', 1, 3, 'dead-process', now() - interval '1 second', now() - interval '1 minute') RETURNING id::float8 AS id`);
      const [abandoned] = await rows<{ id: number }>(db, sql`INSERT INTO jobs (task, payload, state, attempts, max_attempts, locked_by, locked_until)
        VALUES ('test.crash', '{"k":2}', 'running', 3, 3, 'dead-process', now() - interval '1 second') RETURNING id::float8 AS id`);
      const [alive] = await rows<{ id: number }>(db, sql`INSERT INTO jobs (task, payload, state, attempts, max_attempts, locked_by, locked_until)
        VALUES ('test.crash', '{"k":3}', 'running', 1, 3, 'live-process', now() + interval '1 hour') RETURNING id::float8 AS id`);
      const ran: number[] = [];
      const dead: string[] = [];
      app.services.jobs.defineTask<{ k: number }>('test.crash', async (job) => void ran.push(job.payload.k), {
        onDead: async (_tx, job, reason) => void dead.push(`${job.id}:${reason}`),
      });
      const rerun = await until(() => app.services.jobs.get(crashed!.id), (j) => j?.state === 'succeeded');
      expect(rerun!.attempts).toBe(2);
      const gone = await until(() => app.services.jobs.get(abandoned!.id), (j) => j?.state === 'failed');
      expect(gone!.lastError).toMatch(/lease expired/);
      expect(dead).toEqual([expect.stringMatching(new RegExp(`^${abandoned!.id}:.*lease expired`))]);
      expect(ran).toEqual([1]); // the job whose holder is alive is left alone
      expect((await app.services.jobs.get(alive!.id))!.state).toBe('running');
    } finally {
      await app.close();
    }
  });
});

describe('retries, dead jobs and the operator', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ JOBS_POLL_MS: 20, JOBS_BACKOFF_BASE_MS: 150 });
  });
  afterAll(() => app.close());

  it('enqueue is part of the business transaction and idempotent by key', async () => {
    const { jobs } = app.services;
    jobs.defineTask('test.noop', async () => undefined);
    await expect(
      app.database.db.transaction(async (tx) => {
        await jobs.enqueue(tx, { task: 'test.noop', key: 'rolled-back', runAt: new Date(Date.now() + 3_600_000) });
        throw new Error('business write failed');
      }),
    ).rejects.toThrow('business write failed');
    expect(await rows(app.database.db, sql`SELECT id FROM jobs WHERE key = 'rolled-back'`)).toHaveLength(0);
    const later = new Date(Date.now() + 3_600_000);
    const a = await jobs.enqueue(app.database.db, { task: 'test.noop', key: 'once', runAt: later });
    const b = await jobs.enqueue(app.database.db, { task: 'test.noop', key: 'once', runAt: later });
    expect(a).toBeGreaterThan(0);
    expect(b).toBeNull();
  });

  it('a failing job is retried with exponential backoff, then lands in failed (dead) with its error; retry and discard', async () => {
    const { jobs } = app.services;
    const calls: number[] = [];
    let healthy = false;
    const deadReasons: string[] = [];
    jobs.defineTask(
      'test.flaky',
      async (job) => {
        calls.push(Date.now());
        if (!healthy) throw new Error(`boom ${job.attempt}`);
      },
      { maxAttempts: 3, onDead: async (tx, job, reason) => void deadReasons.push(`${job.state}:${reason}`) },
    );
    const id = (await jobs.enqueue(app.database.db, { task: 'test.flaky' }))!;
    jobs.poke();
    const dead = await until(() => jobs.get(id), (j) => j?.state === 'failed');
    expect(dead).toMatchObject({ attempts: 3, maxAttempts: 3, lastError: 'boom 3', finishedAt: expect.any(String) });
    expect(calls).toHaveLength(3);
    // attempt n waits base·2^(n−1) × [0.5, 1]: ≥ 75 ms, then ≥ 150 ms
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(75);
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(150);
    expect(deadReasons).toEqual(['failed:boom 3']);

    // visible to the operator (MIIT administrators only)
    const miit = await login(app, (await buildUser(app.services, 'ministry_admin')).username, TEST_PASSWORD);
    const listed = await app.inject({ method: 'GET', url: '/api/v1/admin/jobs?state=failed', headers: miit.headers });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([expect.objectContaining({ id, task: 'test.flaky', state: 'failed', lastError: 'boom 3', attempts: 3 })]);
    const ent = await login(app, (await buildUser(app.services, 'enterprise_admin')).username, TEST_PASSWORD);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: ent.headers })).statusCode).toBe(403);

    // retry: attempts start again, the job succeeds; the action is audited
    healthy = true;
    await jobs.retry(null, id);
    const ok = await until(() => jobs.get(id), (j) => j?.state === 'succeeded');
    expect(ok!.attempts).toBe(1);
    await expect(jobs.retry(null, id)).rejects.toMatchObject({ status: 409, code: 'JOB_STATE' });

    // discard a waiting job; a finished one cannot be discarded
    const waiting = (await jobs.enqueue(app.database.db, { task: 'test.flaky', runAt: new Date(Date.now() + 3_600_000) }))!;
    expect((await jobs.discard(null, waiting)).state).toBe('discarded');
    expect(deadReasons.at(-1)).toBe('discarded:discarded by the operator');
    await expect(jobs.discard(null, id)).rejects.toMatchObject({ status: 409 });
    await expect(jobs.discard(null, 999_999)).rejects.toMatchObject({ status: 404 });
    const audit = await rows<{ action: string; object_id: string }>(app.database.db, sql`SELECT action, object_id FROM audit_log WHERE object_type = 'job' ORDER BY id`);
    expect(audit).toEqual([{ action: 'job.retried', object_id: String(id) }, { action: 'job.discarded', object_id: String(waiting) }]);
  });

  it('a handler can declare a job dead at once', async () => {
    const { jobs } = app.services;
    jobs.defineTask('test.hopeless', async () => {
      throw new DeadJobError('the input can never be imported');
    });
    const id = (await jobs.enqueue(app.database.db, { task: 'test.hopeless', maxAttempts: 5 }))!;
    jobs.poke();
    expect(await until(() => jobs.get(id), (j) => j?.state === 'failed')).toMatchObject({ attempts: 1, lastError: 'the input can never be imported' });
  });

  it('backoff doubles per attempt, jittered to 50–100 %, capped at an hour', () => {
    expect(backoffMs(1000, 1, () => 1)).toBe(1000);
    expect(backoffMs(1000, 4, () => 1)).toBe(8000);
    expect(backoffMs(1000, 4, () => 0)).toBe(4000);
    expect(backoffMs(1000, 40, () => 1)).toBe(3_600_000);
  });
});

describe.skipIf(!testEnvironment().databaseUrl)('migrations on a shared PostgreSQL server', () => {
  it('two processes starting at once on a fresh database both succeed and apply each migration once', async () => {
    const store = await reopenableDatabase();
    try {
      const [a, b] = await Promise.all([store.open(), store.open()]);
      // without the lock taken before the applied list is read, the second would run the first migration again and fail
      const { rows: applied } = await a.raw.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(applied.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
      const { rows: tables } = await b.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'jobs'`);
      expect(tables[0]!.n).toBe(1);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await store.drop();
    }
  });
});
if (!testEnvironment().databaseUrl) console.info('jobs.test: migration-lock test skipped (needs TEST_DATABASE_URL, a PostgreSQL server)');
