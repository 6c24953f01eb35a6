import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import { DomainError, errors } from '../errors.js';
import type { RequestContext } from '../principal.js';
import type { JobLog } from '../jobs.js';
import { queueRepo, type EnqueueSpec, type JobRow, type JobState } from './queue.repo.js';

export { JOB_STATES, type EnqueueSpec, type JobRow, type JobState } from './queue.repo.js';

/**
 * The durable job queue (docs/decisions.md ADR-001, docs/architecture.md "Background jobs"): one `jobs` table on
 * PGlite and PostgreSQL. `enqueue(tx, …)` writes the job in the caller's transaction, so it exists if and only if
 * the business write does. Workers poll (a short poll that backs off while idle; `poke()` wakes them at once after a
 * commit), claim one job at a time with FOR UPDATE SKIP LOCKED and hold a lease they renew while the handler runs.
 * A failed attempt is retried after base·2^(attempt−1) with jitter; after `maxAttempts` the job is dead (`failed`)
 * with its last error, for the operator (`reman jobs:list|retry|discard`, GET /api/v1/admin/jobs). A job left
 * `running` by a stopped process is claimed again when its lease expires; a graceful stop hands it back at once.
 */

export interface JobContext<P = unknown> {
  id: number;
  task: string;
  payload: P;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the process stops: a handler that can, stops early (its job is handed back and run again). */
  signal: AbortSignal;
  /** Progress of a long job (stored with the lease renewal; answered from memory in this process). */
  progress(done: number, total?: number): void;
  /** The job's blob (an uploaded file), if enqueued with one. */
  blob(): Promise<Buffer | null>;
}

export interface TaskOptions {
  /** Default attempts for jobs of this task enqueued without maxAttempts. */
  maxAttempts?: number;
  /** Inside the transaction that makes the job dead (`failed`) or `discarded`: mark the domain row terminal. */
  onDead?(tx: Db, job: JobRow, reason: string): Promise<void>;
}
export type TaskHandler<P = unknown> = (job: JobContext<P>) => Promise<void>;

/** Thrown by a handler: no further attempt (the job is dead at once), e.g. an input that can never succeed. */
export class DeadJobError extends Error {}

export interface QueueOptions {
  db: Db;
  /** Jobs run at once by this process (PGlite: 1). */
  concurrency?: number;
  /** Idle poll interval (doubles up to 8× while idle). */
  pollMs?: number;
  /** Lease of a running job; renewed every third of it. */
  leaseMs?: number;
  /** Retry delay base: attempt n waits base·2^(n−1), jittered to 50–100 %, at most an hour. */
  backoffBaseMs?: number;
  log?: JobLog;
}

const MAX_BACKOFF_MS = 3_600_000;
const PURGE_AFTER_DAYS = 7;
const SHUTDOWN_GRACE_MS = 5_000;

export function backoffMs(base: number, attempt: number, random = Math.random): number {
  const d = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(d * (0.5 + random() * 0.5));
}

interface Running {
  job: JobRow;
  controller: AbortController;
  done: number | null;
  total: number | null;
  beating: boolean;
  finished: Promise<void>;
}

