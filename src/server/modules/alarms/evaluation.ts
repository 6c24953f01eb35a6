import { randomUUID } from 'node:crypto';
import {
  evaluateAlarm,
  initialAlarmState,
  nextDue,
  rulesForDevice,
  SEVERITY_LABELS,
  tickAlarm,
  type AlarmEvent,
  type AlarmRule,
  type AlarmState,
  type TelemetryPoint,
} from '../../../domain/monitoring/alarm-rules.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { JobLog } from '../../platform/jobs.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { alarmRepo, ruleRepo, stateRepo, type AlarmRow, type RuleRow } from './alarms.repo.js';
import type { AlarmDevice } from './rules.js';
import { ruleOf } from './rules.js';
import type { Webhooks } from './webhooks.js';

const RULE_CACHE_MS = 5_000;
const TICK_BATCH = 500;
const PARTY_CACHE_MS = 60_000;
type Parties = { ownerOrgId: string | null; possessorOrgId: string | null; manufacturerAccess: boolean } | null;
export type PartiesOf = (deviceId: string) => Promise<Parties>;

/** The payload of an alarm in webhooks (and the shape the web's alarm console reads). */
export function alarmPayload(a: AlarmRow, d: Pick<AlarmDevice, 'id' | 'name' | 'productCode'>) {
  return {
    alarmId: a.id,
    ruleId: a.ruleId,
    device: { id: d.id, name: d.name, productCode: d.productCode },
    key: a.key,
    cause: a.cause,
    severity: a.severity,
    status: a.status,
    acknowledged: a.acknowledged,
    raisedTs: a.raisedTs.toISOString(),
    clearedTs: a.clearedTs?.toISOString() ?? null,
    raiseValue: a.raiseValue ?? null,
  };
}

/**
 * Evaluation of alarm rules (issue 12 "Alarms"; docs/monitoring-alarms.md "Evaluation"): on every stored batch
 * (telemetry.onStored, after the ingest commits, HTTP and MQTT alike) and on the clocks (the `alarms.tick` job).
 * One transaction per stored batch: the (rule, device) states are created if missing and locked FOR UPDATE in
 * (device, rule) order → the pure evaluator (domain/monitoring/alarm-rules.ts) → alarm rows, history, audit, in-app
 * notifications and webhook deliveries (durable jobs) → new states and their next due time → commit → the queue
 * is woken. Two processes evaluating the same device serialise on the state rows; one active alarm per rule and
 * device is also a unique index.
 */
