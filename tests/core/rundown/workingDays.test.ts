import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../../shared/workingDays';

describe('working days in Kazakhstan', () => {
  it('skips weekends', () => {
    // Friday 6 Feb 2026 + 1 working day = Monday 9 Feb.
    expect(addWorkingDays('2026-02-06', 1)).toBe('2026-02-09');
    expect(addWorkingDays('2026-02-09', 15)).toBe('2026-03-02');
  });

  it('skips public holidays, including all three days of Nauryz', () => {
    expect(isWorkingDay('2027-03-22')).toBe(false);
    // Thu 18 Mar 2027: 19 (Fri) works; 22–23 Mar are Nauryz (21st is a Sunday, carried to 24th).
    expect(addWorkingDays('2027-03-18', 1)).toBe('2027-03-19');
    expect(addWorkingDays('2027-03-19', 1)).toBe('2027-03-25');
  });

  it('moves a holiday that falls on a weekend to the next working day, but not a religious one', () => {
    // 16 Dec 2028 is a Saturday: Monday 18 Dec is the day off.
    expect(isWorkingDay('2028-12-18')).toBe(false);
    expect(isWorkingDay('2028-12-19')).toBe(true);
    // Orthodox Christmas, 7 Jan 2029, is a Sunday: Monday 8 Jan is a working day.
    expect(isWorkingDay('2029-01-08')).toBe(true);
  });

  it('knows Kurban Ait, which moves with the lunar calendar', () => {
    expect(isWorkingDay('2026-05-27')).toBe(false);
    expect(addWorkingDays('2026-05-20', 15)).toBe('2026-06-11');
  });

  it('crosses the new year', () => {
    // Tue 30 Dec 2025 → 31 Dec, then 1–2 Jan off, 3–4 weekend, 5 Jan, 6 Jan, 7 Jan off, 8 Jan.
    expect(addWorkingDays('2025-12-30', 4)).toBe('2026-01-08');
  });
});
