import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  APPLICATION_EVENTS,
  APPLICATION_STATES,
  APPLICATION_STATE_KEYS,
  availableEvents,
  awaiting,
  isTerminal,
  lockGuarded,
  nextState,
  stepEvents,
  type ActorKind,
  type ApplicationEvent,
  type ApplicationState,
} from '../../src/domain/announcement/workflow.js';

const ACTORS: ActorKind[] = ['enterprise', 'authority', 'ministry', 'expert'];

// The brief's table, written out independently of the implementation.
const LEGAL: [ApplicationState, ApplicationEvent, ActorKind, ApplicationState][] = [
  ['draft', 'submit', 'enterprise', 'submitted'],
  ['returned', 'submit', 'enterprise', 'submitted'],
  ['submitted', 'return_for_supplement', 'authority', 'returned'],
  ['submitted', 'provincial_reject', 'authority', 'provincial_rejected'],
  ['submitted', 'forward', 'authority', 'forwarded'],
  ['forwarded', 'assign_experts', 'ministry', 'expert_review'],
  ['expert_review', 'record_opinion', 'expert', 'expert_review'],
  ['expert_review', 'complete_expert_review', 'ministry', 'onsite_check'],
  ['onsite_check', 'record_onsite_pass', 'ministry', 'ready_for_notice'],
  ['ready_for_notice', 'add_to_notice', 'ministry', 'in_notice'],
  ['in_notice', 'uphold_objection', 'ministry', 'rejected'],
  ['in_notice', 'close_notice', 'ministry', 'notice_passed'],
  ['notice_passed', 'announce', 'ministry', 'announced'],
  ['forwarded', 'reject', 'ministry', 'rejected'],
  ['expert_review', 'reject', 'ministry', 'rejected'],
  ['onsite_check', 'reject', 'ministry', 'rejected'],
  ['ready_for_notice', 'reject', 'ministry', 'rejected'],
  ...(['draft', 'submitted', 'returned', 'forwarded', 'expert_review', 'onsite_check', 'ready_for_notice'] as const).map(
    (s) => [s, 'withdraw', 'enterprise', 'withdrawn'] as [ApplicationState, ApplicationEvent, ActorKind, ApplicationState],
  ),
  // 七(二)4: a revocation of the enterprise closes every open application (issue 15 item 10)
  ...(['draft', 'submitted', 'returned', 'forwarded', 'expert_review', 'onsite_check', 'ready_for_notice', 'in_notice', 'notice_passed'] as const).map(
    (s) => [s, 'close_on_revocation', 'ministry', 'closed'] as [ApplicationState, ApplicationEvent, ActorKind, ApplicationState],
  ),
];

describe('APPLICATION_STATES', () => {
  it('has the 14 states with labels and the terminal ones flagged', () => {
    expect(APPLICATION_STATE_KEYS).toEqual([
      'draft', 'submitted', 'returned', 'provincial_rejected', 'forwarded', 'expert_review', 'onsite_check',
      'ready_for_notice', 'in_notice', 'notice_passed', 'announced', 'rejected', 'withdrawn', 'closed',
    ]);
    expect(APPLICATION_STATES.filter((s) => s.terminal).map((s) => s.key)).toEqual(['provincial_rejected', 'announced', 'rejected', 'withdrawn', 'closed']);
    for (const s of APPLICATION_STATES) expect(s.zh && s.en).toBeTruthy();
  });
});

describe('nextState', () => {
  it.each(LEGAL)('%s --%s (%s)--> %s', (from, event, actor, to) => {
    expect(nextState(from, event, actor)).toEqual({ ok: true, to });
  });

  it('allows exactly the transitions of the table', () => {
    const legal = new Set(LEGAL.map(([s, e, a]) => `${s}|${e}|${a}`));
    let count = 0;
    for (const s of APPLICATION_STATE_KEYS) {
      for (const { key: e } of APPLICATION_EVENTS) {
        for (const a of ACTORS) {
          const r = nextState(s, e, a);
          expect(r.ok).toBe(legal.has(`${s}|${e}|${a}`));
          if (r.ok) count++;
        }
      }
    }
    expect(count).toBe(LEGAL.length);
  });

  it.each([
    ['draft', 'announce', 'ministry'],
    ['announced', 'submit', 'enterprise'],
    ['draft', 'forward', 'authority'],
    ['submitted', 'submit', 'enterprise'],
    ['returned', 'forward', 'authority'],
    ['in_notice', 'withdraw', 'enterprise'],
    ['notice_passed', 'withdraw', 'enterprise'],
    ['notice_passed', 'reject', 'ministry'],
    ['in_notice', 'reject', 'ministry'],
    ['rejected', 'announce', 'ministry'],
    ['withdrawn', 'submit', 'enterprise'],
    ['provincial_rejected', 'submit', 'enterprise'],
    ['onsite_check', 'record_opinion', 'expert'],
  ] as const)('%s --%s--> is illegal', (state, event, actor) => {
    expect(nextState(state, event, actor)).toEqual({ ok: false, reason: 'illegal_transition', state, event });
  });

  it.each([
    ['submitted', 'forward', 'enterprise'],
    ['submitted', 'forward', 'ministry'],
    ['draft', 'submit', 'authority'],
    ['notice_passed', 'announce', 'authority'],
    ['expert_review', 'record_opinion', 'ministry'],
    ['expert_review', 'complete_expert_review', 'expert'],
    ['forwarded', 'withdraw', 'ministry'],
  ] as const)('%s --%s by %s--> is the wrong actor', (state, event, actor) => {
    expect(nextState(state, event, actor)).toEqual({ ok: false, reason: 'wrong_actor', state, event });
  });

  it('treats unknown states and events as illegal', () => {
    expect(nextState('nonsense' as ApplicationState, 'submit', 'enterprise').ok).toBe(false);
    expect(nextState('draft', 'nonsense' as ApplicationEvent, 'enterprise')).toMatchObject({ ok: false, reason: 'illegal_transition' });
  });
});

