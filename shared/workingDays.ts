/**
 * Working days in Kazakhstan, for handoff due dates (APPC art. 76: an appeal is answered within
 * 15 working days). `date-holidays` is not a dependency: the holidays live in this editable table,
 * because the government's yearly day-off transfers must be added by hand anyway.
 */

/** Public holidays on the same date every year (Labour Code art. 84 and the Law on holidays). */
const FIXED_HOLIDAYS: readonly string[] = [
  '01-01', '01-02', // New Year
  '03-08', // International Women's Day
  '03-21', '03-22', '03-23', // Nauryz
  '05-01', // Unity Day
  '05-07', // Defender of the Fatherland Day
  '05-09', // Victory Day
  '07-06', // Capital Day
  '08-30', // Constitution Day
  '10-25', // Republic Day
  '12-16', // Independence Day
];

/** Religious days off: not moved when they fall on a weekend. */
const RELIGIOUS_HOLIDAYS: readonly string[] = [
  '01-07', // Orthodox Christmas (every year)
];

/** Kurban Ait, first day: follows the lunar calendar, one date per year. */
const KURBAN_AIT: readonly string[] = ['2024-06-16', '2025-06-06', '2026-05-27', '2027-05-16', '2028-05-05'];

/**
 * Government decrees moving days off: extra days off and the weekend days worked in exchange
 * (ISO dates). Empty until someone enters the year's decree: this desk has no verified copy.
 */
export const TRANSFERRED_DAYS_OFF: readonly string[] = [];
export const TRANSFERRED_WORKING_DAYS: readonly string[] = [];

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

const yearCache = new Map<number, ReadonlySet<string>>();

/** Every non-working weekday of a year, including days off carried over from a weekend holiday. */
function daysOff(year: number): ReadonlySet<string> {
  const cached = yearCache.get(year);
  if (cached) return cached;
  const off = new Set<string>();
  const fixed = FIXED_HOLIDAYS.map((md) => parse(`${year}-${md}`)).sort((a, b) => a - b);
  for (const ms of fixed) off.add(format(ms));
  // A non-religious holiday on a weekend moves the day off to the next day that is neither a
  // weekend nor a holiday itself (Nauryz on a Sunday: the 22nd and 23rd are already off).
  for (const ms of fixed) {
    if (!isWeekend(ms)) continue;
    let carry = ms + DAY_MS;
    while (isWeekend(carry) || off.has(format(carry))) carry += DAY_MS;
    off.add(format(carry));
  }
  for (const md of RELIGIOUS_HOLIDAYS) off.add(`${year}-${md}`);
  for (const day of [...KURBAN_AIT, ...TRANSFERRED_DAYS_OFF]) if (day.startsWith(`${year}-`)) off.add(day);
  yearCache.set(year, off);
  return off;
}

export function isWorkingDay(iso: string): boolean {
  if (TRANSFERRED_WORKING_DAYS.includes(iso)) return true;
  const ms = parse(iso);
  return !isWeekend(ms) && !daysOff(new Date(ms).getUTCFullYear()).has(iso);
}

/** The date `count` working days after `fromIso` (the day itself is not counted). */
export function addWorkingDays(fromIso: string, count: number): string {
  let ms = parse(fromIso);
  let left = count;
  while (left > 0) {
    ms += DAY_MS;
    if (isWorkingDay(format(ms))) left--;
  }
  return format(ms);
}

/** Appeals to state bodies are answered within 15 working days (APPC art. 76). */
export const HANDOFF_WORKING_DAYS = 15;
