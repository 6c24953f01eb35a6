import type { AnnualReportService } from './annual-reports.service.js';

/**
 * The reminder job (30/7/1 days before 31 March, 七(二)1): run once at start and then every hour (the job is
 * idempotent — each reminder is claimed once in SQL — so checking often only makes it punctual, also when
 * the demo clock is moved). Returns a function that stops the timer.
 */
export function runAnnualReportReminders(svc: AnnualReportService, today?: string): Promise<number> {
  return svc.runReminders(today);
}

export function startAnnualReportReminders(svc: AnnualReportService, log: { error(o: unknown, msg: string): void; info(o: unknown, msg: string): void }, everyMs = 3_600_000): () => void {
  const tick = () =>
    svc
      .runReminders()
      .then((n) => (n ? log.info({ sent: n }, 'annual-report reminders sent') : undefined))
      .catch((err) => log.error({ err }, 'annual-report reminders failed'));
  void tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
