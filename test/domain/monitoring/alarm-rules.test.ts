import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AlarmRuleSchema,
  MAX_BUFFER,
  acknowledgeAlarm,
  clearsOn,
  effectiveRules,
  evaluateAlarm,
  evaluateDevice,
  flushAlarm,
  initialAlarmState,
  parseRulesJson,
  tickAlarm,
  type AlarmEvent,
  type AlarmRule,
  type AlarmState,
  type TelemetryPoint,
} from '../../../src/domain/monitoring/alarm-rules.js';

const T0 = Date.UTC(2026, 11, 1);
const S = 1000;
const rule = (over: Partial<AlarmRule> = {}): AlarmRule => ({ id: 'r1', key: 'coolantTemp', condition: { op: '>', value: 100 }, severity: 'MAJOR', ...over });
const pt = (sec: number, value: number, key = 'coolantTemp'): TelemetryPoint => ({ ts: T0 + sec * S, key, value });

/** Feed points one call each (processing time = data time unless given), collecting events. */
function run(r: AlarmRule, points: TelemetryPoint[], opts: { reorderSec?: number; now?: (p: TelemetryPoint) => number } = {}) {
  let state = initialAlarmState(r, T0);
  const events: AlarmEvent[] = [];
  for (const p of points) {
    const res = evaluateAlarm(r, state, [p], opts.now ? opts.now(p) : p.ts, { reorderSec: opts.reorderSec });
    state = res.state;
    events.push(...res.events);
  }
  return { state, events };
}
const kinds = (events: AlarmEvent[]) => events.map((e) => `${e.type}@${(e.ts - T0) / S}`);

describe('condition and duration, judged on data time', () => {
  it('raises on the first point over the threshold without a duration, with the data time', () => {
    const { events } = run(rule(), [pt(0, 90), pt(10, 101)]);
    expect(events).toEqual([{ type: 'raise', ruleId: 'r1', cause: 'condition', severity: 'MAJOR', ts: T0 + 10 * S, value: 101 }]);
  });
  it('duration exactly T raises; T − 1 ms does not (any T, any sampling)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 1, max: 20 }), (T, n) => {
        const r = rule({ durationSec: T });
        // n+1 true points evenly spread over exactly T seconds (ms resolution)
        const pts = Array.from({ length: n + 1 }, (_, i) => ({ ts: T0 + Math.round((i * T * S) / n), key: 'coolantTemp', value: 105 }));
        const exact = run(r, pts).events;
        expect(kinds(exact)).toEqual([`raise@${T}`]);
        const short = run(r, [...pts.slice(0, -1), { ...pts[pts.length - 1], ts: T0 + T * S - 1 }]).events;
        expect(short).toEqual([]);
      }),
    );
  });
  it('a false point restarts the duration', () => {
    const r = rule({ durationSec: 60 });
    expect(kinds(run(r, [pt(0, 105), pt(30, 99), pt(40, 105), pt(90, 105), pt(100, 105)]).events)).toEqual(['raise@100']);
  });
  it('judges buffered data replayed late on its own timestamps, not on arrival', () => {
    const r = rule({ durationSec: 300 });
    // the device was offline; an hour later it uploads 10 minutes of readings in one message
    const replay = Array.from({ length: 11 }, (_, i) => pt(i * 60, i >= 2 && i <= 8 ? 110 : 95));
    const now = T0 + 3600 * S;
    const res = evaluateAlarm(r, initialAlarmState(r, T0), replay, now);
    expect(kinds(res.events)).toEqual(['raise@420', 'clear@540']);
  });
  it('ignores values of the wrong type and other keys, and counts them', () => {
    const r = rule();
    const res = evaluateAlarm(r, initialAlarmState(r, T0), [{ ts: T0, key: 'coolantTemp', value: 'hot' }, pt(1, 200, 'rpm')], T0);
    expect(res.events).toEqual([]);
    expect(res.state.ignored).toBe(1);
  });
  it('== and != on booleans and strings', () => {
    const r = rule({ key: 'doorOpen', condition: { op: '==', value: true } });
    expect(kinds(run(r, [{ ts: T0, key: 'doorOpen', value: false }, { ts: T0 + S, key: 'doorOpen', value: true }, { ts: T0 + 2 * S, key: 'doorOpen', value: false }]).events)).toEqual([
      'raise@1',
      'clear@2',
    ]);
  });
});

