/**
 * Periodic background jobs of the process (reminders, deadline flags): run once at start, then every
 * `everyMs`. Jobs must be idempotent (each effect claimed once in SQL), so running often only makes them
 * punctual — also when the demo clock is moved. Returns a function that stops the timer.
 */
export interface JobLog {
  error(o: unknown, msg: string): void;
  info(o: unknown, msg: string): void;
}

export function startPeriodicJob(name: string, run: () => Promise<number>, log: JobLog, everyMs = 3_600_000): () => void {
  const tick = () =>
    run()
      .then((n) => (n ? log.info({ job: name, count: n }, `${name}: ${n} done`) : undefined))
      .catch((err) => log.error({ err, job: name }, `${name} failed`));
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
