import type { Channel, District, Language, QuestionStatus } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Question } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

/** A question as intake hands it to storage. */
export interface NewQuestion {
  channel: Channel;
  externalId: string;
  senderName: string;
  senderContact: string | null;
  senderUserId: string | null;
  district: District | null;
  topic: string | null;
  language: Language | null;
  text: string;
  meta: Record<string, unknown>;
  receivedAt: number;
  /** Calendar year of receipt in Asia/Almaty, the prefix of the reference number. */
  referenceYear: number;
}

interface QuestionRow {
  id: number;
  reference: string;
  channel: Channel;
  sender_name: string;
  sender_contact: string | null;
  district: District | null;
  topic: string | null;
  language: Language | null;
  original_text: string;
  air_text: string;
  status: QuestionStatus;
  reject_reason: string | null;
  received_at: number;
  updated_at: number;
  version: number;
}

const COLUMNS = `
  id, reference, channel, sender_name, sender_contact, district, topic, language,
  original_text, air_text, status, reject_reason, received_at, updated_at, version
`;

function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    senderName: row.sender_name,
    senderContact: row.sender_contact,
    district: row.district,
    topic: row.topic,
    language: row.language,
    originalText: row.original_text,
    airText: row.air_text,
    status: row.status,
    rejectReason: row.reject_reason,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const NEXT_ID = `SELECT COALESCE(MAX(id), 0) + 1 AS id FROM question`;

const INSERT = `
  INSERT INTO question (
    id, reference, channel, external_id, sender_name, sender_contact, sender_user_id,
    district, topic, language, original_text, air_text, meta, received_at, updated_at
  ) VALUES (
    @id, @reference, @channel, @externalId, @senderName, @senderContact, @senderUserId,
    @district, @topic, @language, @text, @text, @meta, @receivedAt, @receivedAt
  )
  ON CONFLICT (channel, external_id) DO NOTHING
  RETURNING ${COLUMNS}
`;

const BY_EXTERNAL_ID = `
  SELECT ${COLUMNS} FROM question WHERE channel = @channel AND external_id = @externalId
`;

const BY_ID = `SELECT ${COLUMNS} FROM question WHERE id = @id`;

const INBOX_PAGE = `
  SELECT ${COLUMNS} FROM question
  WHERE id < @beforeId
  ORDER BY id DESC
  LIMIT @limit
`;

const BY_STATUS = `
  SELECT ${COLUMNS} FROM question
  WHERE status = @status
  ORDER BY updated_at DESC, id DESC
  LIMIT @limit
`;

const UPDATE_STATE = `
  UPDATE question
  SET status = @status,
      reject_reason = @rejectReason,
      air_text = @airText,
      updated_at = @now,
      version = version + 1
  WHERE id = @id AND version = @version
  RETURNING ${COLUMNS}
`;

export function formatReference(year: number, id: number): string {
  return `${year}-${String(id).padStart(4, '0')}`;
}

/**
 * Inserts a question unless (channel, external id) is already stored; a redelivery returns the
 * stored question with `created: false`. Must run inside the caller's transaction, which makes
 * the MAX(id)+1 reservation safe (SQLite has one writer).
 */
export function insertQuestion(db: Db, input: NewQuestion): { question: Question; created: boolean } {
  const existing = prepared(db, BY_EXTERNAL_ID).get(input) as QuestionRow | undefined;
  if (existing) return { question: toQuestion(existing), created: false };
  const { id } = prepared(db, NEXT_ID).get() as { id: number };
  const row = prepared(db, INSERT).get({
    ...input,
    id,
    reference: formatReference(input.referenceYear, id),
    meta: JSON.stringify(input.meta),
  }) as QuestionRow;
  return { question: toQuestion(row), created: true };
}

export function getQuestion(db: Db, id: number): Question | null {
  const row = prepared(db, BY_ID).get({ id }) as QuestionRow | undefined;
  return row ? toQuestion(row) : null;
}

export function listInbox(db: Db, page: { limit: number; beforeId?: number | undefined }): Question[] {
  const rows = prepared(db, INBOX_PAGE).all({
    limit: page.limit,
    beforeId: page.beforeId ?? Number.MAX_SAFE_INTEGER,
  }) as QuestionRow[];
  return rows.map(toQuestion);
}

export function listByStatus(db: Db, status: QuestionStatus, limit: number): Question[] {
  return (prepared(db, BY_STATUS).all({ status, limit }) as QuestionRow[]).map(toQuestion);
}

export interface StateChange {
  status: QuestionStatus;
  rejectReason?: string | null;
  airText?: string;
}

/**
 * Optimistic concurrency: the change applies only to the version the producer saw. A stale
 * change throws `stale` carrying the fresh question, never overwriting someone else's work.
 */
export function updateQuestionState(
  db: Db,
  id: number,
  version: number,
  change: StateChange,
  now: number,
): Question {
  const current = getQuestion(db, id);
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('stale', { current });
  const row = prepared(db, UPDATE_STATE).get({
    id,
    version,
    now,
    status: change.status,
    rejectReason: change.rejectReason === undefined ? current.rejectReason : change.rejectReason,
    airText: change.airText ?? current.airText,
  }) as QuestionRow | undefined;
  if (!row) throw new AppError('stale', { current: getQuestion(db, id) });
  return toQuestion(row);
}

export function countQuestions(db: Db): number {
  return (prepared(db, `SELECT COUNT(*) AS n FROM question`).get() as { n: number }).n;
}
