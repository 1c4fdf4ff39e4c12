import type { CalendarDayKind, WorkingCalendar } from '../../../shared/workingDays';
import type { Db } from './db';
import { prepared } from './statements';

/** One exception to the Monday–Friday week. */
export interface CalendarDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
  source: 'date-holidays' | 'admin';
}

const ALL = `SELECT day, kind, name, source FROM calendar_day ORDER BY day`;
const YEAR = `SELECT day, kind, name, source FROM calendar_day WHERE day >= @from AND day < @to ORDER BY day`;
const GET = `SELECT day, kind, name, source FROM calendar_day WHERE day = @day`;
const UPSERT = `
  INSERT INTO calendar_day (day, kind, name, source, updated_at) VALUES (@day, @kind, @name, 'admin', @now)
  ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = 'admin', updated_at = @now
`;
const DELETE = `DELETE FROM calendar_day WHERE day = @day`;

export function listCalendarDays(db: Db, year?: number): CalendarDay[] {
  if (year === undefined) return prepared(db, ALL).all() as CalendarDay[];
  return prepared(db, YEAR).all({ from: `${year}-01-01`, to: `${year + 1}-01-01` }) as CalendarDay[];
}

export function getCalendarDay(db: Db, day: string): CalendarDay | null {
  return (prepared(db, GET).get({ day }) as CalendarDay | undefined) ?? null;
}

export function saveCalendarDay(db: Db, entry: Omit<CalendarDay, 'source'>, now: number): void {
  prepared(db, UPSERT).run({ ...entry, now });
}

export function removeCalendarDay(db: Db, day: string): boolean {
  return prepared(db, DELETE).run({ day }).changes === 1;
}

/** The whole table as the working-day functions take it (a few dozen rows a year). */
export function loadWorkingCalendar(db: Db): WorkingCalendar {
  const daysOff = new Set<string>();
  const workingDays = new Set<string>();
  for (const row of listCalendarDays(db)) (row.kind === 'day_off' ? daysOff : workingDays).add(row.day);
  return { daysOff, workingDays };
}
