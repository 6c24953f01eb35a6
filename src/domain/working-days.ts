/**
 * Chinese working-day calendar: weekends, statutory holidays and the weekend make-up working days (调休)
 * published each year by the State Council, from the `chinese-days` package, plus an admin-editable
 * override table for years the package does not cover (it falls back to Monday–Friday there).
 *
 * Dates are civil dates in Asia/Shanghai as 'YYYY-MM-DD' strings, handled by UTC day arithmetic
 * (calendar-date.ts).
 *
 * About the package: its holiday table is generated at load time with host-local Date arithmetic, and its
 * `isWorkday` decides ordinary days by the host-local weekday of a UTC-parsed date. West of UTC (a browser
 * in the Americas) `isWorkday('2025-09-27')` therefore answers for the day before. Both the table keys and
 * its string lookups shift by the same day, so the package still classifies *special* days correctly through
 * `getDayDetail`; the weekday of an ordinary day is computed here. In UTC and east of it (China) the result
 * equals `isWorkday`. `getWorkdaysInRange(a, b, false)` is not used: it drops 调休 Saturdays and Sundays.
 */
import chineseDays from 'chinese-days';
import { z } from 'zod';
import { addDays, assertIsoDate, isIsoDate, toDayNumber, weekday, type IsoDate } from './calendar-date.js';

// Default import: the package is CommonJS for Node and ESM (default export object) for bundlers.
const { getDayDetail } = chineseDays;

export interface WorkdayOverride {
  date: string;
  workday: boolean;
  /** e.g. '2027年国庆节' or '2027年国庆节调休上班'. */
  note?: string | null;
}

/** Schema for one row of the admin-editable override table. */
export const WorkdayOverrideSchema = z.object({
  date: z.string().refine(isIsoDate, { message: 'Must be a date YYYY-MM-DD', params: { zh: '日期格式须为 YYYY-MM-DD' } }),
  workday: z.boolean(),
  note: z.string().trim().max(100).nullable().optional(),
});

const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

/** Holiday or 调休 working day listed by the package for this date; null for an ordinary day. */
function packageSpecialDay(date: IsoDate): { work: boolean; name: string } | null {
  const d = getDayDetail(date);
  return WEEKDAY_NAMES.has(d.name) ? null : { work: d.work, name: d.name };
}

type OverrideTable = ReadonlyMap<string, boolean>;

function overrideTable(overrides: readonly WorkdayOverride[] | undefined): OverrideTable {
  const m = new Map<string, boolean>();
  for (const o of overrides ?? []) {
    assertIsoDate(o.date, 'override date');
    m.set(o.date, o.workday); // later rows win
  }
  return m;
}

function workingDay(date: IsoDate, table: OverrideTable): boolean {
  const o = table.get(date);
  if (o !== undefined) return o; // the override table wins over the package
  const special = packageSpecialDay(date);
  if (special) return special.work;
  const wd = weekday(date);
  return wd >= 1 && wd <= 5;
}

/** Whether `date` is a working day in mainland China. Throws RangeError for a malformed date. */
export function isWorkingDay(date: string, overrides?: readonly WorkdayOverride[]): boolean {
  assertIsoDate(date);
  return workingDay(date, overrideTable(overrides));
}

/** Longest run of non-working days tolerated before giving up (guards against an all-holiday override table). */
const MAX_GAP_DAYS = 366;

/**
 * The date of the n-th working day (n ≥ 1), counting `start` itself as day 1 when it is a working day,
 * otherwise counting from the next working day. E.g. a 公示 of 5 working days starting on `start` ends on
 * `addWorkingDays(start, 5)`.
 */
export function addWorkingDays(start: string, n: number, overrides?: readonly WorkdayOverride[]): IsoDate {
  assertIsoDate(start, 'start');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer ≥ 1, got ${n}`);
  const table = overrideTable(overrides);
  let date = start;
  let count = 0;
  let gap = 0;
  for (;;) {
    if (workingDay(date, table)) {
      gap = 0;
      if (++count === n) return date;
    } else if (++gap > MAX_GAP_DAYS) {
      throw new RangeError(`No working day within ${MAX_GAP_DAYS} days after ${date}`);
    }
    date = addDays(date, 1);
  }
}

/** Number of working days from `a` to `b`, both included; 0 when `b` is before `a`. */
export function workingDaysBetween(a: string, b: string, overrides?: readonly WorkdayOverride[]): number {
  assertIsoDate(a, 'a');
  assertIsoDate(b, 'b');
  const table = overrideTable(overrides);
  const days = toDayNumber(b) - toDayNumber(a);
  let count = 0;
  for (let i = 0; i <= days; i++) if (workingDay(addDays(a, i), table)) count++;
  return count;
}

/**
 * Whether the package has the State Council's arrangement for `year` (it always lists 元旦 as a holiday
 * when it does). For other years only weekends count unless the override table says otherwise.
 */
export function calendarCoversYear(year: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  return packageSpecialDay(`${String(year).padStart(4, '0')}-01-01`) !== null;
}

/** The package's label of a holiday or 调休 day (e.g. 'National Day,国庆节,3'), or null for an ordinary day. */
export function holidayName(date: string): string | null {
  assertIsoDate(date);
  return packageSpecialDay(date)?.name ?? null;
}
