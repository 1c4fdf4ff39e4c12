import { AppError } from '../../../shared/errors';
import { formatCityTime } from '../../../shared/time';
import { addWorkingDays, HANDOFF_WORKING_DAYS, type WorkingCalendar } from '../../../shared/workingDays';
import { loadWorkingCalendar } from '../store/calendar';
import type { Db } from '../store/db';

/** Today's date in Almaty: due dates are calendar days in the city, whatever the machine's zone. */
export function cityToday(now: number): string {
  return formatCityTime(now, 'YYYY-MM-DD');
}

/**
 * The due date of a hand-off made at `now`: the producer's choice, refused when already past, or
 * 15 working days from today by the admin-edited calendar (APPC art. 76).
 */
export function handoffDueDate(db: Db, now: number, requested?: string, calendar?: WorkingCalendar): string {
  const today = cityToday(now);
  if (requested !== undefined) {
    checkDueDate(requested, now);
    return requested;
  }
  return addWorkingDays(today, HANDOFF_WORKING_DAYS, calendar ?? loadWorkingCalendar(db));
}

/** A due date before today is refused: nobody can answer in the past. */
export function checkDueDate(dueDate: string, now: number): void {
  if (dueDate < cityToday(now)) {
    throw new AppError('validation', { field: 'dueDate', messageKey: 'handoffs.error.dueInPast' });
  }
}
