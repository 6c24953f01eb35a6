/**
 * When a 年度报告 is owed, open, due, late or overdue, and when to remind (规范条件 七(二)1, 附2 二、时间要求).
 *
 * - 七(二)1: an announced enterprise (进入公告名单的企业) submits the report "在每年第一季度结束前" — before the
 *   end of the first quarter — to its provincial authority. The report of year Y covers year Y and is due by
 *   31 March of Y+1 (the last day of Q1). A report submitted on 31 March is on time; on 1 April it is late.
 * - 七(一)3: each announced site (厂区/生产车间) is announced on its own, so the report is owed per site.
 * - A site owes the report of year Y if it was announced before 1 January of Y+1 (it was on the list during
 *   year Y). The platform opens the report on 1 January of Y+1 (the year must be over to report on it).
 * - Late submission stays possible (the authority still needs the report) but is flagged late; a report still
 *   missing after 31 March is overdue, a ground for revocation (七(二)4(2) 不按要求提交《年度报告》的).
 * - Reminders: 30, 7 and 1 days before 31 March, each sent once.
 *
 * Dates are Asia/Shanghai calendar dates 'YYYY-MM-DD' (the platform clock's today()).
 */
import { addDays, parseIsoDate, type IsoDate } from '../calendar-date.js';

/** 30, 7 and 1 days before the due date. */
export const REMINDER_DAYS_BEFORE = [30, 7, 1] as const;
export type ReminderDays = (typeof REMINDER_DAYS_BEFORE)[number];

export interface ReportWindow {
  year: number;
  /** 1 January of year+1 */
  opensOn: IsoDate;
  /** 31 March of year+1: the end of the first quarter (七(二)1) */
  dueOn: IsoDate;
}

export function reportWindow(year: number): ReportWindow {
  return { year, opensOn: `${year + 1}-01-01`, dueOn: `${year + 1}-03-31` };
}

/** The report year that is (or was last) open on `today`: the previous calendar year. */
export function currentReportYear(today: IsoDate): number {
  const p = parseIsoDate(today);
  if (!p) throw new RangeError(`Not a calendar date: ${today}`);
  return p.year - 1;
}

/** A site announced on `announcedOn` owes the report of `year` iff it was announced before 1 January of year+1. */
export function isOwed(announcedOn: IsoDate, year: number): boolean {
  return announcedOn < reportWindow(year).opensOn;
}

/** The report of `year` can be filled from 1 January of year+1. */
export function isOpen(year: number, today: IsoDate): boolean {
  return today >= reportWindow(year).opensOn;
}

/** Submitted after 31 March of year+1 (31 March itself is on time). */
export function isLate(year: number, submittedOn: IsoDate): boolean {
  return submittedOn > reportWindow(year).dueOn;
}

/** Owed, the deadline has passed, and not submitted (a draft or a report returned for correction counts as not submitted). */
export function isOverdue(year: number, today: IsoDate, submitted: boolean): boolean {
  return !submitted && today > reportWindow(year).dueOn;
}

/** The reminder dates of `year`: dueOn − 30, − 7, − 1 days. */
export function reminderDates(year: number): { daysBefore: ReminderDays; on: IsoDate }[] {
  const { dueOn } = reportWindow(year);
  return REMINDER_DAYS_BEFORE.map((d) => ({ daysBefore: d, on: addDays(dueOn, -d) }));
}

/**
 * Which reminder to send on `today` for the report of `year` (not yet submitted): the latest reminder whose
 * date has come, while the deadline has not passed; null otherwise. A job that missed days (the server was
 * down) sends only the most recent reminder, not a burst of stale ones; "once each" is guaranteed by the
 * caller storing (site, year, daysBefore) under a unique key.
 */
export function reminderDue(year: number, today: IsoDate): ReminderDays | null {
  const { dueOn } = reportWindow(year);
  if (today > dueOn) return null;
  let due: ReminderDays | null = null;
  for (const r of reminderDates(year)) if (today >= r.on) due = r.daysBefore;
  return due;
}

/** Days left until the due date (negative once past). */
export function daysUntilDue(year: number, today: IsoDate): number {
  const a = Date.parse(`${reportWindow(year).dueOn}T00:00:00Z`);
  const b = Date.parse(`${today}T00:00:00Z`);
  return Math.round((a - b) / 86_400_000);
}
