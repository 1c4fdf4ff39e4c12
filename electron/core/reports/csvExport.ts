import { stringify } from 'csv-stringify/sync';
import type { Report } from '../../../shared/protocol';
import { cityDateTime, reportHeading, reportSections, type Cell, type CellKind } from './reportTables';

/** A text cell a spreadsheet would run as a formula (= + - @, or a leading tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a quote so Excel and LibreOffice show the text instead of evaluating it (OWASP's advice). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell, kind: CellKind): string | number {
  if (value === null) return '';
  if (kind === 'datetime' && typeof value === 'number') return cityDateTime(value);
  if (typeof value === 'number') return value;
  return neutraliseFormula(value);
}

/**
 * The report as one CSV (RFC 4180: comma, CRLF, quotes doubled), UTF-8 with a BOM so Excel reads
 * Cyrillic and Kazakh letters right. Sections follow each other: a title line, the header, the
 * rows and an empty line.
 */
export function reportCsv(report: Report): Buffer {
  const heading = reportHeading(report);
  const records: Array<Array<string | number>> = [[heading.title], ...heading.lines.map((l) => [neutraliseFormula(l)]), []];
  for (const section of reportSections(report)) {
    records.push([section.title]);
    records.push(section.columns.map((c) => c.header));
    for (const row of section.rows) records.push(row.map((cell, i) => csvCell(cell, section.columns[i]!.kind)));
    records.push([]);
  }
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ }), 'utf8');
}
