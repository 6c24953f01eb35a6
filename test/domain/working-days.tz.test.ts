/**
 * The package builds its holiday table with host-local dates, so west of UTC its `isWorkday` answers for the
 * wrong day. This file runs in its own worker with TZ set before the package loads, and checks that
 * working-days.ts still gets the 2025 National Day right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const originalTz = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

type Mod = typeof import('../../src/domain/working-days.js');
let wd: Mod;
let pkg: { isWorkday: (d: string) => boolean };

beforeAll(async () => {
  wd = await import('../../src/domain/working-days.js');
  pkg = (await import('chinese-days')).default;
});

describe('working days in a host time zone west of UTC', () => {
  it('runs in America/New_York', () => {
    expect(new Date(Date.UTC(2025, 0, 1)).getDate()).toBe(31);
  });
  it('the raw package isWorkday is off by a day there (documenting why it is not called directly)', () => {
    expect(pkg.isWorkday('2025-09-27')).toBe(true); // a Saturday, wrongly a working day
  });
  it('isWorkingDay and addWorkingDays are still right', () => {
    expect(wd.isWorkingDay('2025-09-27')).toBe(false);
    expect(wd.isWorkingDay('2025-09-28')).toBe(true);
    expect(wd.isWorkingDay('2025-09-30')).toBe(true);
    expect(wd.isWorkingDay('2025-10-01')).toBe(false);
    expect(wd.isWorkingDay('2025-10-08')).toBe(false);
    expect(wd.isWorkingDay('2025-10-11')).toBe(true);
    expect(wd.isWorkingDay('2025-10-12')).toBe(false);
    expect(wd.addWorkingDays('2025-09-29', 5)).toBe('2025-10-11');
    expect(wd.addWorkingDays('2025-09-30', 5)).toBe('2025-10-13');
    expect(wd.workingDaysBetween('2025-09-28', '2025-10-12')).toBe(6);
  });
});
