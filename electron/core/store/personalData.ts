import { maskPersonalData } from '../analysis/personalData';
import type { Db } from './db';
import { prepared } from './statements';

/** One place personal data of citizens is kept, and what retention does to it. */
export interface PersonalDataItem {
  table: string;
  column: string;
  /** A JSON path inside the column, when the column is JSON. */
  path?: string;
  holds: string;
  /** What `erasePersonalData` leaves there. */
  erasure: string;
}

/** What an erased sender's name becomes (the column is NOT NULL; reports count, never name). */
export const ERASED_NAME = '—';

/**
 * Every column and JSON path that holds a citizen's personal data. `erasePersonalData` erases
 * exactly these, and `tests/core/store/personalData.test.ts` checks every item (and that no other
 * sender or contact column exists). The README's table is this list.
 */
export const PERSONAL_DATA: readonly PersonalDataItem[] = [
  { table: 'question', column: 'sender_name', holds: 'name as the sender gave it', erasure: `"${ERASED_NAME}"` },
  { table: 'question', column: 'air_name', holds: 'first name read on air', erasure: 'empty' },
  { table: 'question', column: 'sender_contact', holds: 'phone number or e-mail', erasure: 'NULL' },
  { table: 'question', column: 'sender_user_id', holds: 'Telegram/WhatsApp user id (a phone number), web form: IP address', erasure: 'NULL' },
  { table: 'question', column: 'meta', path: '$.userAgent', holds: "web form sender's browser", erasure: 'removed' },
  { table: 'question', column: 'meta', path: '$.chatId', holds: 'Telegram chat id', erasure: 'removed' },
  { table: 'question', column: 'original_text', holds: 'phones, IIN, cards, e-mails written into the question', erasure: 'masked' },
  { table: 'question', column: 'air_text', holds: 'the same, in the on-air wording', erasure: 'masked' },
  { table: 'question_fts', column: 'sender_name, original_text, air_text', holds: 'search index copies', erasure: 'follow the question (triggers)' },
  { table: 'inbound', column: 'payload', path: '$.senderName, $.senderContact, $.senderUserId, $.meta, $.text', holds: 'a message whose question is not made yet (failed)', erasure: 'as the question' },
  { table: 'audit', column: 'before, after', path: '$.airName', holds: 'on-air name corrections, undo snapshots', erasure: 'empty' },
  { table: 'audit', column: 'before, after', path: '$.airText, $.originalText', holds: 'wording edits, sender edits', erasure: 'masked' },
  { table: 'handoff', column: 'note, answer', holds: 'what staff wrote to and from the department', erasure: 'masked' },
  { table: 'outbox', column: 'recipient', holds: 'chat id or phone number a reply goes to', erasure: 'empty, once sent or failed' },
];

interface QuestionRow {
  id: number;
  originalText: string;
  airText: string;
  meta: string;
}

/**
 * Questions past the period, oldest first. A question handed to a department that has not
 * answered keeps its contact: the answer still has to reach the citizen.
 */
const DUE = `
  SELECT q.id, q.original_text AS originalText, q.air_text AS airText, q.meta
  FROM question q
  WHERE q.personal_erased_at IS NULL AND q.received_at < @before
    AND NOT EXISTS (SELECT 1 FROM handoff h WHERE h.question_id = q.id AND h.status <> 'answered')
  ORDER BY q.received_at
  LIMIT @limit
`;
const ERASE_QUESTION = `
  UPDATE question
  SET sender_name = @name, air_name = '', sender_contact = NULL, sender_user_id = NULL,
      meta = @meta, original_text = @originalText, air_text = @airText, personal_erased_at = @now
  WHERE id = @id
`;
const INBOUND_OF = `SELECT i.id, i.payload FROM inbound i JOIN question q ON q.reference = i.reference WHERE q.id = @id AND i.payload IS NOT NULL`;
const INBOUND_WAITING = `SELECT id, payload FROM inbound WHERE payload IS NOT NULL AND received_at < @before`;
const SET_INBOUND = `UPDATE inbound SET payload = @payload WHERE id = @id`;
const AUDIT_OF = `SELECT id, before, after FROM audit WHERE entity = 'question' AND entity_id = @id AND (before IS NOT NULL OR after IS NOT NULL)`;
const SET_AUDIT = `UPDATE audit SET before = @before, after = @after WHERE id = @id`;
const HANDOFFS_OF = `SELECT id, note, answer FROM handoff WHERE question_id = @id`;
const SET_HANDOFF = `UPDATE handoff SET note = @note, answer = @answer WHERE id = @id`;
const OUTBOX_DONE = `
  UPDATE outbox SET recipient = ''
  WHERE status NOT IN ('pending', 'sending') AND recipient <> '' AND created_at < @before
`;