describe('repeat: count within a window', () => {
  it('raises on the count-th true point within the window, boundary inclusive', () => {
    const r = rule({ repeat: { count: 3, withinSec: 60 } });
    // true at 0, 30 (false 40), 60 → three within [0, 60]
    expect(kinds(run(r, [pt(0, 101), pt(30, 101), pt(40, 90), pt(60, 101)]).events)).toEqual(['raise@60']);
    // true at 0, 30, 61 → the one at 0 fell out of [1, 61]
    expect(run(r, [pt(0, 101), pt(30, 101), pt(61, 101)]).events).toEqual([]);
  });
  it('property: raises iff some window of withinSec holds count true points', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 25 }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 120 }), (secs, count, within) => {
        const sorted = [...secs].sort((a, b) => a - b);
        const r = rule({ repeat: { count, withinSec: within } });
        const got = run(r, sorted.map((s) => pt(s, 150))).events.filter((e) => e.type === 'raise');
        // first index i where sorted[i] - sorted[i - count + 1] <= within
        let expected: number | null = null;
        for (let i = count - 1; i < sorted.length && expected === null; i++) if (sorted[i] - sorted[i - count + 1] <= within) expected = sorted[i];
        expect(got.map((e) => (e.ts - T0) / S)).toEqual(expected === null ? [] : [expected]);
      }),
    );
  });
});

describe('clear with hysteresis', () => {
  it('stays active inside the band and clears beyond it, for each ordering operator', () => {
    const cases: [AlarmRule['condition']['op'], number, number, number][] = [
      // op, raising value, value inside the band (stays), value clearing
      ['>', 101, 95.5, 95],
      ['>=', 100, 95, 94.9],
      ['<', 199, 204.9, 205],
      ['<=', 200, 205, 205.1],
    ];
    for (const [op, raise, band, clear] of cases) {
      const r = rule({ condition: { op, value: op.startsWith('>') ? 100 : 200 }, clearHysteresis: 5 });
      expect([op, kinds(run(r, [pt(0, raise), pt(1, band), pt(2, band), pt(3, clear)]).events)]).toEqual([op, ['raise@0', 'clear@3']]);
    }
  });
  it('property: once raised, a value clears iff it is at or below threshold − h (op >)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 50, max: 150, noNaN: true }), (h, v) => {
        const r = rule({ clearHysteresis: h });
        const { events } = run(r, [pt(0, 200), pt(1, v)]);
        expect(events.some((e) => e.type === 'clear')).toBe(v <= 100 - h);
        expect(clearsOn(r, v)).toBe(v <= 100 - h);
      }),
    );
  });
  it('after a clear a new excursion raises a new alarm', () => {
    expect(kinds(run(rule({ clearHysteresis: 2 }), [pt(0, 101), pt(1, 97), pt(2, 101)]).events)).toEqual(['raise@0', 'clear@1', 'raise@2']);
  });
});

