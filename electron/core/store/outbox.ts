import type { Channel } from '../../../shared/domain';
import type { Notice } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

/** A reply waiting to be sent to a citizen through the channel they wrote from. */
export interface OutboxMessage {
  id: number;
  channel: Channel;
  /** Telegram chat id, WhatsApp number… */
  recipient: string;
  /** Channel-specific JSON (text, and what the sender needs, e.g. reply_to or phone number id). */
  body: Record<string, unknown>;
  attempts: number;
  /** The step a citizen notification tells about; null for an intake reply ("received"). */
  notice: Notice | null;
}

export interface NewOutboxMessage {
  channel: Channel;
  recipient: string;
  body: Record<string, unknown>;
  /** The same key twice enqueues once: replies to redelivered messages are not sent again. */
  dedupeKey: string;
  /** A citizen notification (store/notifications.ts): the step, its question and the question told. */
  notice?: { kind: Notice; questionId: number; recipientQuestionId: number };
}

const INSERT = `
  INSERT INTO outbox (channel, recipient, body, dedupe_key, next_attempt_at, created_at, notice, question_id, recipient_question_id)
  VALUES (@channel, @recipient, @body, @dedupeKey, @now, @now, @notice, @questionId, @recipientQuestionId)
  ON CONFLICT (dedupe_key) DO NOTHING
`;
/**
 * What may go now: intake replies always; notifications unless a producer holds them, and never
 * about a rejected question (a rejection cancels them too: this is the guard if it lands between).
 */
const SENDABLE = `
  o.status = 'pending'
  AND (o.notice IS NULL OR (@paused = 0 AND NOT EXISTS (
    SELECT 1 FROM question q WHERE q.id IN (o.question_id, o.recipient_question_id) AND q.status = 'rejected'
  )))
`;
const DUE = `
  SELECT o.id, o.channel, o.recipient, o.body, o.attempts, o.notice FROM outbox o
  WHERE ${SENDABLE} AND o.next_attempt_at <= @now
  ORDER BY o.next_attempt_at, o.id
  LIMIT @limit
`;
/** Committed before the request leaves: a row still `sending` at start was cut off mid-send. */
const SENDING = `UPDATE outbox SET status = 'sending' WHERE id = @id`;
const SENT = `UPDATE outbox SET status = 'sent', sent_at = @now, sent_as = @sentAs, attempts = attempts + 1, last_error = NULL WHERE id = @id`;
/** Not tried: its bot asked for a pause (Telegram's retry_after), so it waits without using an attempt. */
const DEFER = `UPDATE outbox SET status = 'pending', next_attempt_at = @nextAt WHERE id = @id`;
const RETRY = `
  UPDATE outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = @nextAt, last_error = @error WHERE id = @id
`;
const IN_DOUBT = `
  UPDATE outbox SET status = 'uncertain', attempts = attempts + 1, last_error = @error
  WHERE status = 'sending'
  RETURNING id, channel, attempts, notice
`;
const UNCERTAIN = `UPDATE outbox SET status = 'uncertain', attempts = attempts + 1, last_error = @error WHERE id = @id`;
const WINDOW_CLOSED = `UPDATE outbox SET status = 'window_closed', attempts = attempts + 1, last_error = @error WHERE id = @id`;
/** A producer's explicit choice: one whose fate is unknown, or that did not go, is tried again. */
const RESEND = `
  UPDATE outbox SET status = 'pending', next_attempt_at = @now, last_error = NULL
  WHERE id = @id AND notice IS NOT NULL AND recipient <> '' AND status IN ('uncertain', 'failed', 'window_closed')
  RETURNING status
`;
/** WhatsApp's customer-service window opens with the citizen's latest message. */
const LAST_WHATSAPP_MESSAGE = `
  SELECT MAX(received_at) AS at FROM question WHERE channel = 'whatsapp' AND sender_user_id = @recipient
`;
const FAILED = `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @error WHERE id = @id`;
const NEXT_DUE = `SELECT MIN(o.next_attempt_at) AS at FROM outbox o WHERE ${SENDABLE}`;

export function enqueueOutbox(db: Db, message: NewOutboxMessage, now: number): boolean {
  const { notice, ...rest } = message;
  return (
    prepared(db, INSERT).run({
      ...rest,
      body: JSON.stringify(message.body),
      now,
      notice: notice?.kind ?? null,
      questionId: notice?.questionId ?? null,
      recipientQuestionId: notice?.recipientQuestionId ?? null,
    }).changes === 1
  );
}

/** Messages due now, oldest first; `paused` holds citizen notifications back (intake replies still go). */
export function dueOutbox(db: Db, now: number, limit: number, paused = false): OutboxMessage[] {
  const rows = prepared(db, DUE).all({ now, limit, paused: paused ? 1 : 0 }) as Array<Omit<OutboxMessage, 'body'> & { body: string }>;
  return rows.map((r) => ({ ...r, body: JSON.parse(r.body) as Record<string, unknown> }));
}

export function markOutboxSending(db: Db, id: number): void {
  prepared(db, SENDING).run({ id });
}

type InDoubt = Array<{ id: number; channel: Channel; attempts: number; notice: Notice | null }>;

/**
 * Messages whose send was under way when the desk stopped (a crash, kill -9): the platform may or
 * may not have delivered them, and neither Telegram nor WhatsApp can be asked. No citizen message
 * is sent twice: each becomes `uncertain` ("may not have been sent") and goes again only on a
 * producer's word. Returned so the caller can record them.
 */
export function settleOutboxInDoubt(db: Db): InDoubt {
  return prepared(db, IN_DOUBT).all({ error: 'in doubt: the desk stopped during this send; it may not have been sent' }) as InDoubt;
}

export function markOutboxSent(db: Db, id: number, now: number, sentAs: 'template' | null = null): void {
  prepared(db, SENT).run({ id, now, sentAs });
}

export function deferOutbox(db: Db, id: number, nextAt: number): void {
  prepared(db, DEFER).run({ id, nextAt });
}

/** A notification whose request left without an answer: it may have arrived, so it is not retried. */
export function markOutboxUncertain(db: Db, id: number, error: string): void {
  prepared(db, UNCERTAIN).run({ id, error });
}

export function markOutboxWindowClosed(db: Db, id: number, error: string): void {
  prepared(db, WINDOW_CLOSED).run({ id, error });
}

/** Puts a notification that did not surely go back in the queue; false when it is not one. */
export function resendNotification(db: Db, id: number, now: number): boolean {
  return prepared(db, RESEND).get({ id, now }) !== undefined;
}

/** When this WhatsApp number last wrote to the desk, or null if never (or its contact was erased). */
export function lastWhatsAppMessageAt(db: Db, recipient: string): number | null {
  return (prepared(db, LAST_WHATSAPP_MESSAGE).get({ recipient }) as { at: number | null }).at;
}

export function markOutboxRetry(db: Db, id: number, nextAt: number, error: string): void {
  prepared(db, RETRY).run({ id, nextAt, error });
}

export function markOutboxFailed(db: Db, id: number, error: string): void {
  prepared(db, FAILED).run({ id, error });
}

export function nextOutboxDue(db: Db, paused = false): number | null {
  return (prepared(db, NEXT_DUE).get({ paused: paused ? 1 : 0 }) as { at: number | null }).at;
}
