import dayjs from 'dayjs';
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';
import 'dayjs/locale/en';
import type { Language } from '../../shared/domain';

/** dayjs locale names are the UI's language codes; importing them here registers all three. */
export function dayjsLocale(lang: Language): string {
  return lang;
}

/** "2 December 2026" / "2 декабря 2026" / "2 желтоқсан 2026": a date as the language writes it. */
export function formatDate(value: string | number | Date, lang: Language): string {
  return dayjs(value).locale(lang).format('D MMMM YYYY');
}

/** A date with its time of day, e.g. "2 декабря 2026, 19:00". */
export function formatDateTime(value: string | number | Date, lang: Language): string {
  return dayjs(value).locale(lang).format('D MMMM YYYY, HH:mm');
}
