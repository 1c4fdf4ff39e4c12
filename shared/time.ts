import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The city runs on Almaty time; storage is UTC epoch milliseconds. Never hard-code the offset. */
export const CITY_TZ = 'Asia/Almaty';

export function cityTime(ms: number): dayjs.Dayjs {
  return dayjs(ms).tz(CITY_TZ);
}

// Intake asks for the year of every message: one cached formatter is ~50× cheaper than dayjs.tz.
const yearInCity = new Intl.DateTimeFormat('en-US', { timeZone: CITY_TZ, year: 'numeric' });

// And the formatter once per hour: the city's offset is whole hours, so a year starts on the hour.
const HOUR_MS = 3_600_000;
let yearHour = NaN;
let yearOfHour = 0;

export function cityYear(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  if (hour !== yearHour) {
    yearOfHour = Number(yearInCity.format(hour * HOUR_MS));
    yearHour = hour;
  }
  return yearOfHour;
}

export function formatCityTime(ms: number, pattern = 'HH:mm'): string {
  return cityTime(ms).format(pattern);
}
