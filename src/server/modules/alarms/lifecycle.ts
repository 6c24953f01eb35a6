import { acknowledgeAlarm, clearAlarmManually, nextDue, type AlarmRule, type AlarmState } from '../../../domain/monitoring/alarm-rules.js';
import { refusal, type AlarmAction } from '../../../domain/monitoring/alarm-lifecycle.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Clock } from '../../platform/clock.js';
import { DomainError, errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { alarmPolicy, enterpriseOf, type AlarmSubject } from './alarms.policy.js';
import { alarmRepo, ruleRepo, stateRepo, type AlarmFilter, type AlarmRow } from './alarms.repo.js';
import { alarmPayload } from './evaluation.js';
import type { DeviceLookup } from './rules.js';
import { ruleOf } from './rules.js';
import type { Webhooks } from './webhooks.js';

/** What the alarms module needs to know of users: the enterprise of a user (assignment), or null. */
export interface UserDirectory {
  enterpriseOf(userId: string): Promise<string | null>;
}

const dueDate = (rule: AlarmRule, s: AlarmState) => {
  const t = nextDue(rule, s);
  return t === null ? null : new Date(t);
};
const notFound = () => errors.notFound('告警', 'Alarm');
const userIdOf = (p: Principal | null) => (p?.kind === 'user' ? p.userId : null);

/**
 * What people do with alarms (issue 12 "lifecycle active/cleared × acknowledged, assignee, comments"): list, read,
 * acknowledge, assign, comment, clear. Each write: transaction → (for an active alarm) the (rule, device) state
 * row FOR UPDATE, then the alarm row FOR UPDATE (the evaluator's order: no deadlock) → authorize → the lifecycle
 * rule (domain/monitoring/alarm-lifecycle.ts; refused → 409) → alarm row + evaluator state + history + audit →
 * commit. Acknowledging stops escalation and reminders; clearing by hand lets the evaluator start afresh.
 */
export function createLifecycle(deps: { db: Db; clock: Clock; devices: DeviceLookup; users: UserDirectory; notifications: NotificationService; webhooks: Webhooks }) {
  const { db, clock, devices, webhooks } = deps;

  /** The policy subject: the device's maker and, per the trace, its owner and possessor (read via devices). */
  async function subjectOf(p: Principal | null, a: AlarmRow): Promise<AlarmSubject & { device: { id: string; name: string; productCode: string } | null }> {
    try {
      const { device, subject } = await devices.loadReadable(p, a.deviceId);
      return { enterpriseId: a.enterpriseId, ownerOrgId: subject.ownerOrgId, possessorOrgId: subject.possessorOrgId, device };
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) return { enterpriseId: a.enterpriseId, ownerOrgId: null, possessorOrgId: null, device: null };
      throw err;
    }
  }

  async function load(p: Principal | null, id: string) {
    const a = await alarmRepo.get(db, id);
    if (!a) throw notFound();
    const s = await subjectOf(p, a);
    authorize(p, alarmPolicy, 'read', s);
    return { alarm: a, subject: s };
  }

  /** One write on an alarm, in the lock order of the evaluator. */
  async function write<T>(ctx: RequestContext, id: string, action: AlarmAction, fn: (tx: Db, a: AlarmRow, x: { row: Awaited<ReturnType<typeof stateRepo.lock>> | null; device: { id: string; name: string; productCode: string } }) => Promise<T>, assignee?: string | null) {
    const before = await alarmRepo.get(db, id);
    if (!before) throw notFound();
    const s = await subjectOf(ctx.principal, before);
    return db.transaction(async (tx) => {
      const stateRow = before.status === 'active' ? await stateRepo.lock(tx, before.ruleId, before.deviceId) : null;
      const a = await alarmRepo.lock(tx, id);
      if (!a) throw notFound();
      authorize(ctx.principal, alarmPolicy, 'read', s);
      authorize(ctx.principal, alarmPolicy, action, s);
      const r = refusal(a, action, assignee);
      if (r) throw errors.conflict(r.code, r.message, r.messageEn, { status: a.status, acknowledged: a.acknowledged });
      return fn(tx, a, { row: stateRow, device: s.device ?? { id: a.deviceId, name: '', productCode: '' } });
    });
  }

  return {
    subjectOf,
    load,
    async detail(p: Principal | null, id: string) {
      const x = await load(p, id);
      return { ...x, events: await alarmRepo.events(db, id) };
    },

    /** Alarms of one device the caller may read, or of the caller's enterprise. */
    async list(p: Principal | null, f: AlarmFilter, page: number, pageSize: number) {
      if (f.deviceId) {
        try {
          await devices.loadReadable(p, f.deviceId);
        } catch (err) {
          if (err instanceof DomainError && err.status === 404) return { rows: [], total: 0 };
          throw err;
        }
        return alarmRepo.list(db, { deviceId: f.deviceId }, f, page, pageSize);
      }
      const enterpriseId = enterpriseOf(p);
      if (!enterpriseId) return { rows: [], total: 0 };
      return alarmRepo.list(db, { enterpriseId }, f, page, pageSize);
    },

    async acknowledge(ctx: RequestContext, id: string) {
      const now = clock.now();
      const by = userIdOf(ctx.principal);
      let hooks = 0;
      const out = await write(ctx, id, 'acknowledge', async (tx, a, { row, device }) => {
        // the evaluator's active alarm is this one: acknowledging stops its escalation and reminders
        if (a.status === 'active' && row && (row.state as AlarmState).alarm) {
          const rule = await ruleRepo.get(tx, a.ruleId);
          if (rule) {
            const r = acknowledgeAlarm(ruleOf(rule), row.state as AlarmState, now.getTime(), by);
            if (!r.error) await stateRepo.save(tx, a.ruleId, a.deviceId, r.state, dueDate(ruleOf(rule), r.state));
          }
        }
        const updated = await alarmRepo.update(tx, a.id, { acknowledged: true, acknowledgedAt: now, acknowledgedBy: by });
        await alarmRepo.addEvent(tx, { enterpriseId: a.enterpriseId, alarmId: a.id, at: now, kind: 'acknowledged', actorId: by });
        await recordAudit(tx, ctx, { action: 'alarm.acknowledged', objectType: 'alarm', objectId: a.id, enterpriseId: a.enterpriseId, change: { acknowledged: true } });
        hooks = await webhooks.enqueue(tx, a.enterpriseId, 'alarm.acknowledged', alarmPayload(updated, device));
        return updated;
      });
      if (hooks) webhooks.poke();
      return out;
    },

    async clear(ctx: RequestContext, id: string) {
      const now = clock.now();
      const by = userIdOf(ctx.principal);
      let hooks = 0;
      const out = await write(ctx, id, 'clear', async (tx, a, { row, device }) => {
        if (row && (row.state as AlarmState).alarm) {
          const rule = await ruleRepo.get(tx, a.ruleId);
          const next = clearAlarmManually(row.state as AlarmState);
          await stateRepo.save(tx, a.ruleId, a.deviceId, next, rule ? dueDate(ruleOf(rule), next) : null);
        }
        const updated = await alarmRepo.update(tx, a.id, { status: 'cleared', clearedAt: now, clearedTs: now, clearedBy: by });
        await alarmRepo.addEvent(tx, { enterpriseId: a.enterpriseId, alarmId: a.id, at: now, kind: 'cleared', actorId: by, detail: { auto: false } });
        await recordAudit(tx, ctx, { action: 'alarm.cleared', objectType: 'alarm', objectId: a.id, enterpriseId: a.enterpriseId, change: { status: 'cleared', manual: true } });
        hooks = await webhooks.enqueue(tx, a.enterpriseId, 'alarm.cleared', alarmPayload(updated, device));
        return updated;
      });
      if (hooks) webhooks.poke();
      return out;
    },

    async assign(ctx: RequestContext, id: string, userId: string | null) {
      const now = clock.now();
      if (userId) {
        const a = await alarmRepo.get(db, id);
        if (a && (await deps.users.enterpriseOf(userId)) !== a.enterpriseId) throw errors.field('userId', '须为设备所属企业的用户', "Must be a user of the device's enterprise");
      }
      return write(
        ctx,
        id,
        'assign',
        async (tx, a) => {
          const updated = await alarmRepo.update(tx, a.id, { assigneeId: userId });
          await alarmRepo.addEvent(tx, { enterpriseId: a.enterpriseId, alarmId: a.id, at: now, kind: 'assigned', actorId: userIdOf(ctx.principal), detail: { from: a.assigneeId, to: userId } });
          await recordAudit(tx, ctx, { action: 'alarm.assigned', objectType: 'alarm', objectId: a.id, enterpriseId: a.enterpriseId, change: { from: a.assigneeId, to: userId } });
          if (userId) await deps.notifications.notify(tx, [{ userId, kind: 'alarm.assigned', title: `告警已指派给您：${a.key}`, titleEn: `An alarm was assigned to you: ${a.key}`, link: `/devices/${a.deviceId}?alarm=${a.id}` }]);
          return updated;
        },
        userId,
      );
    },

    async comment(ctx: RequestContext, id: string, text: string) {
      const now = clock.now();
      return write(ctx, id, 'comment', async (tx, a) => {
        await alarmRepo.addEvent(tx, { enterpriseId: a.enterpriseId, alarmId: a.id, at: now, kind: 'commented', actorId: userIdOf(ctx.principal), text });
        await recordAudit(tx, ctx, { action: 'alarm.commented', objectType: 'alarm', objectId: a.id, enterpriseId: a.enterpriseId, change: { text } });
        return a;
      });
    },
  };
}
export type Lifecycle = ReturnType<typeof createLifecycle>;
