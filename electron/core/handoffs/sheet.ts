import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { HANDOFF_SHEET_COLUMNS, type HandoffSheetColumn, type HandoffSheetFormat } from '../../../shared/protocol';
import { maskPersonalData } from '../analysis/personalData';
import { translate } from '../messages';
import { neutraliseFormula } from '../reports/csvExport';
import type { Db } from '../store/db';
import { getDepartment } from '../store/departments';
import { listOpenHandoffs, type HandoffRecord } from '../store/handoffs';
import { cityToday } from './dueDates';

export interface SheetFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<HandoffSheetFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const WIDTHS: Record<HandoffSheetColumn, number> = { reference: 22, question: 70, dueDate: 12, status: 16, answer: 70 };

export function sheetHeader(column: HandoffSheetColumn, lang: Language): string {
  return translate(lang, `handoffs.sheet.column.${column}`);
}

/**
 * One row per open hand-off. The question is masked as on the teleprompter: the sheet leaves the
 * desk for a department, and a phone number written into a question is not theirs to read.
 */
function sheetRows(records: readonly HandoffRecord[], lang: Language): string[][] {
  return records.map((h) => [
    h.reference,
    maskPersonalData(h.questionText),
    h.dueDate,
    translate(lang, `handoffs.status.${h.status}`),
    h.answer,
  ]);
}

function csvSheet(rows: string[][], lang: Language): Buffer {
  const header = HANDOFF_SHEET_COLUMNS.map((c) => sheetHeader(c, lang));
  const records = [header, ...rows.map((r) => r.map(neutraliseFormula))];
  // RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a BOM so Excel reads Cyrillic and Kazakh.
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ }), 'utf8');
}

async function xlsxSheet(rows: string[][], lang: Language, title: string, now: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Akimat LIVE Desk';
  workbook.title = title;
  workbook.created = new Date(now);
  // The reference is the sheet's key: kept as text, and the answer column is the one to fill in.
  const sheet = workbook.addWorksheet(translate(lang, 'handoffs.sheet.sheetName').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = HANDOFF_SHEET_COLUMNS.map((c) => ({ header: sheetHeader(c, lang), key: c, width: WIDTHS[c] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // Cells are written as strings, never formulas: a question starting with "=" stays text.
    const added = sheet.addRow(row);
    added.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A department's open hand-offs, earliest due first, as the sheet it fills in and sends back. */
export async function handoffSheet(
  db: Db,
  input: { departmentId: number; format: HandoffSheetFormat; lang: Language; now: number },
): Promise<SheetFile> {
  const department = getDepartment(db, input.departmentId);
  if (!department) throw new AppError('not_found', { field: 'department' });
  const rows = sheetRows(listOpenHandoffs(db, department.id), input.lang);
  const today = cityToday(input.now);
  const body =
    input.format === 'csv'
      ? csvSheet(rows, input.lang)
      : await xlsxSheet(rows, input.lang, `${department.names[input.lang]} ${today}`, input.now);
  return {
    body,
    contentType: CONTENT_TYPES[input.format],
    fileName: `handoffs-${department.code}-${today}-${input.lang}.${input.format}`,
  };
}
