/**
 * The server-side additions to the alarm evaluator (issue 12 "Alarms"): rule scope by key (device rules replace the
 * model's), the next due time of the clocks (what the tick job reads), a manual clear, and the lifecycle of an
 * alarm record (active/cleared × acknowledged; what is refused with which 409 code).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combinedStatus, refusal, stateAllows } from '../../../src/domain/monitoring/alarm-lifecycle.js';
import {
  acknowledgeAlarm,
  clearAlarmManually,
  evaluateAlarm,
  initialAlarmState,
  nextDue,
  rulesForDevice,
  tickAlarm,
  type AlarmRule,
  type TelemetryPoint,
} from '../../../src/domain/monitoring/alarm-rules.js';

const T0 = Date.UTC(2026, 11, 1);
const S = 1000;
const rule = (over: Partial<AlarmRule> = {}): AlarmRule => ({ id: 'r1', key: 'coolantTemp', condition: { op: '>', value: 100 }, severity: 'MAJOR', ...over });
const pt = (sec: number, value: number, key = 'coolantTemp'): TelemetryPoint => ({ ts: T0 + sec * S, key, value });

describe('rulesForDevice: device rules of a key replace the model rules of that key', () => {
  it('replaces every model rule of the key, keeps the other keys, adds device-only keys', () => {
    const model = [rule({ id: 'warm', severity: 'MINOR', condition: { op: '>', value: 95 } }), rule({ id: 'hot' }), rule({ id: 'vib', key: 'vibrationRms' })];
    const device = [rule({ id: 'mine', condition: { op: '>', value: 110 } }), rule({ id: 'rpm', key: 'rpm' })];
    expect(rulesForDevice(model, device).map((r) => r.id)).toEqual(['vib', 'mine', 'rpm']);
    expect(rulesForDevice(model, []).map((r) => r.id)).toEqual(['warm', 'hot', 'vib']);
  });
  it('property: no key is judged by both a model rule and a device rule', () => {
    const keys = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(keys), fc.array(keys), (m, d) => {
        const out = rulesForDevice(m.map((key, i) => ({ id: `m${i}`, key })), d.map((key, i) => ({ id: `d${i}`, key })));
        for (const k of new Set(d)) expect(out.filter((r) => r.key === k).every((r) => r.id.startsWith('d'))).toBe(true);
        expect(out.filter((r) => r.id.startsWith('d'))).toHaveLength(d.length);
      }),
    );
  });
});

describe('nextDue: when the processing-time clocks of a state next matter', () => {
  it('no data: from the last reception (or the start) + noDataSec; nothing without noDataSec', () => {
    const r = rule({ noDataSec: 600 });
    const s0 = initialAlarmState(r, T0);
    expect(nextDue(r, s0)).toBe(T0 + 600 * S);
    const s1 = evaluateAlarm(r, s0, [pt(0, 90)], T0 + 100 * S).state;
    expect(nextDue(r, s1)).toBe(T0 + 700 * S);
    expect(nextDue(rule(), initialAlarmState(rule(), T0))).toBeNull();
  });
  it('an active unacknowledged alarm: the earlier of escalation and reminder; acknowledged or CRITICAL without reminders: none', () => {
    const r = rule({ severity: 'MINOR', escalateAfterSec: 900, renotifyEverySec: 600 });
    const raised = evaluateAlarm(r, initialAlarmState(r, T0), [pt(0, 120)], T0).state;
    expect(nextDue(r, raised)).toBe(T0 + 600 * S);
    expect(nextDue(r, acknowledgeAlarm(r, raised, T0 + 10 * S).state)).toBeNull();
    const crit = rule({ severity: 'CRITICAL', escalateAfterSec: 900 });
    expect(nextDue(crit, evaluateAlarm(crit, initialAlarmState(crit, T0), [pt(0, 120)], T0).state)).toBeNull();
  });
  it('property: ticking before the due time changes nothing; at the due time something happens', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7200 }), fc.integer({ min: 1, max: 7200 }), fc.boolean(), (esc, rem, withData) => {
        const r = rule({ severity: 'WARNING', escalateAfterSec: esc, renotifyEverySec: rem, noDataSec: 3600 });
        const s = withData ? evaluateAlarm(r, initialAlarmState(r, T0), [pt(0, 120)], T0).state : initialAlarmState(r, T0);
        const due = nextDue(r, s)!;
        expect(tickAlarm(r, s, due - 1).events).toEqual([]);
        expect(tickAlarm(r, s, due).events.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('clearAlarmManually', () => {
  it('forgets the active alarm and the runs: a condition that still holds raises anew on its next qualifying points', () => {
    const r = rule({ durationSec: 60 });
    const raised = evaluateAlarm(r, initialAlarmState(r, T0), [pt(0, 120), pt(60, 120)], T0).state;
    expect(raised.alarm).not.toBeNull();
    const cleared = clearAlarmManually(raised);
    expect(cleared.alarm).toBeNull();
    expect(evaluateAlarm(r, cleared, [pt(90, 120)], T0).events).toEqual([]);
    expect(evaluateAlarm(r, cleared, [pt(90, 120), pt(150, 120)], T0).events.map((e) => e.type)).toEqual(['raise']);
  });
});

describe('alarm record lifecycle: active/cleared × acknowledged', () => {
  const rec = (status: 'active' | 'cleared', acknowledged: boolean, assigneeId: string | null = null) => ({ status, acknowledged, assigneeId });
  it('names the four states as ThingsBoard does', () => {
    expect([rec('active', false), rec('active', true), rec('cleared', false), rec('cleared', true)].map(combinedStatus)).toEqual(['ACTIVE_UNACK', 'ACTIVE_ACK', 'CLEARED_UNACK', 'CLEARED_ACK']);
  });
  it('acknowledges once and clears once, in either order; assigning to the same user twice is refused', () => {
    expect(refusal(rec('active', false), 'acknowledge')).toBeNull();
    expect(refusal(rec('cleared', false), 'acknowledge')).toBeNull();
    expect(refusal(rec('active', true), 'acknowledge')?.code).toBe('ALREADY_ACKNOWLEDGED');
    expect(refusal(rec('active', true), 'clear')).toBeNull();
    expect(refusal(rec('cleared', true), 'clear')?.code).toBe('ALREADY_CLEARED');
    expect(refusal(rec('cleared', true), 'comment')).toBeNull();
    expect(refusal(rec('active', false, 'u1'), 'assign', 'u1')?.code).toBe('ALREADY_ASSIGNED');
    expect(refusal(rec('active', false, 'u1'), 'assign', 'u2')).toBeNull();
    expect(refusal(rec('active', false, null), 'assign', null)?.code).toBe('ALREADY_ASSIGNED');
    const r = refusal(rec('cleared', true), 'clear')!;
    expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.messageEn).toMatch(/cleared/);
    expect((['acknowledge', 'assign', 'comment', 'clear'] as const).filter((a) => stateAllows(rec('cleared', true), a))).toEqual(['assign', 'comment']);
  });
});
