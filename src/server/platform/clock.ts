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
