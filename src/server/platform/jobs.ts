import type { Queue } from './queue/queue.js';

/**
 * Periodic background jobs of the process (reminders, deadline flags). Jobs must be idempotent (each effect
 * claimed once in SQL), so running often only makes them punctual — also when the demo clock is moved.
 *
 * With a durable queue registered (`usePeriodicQueue`, main.ts), each becomes a recurring queue task: one job per
 * slot of `everyMs` (key `name@slot`), run once by whichever process claims it, retried with backoff, dead after 3
 * attempts and visible to the operator (docs/architecture.md "Background jobs"). Without one (or with
 * `{ durable: false }`: sub-minute in-memory work such as the projection catch-up) it is a timer: run once at
 * start, then every `everyMs`. Returns a function that stops it.
 */
export interface JobLog {
  error(o: unknown, msg: string): void;
  info(o: unknown, msg: string): void;
}

let periodicQueue: Queue | null = null;
/** Make startPeriodicJob schedule durable recurring tasks on this queue (null: timers again). */
export function usePeriodicQueue(queue: Queue | null) {
  periodicQueue = queue;
}

export function startPeriodicJob(name: string, run: () => Promise<number>, log: JobLog, everyMs = 3_600_000, opts: { durable?: boolean } = {}): () => void {
  const queue = opts.durable === false ? null : periodicQueue;
  if (queue) {
    queue.every(name, everyMs, async () => {
      const n = await run();
      if (n) log.info({ job: name, count: n }, `${name}: ${n} done`);
    });
    return () => queue.unschedule(name);
  }
  const tick = () =>
    run()
      .then((n) => (n ? log.info({ job: name, count: n }, `${name}: ${n} done`) : undefined))
      .catch((err) => log.error({ err, job: name }, `${name} failed`));
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
