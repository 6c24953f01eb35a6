import type { ChangeService } from './changes.service.js';

/**
 * The change-deadline job (七(二)3 在发生变化1年内完成整改升级): at start and then hourly, flag the change
 * requests whose one-year period ended without a passed acceptance check and notify their authority and MIIT.
 * Idempotent (each request is flagged once, in SQL), so running often only makes it punctual — also when the
 * demo clock is moved. Returns a function that stops the timer.
 */
export function startChangeDeadlineJob(svc: ChangeService, log: { error(o: unknown, msg: string): void; info(o: unknown, msg: string): void }, everyMs = 3_600_000): () => void {
  const tick = () =>
    svc
      .flagOverdue(null)
      .then((n) => (n ? log.info({ flagged: n }, 'overdue change requests flagged') : undefined))
      .catch((err) => log.error({ err }, 'change deadline job failed'));
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
