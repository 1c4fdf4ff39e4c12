import { createHash } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import dayjs from 'dayjs';
import type { District } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { MAX_QUESTION_CHARS } from '../../../../shared/forms';
import type { CsvField, CsvMapping, CsvPreview, CsvRowResult } from '../../../../shared/protocol';
import { normalizeLine, normalizeText } from '../../../../shared/text';
import { CITY_TZ } from '../../../../shared/time';
import { districtFrom } from '../../../../shared/vocabulary';
import type { InboundMessage } from '../../intake/inbound';

/**
 * The CSV adapter (call-centre and social-media exports): decodes UTF-8 or Windows-1251, finds
 * the delimiter, suggests a column mapping from the headers, and turns every row into either an
 * `InboundMessage` or a reason it cannot be imported. Re-importing the same file yields the same
 * external ids, so it adds nothing.
 */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface CsvTable {
  columns: string[];
  rows: string[][];
  delimiter: string;
  encoding: 'utf-8' | 'windows-1251';
}

export interface CsvRow {
  line: number;
  values: string[];
  message: InboundMessage | null;
  error: string | null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const cp1251 = new TextDecoder('windows-1251');

export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvTable['encoding'] } {
  try {
    return { text: strictUtf8.decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    // Excel in Russian locales saves "CSV" as Windows-1251.
    return { text: cp1251.decode(bytes), encoding: 'windows-1251' };
  }
}

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** The line a record starting `byteOffset` bytes into `text` begins on (the quote opened there, not where parsing gave up). */
function lineOfRecordAt(text: string, byteOffset: number): number {
  const before = Buffer.from(text).subarray(0, byteOffset).toString();
  const rest = text.slice(before.length);
  const blankLines = /^\n*/.exec(rest)![0].length;
  return before.split('\n').length + blankLines;
}

/** The file's records; a file csv-parse cannot read (an unclosed quote) is the producer's to fix: a 400 naming the line. */
function parseRecords(text: string, delimiter: string): string[][] {
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = lineOfRecordAt(text, (error as CsvError & { bytes_records: number }).bytes_records);
    const messageKey = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'intake.csv.errorQuote' : 'intake.csv.errorUnreadable';
    throw new AppError('validation', { field: 'file', messageKey, vars: { line }, detail: error.message });
  }
}

export function readCsv(bytes: Buffer): CsvTable {
  const decoded = decodeCsv(bytes);
  const encoding = decoded.encoding;
  // Exports mix CRLF and LF; csv-parse would take the first line's ending as the only one.
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const records = parseRecords(text, delimiter);
  const [header = [], ...rows] = records;
  return { columns: header.map((h) => normalizeLine(h)), rows, delimiter, encoding };
}

const HEADER_HINTS: Record<CsvField, RegExp> = {
  text: /^(text|question|message|comment|вопрос|текст|сообщение|комментарий|обращение|сұрақ|мәтін|хабарлама)/i,
  name: /^(name|sender|author|caller|имя|фио|автор|заявитель|абонент|аты|есімі|аты-жөні)/i,
  phone: /^(phone|tel|mobile|телефон|номер телефона|тел)/i,
  district: /^(district|район|аудан)/i,
  topic: /^(topic|subject|category|тема|категория|тақырып|санат)/i,
  externalId: /^(id|external|ticket|№|номер обращения|номер заявки|номер$)/i,
  receivedAt: /^(date|time|received|created|дата|время|уақыт|күні)/i,
};

export function suggestMapping(columns: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const taken = new Set<number>();
  for (const field of Object.keys(HEADER_HINTS) as CsvField[]) {
    const index = columns.findIndex((c, i) => !taken.has(i) && HEADER_HINTS[field].test(c.trim()));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/** A district as operators type it in any language ("Турксиб", "Түрксіб ауданы", "Turksib"); null when empty. */
export function parseDistrict(value: string): District | null | 'unknown' {
  if (value.trim() === '') return null;
  return districtFrom(normalizeLine(value)) ?? 'unknown';
}

/** ISO 8601, or `DD.MM.YYYY [HH:mm[:ss]]` in Almaty time as Russian-locale exports write it. */
export function parseCsvDate(value: string): number | null {
  const v = value.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (ru) {
    const [, d, mo, y, h = '0', mi = '0', s = '0'] = ru;
    const local = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s.padStart(2, '0')}`;
    const parsed = dayjs.tz(local, CITY_TZ);
    // dayjs rolls 32.13 over into next year; only a date that reads back the same is real.
    return parsed.isValid() && parsed.format('YYYY-MM-DDTHH:mm:ss') === local ? parsed.valueOf() : null;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) {
    const ms = /[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? Date.parse(v) : dayjs.tz(v, CITY_TZ).valueOf();
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

export function csvRows(table: CsvTable, mapping: CsvMapping, t: Translate): CsvRow[] {
  const seen = new Map<string, number>();
  return table.rows.map((values, i) => {
    const line = i + 2;
    const cell = (field: CsvField): string => {
      const index = mapping[field];
      return index === undefined ? '' : (values[index] ?? '');
    };
    const fail = (key: string, vars: Record<string, unknown> = {}): CsvRow => ({
      line,
      values,
      message: null,
      error: t(key, { max: MAX_QUESTION_CHARS, ...vars }),
    });
    const text = normalizeText(cell('text'));
    if (mapping.text === undefined) return fail('intake.csv.errorNoTextColumn');
    if (text === '') return fail('error.empty_text');
    if (text.length > MAX_QUESTION_CHARS) return fail('error.text_too_long');
    const district = parseDistrict(cell('district'));
    if (district === 'unknown') return fail('intake.csv.errorDistrict', { value: cell('district') });
    let receivedAt: number | undefined;
    if (cell('receivedAt').trim() !== '') {
      const parsed = parseCsvDate(cell('receivedAt'));
      if (parsed === null) return fail('intake.csv.errorDate', { value: cell('receivedAt') });
      receivedAt = parsed;
    }
    const name = normalizeLine(cell('name')) || t('intake.anonymous');
    const phone = normalizeLine(cell('phone')) || null;
    const ownId = normalizeLine(cell('externalId'));
    let externalId: string;
    if (ownId) {
      externalId = `id:${ownId}`;
    } else {
      // Same content → same id; the nth identical row keeps its own id so true repeats survive.
      const hash = createHash('sha256').update([name, phone ?? '', text, receivedAt ?? ''].join('\u0001')).digest('hex');
      const nth = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, nth);
      externalId = `h:${hash.slice(0, 32)}:${nth}`;
    }
    return {
      line,
      values,
      error: null,
      message: {
        channel: 'csv',
        externalId,
        senderName: name,
        senderContact: phone,
        district,
        topic: normalizeLine(cell('topic')) || null,
        text,
        ...(receivedAt === undefined ? {} : { receivedAt }),
        meta: { line },
      },
    };
  });
}

export const CSV_PREVIEW_ROWS = 20;

export function csvPreview(table: CsvTable, mapping: CsvMapping, rows: CsvRow[]): CsvPreview {
  const toResult = (r: CsvRow): CsvRowResult => ({ line: r.line, values: r.values, error: r.error });
  const errors = rows.filter((r) => r.error !== null);
  return {
    columns: table.columns,
    delimiter: table.delimiter,
    encoding: table.encoding,
    mapping,
    total: rows.length,
    valid: rows.length - errors.length,
    rows: rows.slice(0, CSV_PREVIEW_ROWS).map(toResult),
    errors: errors.map(toResult),
  };
}
