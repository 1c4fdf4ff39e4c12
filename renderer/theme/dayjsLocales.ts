import dayjs from 'dayjs';
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';
import 'dayjs/locale/en';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/domain';
import { isLanguage } from '../../shared/i18n';

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

/** Date formatters bound to the UI language, re-rendering when it changes. */
export function useDateFormat(): { date: (value: string | number | Date) => string; dateTime: (value: string | number | Date) => string } {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return { date: (value) => formatDate(value, lang), dateTime: (value) => formatDateTime(value, lang) };
}
