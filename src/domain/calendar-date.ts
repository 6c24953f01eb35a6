/**
 * Calendar dates ('YYYY-MM-DD') as plain strings. Dates in this platform are civil dates in Asia/Shanghai;
 * all arithmetic is done on UTC day numbers, never by parsing a string into a local-time Date, so results
 * do not depend on the time zone of the server or the browser.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** China has used UTC+8 without daylight saving time since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export type IsoDate = string;

/** Year, month (1–12) and day of a valid 'YYYY-MM-DD' string, or null. */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && parseIsoDate(s) !== null;
}

/** Throws RangeError unless `s` is a real calendar date 'YYYY-MM-DD'. */
export function assertIsoDate(s: unknown, name = 'date'): asserts s is IsoDate {
  if (!isIsoDate(s)) throw new RangeError(`${name} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(s)}`);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC day number). */
export function toDayNumber(s: IsoDate): number {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`Not a calendar date YYYY-MM-DD: ${JSON.stringify(s)}`);
  return Math.round(Date.UTC(p.year, p.month - 1, p.day) / DAY_MS);
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * DAY_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(s: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(s) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(s: IsoDate): number {
  return (((toDayNumber(s) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * The same calendar date `years` later; when that month has no such day (29 February in a common year)
 * the last day of the month — the rule of 《民法典》第二百零二条 for periods counted in years.
 */
export function addYearsClamped(s: IsoDate, years: number): IsoDate {
  const p = parseIsoDate(s);
  if (!p) throw new RangeError(`Not a calendar date YYYY-MM-DD: ${JSON.stringify(s)}`);
  const year = p.year + years;
  const day = Math.min(p.day, daysInMonth(year, p.month));
  return `${String(year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date in Asia/Shanghai at an instant. */
export function shanghaiDate(instant: Date | number): IsoDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant');
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** Date and minute in Asia/Shanghai at an instant, as a person reads it: "2026-01-05 10:00". */
export function shanghaiMinute(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const day = shanghaiDate(ms);
  const minutes = Math.floor((((ms + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / 60_000);
  return `${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
