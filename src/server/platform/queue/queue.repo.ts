import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** All SQL of the `jobs` table (migration 20261205040000_jobs). The same statements on PGlite and PostgreSQL. */

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'discarded'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobRow {
  id: number;
  task: string;
  payload: unknown;
  state: JobState;
  priority: number;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  key: string | null;
  lockedBy: string | null;
  lockedUntil: string | null;
  done: number | null;
  total: number | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface EnqueueSpec {
  task: string;
  payload?: unknown;
  /** Not before this time (default now). */
  runAt?: Date;
  /** Attempts before the job is dead ('failed'); default 5. */
  maxAttempts?: number;
  /** Idempotency: enqueueing while an unfinished job has this key does nothing. */
  key?: string;
  /** With `key`: nothing either when ANY job (also finished) ever had the key (recurring slots). */
  once?: boolean;
  /** Lower runs first (default 0). */
  priority?: number;
  /** A large input (an uploaded file) kept with the job until it succeeds or is discarded. */
  blob?: Buffer;
  /** Units of work, when known (progress). */
  total?: number;
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
const iso = (v: unknown) => (v == null ? null : (v instanceof Date ? v : new Date(String(v))).toISOString());
const COLUMNS = sql.raw(
  'id::float8 AS id, task, payload, state, priority, run_at, attempts, max_attempts, last_error, key, locked_by, locked_until, done, total, created_at, updated_at, started_at, finished_at',
);
type Raw = Record<string, unknown>;
function toRow(r: Raw): JobRow {
  return {
    id: Number(r.id),
    task: r.task as string,
    payload: r.payload,
    state: r.state as JobState,
    priority: r.priority as number,
    runAt: iso(r.run_at)!,
    attempts: r.attempts as number,
    maxAttempts: r.max_attempts as number,
    lastError: (r.last_error as string | null) ?? null,
    key: (r.key as string | null) ?? null,
    lockedBy: (r.locked_by as string | null) ?? null,
    lockedUntil: iso(r.locked_until),
    done: (r.done as number | null) ?? null,
    total: (r.total as number | null) ?? null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}
const textArray = (v: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb))`;
const ms = (n: number) => sql`(${Math.max(0, Math.round(n))} * interval '1 millisecond')`;

export const queueRepo = {
  /** Insert a job; null when the key is taken (see EnqueueSpec). */
  async enqueue(db: Db, j: EnqueueSpec): Promise<number | null> {
    const values = sql`${j.task}, ${JSON.stringify(j.payload ?? {})}::jsonb, ${j.blob ?? null}::bytea, coalesce(${j.runAt ? j.runAt.toISOString() : null}::timestamptz, now()),
      ${j.maxAttempts ?? 5}, ${j.key ?? null}, ${j.priority ?? 0}, ${j.total ?? null}::int`;
    const r = await rows<{ id: number }>(
      db,
      sql`INSERT INTO jobs (task, payload, blob, run_at, max_attempts, key, priority, total)
          SELECT ${values} WHERE ${j.once && j.key ? sql`NOT EXISTS (SELECT 1 FROM jobs WHERE key = ${j.key})` : sql`true`}
          ON CONFLICT (key) WHERE state IN ('queued', 'running') DO NOTHING RETURNING id::float8 AS id`,
    );
    return r[0] ? Number(r[0].id) : null;
  },

  /**
   * Claim the next due job of one of `tasks` (or one whose lease expired, with attempts left): FOR UPDATE SKIP
   * LOCKED, so concurrent workers never take the same job. Counts the attempt and sets the lease.
   */
  async claim(db: Db, workerId: string, tasks: readonly string[], leaseMs: number): Promise<JobRow | null> {
    const r = await rows<Raw>(
      db,
      sql`UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ${workerId}, locked_until = now() + ${ms(leaseMs)},
            started_at = now(), updated_at = now(), finished_at = NULL
          WHERE id = (SELECT id FROM jobs WHERE task = ANY(${textArray(tasks)})
                        AND ((state = 'queued' AND run_at <= now()) OR (state = 'running' AND locked_until < now() AND attempts < max_attempts))
                      ORDER BY priority, run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING ${COLUMNS}`,
    );
    return r[0] ? toRow(r[0]) : null;
  },

  /** Jobs left 'running' by a crashed process whose lease expired with no attempt left: dead. */
  async expireAbandoned(db: Db, tasks: readonly string[]): Promise<JobRow[]> {
    const r = await rows<Raw>(
      db,
      sql`UPDATE jobs SET state = 'failed', finished_at = now(), updated_at = now(), locked_by = NULL, locked_until = NULL,
            last_error = concat_ws(E'\n', last_error, 'lease expired: the process running the last attempt stopped')
          WHERE state = 'running' AND locked_until < now() AND attempts >= max_attempts AND task = ANY(${textArray(tasks)})
          RETURNING ${COLUMNS}`,
    );
    return r.map(toRow);
  },

  /** Renew the lease and store the progress (only while this worker holds the job). */
  async heartbeat(db: Db, id: number, workerId: string, leaseMs: number, done: number | null, total: number | null) {
    await db.execute(sql`UPDATE jobs SET locked_until = now() + ${ms(leaseMs)}, done = coalesce(${done}::int, done), total = coalesce(${total}::int, total), updated_at = now()
      WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running'`);
  },

  async succeed(db: Db, id: number, workerId: string, done: number | null, total: number | null) {
    await db.execute(sql`UPDATE jobs SET state = 'succeeded', finished_at = now(), updated_at = now(), locked_by = NULL, locked_until = NULL, blob = NULL,
        done = coalesce(${done}::int, total, done), total = coalesce(${total}::int, total)
      WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running'`);
  },

  /** A failed attempt: back to 'queued' after `delayMs`, or dead ('failed') when `dead` or out of attempts. */
  async fail(db: Db, id: number, workerId: string, error: string, delayMs: number, dead: boolean): Promise<JobRow | null> {
    const isDead = sql`(${dead} OR attempts >= max_attempts)`;
    const r = await rows<Raw>(
      db,
      sql`UPDATE jobs SET last_error = ${error.slice(0, 4000)}, updated_at = now(), locked_by = NULL, locked_until = NULL,
            state = CASE WHEN ${isDead} THEN 'failed' ELSE 'queued' END,
            run_at = CASE WHEN ${isDead} THEN run_at ELSE now() + ${ms(delayMs)} END,
            finished_at = CASE WHEN ${isDead} THEN now() END
          WHERE id = ${id} AND locked_by = ${workerId} AND state = 'running' RETURNING ${COLUMNS}`,
    );
    return r[0] ? toRow(r[0]) : null;
  },

  /** Shutdown: hand unfinished jobs back at once (the interrupted attempt is not counted). */
  async release(db: Db, ids: number[], workerId: string) {
    if (!ids.length) return;
    await db.execute(sql`UPDATE jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), run_at = now(), locked_by = NULL, locked_until = NULL, updated_at = now()
      WHERE id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(ids.map(String))}::jsonb)::bigint)) AND locked_by = ${workerId} AND state = 'running'`);
  },

  async blob(db: Db, id: number): Promise<Buffer | null> {
    const r = await rows<{ blob: Uint8Array | Buffer | null }>(db, sql`SELECT blob FROM jobs WHERE id = ${id}`);
    const b = r[0]?.blob;
    return b ? Buffer.from(b) : null;
  },

  async get(db: Db, id: number, lock = false): Promise<JobRow | null> {
    const r = await rows<Raw>(db, sql`SELECT ${COLUMNS} FROM jobs WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`);
    return r[0] ? toRow(r[0]) : null;
  },

  async list(db: Db, f: { state?: JobState; task?: string }, page: number, pageSize: number): Promise<{ items: JobRow[]; total: number }> {
    const where = sql`${f.state ? sql`state = ${f.state}` : sql`true`} AND ${f.task ? sql`task = ${f.task}` : sql`true`}`;
    const [items, count] = await Promise.all([
      rows<Raw>(db, sql`SELECT ${COLUMNS} FROM jobs WHERE ${where} ORDER BY id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
      rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM jobs WHERE ${where}`),
    ]);
    return { items: items.map(toRow), total: count[0]?.n ?? 0 };
  },

  /** Operator: run a failed, discarded or waiting job again now, with its attempts reset. */
  async retry(db: Db, id: number): Promise<JobRow | null> {
    const r = await rows<Raw>(
      db,
      sql`UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL, updated_at = now()
          WHERE id = ${id} AND state IN ('failed', 'discarded', 'queued') RETURNING ${COLUMNS}`,
    );
    return r[0] ? toRow(r[0]) : null;
  },

  /** Operator: give up a waiting or dead job. */
  async discard(db: Db, id: number): Promise<JobRow | null> {
    const r = await rows<Raw>(
      db,
      sql`UPDATE jobs SET state = 'discarded', finished_at = now(), updated_at = now(), blob = NULL
          WHERE id = ${id} AND state IN ('queued', 'failed') RETURNING ${COLUMNS}`,
    );
    return r[0] ? toRow(r[0]) : null;
  },

  /** Finished jobs older than `days` are deleted (dead ones are kept for the operator). */
  async purge(db: Db, days: number): Promise<number> {
    const r = await rows<{ id: number }>(db, sql`DELETE FROM jobs WHERE state IN ('succeeded', 'discarded') AND finished_at < now() - ${days} * interval '1 day' RETURNING id::float8 AS id`);
    return r.length;
  },
};