describe('out-of-order delivery', () => {
  const seq = fc.array(fc.record({ gap: fc.integer({ min: 1, max: 30 }), value: fc.integer({ min: 90, max: 110 }) }), { minLength: 1, maxLength: 60 });
  const toPoints = (xs: { gap: number; value: number }[]) => {
    let t = 0;
    return xs.map((x) => pt((t += x.gap), x.value));
  };
  const r = rule({ durationSec: 20, clearHysteresis: 3, repeat: { count: 2, withinSec: 40 } });
  const conditionEvents = (events: AlarmEvent[]) => events.filter((e) => e.type === 'raise' || e.type === 'clear');

  it('any permutation within one call gives the events of the sorted sequence', () => {
    fc.assert(
      fc.property(seq, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (xs, rand) => {
        const pts = toPoints(xs);
        const sortedRun = evaluateAlarm(r, initialAlarmState(r, T0), pts, T0);
        const it = rand[Symbol.iterator]();
        const shuffled = pts.map((p) => ({ p, k: it.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.p);
        const shuffledRun = evaluateAlarm(r, initialAlarmState(r, T0), shuffled, T0);
        expect(conditionEvents(shuffledRun.events)).toEqual(conditionEvents(sortedRun.events));
      }),
    );
  });
  it('with a reorder window W, points delayed by less than W across calls give the same events as in order', () => {
    fc.assert(
      fc.property(seq, fc.array(fc.integer({ min: 0, max: 59_999 }), { minLength: 60, maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 60, maxLength: 60 }), (xs, delays, batchSizes) => {
        const pts = toPoints(xs);
        // arrival order by ts + delay (delay < W = 60 s), delivered in batches of 1–4
        const arrival = pts.map((p, i) => ({ p, k: p.ts + delays[i] })).sort((a, b) => a.k - b.k).map((x) => x.p);
        let state = initialAlarmState(r, T0);
        const events: AlarmEvent[] = [];
        for (let i = 0, b = 0; i < arrival.length; b++) {
          const batch = arrival.slice(i, i + batchSizes[b % batchSizes.length]);
          i += batch.length;
          const res = evaluateAlarm(r, state, batch, T0, { reorderSec: 60 });
          state = res.state;
          events.push(...res.events);
        }
        const flushed = flushAlarm(r, state, T0);
        events.push(...flushed.events);
        expect(flushed.state.late).toBe(0);
        const inOrder = evaluateAlarm(r, initialAlarmState(r, T0), pts, T0);
        expect(conditionEvents(events)).toEqual(conditionEvents(inOrder.events));
      }),
    );
  });
  it('without a reorder window a point older than one processed is late: dropped and counted; a duplicate is counted once', () => {
    const r1 = rule();
    let { state } = evaluateAlarm(r1, initialAlarmState(r1, T0), [pt(10, 90)], T0);
    const late = evaluateAlarm(r1, state, [pt(5, 150)], T0);
    expect(late.events).toEqual([]);
    expect(late.state.late).toBe(1);
    state = evaluateAlarm(r1, late.state, [pt(10, 150)], T0).state;
    expect(state.duplicates).toBe(1);
    expect(state.alarm).toBeNull();
  });
});

describe('one active alarm per rule and device', () => {
  it('property: raises and clears alternate, whatever the points, ticks and acknowledgements', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('point' as const), gap: fc.integer({ min: 1, max: 120 }), value: fc.integer({ min: 80, max: 120 }) }),
      fc.record({ kind: fc.constant('tick' as const), gap: fc.integer({ min: 1, max: 900 }) }),
      fc.record({ kind: fc.constant('ack' as const), gap: fc.integer({ min: 0, max: 10 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const r = rule({ durationSec: 30, noDataSec: 300, escalateAfterSec: 200, renotifyEverySec: 100, clearHysteresis: 2 });
        let state: AlarmState = initialAlarmState(r, T0);
        let t = T0;
        let active = false;
        for (const s of steps) {
          t += s.gap * S;
          const res =
            s.kind === 'point' ? evaluateAlarm(r, state, [{ ts: t, key: r.key, value: s.value }], t) : s.kind === 'tick' ? tickAlarm(r, state, t) : acknowledgeAlarm(r, state, t, 'u1');
          for (const e of res.events) {
            if (e.type === 'raise') {
              expect(active).toBe(false);
              active = true;
            } else if (e.type === 'clear') {
              expect(active).toBe(true);
              active = false;
            } else expect(active).toBe(true);
          }
          state = res.state;
          expect(state.alarm !== null).toBe(active);
        }
      }),
    );
  });
});