const PERSONAL_META = ['userAgent', 'chatId'];

function withoutPersonalMeta(meta: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(meta).filter(([key]) => !PERSONAL_META.includes(key)));
}

function parseObject(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An audit snapshot with the on-air name emptied and wordings masked; other fields as they were. */
function erasedAuditJson(json: string | null): string | null {
  const value = parseObject(json);
  if (!value) return json;
  const out: Record<string, unknown> = { ...value };
  if ('airName' in out) out.airName = '';
  for (const key of ['airText', 'originalText']) if (typeof out[key] === 'string') out[key] = maskPersonalData(out[key]);
  return JSON.stringify(out);
}

/** A ledger message as it would be entered now, without who sent it. */
function erasedPayload(json: string): string {
  const value = parseObject(json);
  if (!value) return json;
  const meta = parseObject(JSON.stringify(value.meta ?? {})) ?? {};
  return JSON.stringify({
    ...value,
    senderName: ERASED_NAME,
    senderContact: null,
    senderUserId: null,
    meta: withoutPersonalMeta(meta),
    ...(typeof value.text === 'string' ? { text: maskPersonalData(value.text) } : {}),
  });
}

export interface ErasureCounts {
  questions: number;
  /** Replies whose recipient was erased. */
  replies: number;
  /** Nothing more is due: the last batch was not full. */
  done: boolean;
}

/**
 * Erases the personal data (`PERSONAL_DATA`) of up to `batch` questions received before `before`,
 * in one transaction; once no more are due, also of failed ledger messages and of sent replies.
 * Callers repeat it until `done`, yielding in between, so a first run on a large database never
 * holds the desk for long. Idempotent: an erased question is marked and never read again.
 */
export function erasePersonalData(db: Db, before: number, now: number, batch = 500): ErasureCounts {
  return db.transaction((): ErasureCounts => {
    const rows = prepared(db, DUE).all({ before, limit: batch }) as QuestionRow[];
    for (const row of rows) {
      prepared(db, ERASE_QUESTION).run({
        id: row.id,
        now,
        name: ERASED_NAME,
        meta: JSON.stringify(withoutPersonalMeta(parseObject(row.meta) ?? {})),
        originalText: maskPersonalData(row.originalText),
        airText: maskPersonalData(row.airText),
      });
      for (const inbound of prepared(db, INBOUND_OF).all({ id: row.id }) as Array<{ id: number; payload: string }>) {
        prepared(db, SET_INBOUND).run({ id: inbound.id, payload: erasedPayload(inbound.payload) });
      }
      for (const audit of prepared(db, AUDIT_OF).all({ id: row.id }) as Array<{ id: number; before: string | null; after: string | null }>) {
        prepared(db, SET_AUDIT).run({ id: audit.id, before: erasedAuditJson(audit.before), after: erasedAuditJson(audit.after) });
      }
      for (const h of prepared(db, HANDOFFS_OF).all({ id: row.id }) as Array<{ id: number; note: string; answer: string }>) {
        prepared(db, SET_HANDOFF).run({ id: h.id, note: maskPersonalData(h.note), answer: maskPersonalData(h.answer) });
      }
    }
    if (rows.length === batch) return { questions: rows.length, replies: 0, done: false };
    // Messages whose question was never made (failed) have no question row to find them by.
    for (const inbound of prepared(db, INBOUND_WAITING).all({ before }) as Array<{ id: number; payload: string }>) {
      prepared(db, SET_INBOUND).run({ id: inbound.id, payload: erasedPayload(inbound.payload) });
    }
    return { questions: rows.length, replies: prepared(db, OUTBOX_DONE).run({ before }).changes, done: true };
  })();
}
