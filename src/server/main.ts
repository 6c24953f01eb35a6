import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DEMO_PASSWORD, seedDemoData } from './demo.js';
import { startBanner } from './start-banner.js';
import { shiftableClock, systemClock } from './platform/clock.js';
import { startPeriodicJob, usePeriodicQueue } from './platform/jobs.js';
import { MqttPortInUseError } from './platform/mqtt/embedded-broker.js';
import { startMqtt, type MqttRuntime } from './modules/devices/mqtt.runtime.js';
import { createDemoSimulator } from './demo-areas/monitoring-live.js';

/** Process entry: config → database (migrations) → demo data → HTTP; SIGTERM/SIGINT drain and close. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  // demo mode: MIIT may move the platform date forward (e.g. past a 公示 window); see README
  const app = await buildApp({ config, database, clock: config.REMAN_DEMO ? shiftableClock(systemClock) : systemClock });
  if (config.REMAN_DEMO) {
    const created = await seedDemoData(app.services, database, config);
    if (created) app.log.info({ demo: true }, 'demo data created (logins in README; their shared password is for demo only)');
    if (config.NODE_ENV === 'production') {
      // loud on purpose: a production start with the published demo logins (README) is an open door
      app.log.warn({ demo: true, production: true }, '!!! DEMO MODE IN PRODUCTION: 33 demo logins share the password published in the README and the platform date can be moved. Unset REMAN_DEMO for a real deployment. !!!');
    }
  }
  // periodic jobs are durable recurring tasks of the job queue: one job per hourly slot, run once by whichever
  // process claims it, retried with backoff, dead jobs listed by `reman jobs:list --state failed`
  usePeriodicQueue(app.services.jobs);
  // 年度报告 reminders 30/7/1 days before 31 March: each hour (idempotent)
  const stopReminders = startPeriodicJob('annual-report reminders', () => app.services.annualReports.runReminders(), app.log);
  // 变更 one-year deadlines (七(二)3): flag overdue requests each hour (idempotent)
  const stopChangeJob = startPeriodicJob('overdue change requests', () => app.services.changes.flagOverdue(null), app.log);
  // 七(二)4(1) after the 公告: the data-decidable conditions of announced enterprises, daily (idempotent findings)
  const stopConditionsWatch = startPeriodicJob('conditions watch', async () => (await app.services.conditionsWatch(null)).raised, app.log, 86_400_000);
  // trace projection of large /epcis captures: kicked after each commit; this catches up after a restart or failure
  // (quiet: failures are logged by the follower, progress is on GET /api/v1/trace/projection). An in-memory timer,
  // not a durable job: the cursor in trace_projection is the durable state; a failing stream's retries are jobs.
  const stopProjection = startPeriodicJob('trace projection catch-up', async () => (await app.services.trace.projection.poll(), 0), app.log, 5_000, { durable: false });
  // expired sessions (and expired known devices) are deleted hourly
  const stopSessionPurge = startPeriodicJob('expired sessions purge', () => app.services.identity.purgeExpiredSessions(), app.log);
  // file store: blobs no row records, unreferenced for more than a day (rolled-back filings), deleted daily
  const stopFilesGc = startPeriodicJob('file store garbage collection', async () => (await app.services.files.collectGarbage()).deleted.length, app.log, 86_400_000);
  // telemetry (docs/monitoring.md): day partitions created ahead every 6 hours; retention per resolution daily
  const stopPartitions = startPeriodicJob('telemetry partitions', () => app.services.telemetry.createPartitionsAhead(), app.log, 6 * 3_600_000);
  const stopRetention = startPeriodicJob('telemetry retention', () => app.services.telemetry.applyRetention(), app.log, 86_400_000);
  // remote commands whose sender's timer was lost (a restart) are settled as timed out
  const stopCommandSweep = startPeriodicJob('device command timeouts', () => app.services.commands.expireOverdue(), app.log, 60_000, { durable: false });
  const stopOverdueCores = startPeriodicJob('overdue trade-in cores', () => app.services.tradeIns.flagOverdueCores(null), app.log);
  const stopAlarmClocks = startPeriodicJob('alarms.tick', () => app.services.alarms.tick(), app.log, 60_000); // no data, escalation, reminders
  // demo: a few demo devices keep publishing, so a newcomer sees moving charts and a fresh alarm (docs/monitoring.md "Demo")
  const liveDemo = (config.DEMO_LIVE_DEVICES ?? (config.REMAN_DEMO && config.NODE_ENV !== 'production' && config.NODE_ENV !== 'test')) ? createDemoSimulator(app.services, { log: app.log }) : null;
  liveDemo?.start();
  // MQTT ingest (docs/monitoring.md §Ingest): the embedded broker, or the subscriber of MQTT_URL's broker
  let mqtt: MqttRuntime | null = null;
  try {
    mqtt = await startMqtt({ mqtt: app.services.mqtt, devices: app.services.devices, config, log: app.log });
  } catch (err) {
    if (err instanceof MqttPortInUseError || /^MQTT_URL/.test((err as Error).message)) {
      console.error((err as Error).message);
      process.exit(2);
    }
    throw err;
  }
  // one search (docs/public-portal.md): the index brought in line with every source every 5 minutes (digest: only changes written)
  const stopSearchSync = startPeriodicJob('search index sync', async () => { const r = await app.services.search.sync(); return r.written + r.removed; }, app.log, 300_000);
  // rows stored before their search column get their words (a durable job, one at a time across processes; logs counts)
  await app.services.searchBackfill.start(app.log).catch((err: unknown) => app.log.error({ err }, 'search.backfill: not enqueued'));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    stopReminders();
    stopChangeJob();
    stopConditionsWatch();
    stopProjection();
    stopSessionPurge();
    stopPartitions();
    stopRetention();
    stopCommandSweep();
    app.services.commands.close();
    stopAlarmClocks();
    liveDemo?.stop();
    stopOverdueCores();
    stopFilesGc();
    stopSearchSync();
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out');
      process.exit(1);
    }, 15_000);
    try {
      await mqtt?.close(); // no PUBACK for what is not stored: devices resend after reconnecting
      await app.close(); // stops accepting, waits for in-flight requests, then onClose closes the database
      clearTimeout(timer);
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ database: database.kind, dataDir: database.kind === 'pglite' ? config.DATA_DIR : undefined }, `再制造公共信息服务平台 listening on http://localhost:${config.PORT}`);
  // for a person at a terminal: the pages to open and the demo logins, in plain text (production: JSON log only)
  if (config.NODE_ENV !== 'production') process.stdout.write(startBanner({ port: config.PORT, host: config.HOST, demo: config.REMAN_DEMO, demoPassword: DEMO_PASSWORD, mqtt: mqtt ? { kind: mqtt.kind, url: mqtt.url, moved: mqtt.kind === 'embedded' && mqtt.broker.movedFromDefault } : null }) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
