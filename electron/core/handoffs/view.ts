import type { Handoff } from '../../../shared/protocol';
import { DUE_SOON_WORKING_DAYS, workingDaysUntil, type WorkingCalendar } from '../../../shared/workingDays';
import type { HandoffRecord } from '../store/handoffs';

/**
 * The board's view of a hand-off on `today`. Overdue: not answered and the due date has passed
 * (a hand-off due today is not late yet). Derived on every read, never stored.
 */
export function handoffView(record: HandoffRecord, calendar: WorkingCalendar, today: string): Handoff {
  const open = record.status !== 'answered';
  const overdue = open && record.dueDate < today;
  const workingDaysLeft = workingDaysUntil(today, record.dueDate, calendar);
  return {
    ...record,
    overdue,
    dueSoon: open && !overdue && workingDaysLeft <= DUE_SOON_WORKING_DAYS,
    workingDaysLeft,
  };
}