describe('no data, judged at processing time', () => {
  const r = rule({ noDataSec: 600 });
  it('raises exactly noDataSec after the last reception, not before; clears when data arrives', () => {
    const s0 = evaluateAlarm(r, initialAlarmState(r, T0), [pt(0, 90)], T0).state;
    expect(tickAlarm(r, s0, T0 + 600 * S - 1).events).toEqual([]);
    const raised = tickAlarm(r, s0, T0 + 600 * S);
    expect(raised.events).toEqual([{ type: 'raise', ruleId: 'r1', cause: 'noData', severity: 'MAJOR', ts: T0 + 600 * S }]);
    expect(tickAlarm(r, raised.state, T0 + 5000 * S).events.filter((e) => e.type === 'raise')).toEqual([]);
    const back = evaluateAlarm(r, raised.state, [pt(700, 90)], T0 + 700 * S);
    expect(kinds(back.events)).toEqual(['clear@700']);
    expect(back.state.alarm).toBeNull();
  });
  it('counts from the rule start when no point ever came', () => {
    const s = initialAlarmState(r, T0);
    expect(kinds(tickAlarm(r, s, T0 + 601 * S).events)).toEqual(['raise@600']);
  });
  it('data arriving after a no-data alarm is judged: a clear then a condition raise', () => {
    const raised = tickAlarm(r, initialAlarmState(r, T0), T0 + 601 * S);
    expect(kinds(evaluateAlarm(r, raised.state, [pt(650, 130)], T0 + 700 * S).events)).toEqual(['clear@700', 'raise@650']);
  });
});

describe('escalation and repeat notifications when unacknowledged', () => {
  const r = rule({ severity: 'MINOR', escalateAfterSec: 900, renotifyEverySec: 600 });
  const raisedState = () => evaluateAlarm(r, initialAlarmState(r, T0), [pt(0, 120)], T0).state;
  it('unacknowledged for T → the next severity, again after another T, up to CRITICAL', () => {
    const s = raisedState();
    expect(tickAlarm(r, s, T0 + 899 * S).events.filter((e) => e.type === 'escalate')).toEqual([]);
    const once = tickAlarm(r, s, T0 + 900 * S);
    expect(once.events.filter((e) => e.type === 'escalate')).toEqual([{ type: 'escalate', ruleId: 'r1', from: 'MINOR', to: 'MAJOR', ts: T0 + 900 * S }]);
    const all = tickAlarm(r, once.state, T0 + 10 * 900 * S);
    expect(all.events.filter((e) => e.type === 'escalate').map((e) => e.type === 'escalate' && `${e.to}@${(e.ts - T0) / S}`)).toEqual(['CRITICAL@1800']);
    expect(all.state.alarm?.severity).toBe('CRITICAL');
  });
  it('acknowledged before T → no escalation and no reminders', () => {
    const ack = acknowledgeAlarm(r, raisedState(), T0 + 899 * S, 'zhang');
    expect(ack.events).toEqual([{ type: 'acknowledge', ruleId: 'r1', severity: 'MINOR', ts: T0 + 899 * S, by: 'zhang' }]);
    expect(tickAlarm(r, ack.state, T0 + 100_000 * S).events).toEqual([]);
    expect(acknowledgeAlarm(r, ack.state, T0 + 900 * S).error).toBe('ALREADY_ACKNOWLEDGED');
    expect(acknowledgeAlarm(r, initialAlarmState(r, T0), T0).error).toBe('NO_ACTIVE_ALARM');
  });
  it('reminds every renotifyEverySec; after a long pause one reminder, not a burst', () => {
    const s = raisedState();
    expect(tickAlarm(r, s, T0 + 599 * S).events).toEqual([]);
    const first = tickAlarm(r, s, T0 + 600 * S);
    expect(first.events).toEqual([{ type: 'renotify', ruleId: 'r1', severity: 'MINOR', ts: T0 + 600 * S, count: 2 }]);
    const pause = tickAlarm(r, first.state, T0 + 5000 * S).events.filter((e) => e.type === 'renotify');
    expect(pause).toHaveLength(1);
    expect(pause[0].ts).toBe(T0 + 4800 * S);
  });
});

