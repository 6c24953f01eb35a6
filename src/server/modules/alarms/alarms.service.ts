import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { JobLog } from '../../platform/jobs.js';
import type { Queue } from '../../platform/queue/queue.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { createEvaluator, type PartiesOf } from './evaluation.js';
import { createLifecycle, type UserDirectory } from './lifecycle.js';
import { createRules, type AlarmDevice, type DeviceLookup } from './rules.js';
import { createWebhooks } from './webhooks.js';

export type { AlarmDevice, DeviceLookup, UserDirectory };

export interface AlarmServiceDeps {
  db: Db;
  clock: Clock;
  /** read access to devices (devices module: loadReadable) */
  devices: DeviceLookup;
  users: UserDirectory;
  notifications: NotificationService;
  /** the durable queue: webhook deliveries and their retries */
  jobs: Queue;
  /** webhook transport (tests may pass their own) */
  fetch?: typeof fetch;
  log?: JobLog;
  /** who owns and holds a device now, and the owner's consent (devices.parties): notification recipients */
  parties?: PartiesOf;
  /** webhooks may aim at private, loopback and link-local addresses (WEBHOOK_ALLOW_PRIVATE; tests, closed networks) */
  webhookAllowPrivate?: boolean;
}

/**
 * 告警 (issue 12 "Alarms", docs/monitoring-alarms.md): rules (per model, per device; import/export), evaluation on
 * ingest and on the clocks, the alarms' lifecycle, in-app notifications and signed webhooks with retries.
 */
export function createAlarmService(deps: AlarmServiceDeps) {
  const webhooks = createWebhooks({ db: deps.db, jobs: deps.jobs, fetch: deps.fetch, allowPrivate: deps.webhookAllowPrivate ?? false });
  const evaluator = createEvaluator({ db: deps.db, clock: deps.clock, notifications: deps.notifications, webhooks, log: deps.log, parties: deps.parties });
  const rules = createRules({ db: deps.db, clock: deps.clock, devices: deps.devices, changed: () => evaluator.invalidate() });
  const alarms = createLifecycle({ db: deps.db, clock: deps.clock, devices: deps.devices, users: deps.users, notifications: deps.notifications, webhooks });
  return {
    rules,
    alarms,
    webhooks,
    /** telemetry.onStored listener */
    onStored: evaluator.onStored,
    /** the clocks: no data, escalation, reminders (the `alarms.tick` periodic job) */
    tick: evaluator.tick,
  };
}
export type AlarmService = ReturnType<typeof createAlarmService>;
