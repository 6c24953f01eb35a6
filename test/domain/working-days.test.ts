import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import { addWorkingDays, calendarCoversYear, holidayName, isWorkingDay, workingDaysBetween } from '../../src/domain/working-days.js';
import { addDays, addYearsClamped, shanghaiDate, shanghaiMinute, weekday } from '../../src/domain/calendar-date.js';

describe('the package data for the 2025 National Day holiday', () => {
  it('has Oct 1–8 off and the 调休 Sunday 2025-09-28 and Saturday 2025-10-11 as working days', () => {
    for (let d = 1; d <= 8; d++) expect(chineseDays.isWorkday(`2025-10-0${d}`)).toBe(false);
    expect(chineseDays.isWorkday('2025-09-28')).toBe(true);
    expect(chineseDays.isWorkday('2025-10-11')).toBe(true);
    expect(weekday('2025-09-28')).toBe(0);
    expect(weekday('2025-10-11')).toBe(6);
  });
  it('getWorkdaysInRange(…, false) drops the 调休 days, which is why it is not used', () => {
    const without = chineseDays.getWorkdaysInRange('2025-09-27', '2025-10-12', false);
    expect(without).not.toContain('2025-09-28');
    expect(without).not.toContain('2025-10-11');
  });
});

describe('isWorkingDay', () => {
  it('agrees with the package isWorkday over 2025–2026', () => {
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      expect([d, isWorkingDay(d)]).toEqual([d, chineseDays.isWorkday(d)]);
    }
  });
  it('knows the National Day holiday and its 调休 days', () => {
    expect(isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休
    expect(isWorkingDay('2025-10-01')).toBe(false);
    expect(isWorkingDay('2025-10-08')).toBe(false); // Wednesday, holiday
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });
  it('lets overrides win over the package, the last row for a date winning', () => {
    expect(isWorkingDay('2025-10-01', [{ date: '2025-10-01', workday: true }])).toBe(true);
    expect(isWorkingDay('2025-09-28', [{ date: '2025-09-28', workday: false }])).toBe(false);
    expect(isWorkingDay('2025-10-09', [{ date: '2025-10-09', workday: false }, { date: '2025-10-09', workday: true }])).toBe(true);
  });
  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2025-9-28')).toThrow(RangeError);
    expect(() => isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => isWorkingDay('2025-10-09', [{ date: '10/09/2025', workday: true }])).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts the start as day 1 across the National Day holiday', () => {
    // 09-29, 09-30, [10-01 … 10-08 off], 10-09, 10-10, 10-11 (调休 Saturday)
    expect(addWorkingDays('2025-09-29', 5)).toBe('2025-10-11');
    // 09-30, 10-09, 10-10, 10-11, [10-12 Sunday], 10-13
    expect(addWorkingDays('2025-09-30', 5)).toBe('2025-10-13');
    expect(addWorkingDays('2025-09-29', 1)).toBe('2025-09-29');
  });
  it('starts from the next working day when the start is not one', () => {
    expect(addWorkingDays('2025-09-27', 1)).toBe('2025-09-28'); // Saturday → 调休 Sunday
    expect(addWorkingDays('2025-10-01', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-11-01', 1)).toBe('2025-11-03'); // ordinary weekend
    expect(addWorkingDays('2025-11-01', 5)).toBe('2025-11-07');
  });
  it('applies overrides', () => {
    expect(addWorkingDays('2025-09-30', 5, [{ date: '2025-10-13', workday: false }])).toBe('2025-10-14');
    expect(addWorkingDays('2025-09-30', 2, [{ date: '2025-10-01', workday: true }])).toBe('2025-10-01');
  });
  it('uses overrides for a year the package lacks', () => {
    expect(calendarCoversYear(2025)).toBe(true);
    expect(calendarCoversYear(2026)).toBe(true);
    expect(calendarCoversYear(2099)).toBe(false);
    // 2099-01-01 is a Thursday: without data it is a working day
    expect(isWorkingDay('2099-01-01')).toBe(true);
    const overrides = [
      { date: '2099-01-01', workday: false },
      { date: '2099-01-02', workday: false },
      { date: '2099-01-04', workday: true }, // a 调休 Sunday
    ];
    expect(addWorkingDays('2099-01-01', 1, overrides)).toBe('2099-01-04');
    expect(addWorkingDays('2099-01-01', 2, overrides)).toBe('2099-01-05');
    expect(addWorkingDays('2099-01-01', 2)).toBe('2099-01-02');
  });
  it('rejects n < 1 and gives up on a year without working days', () => {
    expect(() => addWorkingDays('2025-10-09', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-10-09', 1.5)).toThrow(RangeError);
    const allOff = Array.from({ length: 400 }, (_, i) => ({ date: addDays('2099-01-01', i), workday: false }));
    expect(() => addWorkingDays('2099-01-01', 1, allOff)).toThrow(RangeError);
  });
  it('property: the result is a working day and exactly n working days lie from start to it', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((i) => addDays('2025-01-01', i));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(start, end)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts both ends, including 调休 weekend days', () => {
    expect(workingDaysBetween('2025-09-28', '2025-10-12')).toBe(6); // 09-28, 29, 30, 10-09, 10, 11
    expect(workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-10-09', '2025-10-09')).toBe(1);
    expect(workingDaysBetween('2025-10-12', '2025-10-09')).toBe(0);
  });
  it('applies overrides', () => {
    expect(workingDaysBetween('2025-09-28', '2025-10-12', [{ date: '2025-10-03', workday: true }])).toBe(7);
  });
});

describe('holidayName', () => {
  it('names holidays and 调休 days', () => {
    expect(holidayName('2025-10-01')).toContain('国庆节');
    expect(holidayName('2025-10-11')).toContain('国庆节');
    expect(holidayName('2025-10-13')).toBeNull();
  });
});

describe('calendar dates', () => {
  it('take the date in Asia/Shanghai from an instant', () => {
    expect(shanghaiDate(Date.UTC(2025, 8, 30, 15, 59, 59))).toBe('2025-09-30');
    expect(shanghaiDate(new Date(Date.UTC(2025, 8, 30, 16, 0, 0)))).toBe('2025-10-01');
  });
  it('read an instant to the minute in Asia/Shanghai, across midnight', () => {
    expect(shanghaiMinute(Date.UTC(2025, 8, 30, 15, 59, 59))).toBe('2025-09-30 23:59');
    expect(shanghaiMinute(new Date(Date.UTC(2025, 8, 30, 16, 0, 0)))).toBe('2025-10-01 00:00');
    expect(shanghaiMinute(Date.UTC(2026, 0, 5, 2, 7))).toBe('2026-01-05 10:07');
  });
  it('add years clamping 29 February', () => {
    expect(addYearsClamped('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYearsClamped('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYearsClamped('2025-03-01', 2)).toBe('2027-03-01');
  });
});
