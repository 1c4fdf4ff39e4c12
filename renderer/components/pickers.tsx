import { DateInput, DateTimePicker, TimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** How a picked date reads in the field: "2 желтоқсан 2026", in the DatesProvider's locale. */
const DATE_FORMAT = 'D MMMM YYYY';
const DATE_TIME_FORMAT = 'D MMMM YYYY, HH:mm';

/**
 * Typed dates are read as written in every UI language (31.12.2026) or as ISO (2026-12-31), so
 * nobody has to type a month name; anything else leaves the field as it was.
 */
function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!y || !m || !d) return null;
  const date = dayjs(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
  return date.isValid() && date.format('D') === String(Number(d)) ? date.format('YYYY-MM-DD') : null;
}

interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  minDate?: string | undefined;
  clearable?: boolean;
  testId?: string;
}

/** A calendar date picker speaking the UI language (not the browser's `mm/dd/yyyy`). */
export function DateField({ label, value, onChange, required, minDate, clearable, testId }: DateFieldProps): React.JSX.Element {
  return (
    <DateInput
      label={label}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      valueFormat={DATE_FORMAT}
      dateParser={parseTypedDate}
      required={required}
      minDate={minDate || undefined}
      clearable={clearable}
      size="xs"
      data-testid={testId}
      popoverProps={{ withinPortal: true }}
    />
  );
}

/** A 24-hour time picker (`HH:mm`), the same in every language — never a browser AM/PM widget. */
export function TimeField({ label, value, onChange, required }: { label: string; value: string; onChange: (value: string) => void; required?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <TimePicker
      label={label}
      value={value}
      onChange={onChange}
      format="24h"
      withDropdown
      required={required}
      size="xs"
      hoursInputLabel={`${label}: ${t('pickers.hours')}`}
      minutesInputLabel={`${label}: ${t('pickers.minutes')}`}
    />
  );
}

/** A date and time picker for an instant (epoch ms), shown in the UI language. */
export function DateTimeField({ label, value, onChange }: { label: string; value: number | undefined; onChange: (value: number | undefined) => void }): React.JSX.Element {
  return (
    <DateTimePicker
      label={label}
      value={value === undefined ? null : dayjs(value).format('YYYY-MM-DD HH:mm:ss')}
      onChange={(v) => onChange(v ? dayjs(v).valueOf() : undefined)}
      valueFormat={DATE_TIME_FORMAT}
      clearable
      size="xs"
      popoverProps={{ withinPortal: true }}
    />
  );
}
