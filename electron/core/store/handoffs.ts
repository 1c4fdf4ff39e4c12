import { DEFAULT_LANGUAGE, type Channel, type Language } from '../../../shared/domain';
import type { HandoffStatus } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

export interface NewHandoff {
  questionId: number;
  departmentId: number;
  /** Question reference and department code: "2026-0412/energy". */
  reference: string;
  dueDate: string;
  createdAt: number;
  /** What the department is asked to do, beyond the question itself. */
  note?: string;
}

/**
 * One row of `handoff`: a question handed to a department. `status` is handed_off → in_progress →
 * answered (with the department's `answer`); whether it is overdue is never stored (see
 * electron/core/handoffs/board.ts).
 */
export interface HandoffRecord {
  id: number;
  questionId: number;
  departmentId: number;
  reference: string;
  note: string;
  dueDate: string;
  status: HandoffStatus;
  answer: string;
  answeredAt: number | null;
  createdAt: number;
  updatedAt: number;
  version: number;
  questionReference: string;
  questionText: string;
  channel: Channel;
  language: Language;
}

export interface HandoffChanges {
  note: string;
  dueDate: string;
  status: HandoffStatus;
  answer: string;
  answeredAt: number | null;
}

const INSERT = `
  INSERT INTO handoff (question_id, department_id, reference, note, due_date, created_at, updated_at)
  VALUES (@questionId, @departmentId, @reference, @note, @dueDate, @createdAt, @createdAt)
  RETURNING id
`;

const COUNT_FOR = `SELECT COUNT(*) AS n FROM handoff WHERE question_id = @questionId`;

const SELECT = `
  SELECT h.id, h.question_id AS questionId, h.department_id AS departmentId, h.reference, h.note,
         h.due_date AS dueDate, h.status, h.answer, h.answered_at AS answeredAt, h.created_at AS createdAt,
         h.updated_at AS updatedAt, h.version, q.reference AS questionReference, q.air_text AS questionText,
         q.channel, q.language
  FROM handoff h JOIN question q ON q.id = h.question_id
`;
const BY_ID = `${SELECT} WHERE h.id = @id`;
const BY_REFERENCE = `${SELECT} WHERE h.reference = @reference`;
const LATEST_OF_QUESTION = `${SELECT} WHERE h.question_id = @questionId ORDER BY h.id DESC LIMIT 1`;
const ALL = `${SELECT} ORDER BY h.id DESC LIMIT @limit`;
const OF_DEPARTMENT = `${SELECT} WHERE h.department_id = @departmentId ORDER BY h.id DESC LIMIT @limit`;
const OPEN_OF_DEPARTMENT = `
  ${SELECT} WHERE h.department_id = @departmentId AND h.status <> 'answered' ORDER BY h.due_date, h.id
`;
const UPDATE = `
  UPDATE handoff
  SET note = @note, due_date = @dueDate, status = @status, answer = @answer, answered_at = @answeredAt,
      updated_at = @now, version = version + 1
  WHERE id = @id AND version = @version
`;

/** The board reads at most this many, newest first: far more than a season of shows hands off. */
const BOARD_LIMIT = 5000;

type Row = Omit<HandoffRecord, 'language'> & { language: Language | null };

function toRecord(row: Row): HandoffRecord {
  return { ...row, language: row.language ?? DEFAULT_LANGUAGE };
}

export function insertHandoff(db: Db, handoff: NewHandoff): HandoffRecord {
  const { id } = prepared(db, INSERT).get({ ...handoff, note: handoff.note ?? '' }) as { id: number };
  return getHandoff(db, id)!;
}

/** A question handed off again (to a second department) gets a suffixed reference. */
export function countHandoffs(db: Db, questionId: number): number {
  return (prepared(db, COUNT_FOR).get({ questionId }) as { n: number }).n;
}

export function getHandoff(db: Db, id: number): HandoffRecord | null {
  const row = prepared(db, BY_ID).get({ id }) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function getHandoffByReference(db: Db, reference: string): HandoffRecord | null {
  const row = prepared(db, BY_REFERENCE).get({ reference }) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** The question's newest hand-off (a question handed off again goes to a second department). */
export function latestHandoffOf(db: Db, questionId: number): HandoffRecord | null {
  const row = prepared(db, LATEST_OF_QUESTION).get({ questionId }) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function listHandoffs(db: Db, departmentId?: number): HandoffRecord[] {
  const rows =
    departmentId === undefined
      ? prepared(db, ALL).all({ limit: BOARD_LIMIT })
      : prepared(db, OF_DEPARTMENT).all({ departmentId, limit: BOARD_LIMIT });
  return (rows as Row[]).map(toRecord);
}

/** A department's hand-offs not yet answered, earliest due first (the sheet sent to it). */
export function listOpenHandoffs(db: Db, departmentId: number): HandoffRecord[] {
  return (prepared(db, OPEN_OF_DEPARTMENT).all({ departmentId }) as Row[]).map(toRecord);
}

/** Writes the changes if `version` is still current; false when someone changed it first. */
export function updateHandoff(db: Db, id: number, version: number, changes: HandoffChanges, now: number): boolean {
  return prepared(db, UPDATE).run({ ...changes, id, version, now }).changes === 1;
}
