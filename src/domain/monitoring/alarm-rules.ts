/**
 * Alarm rules (issue 12 "Alarms") as a pure state machine, one per (rule, device). The server keeps an
 * `AlarmState` per rule and device (it is plain JSON), feeds it the device's points and a processing-time `now`,
 * stores the new state and acts on the returned events (alarm rows, notifications, webhooks) after commit.
 *
 * Two clocks, deliberately (docs/monitoring-health.md "Alarm rules"):
 * - conditions (`condition`, `durationSec`, `repeat`, hysteresis) are judged on the data's own timestamps, in
 *   timestamp order — so buffered data replayed late raises and clears exactly as if it had arrived live, and the
 *   events carry the data time;
 * - what concerns people and links — no data (`noDataSec`), escalation when unacknowledged (`escalateAfterSec`),
 *   repeat notifications (`renotifyEverySec`) — is judged on processing time `now`, since a device's clock may be
 *   wrong and a human's reaction time is wall-clock time.
 *
 * One active alarm per rule and device: its `cause` is the condition or missing data. While a condition alarm is
 * active, a silence does not open a second alarm (the device's online status shows it); a no-data alarm clears as
 * soon as a point of the key arrives, and that point is then judged normally.
 */
import { z } from 'zod';

export const SEVERITIES = ['WARNING', 'MINOR', 'MAJOR', 'CRITICAL'] as const; // ascending
export type Severity = (typeof SEVERITIES)[number];
/** A severity's label in each language (the web's monitoring.alarm.severity.* say the same). */
export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  WARNING: { zh: '警告', en: 'Warning' },
  MINOR: { zh: '次要', en: 'Minor' },
  MAJOR: { zh: '重要', en: 'Major' },
  CRITICAL: { zh: '严重', en: 'Critical' },
};
export const OPS = ['>', '>=', '<', '<=', '==', '!='] as const;
export type Op = (typeof OPS)[number];
export type PointValue = number | boolean | string;

/** One telemetry point as the server hands it over: epoch milliseconds, metric key, value. */
export interface TelemetryPoint {
  ts: number;
  key: string;
  value: PointValue;
}

export interface AlarmRule {
  id: string;
  /** metric key (lowerCamelCase, from the thing model) */
  key: string;
  condition: { op: Op; value: PointValue };
  /** the condition must hold on consecutive points spanning at least this long (data time) */
  durationSec?: number;
  /** the condition must hold on at least `count` points whose timestamps lie within `withinSec` */
  repeat?: { count: number; withinSec: number };
  /** raise when no point of the key has been received for this long (processing time) */
  noDataSec?: number;
  severity: Severity;
  /** ordering ops only: clear only once the value is this far on the safe side of the threshold */
  clearHysteresis?: number;
  /** unacknowledged for this long → the next severity (again after each step, up to CRITICAL) */
  escalateAfterSec?: number;
  /** unacknowledged: notify again every this long */
  renotifyEverySec?: number;
}

// ---------- validation (the server's body schema for rules; bilingual messages as server/platform/validation.ts)

const bi = (en: string, zh: string) => ({ message: `${en}\u241e${zh}`, params: { zh } });
const ORDERING: ReadonlySet<Op> = new Set(['>', '>=', '<', '<=']);
const positiveSec = (max: number) =>
  z.number().positive(bi('Must be a positive number of seconds', '须为正的秒数')).max(max, bi(`At most ${max} s`, `不超过 ${max} 秒`));

