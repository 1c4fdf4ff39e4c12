import { z } from 'zod';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../domain';

/** The department's sheet: open hand-offs out, answers back in (`/api/handoffs/sheet`). */
export const HANDOFF_SHEET_PATH = '/api/handoffs/sheet';
export const HANDOFF_SHEET_FORMATS = ['xlsx', 'csv'] as const;
export type HandoffSheetFormat = (typeof HANDOFF_SHEET_FORMATS)[number];

/** The sheet's columns, in order; headers are written in the sheet's language and read in any. */
export const HANDOFF_SHEET_COLUMNS = ['reference', 'question', 'dueDate', 'status', 'answer'] as const;
export type HandoffSheetColumn = (typeof HANDOFF_SHEET_COLUMNS)[number];

/** `GET /api/handoffs/sheet?department=<id>&format=xlsx|csv&lang=ru`. */
export const handoffSheetQuerySchema = z
  .object({
    department: z.coerce.number().int().positive(),
    format: z.enum(HANDOFF_SHEET_FORMATS).default('xlsx'),
    lang: z.enum(LANGUAGES).default(DEFAULT_LANGUAGE),
  })
  .strict();

/** `POST /api/handoffs/sheet`: the filled sheet, previewed (`commit: false`) or applied. */
export const handoffSheetImportSchema = z.object({
  departmentId: z.number().int().positive(),
  fileName: z.string().max(260).default(''),
  contentBase64: z.string().max(14 * 1024 * 1024),
  commit: z.boolean().default(false),
});
export type HandoffSheetImport = z.input<typeof handoffSheetImportSchema>;

/** What one row of a returned sheet does: answers a hand-off, changes nothing, or cannot be used. */
export const SHEET_ROW_OUTCOMES = ['answer', 'unchanged', 'error'] as const;
export type SheetRowOutcome = (typeof SHEET_ROW_OUTCOMES)[number];

/** Why a row cannot be used (`handoffs.sheet.error.<code>`). */
export const SHEET_ROW_ERRORS = [
  'noReference',
  'unknownReference',
  'otherDepartment',
  'duplicateReference',
  'emptyAnswer',
  'answerTooLong',
  'answeredDifferently',
] as const;
export type SheetRowError = (typeof SHEET_ROW_ERRORS)[number];

export interface HandoffSheetRow {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  reference: string;
  answer: string;
  outcome: SheetRowOutcome;
  error: SheetRowError | null;
  /** The answer the desk already holds, when the row's differs from it. */
  currentAnswer: string | null;
}

export interface HandoffSheetResult {
  departmentId: number;
  rows: HandoffSheetRow[];
  /** Rows that answer a hand-off (to be answered in a preview; answered once applied). */
  changes: number;
  unchanged: number;
  errors: number;
  /** False for a preview; true once the changes are saved. */
  applied: boolean;
}
