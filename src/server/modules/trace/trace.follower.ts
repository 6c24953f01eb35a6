import type { StoredEvent } from '../../../domain/epcis/types.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/principal.js';
import { backoffMs, DeadJobError, type Queue } from '../../platform/queue/queue.js';
import { quarantineRepo, type StreamHealth } from './trace.quarantine.js';
import type { JobLog } from '../../platform/jobs.js';
import type { StoredBatch } from '../epcis/epcis.service.js';
import { traceRepo, type EnterpriseIds } from './trace.repo.js';
import type { ProjectionStatus } from './trace.schema.js';

/**
 * The projection follower: keeps the trace projection (objects, edges, products, steps) in step with each
 * enterprise's EPCIS event stream through a cursor per stream (trace_projection.projected_seq), so that
 * projecting is decoupled from capturing (docs/traceability.md "Projection", docs/performance.md).
 *
 * - Inline (inside the capture transaction, via epcis.onStored): whenever the caller reads what the projection
 *   derives right after (`readYourWrites`: the lifecycle forms, bulk import, demo seeding), and for captures of
 *   at most `inlineMax` events when the stream has no backlog. A backlog is projected first, in the same
 *   transaction, so a form never sees a product missing because an earlier MES capture is still queued.
 * - Deferred: a larger /epcis capture is stored and acknowledged at the repository's speed; right after its
 *   commit (epcis.onCommitted → kick) the follower projects the stream from the cursor, ONE capture per
 *   transaction, in stream order, under the cursor's row lock (FOR UPDATE: inline and deferred projectors of the
 *   same stream never overlap). A periodic `poll` (main.ts) catches up after a restart or a failure.
 * A failure is recorded on the cursor (last_error) and logged; the stream stays where it was and is retried by
 * the next poll — nothing is skipped.
 */
export interface FollowerDeps {
  db: Db;
  epcis: {
    streamAfter(db: Db, enterpriseId: string, afterSeq: number, limit: number): Promise<{ seq: number; event: StoredEvent }[]>;
    streamKeysAfter(db: Db, enterpriseId: string, afterSeq: number, limit: number): Promise<{ seq: number; eventId: string; isDeclaration: boolean; recordTime: string }[]>;
    streamHeads(db: Db, enterpriseIds: string[]): Promise<Map<string, number>>;
  };
  /** projectEvents plus the service's cache invalidation; runs inside `tx`. */
  project(tx: Db, events: StoredEvent[]): Promise<void>;
  /** Largest /epcis capture projected inline (config TRACE_INLINE_PROJECTION_MAX). */
  inlineMax: number;
  /** Streams projected at once (different enterprises; PostgreSQL: more than 1, PGlite: 1). */
  workers?: number;
  log?: JobLog;
  /** The durable job queue: a failing stream's retries are its jobs (with backoff). */
  jobs?: Queue;
  /** Failures in a row after which a stream is quarantined (config TRACE_PROJECTION_MAX_FAILURES). */
  maxFailures?: number;
}

/** Told after a follower transaction that projected a deferred capture has committed (its public answers may change). */
export type ProjectedListener = (enterpriseId: string) => void;

/** An event the operator's repair left out of the projection (stored, queryable, audited). */
export interface SkippedEvent {
  seq: number;
  eventId: string;
  error: string;
}

/** The queue task retrying a failing stream. */
export const PROJECTION_RETRY_TASK = 'trace.projection.retry';

/** One capture at most (CAPTURE_LIMIT is 20,000) per follower transaction. */
const STEP_LIMIT = 20_000;
/** Deferred captures' events kept in memory for the follower, at most this many events in all. */
const STASH_MAX_EVENTS = 40_000;

interface Stashed {
  firstSeq: number;
  lastSeq: number;
  events: StoredEvent[];
}


