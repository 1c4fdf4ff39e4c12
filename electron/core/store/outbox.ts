import type { Channel } from '../../../shared/domain';
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
}

export interface NewOutboxMessage {
  channel: Channel;
  recipient: string;
  body: Record<string, unknown>;
  /** The same key twice enqueues once: replies to redelivered messages are not sent again. */
  dedupeKey: string;
}

const INSERT = `
  INSERT INTO outbox (channel, recipient, body, dedupe_key, next_attempt_at, created_at)
  VALUES (@channel, @recipient, @body, @dedupeKey, @now, @now)
  ON CONFLICT (dedupe_key) DO NOTHING
`;
const DUE = `
  SELECT id, channel, recipient, body, attempts FROM outbox
  WHERE status = 'pending' AND next_attempt_at <= @now
  ORDER BY next_attempt_at, id
  LIMIT @limit
`;
const SENT = `UPDATE outbox SET status = 'sent', sent_at = @now, attempts = attempts + 1, last_error = NULL WHERE id = @id`;
const RETRY = `
  UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @nextAt, last_error = @error WHERE id = @id
`;
const FAILED = `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @error WHERE id = @id`;
const NEXT_DUE = `SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'`;

export function enqueueOutbox(db: Db, message: NewOutboxMessage, now: number): boolean {
  return prepared(db, INSERT).run({ ...message, body: JSON.stringify(message.body), now }).changes === 1;
}

export function dueOutbox(db: Db, now: number, limit: number): OutboxMessage[] {
  const rows = prepared(db, DUE).all({ now, limit }) as Array<Omit<OutboxMessage, 'body'> & { body: string }>;
  return rows.map((r) => ({ ...r, body: JSON.parse(r.body) as Record<string, unknown> }));
}

export function markOutboxSent(db: Db, id: number, now: number): void {
  prepared(db, SENT).run({ id, now });
}

export function markOutboxRetry(db: Db, id: number, nextAt: number, error: string): void {
  prepared(db, RETRY).run({ id, nextAt, error });
}

export function markOutboxFailed(db: Db, id: number, error: string): void {
  prepared(db, FAILED).run({ id, error });
}

export function nextOutboxDue(db: Db): number | null {
  return (prepared(db, NEXT_DUE).get() as { at: number | null }).at;
}