describe('availableEvents', () => {
  it('lists the events per state and actor', () => {
    expect(availableEvents('draft', 'enterprise')).toEqual(['submit', 'withdraw']);
    expect(availableEvents('draft', 'authority')).toEqual([]);
    expect(availableEvents('submitted')).toEqual(['return_for_supplement', 'provincial_reject', 'forward', 'withdraw', 'close_on_revocation']);
    expect(availableEvents('submitted', 'authority')).toEqual(['return_for_supplement', 'provincial_reject', 'forward']);
    expect(availableEvents('expert_review', 'expert')).toEqual(['record_opinion']);
    expect(availableEvents('in_notice', 'enterprise')).toEqual([]);
    expect(availableEvents('in_notice', 'ministry')).toEqual(['uphold_objection', 'close_notice', 'close_on_revocation']);
  });
  it('a person’s actions leave out the closing by a revocation (taken only inside the revocation decision)', () => {
    expect(stepEvents('in_notice', 'ministry')).toEqual(['uphold_objection', 'close_notice']);
    expect(stepEvents('draft', 'ministry')).toEqual([]);
  });
  it('七(二)4: the reapply lock guards every step towards the 公告 and none that ends a case', () => {
    expect(APPLICATION_EVENTS.filter((e) => lockGuarded(e.key)).map((e) => e.key)).toEqual([
      'submit', 'forward', 'assign_experts', 'record_opinion', 'complete_expert_review', 'record_onsite_pass', 'add_to_notice', 'close_notice', 'announce',
    ]);
    for (const e of APPLICATION_EVENTS) if (['rejected', 'withdrawn', 'closed', 'provincial_rejected', 'returned'].includes(e.to)) expect(lockGuarded(e.key)).toBe(false);
  });
});

describe('awaiting', () => {
  it('names whose to-do an application is', () => {
    expect(APPLICATION_STATE_KEYS.map((s) => [s, awaiting(s)])).toEqual([
      ['draft', 'enterprise'],
      ['submitted', 'authority'],
      ['returned', 'enterprise'],
      ['provincial_rejected', null],
      ['forwarded', 'ministry'],
      ['expert_review', 'ministry'],
      ['onsite_check', 'ministry'],
      ['ready_for_notice', 'ministry'],
      ['in_notice', 'ministry'],
      ['notice_passed', 'ministry'],
      ['announced', null],
      ['rejected', null],
      ['withdrawn', null],
      ['closed', null],
    ]);
  });
  it('the awaited actor has something to do in every non-terminal state', () => {
    for (const s of APPLICATION_STATE_KEYS) {
      const a = awaiting(s);
      if (a) expect(availableEvents(s, a).length).toBeGreaterThan(0);
    }
  });
});

describe('properties', () => {
  it('random walks stay in the state set and stop only in terminal states, which have no events', () => {
    const states = new Set<string>(APPLICATION_STATE_KEYS);
    for (const s of APPLICATION_STATE_KEYS) expect(availableEvents(s).length === 0).toBe(isTerminal(s));
    fc.assert(
      fc.property(fc.constantFrom(...APPLICATION_STATE_KEYS), fc.array(fc.nat(), { maxLength: 40 }), (start, choices) => {
        let state = start;
        for (const c of choices) {
          const events = availableEvents(state);
          if (events.length === 0) {
            expect(isTerminal(state)).toBe(true);
            break;
          }
          const event = events[c % events.length];
          const actor = APPLICATION_EVENTS.find((e) => e.key === event)!.actor;
          const r = nextState(state, event, actor);
          if (!r.ok) throw new Error(`available event ${event} refused in ${state}`);
          expect(states.has(r.to)).toBe(true);
          state = r.to;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every state is reachable from draft, and every non-terminal state can reach a terminal one', () => {
    const reach = (from: ApplicationState) => {
      const seen = new Set<ApplicationState>([from]);
      const queue = [from];
      while (queue.length) {
        const s = queue.shift()!;
        for (const e of availableEvents(s)) {
          const to = APPLICATION_EVENTS.find((d) => d.key === e)!.to;
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      return seen;
    };
    expect([...reach('draft')].sort()).toEqual([...APPLICATION_STATE_KEYS].sort());
    for (const s of APPLICATION_STATE_KEYS) expect([...reach(s)].some(isTerminal)).toBe(true);
  });
});