export const AlarmRuleSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    key: z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/, bi('Must be a lowerCamelCase metric key', '须为 lowerCamelCase 指标键名')),
    condition: z.object({
      op: z.enum(OPS, bi('Operator must be one of > >= < <= == !=', '运算符须为 > >= < <= == != 之一')),
      value: z.union([z.number().finite(), z.boolean(), z.string().max(200)]),
    }),
    durationSec: positiveSec(30 * 86400).optional(),
    repeat: z
      .object({
        count: z.number().int(bi('Must be an integer', '须为整数')).min(2, bi('At least 2', '至少为 2')).max(10_000),
        withinSec: positiveSec(30 * 86400),
      })
      .optional(),
    noDataSec: positiveSec(30 * 86400).optional(),
    severity: z.enum(SEVERITIES, bi('Severity must be CRITICAL, MAJOR, MINOR or WARNING', '级别须为 CRITICAL、MAJOR、MINOR 或 WARNING')),
    clearHysteresis: z.number().finite().min(0, bi('Must not be negative', '不得为负数')).optional(),
    escalateAfterSec: positiveSec(30 * 86400).optional(),
    renotifyEverySec: positiveSec(30 * 86400).optional(),
  })
  .superRefine((r, ctx) => {
    if (ORDERING.has(r.condition.op) && typeof r.condition.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['condition', 'value'], ...bi(`Operator ${r.condition.op} needs a number`, `运算符 ${r.condition.op} 须配数值`) });
    }
    if (r.clearHysteresis !== undefined && !ORDERING.has(r.condition.op)) {
      ctx.addIssue({ code: 'custom', path: ['clearHysteresis'], ...bi('Hysteresis applies to > >= < <= only', '回差仅适用于 > >= < <=') });
    }
  });

export interface RulesImportError {
  /** index of the rule in the file and the path inside it, e.g. [2, 'condition', 'value'] */
  path: (string | number)[];
  message: string;
}

/**
 * Rules import (issue 12 "Rules import/export as JSON"): a JSON array of rules, each validated; duplicate ids
 * refused. Export is `JSON.stringify(rules, null, 2)` of the same objects.
 */
