/**
 * Time as the platform sees it. Deadlines and windows (公示 dates, annual-report due dates) are calendar
 * dates in Asia/Shanghai. Tests pass a fixed clock instead of faking timers.
 */
export interface Clock {
  now(): Date;
  /** Today's date in Asia/Shanghai, YYYY-MM-DD. */
  today(): string;
}

import { shanghaiDate } from '../../domain/calendar-date.js';
export { shanghaiDate };

export const systemClock: Clock = { now: () => new Date(), today: () => shanghaiDate(new Date()) };

/** A clock that can be moved: for tests and demo data. */
export function manualClock(start: Date | string): Clock & { set(d: Date | string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    today: () => shanghaiDate(current),
    set(d) {
      current = new Date(d);
    },
  };
}

/**
 * Demo only (REMAN_DEMO=1): a clock a ministry admin may move forward by whole days, so that a newcomer can
 * follow a case through a 公示 window in one sitting. The offset lives in memory: a restart resets it.
 */
export interface ShiftableClock extends Clock {
  shiftDays(days: number): void;
  offsetDays(): number;
}

export function shiftableClock(base: Clock = systemClock): ShiftableClock {
  let offset = 0;
  const now = () => new Date(base.now().getTime() + offset * 86_400_000);
  return {
    now,
    today: () => shanghaiDate(now()),
    shiftDays(days) {
      offset += days;
    },
    offsetDays: () => offset,
  };
}

export function isShiftable(c: Clock): c is ShiftableClock {
  return typeof (c as Partial<ShiftableClock>).shiftDays === 'function';
}
