import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar, removeCalendarDay, saveCalendarDay } from '../../../electron/core/store/calendar';
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { addWorkingDays, isWorkingDay, workingDaysUntil } from '../../../shared/workingDays';

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-days-'));
  db = openDatabase(join(dir, 'desk.sqlite'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const seeded = () => loadWorkingCalendar(db);

describe('working days from the seeded Kazakhstan calendar (date-holidays)', () => {
  it('skips weekends', () => {
    // Friday 6 Feb 2026 + 1 working day = Monday 9 Feb.
    expect(addWorkingDays('2026-02-06', 1, seeded())).toBe('2026-02-09');
    expect(addWorkingDays('2026-02-09', 15, seeded())).toBe('2026-03-02');
  });

  it('skips public holidays and the day off carried over from a weekend holiday', () => {
    // 16 Dec 2028 is a Saturday: Monday 18 Dec is the day off.
    expect(isWorkingDay('2028-12-18', seeded())).toBe(false);
    expect(isWorkingDay('2028-12-19', seeded())).toBe(true);
    // Orthodox Christmas, 7 Jan 2029, is a Sunday and is not carried over.
    expect(isWorkingDay('2029-01-08', seeded())).toBe(true);
  });

  it('knows Kurban Ait, which moves with the lunar calendar', () => {
    expect(isWorkingDay('2026-05-27', seeded())).toBe(false);
    expect(addWorkingDays('2026-05-20', 15, seeded())).toBe('2026-06-11');
  });

  it('crosses the new year', () => {
    // Tue 30 Dec 2025 → 31 Dec, then 1–2 Jan off, 3–4 weekend, 5 Jan, 6 Jan, 7 Jan off, 8 Jan.
    expect(addWorkingDays('2025-12-30', 4, seeded())).toBe('2026-01-08');
  });

  it('counts working days left until a due date', () => {
    expect(workingDaysUntil('2026-05-22', '2026-05-28', seeded())).toBe(3); // Mon 25, Tue 26, Thu 28
    expect(workingDaysUntil('2026-05-28', '2026-05-22', seeded())).toBe(0);
  });
});

describe('the calendar is data an admin edits', () => {
  it('takes a government day-off transfer: an extra weekday off and the Saturday worked for it', () => {
    // A decree moves the working day of Friday 4 Dec 2026 to Saturday 12 Dec.
    const before = addWorkingDays('2026-12-01', 5, seeded());
    expect(before).toBe('2026-12-08');
    saveCalendarDay(db, { day: '2026-12-04', kind: 'day_off', name: 'Перенос' }, 1);
    saveCalendarDay(db, { day: '2026-12-12', kind: 'working_day', name: 'Перенос' }, 1);
    expect(isWorkingDay('2026-12-12', seeded())).toBe(true);
    // Wed 2, Thu 3, Mon 7, Tue 8, Wed 9: Friday 4 is off now.
    expect(addWorkingDays('2026-12-01', 5, seeded())).toBe('2026-12-09');
    // Counted across the worked Saturday: 8 (Tue) + 4 = 9, 10, 11, 12 (Sat, worked).
    expect(addWorkingDays('2026-12-08', 4, seeded())).toBe('2026-12-12');
    removeCalendarDay(db, '2026-12-04');
    removeCalendarDay(db, '2026-12-12');
    expect(addWorkingDays('2026-12-01', 5, seeded())).toBe('2026-12-08');
  });

  it('corrects a seeded holiday: Nauryz 2027 starts on a Sunday, so the 24th is off too', () => {
    expect(addWorkingDays('2027-03-19', 1, seeded())).toBe('2027-03-24');
    saveCalendarDay(db, { day: '2027-03-24', kind: 'day_off', name: 'Наурыз (перенос)' }, 1);
    expect(addWorkingDays('2027-03-19', 1, seeded())).toBe('2027-03-25');
  });
});
