import { combinedStatus, stateAllows, type AlarmAction } from '../../../domain/monitoring/alarm-lifecycle.js';
import type { AlarmRule } from '../../../domain/monitoring/alarm-rules.js';
import { allowedActions } from '../../platform/authorize.js';
import type { Principal } from '../../platform/principal.js';
import { alarmPolicy, alarmRulePolicy, type AlarmSubject } from './alarms.policy.js';
import type { AlarmEventRow, AlarmRow, DeliveryRow, RuleRow, WebhookRow } from './alarms.repo.js';

type Value = number | boolean | string;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const value = (v: unknown): Value | null => (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : null);

/** The rule without the platform's bookkeeping: what export writes and import reads. */
export function exportedRule(r: RuleRow) {
  return { id: r.id, deviceId: r.deviceId, model: r.productModel, name: r.name, ...(r.spec as Omit<AlarmRule, 'id'>) };
}

export function presentRule(p: Principal | null, r: RuleRow) {
  return {
    ...exportedRule(r),
    enterpriseId: r.enterpriseId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    actions: allowedActions(p, alarmRulePolicy, r, ['manage']),
  };
}

const BUTTONS: readonly AlarmAction[] = ['acknowledge', 'assign', 'comment', 'clear'];

export function presentAlarm(p: Principal | null, a: AlarmRow, s: AlarmSubject) {
  return {
    id: a.id,
    enterpriseId: a.enterpriseId,
    ruleId: a.ruleId,
    deviceId: a.deviceId,
    key: a.key,
    cause: a.cause,
    severity: a.severity,
    initialSeverity: a.initialSeverity,
    status: a.status,
    combinedStatus: combinedStatus(a),
    acknowledged: a.acknowledged,
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    assigneeId: a.assigneeId,
    raisedTs: a.raisedTs.toISOString(),
    raisedAt: a.raisedAt.toISOString(),
    raiseValue: value(a.raiseValue),
    clearedTs: iso(a.clearedTs),
    clearedAt: iso(a.clearedAt),
    clearedBy: a.clearedBy,
    clearValue: value(a.clearValue),
    escalations: a.escalations,
    notifications: a.notifications,
    actions: allowedActions(p, alarmPolicy, s, BUTTONS).filter((x) => stateAllows(a, x)),
  };
}

export function presentEvent(e: AlarmEventRow) {
  return { id: e.id, at: e.at.toISOString(), kind: e.kind, actorId: e.actorId, text: e.text, detail: (e.detail as Record<string, unknown> | null) ?? null };
}

export function presentWebhook(w: WebhookRow) {
  return { id: w.id, enterpriseId: w.enterpriseId, url: w.url, events: w.events, active: w.active, createdAt: w.createdAt.toISOString() };
}

export function presentDelivery(d: DeliveryRow) {
  return {
    id: d.id,
    webhookId: d.webhookId,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: iso(d.lastAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    payload: d.payload as Record<string, unknown>,
  };
}