export function createProjectionFollower(deps: FollowerDeps) {
  const { db, epcis, project } = deps;
  const projectedListeners: ProjectedListener[] = [];
  const pending = new Set<string>();
  const inFlight = new Set<string>();
  const workers = Math.max(1, deps.workers ?? 1);
  let active = 0;
  let idle: Promise<void> = Promise.resolve();
  let markIdle = () => {};
  let paused = false;
  let stopped = false;
  let log = deps.log;
  const maxFailures = Math.max(1, deps.maxFailures ?? 5);
  /** Forms whose events a quarantine left unprojected (set by onStored in their transaction, taken by the form). */
  const deferredByQuarantine = new Map<string, string>();
  // The events of deferred captures as onStored saw them, so that the follower need not read back and re-normalise
  // the documents. Only a hint: used when the stream holds exactly these events (eventIDs, declaration flags and
  // record time, seq by seq; a rolled-back capture's entry never matches), otherwise read from the database.
  const stash = new Map<string, Stashed[]>();
  let stashed = 0;
  const dropWhere = (enterpriseId: string, drop: (x: Stashed) => boolean) => {
    const list = stash.get(enterpriseId);
    if (!list) return;
    const keep = list.filter((x) => !drop(x));
    for (const x of list) if (drop(x)) stashed -= x.events.length;
    if (keep.length) stash.set(enterpriseId, keep);
    else stash.delete(enterpriseId);
  };
  const unstash = (enterpriseId: string, upTo: number) => dropWhere(enterpriseId, (x) => x.lastSeq <= upTo);

  /** The next capture after `cursor` (inside `tx`): from the stash when it matches the stream, else from the database. */
  async function nextCapture(tx: Db, enterpriseId: string, cursor: number): Promise<{ seq: number; event: StoredEvent }[]> {
    unstash(enterpriseId, cursor); // projected already (e.g. caught up inline by a form)
    const hit = stash.get(enterpriseId)?.find((x) => x.firstSeq === cursor + 1);
    if (hit) {
      const keys = await epcis.streamKeysAfter(tx, enterpriseId, cursor, STEP_LIMIT);
      const same =
        keys.length === hit.events.length &&
        keys.every((k, i) => {
          const e = hit.events[i]!;
          return k.seq === cursor + 1 + i && k.eventId === e.eventId && k.isDeclaration === !!e.errorDeclaration && k.recordTime === e.recordTime;
        });
      if (same) return hit.events.map((event, i) => ({ seq: cursor + 1 + i, event }));
    }
    return epcis.streamAfter(tx, enterpriseId, cursor, STEP_LIMIT);
  }

  /** Inside `tx`, with the cursor locked at `from`: project the stream up to and including `until`. */
  async function catchUp(tx: Db, enterpriseId: string, from: number, until: number) {
    let cursor = from;
    while (cursor < until) {
      const rows = (await nextCapture(tx, enterpriseId, cursor)).filter((r) => r.seq <= until);
      if (!rows.length) throw new Error(`trace projection: stream ${enterpriseId} has no event after seq ${cursor}`);
      await project(tx, rows.map((r) => r.event));
      cursor = rows[rows.length - 1]!.seq;
    }
  }

  /** epcis.onStored: inside the capture transaction. */
  async function onStored(tx: Db, events: StoredEvent[], b: StoredBatch): Promise<void> {
    dropWhere(b.enterpriseId, (x) => x.lastSeq >= b.firstSeq); // kept from a capture that rolled back: these seqs are ours now
    // (also creates the stream's cursor row, which poll/drain and the status route list; forms lock it at once)
    const projected = await traceRepo.projectionCursor(tx, b.enterpriseId, b.readYourWrites);
    if (!b.readYourWrites && (events.length > deps.inlineMax || projected < b.firstSeq - 1)) {
      // deferred: kicked after commit
      if (stashed + events.length <= STASH_MAX_EVENTS) {
        stash.set(b.enterpriseId, [...(stash.get(b.enterpriseId) ?? []), { firstSeq: b.firstSeq, lastSeq: b.lastSeq, events }]);
        stashed += events.length;
      }
      return;
    }
    // Nobody can move the cursor past firstSeq - 1 (the later events are ours, uncommitted); a follower step
    // in flight for this stream finishes before the lock is granted.
    const locked = b.readYourWrites ? projected : await traceRepo.projectionCursor(tx, b.enterpriseId, true);
    if (locked < b.firstSeq - 1) {
      // a quarantined backlog cannot be projected: the form's events are stored and projected after the repair
      const h = (await quarantineRepo.health(tx, [b.enterpriseId])).get(b.enterpriseId);
      if (h?.quarantinedAt) {
        deferredByQuarantine.set(b.enterpriseId, h.quarantineReason ?? '');
        return;
      }
      await catchUp(tx, b.enterpriseId, locked, b.firstSeq - 1);
    }
    await project(tx, events);
    await traceRepo.advanceProjection(tx, b.enterpriseId, b.lastSeq);
  }

  /** One follower step: the next capture of the stream, in its own transaction. False when caught up. */
  async function step(enterpriseId: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const cursor = await traceRepo.projectionCursor(tx, enterpriseId, true);
      const rows = await nextCapture(tx, enterpriseId, cursor);
      if (!rows.length) return false;
      await project(tx, rows.map((r) => r.event));
      await traceRepo.advanceProjection(tx, enterpriseId, rows[rows.length - 1]!.seq);
      return rows[rows.length - 1]!.seq;
    }).then((projectedTo) => {
      if (projectedTo === false) return false;
      unstash(enterpriseId, projectedTo);
      for (const l of projectedListeners) {
        try {
          l(enterpriseId);
        } catch (err) {
          log?.error({ err, enterpriseId }, 'a listener of the committed trace projection failed');
        }
      }
      return true;
    });
  }

  const health = async (enterpriseId: string) => (await quarantineRepo.health(db, [enterpriseId])).get(enterpriseId);

  /**
   * Record a failure of the stream (one more in a row; quarantined at maxFailures) and, unless quarantined, schedule
   * its retry as a job of the queue (one per stream, after base·2^(failures−1)).
   */
  async function failed(enterpriseId: string, err: unknown): Promise<StreamHealth | null> {
    const message = err instanceof Error ? err.message : String(err);
    const h = await quarantineRepo.failed(db, enterpriseId, message, maxFailures).catch(() => null);
    if (h?.quarantinedAt) {
      log?.error({ enterpriseId, failures: h.failures, reason: h.quarantineReason }, 'trace projection stream quarantined; repair with `reman trace:repair --enterprise <id>`');
    } else if (h && deps.jobs) {
      const runAt = new Date(Date.now() + backoffMs(deps.jobs.backoffBaseMs, h.failures));
      await deps.jobs
        .enqueue(db, { task: PROJECTION_RETRY_TASK, key: `${PROJECTION_RETRY_TASK}:${enterpriseId}`, payload: { enterpriseId }, runAt, maxAttempts: maxFailures })
        .catch((e) => log?.error({ err: e, enterpriseId }, 'trace projection retry not scheduled'));
    }
    return h;
  }

  /** Follow one stream to its head (a failure is recorded on its cursor and logged; its retry is a queue job). */
  async function follow(enterpriseId: string) {
    if (deps.jobs) {
      const h = await health(enterpriseId).catch(() => undefined);
      if (h && (h.failures > 0 || h.quarantinedAt)) return; // retried by its job, or quarantined
    }
    try {
      while (!paused && !stopped && (await step(enterpriseId)));
    } catch (err) {
      log?.error({ err, enterpriseId }, 'trace projection failed; retried with backoff');
      await failed(enterpriseId, err);
    }
  }

  deps.jobs?.defineTask<{ enterpriseId: string }>(
    PROJECTION_RETRY_TASK,
    async (job) => {
      const { enterpriseId } = job.payload;
      const h = await health(enterpriseId);
      if (!h || h.quarantinedAt) return; // repaired by the operator, or quarantined meanwhile
      try {
        while (!stopped && !job.signal.aborted && (await step(enterpriseId)));
        await quarantineRepo.recovered(db, enterpriseId);
      } catch (err) {
        const after = await quarantineRepo.failed(db, enterpriseId, err instanceof Error ? err.message : String(err), maxFailures);
        if (after?.quarantinedAt) throw new DeadJobError(`stream quarantined after ${after.failures} failures: ${after.quarantineReason}`);
        throw err; // the queue retries with backoff
      }
    },
    { maxAttempts: maxFailures },
  );

  /**
   * Inside the repair's transaction, with the cursor locked: project the next capture's events one at a time, each
   * in a savepoint; the first that fails is skipped (cursor moved past it, audited). Null when none fails.
   */
  async function skipFirstFailing(tx: Db, ctx: RequestContext | null, enterpriseId: string): Promise<SkippedEvent | null> {
    const cursor = await traceRepo.projectionCursor(tx, enterpriseId, true);
    const rows = await epcis.streamAfter(tx, enterpriseId, cursor, STEP_LIMIT);
    for (const r of rows) {
      try {
        await tx.transaction(async (sp) => project(sp as unknown as Db, [r.event]));
      } catch (err) {
        const skipped: SkippedEvent = { seq: r.seq, eventId: r.event.eventId, error: (err instanceof Error ? err.message : String(err)).slice(0, 2000) };
        await traceRepo.advanceProjection(tx, enterpriseId, r.seq);
        await recordAudit(tx, ctx, { action: 'trace.projection.event_skipped', objectType: 'epcis_event', objectId: skipped.eventId, enterpriseId, change: skipped });
        return skipped;
      }
      await traceRepo.advanceProjection(tx, enterpriseId, r.seq);
    }
    return null;
  }

  /** Start followers for pending streams: at most `workers` at once, never two on the same stream. */
  function kick(enterpriseId?: string) {
    if (enterpriseId) pending.add(enterpriseId);
    while (!paused && !stopped && active < workers) {
      const next = [...pending].find((id) => !inFlight.has(id));
      if (!next) return;
      pending.delete(next);
      inFlight.add(next);
      if (active++ === 0) idle = new Promise<void>((r) => (markIdle = r));
      // started on the next turn: the capture's own response goes out first (on PGlite the database runs in this thread)
      void new Promise<void>((r) => setImmediate(r))
        .then(() => follow(next))
        .finally(() => {
          inFlight.delete(next);
          if (--active === 0) markIdle();
          kick();
        });
    }
  }

  /** Each stream's cursor with the head of its event stream and the lag between them. */
  async function progress(ids: EnterpriseIds): Promise<ProjectionStatus[]> {
    const cursors = await traceRepo.projectionCursors(db, ids);
    const heads = await epcis.streamHeads(db, cursors.map((c) => c.enterprise_id));
    const healths = await quarantineRepo.health(db, ids);
    return cursors.map((c) => {
      const head = heads.get(c.enterprise_id) ?? 0;
      const h = healths.get(c.enterprise_id);
      return {
        failures: h?.failures ?? 0,
        quarantined: !!h?.quarantinedAt,
        quarantinedAt: h?.quarantinedAt ?? null,
        quarantineReason: h?.quarantineReason ?? null,
        enterpriseId: c.enterprise_id,
        projectedSeq: c.projected_seq,
        headSeq: head,
        lag: Math.max(0, head - c.projected_seq),
        updatedAt: new Date(c.updated_at).toISOString(),
        lastError: c.last_error,
        failedAt: c.failed_at ? new Date(c.failed_at).toISOString() : null,
      };
    });
  }
  /** Streams whose head is past their cursor. */
  const behind = async (ids: EnterpriseIds = null) => (await progress(ids)).filter((p) => p.lag > 0).map((p) => p.enterpriseId);

  return {
    onStored,
    /** epcis.onCommitted: project what this commit deferred. */
    kick,
    /**
     * After each follower transaction that projected deferred events has committed (a capture over
     * TRACE_INLINE_PROJECTION_MAX, a backlog): public answers read from the projection are dropped here (app.ts),
     * as epcis.onCommitted drops them for the captures projected inside their own transaction.
     */
    onProjected(listener: ProjectedListener): void {
      projectedListeners.push(listener);
    },
    /**
     * Before a form or an import reads the projection to check its input: project this stream's backlog now
     * (two indexed lookups when there is none).
     */
    async catchUpNow(enterpriseId: string): Promise<void> {
      if (!(await behind([enterpriseId])).length) return;
      const h = await health(enterpriseId);
      if (h?.quarantinedAt) return; // forms keep working on a quarantined stream (docs/traceability.md §4)
      try {
        while (await step(enterpriseId));
        if (h?.failures) await quarantineRepo.recovered(db, enterpriseId);
      } catch (err) {
        log?.error({ err, enterpriseId }, 'trace projection failed before a form');
        const after = await failed(enterpriseId, err);
        if (after?.quarantinedAt) return;
        throw new DomainError(503, 'TRACE_PROJECTION_FAILED', '本企业此前上报的追溯数据正在处理且出错，平台会自动重试，请稍后再提交', 'Earlier trace data of your enterprise could not be processed yet; the platform retries automatically, submit again later');
      }
    },
    /** Periodic catch-up (main.ts): queue every stream that is behind; returns how many. */
    async poll(): Promise<number> {
      const healths = await quarantineRepo.health(db, null);
      // a failing stream is retried by its queue job (or, without a queue, here); a quarantined one waits for the repair
      const late = (await behind()).filter((id) => {
        const h = healths.get(id);
        return !h?.quarantinedAt && !(deps.jobs && h && h.failures > 0);
      });
      for (const id of late) pending.add(id);
      kick();
      return late.length;
    },
    /** Project every stream to its head now, in this call (tests, bench); a failure is thrown. */
    async drain(): Promise<void> {
      if (active) await idle;
      for (let late = await behind(); late.length; late = await behind()) {
        for (const id of late) {
          while (await step(id)); // a failure is thrown to the caller
          await quarantineRepo.recovered(db, id);
        }
      }
    },
    /** After a form's capture: the quarantine reason when its events were stored but not projected (taken once). */
    takeDeferred(enterpriseId: string): string | null {
      const reason = deferredByQuarantine.get(enterpriseId);
      deferredByQuarantine.delete(enterpriseId);
      return reason ?? null;
    },
    /**
     * Operator (`reman trace:repair`): clear the stream's quarantine and failures (audited), then project its backlog
     * now. A failure counts again from one and is retried by a job.
     */
    /**
     * Operator repair (`reman trace:repair --enterprise <id> [--skip]`): clears the quarantine (audited) and projects
     * the backlog. With `skip`, first the stream's next unprojectable event is found — the events after the cursor
     * are projected one by one, each in a savepoint — and the cursor is moved past it: the events before it are
     * projected, the poison event stays stored and queryable through /epcis/events but never enters the
     * projection, and the skip is an audit row on that event (`trace.projection.event_skipped`, object = the event id; the change digest covers seq and error). One
     * event per repair: an operator skips knowingly, event by event.
     */
    async repair(ctx: RequestContext | null, enterpriseId: string, opts: { skip?: boolean } = {}): Promise<{ before: StreamHealth; caughtUp: boolean; error: string | null; skipped: SkippedEvent | null }> {
      const { before, skipped } = await db.transaction(async (tx) => {
        const b = await quarantineRepo.clear(tx, enterpriseId);
        if (!b) throw errors.notFound('追溯投影', 'Trace projection stream');
        await recordAudit(tx, ctx, { action: 'trace.projection.repaired', objectType: 'trace_projection', objectId: enterpriseId, enterpriseId, change: { failures: b.failures, quarantinedAt: b.quarantinedAt, reason: b.quarantineReason } });
        const sk = opts.skip ? await skipFirstFailing(tx, ctx, enterpriseId) : null;
        return { before: b, skipped: sk };
      });
      try {
        while (await step(enterpriseId));
        return { before, caughtUp: true, error: null, skipped };
      } catch (err) {
        await failed(enterpriseId, err);
        return { before, caughtUp: false, error: err instanceof Error ? err.message : String(err), skipped };
      }
    },
    /** Tests: hold deferred projection (inline projection still runs). */
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      kick();
    },
    /** The app's logger (the services are created before the app). */
    useLog(l: JobLog) {
      log = l;
    },
    /** App shutdown: finish the step in flight, start no other. */
    async stop() {
      stopped = true;
      if (active) await idle;
    },
    /** Projection progress of the given streams (null: all). */
    status: progress,
  };
}
export type ProjectionFollower = ReturnType<typeof createProjectionFollower>;