export function parseRulesJson(text: string): { rules: AlarmRule[]; errors: RulesImportError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { rules: [], errors: [{ path: [], message: `Not valid JSON\u241e不是有效的 JSON` }] };
  }
  if (!Array.isArray(data)) return { rules: [], errors: [{ path: [], message: 'Must be an array of rules\u241e须为规则数组' }] };
  const rules: AlarmRule[] = [];
  const errors: RulesImportError[] = [];
  const seen = new Set<string>();
  data.forEach((item, i) => {
    const r = AlarmRuleSchema.safeParse(item);
    if (!r.success) {
      for (const issue of r.error.issues) errors.push({ path: [i, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
      return;
    }
    if (seen.has(r.data.id)) {
      errors.push({ path: [i, 'id'], message: `Duplicate rule id ${r.data.id}\u241e规则标识 ${r.data.id} 重复` });
      return;
    }
    seen.add(r.data.id);
    rules.push(r.data as AlarmRule);
  });
  return { rules: errors.length ? [] : rules, errors };
}

/** Per-device thresholds: a device rule with the id of a model rule replaces it; other device rules are added. */
export function effectiveRules(modelRules: readonly AlarmRule[], deviceRules: readonly AlarmRule[]): AlarmRule[] {
  const byId = new Map(deviceRules.map((r) => [r.id, r]));
  const out = modelRules.map((r) => byId.get(r.id) ?? r);
  const known = new Set(modelRules.map((r) => r.id));
  for (const r of deviceRules) if (!known.has(r.id)) out.push(r);
  return out;
}

// ---------- the state machine

export type AlarmCause = 'condition' | 'noData';

export interface ActiveAlarm {
  cause: AlarmCause;
  severity: Severity;
  /** when it started: data time of the raising point, or the moment data became overdue */
  raisedTs: number;
  /** processing time when the platform raised it (escalation and renotification count from here) */
  raisedAt: number;
  acknowledged: boolean;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  /** processing time of the last escalation step (or of the raise) */
  escalationBase: number;
  /** processing time of the last notification */
  notifiedAt: number;
  notifications: number;
}

export interface AlarmState {
  ruleId: string;
  /** processing time the evaluation started: the base of the no-data timer before any point arrives */
  since: number;
  /** data time of the last processed point of the key */
  lastTs: number | null;
  /** processing time the last point of the key was received */
  lastReceivedAt: number | null;
  /** data time where the current run of consecutive condition-true points started */
  runStart: number | null;
  /** data times of condition-true points inside the repeat window */
  trueTs: number[];
  alarm: ActiveAlarm | null;
  /** reorder buffer (points not yet released by the watermark) */
  buffer: TelemetryPoint[];
  /** highest data time received */
  maxTs: number | null;
  /** counters: points older than the last processed one (dropped), duplicates (same ts), values of the wrong type */
  late: number;
  duplicates: number;
  ignored: number;
}

export type AlarmEvent =
  | { type: 'raise'; ruleId: string; cause: AlarmCause; severity: Severity; ts: number; value?: PointValue }
  | { type: 'clear'; ruleId: string; cause: AlarmCause; severity: Severity; ts: number; value?: PointValue }
  | { type: 'escalate'; ruleId: string; from: Severity; to: Severity; ts: number }
  | { type: 'renotify'; ruleId: string; severity: Severity; ts: number; count: number }
  | { type: 'acknowledge'; ruleId: string; severity: Severity; ts: number; by: string | null };

export interface EvaluateOptions {
  /**
   * Reorder window (seconds of data time): points are held until a point this much newer has arrived (or
   * `flushAlarm`), so points arriving out of order by less than this are judged as if in order. 0 (default):
   * each call's points are sorted and processed at once; a point older than one already processed is late,
   * dropped and counted.
   */
  reorderSec?: number;
}

/** Reorder buffer bound per (rule, device): at 1 point/s, a window of over two hours. */
export const MAX_BUFFER = 10_000;

export interface AlarmResult {
  state: AlarmState;
  events: AlarmEvent[];
}

export function initialAlarmState(rule: AlarmRule, now: number): AlarmState {
  return {
    ruleId: rule.id,
    since: now,
    lastTs: null,
    lastReceivedAt: null,
    runStart: null,
    trueTs: [],
    alarm: null,
    buffer: [],
    maxTs: null,
    late: 0,
    duplicates: 0,
    ignored: 0,
  };
}

/** The condition on one value; null when the value's type does not fit the operator (the point is ignored). */
export function conditionHolds(op: Op, value: PointValue, threshold: PointValue): boolean | null {
  if (ORDERING.has(op)) {
    if (typeof value !== 'number' || typeof threshold !== 'number' || !Number.isFinite(value)) return null;
    if (op === '>') return value > threshold;
    if (op === '>=') return value >= threshold;
    if (op === '<') return value < threshold;
    return value <= threshold;
  }
  if (typeof value !== typeof threshold) return null;
  return op === '==' ? value === threshold : value !== threshold;
}

/**
 * Whether an active condition alarm clears on this value: the condition, with the threshold moved by the
 * hysteresis towards the safe side, no longer holds. `> 90` with hysteresis 5 clears at ≤ 85, `>= 90` at < 85,
 * `< 200` at ≥ 205, `<= 200` at > 205; without hysteresis, when the condition is false.
 */
export function clearsOn(rule: AlarmRule, value: PointValue): boolean | null {
  const { op, value: v } = rule.condition;
  const h = rule.clearHysteresis ?? 0;
  if (ORDERING.has(op) && typeof v === 'number') {
    const shifted = op === '>' || op === '>=' ? v - h : v + h;
    const holds = conditionHolds(op, value, shifted);
    return holds === null ? null : !holds;
  }
  const holds = conditionHolds(op, value, v);
  return holds === null ? null : !holds;
}

const nextSeverity = (s: Severity): Severity => SEVERITIES[Math.min(SEVERITIES.indexOf(s) + 1, SEVERITIES.length - 1)];

/**
 * Feed points (any keys, any order within the call) and the processing time `now`. Pure: returns the next
 * state and the events in time order; the given state is not modified.
 */
export function evaluateAlarm(rule: AlarmRule, state: AlarmState, points: readonly TelemetryPoint[], now: number, opts: EvaluateOptions = {}): AlarmResult {
  const s: AlarmState = { ...state, trueTs: [...state.trueTs], buffer: [...state.buffer], alarm: state.alarm ? { ...state.alarm } : null };
  const events: AlarmEvent[] = [];
  const mine = points.filter((p) => p.key === rule.key && Number.isFinite(p.ts));
  if (mine.length > 0) {
    s.lastReceivedAt = now;
    if (s.alarm?.cause === 'noData') {
      events.push({ type: 'clear', ruleId: rule.id, cause: 'noData', severity: s.alarm.severity, ts: now });
      s.alarm = null;
    }
    for (const p of mine) if (s.maxTs === null || p.ts > s.maxTs) s.maxTs = p.ts;
  }
  const reorderMs = Math.max(0, (opts.reorderSec ?? 0) * 1000);
  const pending = [...s.buffer, ...mine].sort((a, b) => a.ts - b.ts);
  let watermark = (s.maxTs ?? -Infinity) - reorderMs;
  // a bounded buffer: beyond MAX_BUFFER points the oldest are released early
  if (pending.filter((p) => p.ts > watermark).length > MAX_BUFFER) watermark = pending[pending.length - MAX_BUFFER - 1].ts;
  s.buffer = pending.filter((p) => p.ts > watermark);
  for (const p of pending) if (p.ts <= watermark) step(rule, s, p, now, events);
  timers(rule, s, now, events);
  return { state: s, events };
}

/** Only the clocks: no data, escalation, renotification (call it periodically for every state). */
export function tickAlarm(rule: AlarmRule, state: AlarmState, now: number): AlarmResult {
  return evaluateAlarm(rule, state, [], now);
}

/** Release the reorder buffer (end of a replay, or before persisting a state for long). */
export function flushAlarm(rule: AlarmRule, state: AlarmState, now: number): AlarmResult {
  const s: AlarmState = { ...state, trueTs: [...state.trueTs], buffer: [], alarm: state.alarm ? { ...state.alarm } : null };
  const events: AlarmEvent[] = [];
  for (const p of [...state.buffer].sort((a, b) => a.ts - b.ts)) step(rule, s, p, now, events);
  timers(rule, s, now, events);
  return { state: s, events };
}

export type AcknowledgeError = 'NO_ACTIVE_ALARM' | 'ALREADY_ACKNOWLEDGED';

/** Acknowledge the active alarm: stops escalation and renotification. An error maps to a 409 at the API. */
export function acknowledgeAlarm(rule: AlarmRule, state: AlarmState, now: number, by: string | null = null): AlarmResult & { error?: AcknowledgeError } {
  if (!state.alarm) return { state, events: [], error: 'NO_ACTIVE_ALARM' };
  if (state.alarm.acknowledged) return { state, events: [], error: 'ALREADY_ACKNOWLEDGED' };
  const alarm: ActiveAlarm = { ...state.alarm, acknowledged: true, acknowledgedAt: now, acknowledgedBy: by };
  return { state: { ...state, alarm }, events: [{ type: 'acknowledge', ruleId: rule.id, severity: alarm.severity, ts: now, by }] };
}

function step(rule: AlarmRule, s: AlarmState, p: TelemetryPoint, now: number, events: AlarmEvent[]): void {
  if (s.lastTs !== null && p.ts <= s.lastTs) {
    if (p.ts === s.lastTs) s.duplicates++;
    else s.late++;
    return;
  }
  const holds = conditionHolds(rule.condition.op, p.value, rule.condition.value);
  if (holds === null) {
    s.ignored++;
    return;
  }
  s.lastTs = p.ts;
  if (s.alarm) {
    // a condition alarm (a no-data alarm was cleared on reception): clear with hysteresis
    if (clearsOn(rule, p.value)) {
      events.push({ type: 'clear', ruleId: rule.id, cause: 'condition', severity: s.alarm.severity, ts: p.ts, value: p.value });
      s.alarm = null;
      s.runStart = null;
      s.trueTs = [];
    }
    return;
  }
  if (!holds) {
    s.runStart = null;
    return;
  }
  s.runStart ??= p.ts;
  if (rule.repeat) {
    const from = p.ts - rule.repeat.withinSec * 1000;
    // only the last `count` matter: the state stays small whatever the window and the rate
    s.trueTs = [...s.trueTs.filter((t) => t >= from), p.ts].slice(-rule.repeat.count);
  }
  const durationOk = !rule.durationSec || p.ts - s.runStart >= rule.durationSec * 1000;
  const repeatOk = !rule.repeat || s.trueTs.length >= rule.repeat.count;
  if (durationOk && repeatOk) {
    s.alarm = newAlarm('condition', rule.severity, p.ts, now);
    s.runStart = null;
    s.trueTs = [];
    events.push({ type: 'raise', ruleId: rule.id, cause: 'condition', severity: rule.severity, ts: p.ts, value: p.value });
  }
}

function newAlarm(cause: AlarmCause, severity: Severity, raisedTs: number, now: number): ActiveAlarm {
  return { cause, severity, raisedTs, raisedAt: now, acknowledged: false, acknowledgedAt: null, acknowledgedBy: null, escalationBase: now, notifiedAt: now, notifications: 1 };
}

function timers(rule: AlarmRule, s: AlarmState, now: number, events: AlarmEvent[]): void {
  if (!s.alarm && rule.noDataSec) {
    const base = s.lastReceivedAt ?? s.since;
    const due = base + rule.noDataSec * 1000;
    if (now >= due) {
      s.alarm = newAlarm('noData', rule.severity, due, now);
      events.push({ type: 'raise', ruleId: rule.id, cause: 'noData', severity: rule.severity, ts: due });
    }
  }
  const a = s.alarm;
  if (!a || a.acknowledged) return;
  const timed: AlarmEvent[] = [];
  if (rule.escalateAfterSec) {
    const T = rule.escalateAfterSec * 1000;
    while (a.severity !== 'CRITICAL' && now >= a.escalationBase + T) {
      const to = nextSeverity(a.severity);
      a.escalationBase += T;
      timed.push({ type: 'escalate', ruleId: rule.id, from: a.severity, to, ts: a.escalationBase });
      a.severity = to;
    }
  }
  if (rule.renotifyEverySec) {
    const R = rule.renotifyEverySec * 1000;
    if (now >= a.notifiedAt + R) {
      // after a pause (a stopped server) one reminder, not a burst: the last one due
      const missed = Math.floor((now - a.notifiedAt) / R);
      a.notifiedAt += missed * R;
      a.notifications++;
      timed.push({ type: 'renotify', ruleId: rule.id, severity: a.severity, ts: a.notifiedAt, count: a.notifications });
    }
  }
  timed.sort((x, y) => x.ts - y.ts);
  events.push(...timed);
}

// ---------- all rules of one device

export interface DeviceAlarmResult {
  states: Record<string, AlarmState>;
  events: AlarmEvent[];
}

/** Evaluate every rule of a device on the same points; missing states start at `now`. */
export function evaluateDevice(rules: readonly AlarmRule[], states: Readonly<Record<string, AlarmState>>, points: readonly TelemetryPoint[], now: number, opts: EvaluateOptions = {}): DeviceAlarmResult {
  const out: Record<string, AlarmState> = {};
  const events: AlarmEvent[] = [];
  for (const rule of rules) {
    const r = evaluateAlarm(rule, states[rule.id] ?? initialAlarmState(rule, now), points, now, opts);
    out[rule.id] = r.state;
    events.push(...r.events);
  }
  return { states: out, events };
}

// ---------- scope of rules: per product model, overridden per device by key

/**
 * Per-device thresholds by metric key (issue 12 "Rules per thing model, overridable per device"; the API's
 * rules carry a `deviceId` or a `model`): when a device has rules of its own for a key, they replace every model
 * rule of that key; model rules of the other keys still apply. (`effectiveRules` above overrides by rule id, for
 * rule files that name their rules.)
 */
export function rulesForDevice<R extends Pick<AlarmRule, 'key'>>(modelRules: readonly R[], deviceRules: readonly R[]): R[] {
  const own = new Set(deviceRules.map((r) => r.key));
  return [...modelRules.filter((r) => !own.has(r.key)), ...deviceRules];
}

/**
 * When the processing-time clocks of a state next matter (no data, escalation, reminder), or null when nothing
 * is pending: the server stores it beside the state so that its periodic tick reads only the due states.
 */
export function nextDue(rule: AlarmRule, state: AlarmState): number | null {
  const a = state.alarm;
  if (!a) return rule.noDataSec ? (state.lastReceivedAt ?? state.since) + rule.noDataSec * 1000 : null;
  if (a.acknowledged) return null;
  const due: number[] = [];
  if (rule.escalateAfterSec && a.severity !== 'CRITICAL') due.push(a.escalationBase + rule.escalateAfterSec * 1000);
  if (rule.renotifyEverySec) due.push(a.notifiedAt + rule.renotifyEverySec * 1000);
  return due.length ? Math.min(...due) : null;
}

/**
 * A person clears the active alarm by hand (POST /alarms/{id}/clear): the evaluator forgets it and starts
 * afresh, so a condition that still holds raises a new alarm on its next qualifying points.
 */
export function clearAlarmManually(state: AlarmState): AlarmState {
  return { ...state, alarm: null, runStart: null, trueTs: [] };
}