describe('rules: validation, per-device overrides, all rules of a device', () => {
  it('refuses an ordering operator on a string and hysteresis on ==, naming the field', () => {
    const bad = AlarmRuleSchema.safeParse({ id: 'x', key: 'coolantTemp', condition: { op: '>', value: 'hot' }, severity: 'MAJOR' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['condition', 'value']);
    const hyst = AlarmRuleSchema.safeParse({ id: 'x', key: 'doorOpen', condition: { op: '==', value: true }, severity: 'MINOR', clearHysteresis: 1 });
    expect(hyst.error?.issues[0].path).toEqual(['clearHysteresis']);
    expect(AlarmRuleSchema.safeParse({ id: 'x', key: 'CoolantTemp', condition: { op: '>', value: 1 }, severity: 'MAJOR' }).error?.issues[0].path).toEqual(['key']);
    expect(AlarmRuleSchema.safeParse(rule({ durationSec: 60, repeat: { count: 3, withinSec: 600 } })).success).toBe(true);
  });
  it('a device rule with a model rule id replaces it; others are added', () => {
    const model = [rule({ id: 'hot' }), rule({ id: 'vib', key: 'vibrationRms', condition: { op: '>', value: 7.1 } })];
    const eff = effectiveRules(model, [rule({ id: 'hot', condition: { op: '>', value: 95 } }), rule({ id: 'mine', key: 'rpm' })]);
    expect(eff.map((r) => [r.id, r.condition.value])).toEqual([
      ['hot', 95],
      ['vib', 7.1],
      ['mine', 100],
    ]);
  });
  it('evaluateDevice keeps one state per rule', () => {
    const rules = [rule({ id: 'hot' }), rule({ id: 'vib', key: 'vibrationRms', condition: { op: '>', value: 7.1 } })];
    const res = evaluateDevice(rules, {}, [pt(0, 101), pt(0, 8, 'vibrationRms'), pt(1, 102)], T0);
    expect(res.events.map((e) => `${e.ruleId}:${e.type}`)).toEqual(['hot:raise', 'vib:raise']);
    expect(Object.keys(res.states)).toEqual(['hot', 'vib']);
  });
});

describe('bounded state', () => {
  it('keeps at most count timestamps for repeat, whatever the window and rate', () => {
    // the duration is not yet met, so true points keep arriving without a raise
    const r = rule({ durationSec: 3600, repeat: { count: 5, withinSec: 30 * 86400 } });
    const res = evaluateAlarm(r, initialAlarmState(r, T0), Array.from({ length: 100 }, (_, i) => pt(i, 150)), T0);
    expect(res.state.alarm).toBeNull();
    expect(res.state.trueTs).toEqual([95, 96, 97, 98, 99].map((sec) => T0 + sec * S));
    expect(kinds(evaluateAlarm(r, res.state, [pt(3600, 150)], T0).events)).toEqual(['raise@3600']);
  });
  it('releases the oldest points early when the reorder buffer is full', () => {
    const r = rule();
    const many = Array.from({ length: MAX_BUFFER + 50 }, (_, i) => pt(i / 100, 90));
    const res = evaluateAlarm(r, initialAlarmState(r, T0), many, T0, { reorderSec: 86400 });
    expect(res.state.buffer).toHaveLength(MAX_BUFFER);
    expect(res.state.lastTs).toBe(many[49].ts);
  });
});

describe('rules import and export as JSON', () => {
  it('round-trips the rules of a model', () => {
    const rules = [rule({ id: 'hot', durationSec: 60, clearHysteresis: 2 }), rule({ id: 'vib', key: 'vibrationRms', condition: { op: '>', value: 7.1 }, repeat: { count: 3, withinSec: 600 } })];
    const back = parseRulesJson(JSON.stringify(rules, null, 2));
    expect(back.errors).toEqual([]);
    expect(back.rules).toEqual(rules);
  });
  it('names the rule and the field of each error, refuses duplicates, and imports nothing then', () => {
    const res = parseRulesJson(JSON.stringify([rule({ id: 'a' }), { ...rule({ id: 'b' }), severity: 'HUGE' }, rule({ id: 'a' })]));
    expect(res.rules).toEqual([]);
    expect(res.errors.map((e) => e.path)).toEqual([
      [1, 'severity'],
      [2, 'id'],
    ]);
    expect(res.errors[0].message).toContain('级别');
    expect(parseRulesJson('{').errors[0].message).toContain('JSON');
    expect(parseRulesJson('{}').errors[0].message).toContain('array');
  });
});