export function createQueue(opts: QueueOptions) {
  const { db } = opts;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const pollMs = Math.max(10, opts.pollMs ?? 1000);
  const leaseMs = Math.max(1000, opts.leaseMs ?? 60_000);
  const base = Math.max(1, opts.backoffBaseMs ?? 5000);
  let log = opts.log;
  const workerId = `${process.pid}:${randomUUID()}`;
  const tasks = new Map<string, { handler: TaskHandler<never>; opts: TaskOptions }>();
  const recurring = new Map<string, number>();
  const running = new Map<number, Running>();
  let started = false;
  let stopping = false;
  let loopDone: Promise<void> = Promise.resolve();
  let idleDelay = pollMs;
  let wakeUp: (() => void) | null = null;
  const timers = new Set<NodeJS.Timeout>();
  let beatTimer: NodeJS.Timeout | undefined;

  const wake = () => {
    idleDelay = pollMs;
    wakeUp?.();
  };
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    t.unref();
    timers.add(t);
  };
  const slotKey = (name: string, at: number) => `${name}@${new Date(at).toISOString()}`;

  async function enqueueSlot(name: string, everyMs: number, at: number) {
    const slot = Math.floor(at / everyMs) * everyMs;
    await queueRepo.enqueue(db, { task: name, key: slotKey(name, slot), once: true, runAt: new Date(slot), maxAttempts: 3 });
  }

  async function runJob(job: JobRow): Promise<void> {
    const t = tasks.get(job.task)!;
    const controller = new AbortController();
    const r: Running = { job, controller, done: job.done, total: job.total, beating: false, finished: Promise.resolve() };
    running.set(job.id, r);
    const every = recurring.get(job.task);
    let outcome: { ok: true } | { ok: false; err: unknown };
    try {
      if (every) await enqueueSlot(job.task, every, Date.now() + every); // the schedule goes on whatever this run does
      await t.handler({
        id: job.id,
        task: job.task,
        payload: job.payload as never,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        signal: controller.signal,
        progress(done, total) {
          r.done = done;
          if (total !== undefined) r.total = total;
        },
        blob: () => queueRepo.blob(db, job.id),
      });
      outcome = { ok: true };
    } catch (err) {
      outcome = { ok: false, err };
    }
    if (stopping && controller.signal.aborted && !outcome.ok) return; // handed back by stop()
    try {
      if (outcome.ok) {
        await queueRepo.succeed(db, job.id, workerId, r.done, r.total);
        return;
      }
      const err = outcome.err;
      const message = err instanceof DomainError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
      const delay = backoffMs(base, job.attempts);
      const dead = err instanceof DeadJobError;
      await db.transaction(async (tx) => {
        const after = await queueRepo.fail(tx, job.id, workerId, message, delay, dead);
        if (after?.state === 'failed') await t.opts.onDead?.(tx, after, message);
      });
      log?.error({ err, job: job.id, task: job.task, attempt: job.attempts }, `job ${job.task} #${job.id} failed (attempt ${job.attempts}/${job.maxAttempts})`);
      later(delay + 5, wake);
    } catch (err) {
      log?.error({ err, job: job.id, task: job.task }, 'job outcome not stored (its lease expires and it runs again)');
    }
  }

  async function heartbeat() {
    for (const r of running.values()) {
      if (r.beating) continue; // on PGlite a handler's transaction holds the connection: never pile up renewals
      r.beating = true;
      queueRepo
        .heartbeat(db, r.job.id, workerId, leaseMs, r.done, r.total)
        .catch((err) => log?.error({ err, job: r.job.id }, 'job lease not renewed'))
        .finally(() => (r.beating = false));
    }
  }

  async function sweep() {
    const dead = await queueRepo.expireAbandoned(db, [...tasks.keys()]);
    for (const job of dead) {
      const t = tasks.get(job.task);
      if (t?.opts.onDead) await db.transaction((tx) => t.opts.onDead!(tx, job, job.lastError ?? 'lease expired'));
    }
  }

  /** Until `idleDelay` has passed or `wake()` is called. */
  const sleep = () =>
    new Promise<void>((res) => {
      wakeUp = res;
      later(idleDelay, res);
    });
  let sweepAt = 0;
  async function loop() {
    while (!stopping) {
      if (running.size >= concurrency || !tasks.size) {
        await sleep();
        continue;
      }
      let job: JobRow | null = null;
      try {
        if (Date.now() >= sweepAt) {
          sweepAt = Date.now() + Math.min(leaseMs, 10_000);
          await sweep();
        }
        job = await queueRepo.claim(db, workerId, [...tasks.keys()], leaseMs);
      } catch (err) {
        if (!stopping) log?.error({ err }, 'job queue: claim failed');
      }
      if (stopping) {
        if (job) await queueRepo.release(db, [job.id], workerId).catch(() => undefined);
        break;
      }
      if (job) {
        idleDelay = pollMs;
        const r = runJob(job).finally(() => {
          running.delete(job!.id);
          wake();
        });
        const entry = running.get(job.id);
        if (entry) entry.finished = r;
        continue;
      }
      await sleep();
      idleDelay = Math.min(idleDelay * 2, pollMs * 8);
    }
  }

  const queue = {
    workerId,
    /** Retry delay base (others that schedule retries as jobs use the same). */
    backoffBaseMs: base,
    /** Register a task's handler (before start, or poke after). */
    defineTask<P>(name: string, handler: TaskHandler<P>, taskOpts: TaskOptions = {}) {
      tasks.set(name, { handler: handler as TaskHandler<never>, opts: taskOpts });
      sweepAt = 0; // abandoned jobs of this task are looked for at once
      wake();
    },
    /** A recurring task: one job per slot of `everyMs` (key name@slot, enqueued once whichever process comes first). */
    every(name: string, everyMs: number, handler: TaskHandler, taskOpts: TaskOptions = {}) {
      recurring.set(name, everyMs);
      queue.defineTask(name, handler, taskOpts);
      if (started && !stopping) void enqueueSlot(name, everyMs, Date.now()).then(wake, (err) => log?.error({ err }, `job ${name}: not scheduled`));
    },
    /** Stop scheduling a recurring task (its queued slot stays until a process that knows it runs it). */
    unschedule(name: string) {
      recurring.delete(name);
      tasks.delete(name);
    },
    /**
     * Add a job inside `tx` (the business transaction) or on the database. Returns its id, or null when `key` is
     * taken. Call `poke()` after the commit to start it at once.
     */
    async enqueue(tx: Db, spec: EnqueueSpec): Promise<number | null> {
      const t = tasks.get(spec.task);
      return queueRepo.enqueue(tx, { ...spec, maxAttempts: spec.maxAttempts ?? t?.opts.maxAttempts });
    },
    /** Wake the workers (after a commit that enqueued). */
    poke: wake,
    useLog(l: JobLog) {
      log = l;
    },
    start() {
      if (started) return;
      started = true;
      if (!recurring.has('jobs.purge')) {
        queue.every('jobs.purge', 86_400_000, async () => {
          await queueRepo.purge(db, PURGE_AFTER_DAYS);
        });
      }
      for (const [name, everyMs] of recurring) void enqueueSlot(name, everyMs, Date.now()).then(wake, (err) => log?.error({ err }, `job ${name}: not scheduled`));
      beatTimer = setInterval(() => void heartbeat(), Math.max(250, Math.floor(leaseMs / 3)));
      beatTimer.unref();
      loopDone = loop();
    },
    /** Stop claiming; abort running handlers, wait for them a few seconds, hand back what is still running. */
    async stop() {
      if (!started || stopping) return;
      stopping = true;
      wake();
      for (const t of timers) clearTimeout(t);
      clearInterval(beatTimer);
      await loopDone;
      const held = [...running.keys()];
      for (const r of running.values()) r.controller.abort();
      const all = Promise.all([...running.values()].map((r) => r.finished));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise<void>((res) => (timer = setTimeout(res, Math.min(SHUTDOWN_GRACE_MS, leaseMs))))]);
      clearTimeout(timer);
      await queueRepo.release(db, held, workerId).catch((err) => log?.error({ err }, 'job queue: running jobs not handed back (their leases expire)'));
    },
    /** A job as stored, with this process's in-memory progress when it runs here. */
    async get(id: number): Promise<JobRow | null> {
      const r = running.get(id);
      if (r) return { ...r.job, done: r.done, total: r.total };
      return queueRepo.get(db, id);
    },
    /** In-memory progress of a job running in this process (on PGlite its transaction may hold the connection). */
    local(id: number): { job: JobRow; done: number | null; total: number | null } | null {
      const r = running.get(id);
      return r ? { job: r.job, done: r.done, total: r.total } : null;
    },
    list: (f: { state?: JobState; task?: string }, page = 1, pageSize = 50) => queueRepo.list(db, f, page, pageSize),

    /** Operator: run a dead, discarded or waiting job again now (attempts reset); audited. */
    async retry(ctx: RequestContext | null, id: number): Promise<JobRow> {
      const job = await db.transaction(async (tx) => {
        const before = await queueRepo.get(tx, id, true);
        if (!before) throw errors.notFound('任务', 'Job');
        let after: JobRow | null;
        try {
          after = await queueRepo.retry(tx, id);
        } catch (err) {
          if ((err as { code?: string }).code === '23505' || /jobs_key_active/.test(String((err as Error).message))) {
            throw errors.conflict('JOB_KEY_ACTIVE', '已有相同任务在排队或运行', 'A job with the same key is queued or running', { key: before.key });
          }
          throw err;
        }
        if (!after) throw errors.conflict('JOB_STATE', `任务状态为“${before.state}”，不能重试`, `A ${before.state} job cannot be retried`, { state: before.state });
        await recordAudit(tx, ctx, { action: 'job.retried', objectType: 'job', objectId: String(id), change: { task: before.task, from: before.state } });
        return after;
      });
      wake();
      return job;
    },
    /** Operator: give up a waiting or dead job (its domain row is marked failed through the task's onDead); audited. */
    async discard(ctx: RequestContext | null, id: number, reason = 'discarded by the operator'): Promise<JobRow> {
      return db.transaction(async (tx) => {
        const before = await queueRepo.get(tx, id, true);
        if (!before) throw errors.notFound('任务', 'Job');
        const after = await queueRepo.discard(tx, id);
        if (!after) throw errors.conflict('JOB_STATE', `任务状态为“${before.state}”，不能放弃`, `A ${before.state} job cannot be discarded`, { state: before.state });
        await tasks.get(after.task)?.opts.onDead?.(tx, after, reason);
        await recordAudit(tx, ctx, { action: 'job.discarded', objectType: 'job', objectId: String(id), change: { task: before.task, from: before.state } });
        return after;
      });
    },
  };
  return queue;
}
export type Queue = ReturnType<typeof createQueue>;