export function createEvaluator(deps: { db: Db; clock: Clock; notifications: NotificationService; webhooks: Webhooks; log?: JobLog; parties?: PartiesOf }) {
  const { db, clock, webhooks } = deps;
  const cache = new Map<string, { rules: RuleRow[]; at: number }>();
  const partyCache = new Map<string, { parties: Parties; at: number }>();

  /**
   * Who hears of a device's alarms (issue 12 "notifications … to the owner and, with consent, the manufacturer"):
   * the owner and possessor organisations per the trace, and the maker unless the owner withdrew its service access.
   * Read before the evaluation's transaction (the trace is another module; PGlite has one connection), cached 60 s.
   */
  async function partiesOf(deviceId: string): Promise<Parties> {
    if (!deps.parties) return null;
    const hit = partyCache.get(deviceId);
    if (hit && clock.now().getTime() - hit.at < PARTY_CACHE_MS) return hit.parties;
    const parties = await deps.parties(deviceId).catch(() => null);
    if (partyCache.size > 50_000) partyCache.clear();
    partyCache.set(deviceId, { parties, at: clock.now().getTime() });
    return parties;
  }

  async function rulesOf(d: AlarmDevice): Promise<RuleRow[]> {
    const hit = cache.get(d.id);
    if (hit && Date.now() - hit.at < RULE_CACHE_MS) return hit.rules;
    const all = await ruleRepo.ofDevice(db, d);
    const rules = rulesForDevice(all.filter((r) => r.deviceId === null), all.filter((r) => r.deviceId === d.id));
    if (cache.size > 50_000) cache.clear();
    cache.set(d.id, { rules, at: Date.now() });
    return rules;
  }

  /** Apply the evaluator's events to the alarm rows (inside the state's transaction). Returns the webhook count. */
  async function apply(tx: Db, row: RuleRow, d: AlarmDevice, events: AlarmEvent[], now: Date, parties: Parties = null): Promise<number> {
    let hooks = 0;
    const maker = parties?.manufacturerAccess !== false;
    const orgs = [...new Set([maker ? d.enterpriseId : null, parties?.ownerOrgId ?? null, parties?.possessorOrgId ?? null].filter((o): o is string => o !== null))];
    for (const e of events) {
      let alarm: AlarmRow | null = null;
      let event: 'alarm.raised' | 'alarm.cleared' | 'alarm.escalated' | 'alarm.renotified';
      if (e.type === 'raise') {
        // defensive: the state said none is active; an active row left over (it cannot be, by the state lock) is closed
        const stale = await alarmRepo.activeOf(tx, row.id, d.id);
        if (stale) await alarmRepo.update(tx, stale.id, { status: 'cleared', clearedAt: now, clearedTs: now });
        alarm = await alarmRepo.insert(tx, {
          id: randomUUID(), enterpriseId: d.enterpriseId, ruleId: row.id, deviceId: d.id, key: row.key, cause: e.cause, severity: e.severity, initialSeverity: e.severity,
          raisedTs: new Date(e.ts), raisedAt: now, raiseValue: e.value ?? null,
        });
        await alarmRepo.addEvent(tx, { enterpriseId: d.enterpriseId, alarmId: alarm.id, at: now, kind: 'raised', detail: { cause: e.cause, severity: e.severity, ts: new Date(e.ts).toISOString(), value: e.value ?? null } });
        event = 'alarm.raised';
      } else {
        const active = await alarmRepo.activeOf(tx, row.id, d.id);
        if (!active) continue;
        if (e.type === 'clear') {
          alarm = await alarmRepo.update(tx, active.id, { status: 'cleared', clearedAt: now, clearedTs: new Date(e.ts), clearValue: e.value ?? null });
          await alarmRepo.addEvent(tx, { enterpriseId: d.enterpriseId, alarmId: active.id, at: now, kind: 'cleared', detail: { auto: true, ts: new Date(e.ts).toISOString(), value: e.value ?? null } });
          event = 'alarm.cleared';
        } else if (e.type === 'escalate') {
          alarm = await alarmRepo.update(tx, active.id, { severity: e.to, escalations: active.escalations + 1 });
          await alarmRepo.addEvent(tx, { enterpriseId: d.enterpriseId, alarmId: active.id, at: now, kind: 'escalated', detail: { from: e.from, to: e.to, ts: new Date(e.ts).toISOString() } });
          event = 'alarm.escalated';
        } else if (e.type === 'renotify') {
          alarm = await alarmRepo.update(tx, active.id, { notifications: e.count });
          await alarmRepo.addEvent(tx, { enterpriseId: d.enterpriseId, alarmId: active.id, at: now, kind: 'renotified', detail: { count: e.count } });
          event = 'alarm.renotified';
        } else continue;
      }
      await recordAudit(tx, null, { action: event, objectType: 'alarm', objectId: alarm.id, enterpriseId: d.enterpriseId, change: e });
      const what = row.name ?? row.key;
      const titles = {
        'alarm.raised': [`设备“${d.name}”告警（${SEVERITY_LABELS[alarm.severity].zh}）：${what}${alarm.cause === 'noData' ? ' 无数据' : ''}`, `Alarm on “${d.name}” (${SEVERITY_LABELS[alarm.severity].en}): ${what}${alarm.cause === 'noData' ? ' no data' : ''}`],
        'alarm.cleared': [`设备“${d.name}”告警已恢复：${what}`, `Alarm cleared on “${d.name}”: ${what}`],
        'alarm.escalated': [`设备“${d.name}”告警未确认，已升级为${SEVERITY_LABELS[alarm.severity].zh}：${what}`, `Unacknowledged alarm on “${d.name}” escalated to ${SEVERITY_LABELS[alarm.severity].en}: ${what}`],
        'alarm.renotified': [`设备“${d.name}”告警仍未确认（第 ${alarm.notifications} 次提醒）：${what}`, `Alarm on “${d.name}” still unacknowledged (reminder ${alarm.notifications}): ${what}`],
      }[event];
      await deps.notifications.notify(tx, orgs.map((orgId) => ({ orgId, kind: event, title: titles[0]!, titleEn: titles[1]!, link: `/devices/${d.id}?alarm=${alarm.id}` })));
      if (maker) hooks += await webhooks.enqueue(tx, d.enterpriseId, event, alarmPayload(alarm, d)); // the maker's webhooks: with the owner's consent
    }
    return hooks;
  }

  const due = (rule: AlarmRule, s: AlarmState) => {
    const t = nextDue(rule, s);
    return t === null ? null : new Date(t);
  };

  return {
    /** Forget cached rules (a rule was written in this process; others see it within RULE_CACHE_MS). */
    invalidate() {
      cache.clear();
    },

    /**
     * telemetry.onStored: judge a stored batch — per device, its points against its rules of their keys (the device's
     * no-data rules get their state too, so the tick counts silence from the device's first message after the rule).
     * ONE transaction for the batch's devices: states created if missing and locked in (device, rule) order → the pure
     * evaluator → alarm rows, history, audit, notifications, webhooks → the states saved in one statement → commit.
     * If that fails, each device is judged alone (one device's failure does not hold back the others').
     */
    async onStored(batches: { device: AlarmDevice; points: TelemetryPoint[] }[]): Promise<void> {
      const work: { d: AlarmDevice; points: TelemetryPoint[]; rules: RuleRow[]; parties: Parties }[] = [];
      for (const b of batches) {
        const keys = new Set(b.points.map((p) => p.key));
        const rules = (await rulesOf(b.device)).filter((r) => keys.has(r.key) || (r.spec as AlarmRule).noDataSec);
        if (rules.length) work.push({ d: b.device, points: b.points, rules, parties: await partiesOf(b.device.id) });
      }
      if (!work.length) return;
      const judge = async (part: typeof work) => {
        const now = clock.now();
        const hooks = await db.transaction(async (tx) => {
          let n = 0;
          const pairs = part.flatMap((w) => w.rules.map((r) => ({ enterpriseId: w.d.enterpriseId, ruleId: r.id, deviceId: w.d.id, deviceName: w.d.name, productCode: w.d.productCode, state: initialAlarmState(ruleOf(r), now.getTime()) })));
          const states = await stateRepo.lockAll(tx, pairs);
          const byDevice = new Map(part.map((w) => [w.d.id, w]));
          const saves: Parameters<typeof stateRepo.saveAll>[1] = [];
          for (const st of states) {
            const w = byDevice.get(st.deviceId)!;
            const row = w.rules.find((r) => r.id === st.ruleId)!;
            const rule = ruleOf(row);
            const r = evaluateAlarm(rule, st.state as AlarmState, w.points, now.getTime());
            n += await apply(tx, row, w.d, r.events, now, w.parties);
            saves.push({ ruleId: row.id, deviceId: w.d.id, state: r.state, nextDue: due(rule, r.state), deviceName: w.d.name });
          }
          await stateRepo.saveAll(tx, saves);
          return n;
        });
        if (hooks) webhooks.poke();
      };
      try {
        await judge(work);
      } catch (err) {
        if (work.length === 1) {
          // the points are stored; a failed evaluation is logged (the next batch and the tick go on)
          deps.log?.error({ err, device: work[0]!.d.id }, 'alarm evaluation failed');
          throw err;
        }
        const failed: unknown[] = [];
        for (const w of work) {
          await judge([w]).catch((e: unknown) => {
            deps.log?.error({ err: e, device: w.d.id }, 'alarm evaluation failed');
            failed.push(e);
          });
        }
        if (failed.length) throw failed[0];
      }
    },

    /**
     * The clocks (the `alarms.tick` job, about once a minute): every due state is ticked — no data, escalation
     * when unacknowledged, reminders. Returns the number of states ticked.
     */
    async tick(): Promise<number> {
      const now = clock.now();
      const dueRows = await stateRepo.due(db, now, TICK_BATCH);
      let hooks = 0;
      for (const { ruleId, deviceId } of dueRows) {
        const parties = await partiesOf(deviceId);
        hooks += await db.transaction(async (tx) => {
          const st = await stateRepo.lock(tx, ruleId, deviceId);
          const row = await ruleRepo.get(tx, ruleId);
          if (!st || !row) return 0;
          if (row.deviceId === null && (await ruleRepo.overridden(tx, deviceId, row.key))) {
            await stateRepo.save(tx, ruleId, deviceId, st.state, null); // a device rule of the key replaced this one
            return 0;
          }
          const d: AlarmDevice = { id: deviceId, enterpriseId: st.enterpriseId, name: st.deviceName, productCode: st.productCode, productModel: row.productModel };
          const rule = ruleOf(row);
          const r = tickAlarm(rule, st.state as AlarmState, now.getTime());
          const n = await apply(tx, row, d, r.events, now, parties);
          await stateRepo.save(tx, ruleId, deviceId, r.state, due(rule, r.state));
          return n;
        });
      }
      if (hooks) webhooks.poke();
      return dueRows.length;
    },
  };
}
export type Evaluator = ReturnType<typeof createEvaluator>;
