/**
 * Working days in Kazakhstan, for hand-off due dates (APPC art. 76: an appeal is answered within
 * 15 working days). The week is Monday–Friday; everything else — public holidays, days off carried
 * over from a weekend holiday, the government's yearly day-off transfers — is data in the
 * `calendar_day` table that an admin edits, handed to these functions as a `WorkingCalendar`.
 */

/** The exceptions to the Monday–Friday week, as ISO dates (YYYY-MM-DD). */
export interface WorkingCalendar {
  /** Weekdays nobody works: holidays, carried-over and transferred days off. */
  daysOff: ReadonlySet<string>;
  /** Weekend days worked by decree in exchange for a transferred day off. */
  workingDays: ReadonlySet<string>;
}

export const CALENDAR_DAY_KINDS = ['day_off', 'working_day'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/**
 * Weekends only: for a screen's first guess before it has the calendar (the rundown's outcome
 * dialog); the core computes the real default from the table when no due date is sent.
 */
export const WEEKENDS_ONLY: WorkingCalendar = { daysOff: new Set(), workingDays: new Set() };

const DAY_MS = 86_400_000;

function parse(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(iso: string, calendar: WorkingCalendar): boolean {
  if (calendar.workingDays.has(iso)) return true;
  return !isWeekend(parse(iso)) && !calendar.daysOff.has(iso);
}

/** The date `count` working days after `fromIso` (the day itself is not counted). */
export function addWorkingDays(fromIso: string, count: number, calendar: WorkingCalendar = WEEKENDS_ONLY): string {
  let ms = parse(fromIso);
  let left = count;
  while (left > 0) {
    ms += DAY_MS;
    if (isWorkingDay(format(ms), calendar)) left--;
  }
  return format(ms);
}

/**
 * Working days from `fromIso` (exclusive) up to `toIso` (inclusive); 0 when `toIso` is not after
 * `fromIso`. "Due in 2 working days" on the board.
 */
export function workingDaysUntil(fromIso: string, toIso: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let ms = parse(fromIso) + DAY_MS; ms <= parse(toIso); ms += DAY_MS) {
    if (isWorkingDay(format(ms), calendar)) count++;
  }
  return count;
}

/** Appeals to state bodies are answered within 15 working days (APPC art. 76). */
export const HANDOFF_WORKING_DAYS = 15;

/** A hand-off due within this many working days is "due soon" on the board. */
export const DUE_SOON_WORKING_DAYS = 3;
