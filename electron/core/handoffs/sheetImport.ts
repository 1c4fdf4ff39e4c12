import ExcelJS from 'exceljs';
import { LANGUAGES } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import {
  HANDOFF_SHEET_COLUMNS,
  handoffUpdateSchema,
  type HandoffSheetColumn,
  type HandoffSheetResult,
  type HandoffSheetRow,
  type SheetRowError,
} from '../../../shared/protocol';
import { normalizeLine, normalizeText } from '../../../shared/text';
import { readCsv } from '../channels/csv/adapter';
import { insertAudit } from '../store/audit';
import { getDepartment } from '../store/departments';
import { getHandoffByReference, type HandoffRecord } from '../store/handoffs';
import { changeHandoff, publishHandoff, type HandoffDeps } from './lifecycle';
import { sheetHeader } from './sheet';

/** A row of the returned sheet as read: its spreadsheet row number and the two cells that matter. */
export interface SheetLine {
  row: number;
  reference: string;
  answer: string;
}

const ANSWER_MAX = handoffUpdateSchema.shape.answer.unwrap().maxLength ?? 4000;

/** Every language's header for each column: a sheet exported in Kazakh may come back to a Russian screen. */
const HEADERS: ReadonlyMap<string, HandoffSheetColumn> = new Map(
  HANDOFF_SHEET_COLUMNS.flatMap((c) => LANGUAGES.map((lang) => [headerKey(sheetHeader(c, lang)), c] as const)),
);

function headerKey(text: string): string {
  return normalizeLine(text).toLowerCase();
}

/** An XLSX file is a zip archive; anything else is read as CSV (UTF-8 or Windows-1251). */
function isXlsx(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return String(value.text);
  return '';
}

async function readTable(bytes: Buffer): Promise<string[][]> {
  if (!isXlsx(bytes)) {
    const table = readCsv(bytes);
    return [table.columns, ...table.rows];
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AppError('validation', { field: 'file', messageKey: 'handoffs.sheet.error.unreadable', detail: String(error) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  // Row numbers as the spreadsheet shows them, blank rows kept, so errors name the right row.
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, HANDOFF_SHEET_COLUMNS.length); c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** The reference and answer of every row that has anything in it; refused when it is not our sheet. */
export async function readSheet(bytes: Buffer): Promise<SheetLine[]> {
  const [header = [], ...rows] = await readTable(bytes);
  const columnOf = (column: HandoffSheetColumn) => header.findIndex((h) => HEADERS.get(headerKey(h)) === column);
  const reference = columnOf('reference');
  const answer = columnOf('answer');
  if (reference < 0 || answer < 0) {
    throw new AppError('validation', { field: 'file', messageKey: 'handoffs.sheet.error.notSheet' });
  }
  return rows
    .map((cells, i) => ({
      row: i + 2,
      reference: normalizeLine(cells[reference] ?? ''),
      answer: normalizeText(cells[answer] ?? ''),
    }))
    .filter((line) => line.reference !== '' || line.answer !== '');
}

function outcomeOf(
  line: SheetLine,
  handoff: HandoffRecord | null,
  departmentId: number,
  seen: Set<string>,
): Pick<HandoffSheetRow, 'outcome' | 'error' | 'currentAnswer'> {
  const error = (code: SheetRowError, currentAnswer: string | null = null) => ({ outcome: 'error' as const, error: code, currentAnswer });
  if (line.reference === '') return error('noReference');
  if (seen.has(line.reference)) return error('duplicateReference');
  seen.add(line.reference);
  if (!handoff) return error('unknownReference');
  if (handoff.departmentId !== departmentId) return error('otherDepartment');
  if (handoff.status === 'answered') {
    return handoff.answer === line.answer || line.answer === ''
      ? { outcome: 'unchanged', error: null, currentAnswer: null }
      : error('answeredDifferently', handoff.answer);
  }
  if (line.answer === '') return error('emptyAnswer');
  if (line.answer.length > ANSWER_MAX) return error('answerTooLong');
  return { outcome: 'answer', error: null, currentAnswer: null };
}

/** What each row would do now: the preview, and the plan the import applies inside its transaction. */
export function reviewSheet(deps: HandoffDeps, departmentId: number, lines: readonly SheetLine[]): HandoffSheetResult {
  if (!getDepartment(deps.db, departmentId)) throw new AppError('not_found', { field: 'departmentId' });
  const seen = new Set<string>();
  const rows = lines.map((line): HandoffSheetRow => {
    const handoff = line.reference === '' ? null : getHandoffByReference(deps.db, line.reference);
    return { ...line, ...outcomeOf(line, handoff, departmentId, seen) };
  });
  const count = (outcome: HandoffSheetRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  return { departmentId, rows, changes: count('answer'), unchanged: count('unchanged'), errors: count('error'), applied: false };
}

/**
 * Records the answers of every usable row, each through the lifecycle (status answered, audited
 * with before/after), plus one audit row for the import itself. Rows with errors are left out;
 * the same sheet imported again finds its answers already there and changes nothing.
 */
export function applySheet(
  deps: HandoffDeps,
  input: { departmentId: number; fileName: string; lines: readonly SheetLine[] },
  actor: string,
): HandoffSheetResult {
  const changed: number[] = [];
  const result = deps.db.transaction(() => {
    const review = reviewSheet(deps, input.departmentId, input.lines);
    for (const row of review.rows) {
      if (row.outcome !== 'answer') continue;
      const handoff = getHandoffByReference(deps.db, row.reference)!;
      changeHandoff(deps, { id: handoff.id, version: handoff.version, answer: row.answer }, actor);
      changed.push(handoff.id);
    }
    if (changed.length > 0) {
      insertAudit(deps.db, {
        at: deps.now(),
        actor,
        action: 'handoff.sheet_import',
        entity: 'department',
        entityId: input.departmentId,
        after: { fileName: input.fileName, answered: review.rows.filter((r) => r.outcome === 'answer').map((r) => r.reference) },
      });
    }
    return { ...review, applied: true };
  })();
  for (const id of changed) publishHandoff(deps, id);
  return result;
}
