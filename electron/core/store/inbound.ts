import type { Channel } from '../../../shared/domain';
import type { Db } from './db';
import { prepared } from './statements';

/** The inbound ledger (migration 0090): what was acknowledged, and what still waits to become a question. */

export interface InboundPlace {
  id: number;
  reference: string;
}

export interface WaitingInbound extends InboundPlace {
  payload: string;
}

// The id is reserved from the last rowid of both tables (benchmarks and old data may hold
// questions written straight into `question`), and the reference derived from it, in one
// statement. Both MAX(id) stay scalar subqueries, so SQLite reads them from the last rowid instead
// of scanning (a test checks the plan). printf('%04d') pads the number to four digits at least.
/** Exported so a test can check its query plan. */
export const RESERVE = `
  INSERT INTO inbound (id, channel, external_id, reference, received_at, payload)
  SELECT n.id, @channel, @externalId, @referenceYear || '-' || printf('%04d', n.id), @receivedAt, @payload
  FROM (
    SELECT MAX(COALESCE((SELECT MAX(id) FROM inbound), 0), COALESCE((SELECT MAX(id) FROM question), 0)) + 1 AS id
  ) AS n
  WHERE true
  ON CONFLICT (channel, external_id) DO NOTHING
`;
// Read back by rowid rather than with RETURNING, which cost ten times the insert itself.
const BY_ID = `SELECT id, reference FROM inbound WHERE id = @id`;

const BY_EXTERNAL_ID = `SELECT id, reference FROM inbound WHERE channel = @channel AND external_id = @externalId`;
// The flood mark of the message as accepted: in its payload while it waits, in its question after.
const ARRIVED_AS_FLOOD = `
  SELECT COALESCE(json_extract(i.payload, '$.meta.flood'), json_extract(q.meta, '$.flood'), 0) AS flood
  FROM inbound i LEFT JOIN question q ON q.id = i.id
  WHERE i.id = @id
`;

const WAITING = `
  SELECT id, reference, payload FROM inbound
  WHERE payload IS NOT NULL AND failure IS NULL
  ORDER BY id
  LIMIT @limit
`;

const WAITING_AFTER = `
  SELECT id, reference, payload FROM inbound
  WHERE payload IS NOT NULL AND failure IS NULL AND id > @afterId
  ORDER BY id
  LIMIT @limit
`;

const WAITING_BY_EXTERNAL_ID = `
  SELECT id, reference, payload FROM inbound
  WHERE channel = @channel AND external_id = @externalId AND payload IS NOT NULL
`;
const REPLACE_PAYLOAD = `UPDATE inbound SET payload = @payload WHERE id = @id AND payload IS NOT NULL`;

const COUNT_WAITING = `SELECT COUNT(*) AS n FROM inbound WHERE payload IS NOT NULL AND failure IS NULL`;
const MADE = `UPDATE inbound SET payload = NULL, failure = NULL WHERE id = @id`;
const FAILED = `UPDATE inbound SET failure = @failure WHERE id = @id`;
const RETRY_FAILED = `UPDATE inbound SET failure = NULL WHERE payload IS NOT NULL AND failure IS NOT NULL`;

/**
 * Enters one message in the ledger, or finds it when (channel, external id) is already there.
 * `payload` is the message to make the question from later; null when it is made in the same
 * transaction. Runs inside the caller's transaction, which makes the id reservation safe.
 */
export function reserveInbound(
  db: Db,
  entry: { channel: Channel; externalId: string; referenceYear: number; receivedAt: number; payload: string | null },
): { place: InboundPlace; created: boolean } {
  const { changes, lastInsertRowid } = prepared(db, RESERVE).run({
    ...entry,
    // A string, so the year reads as 2026 and not as the REAL 2026.0.
    referenceYear: String(entry.referenceYear),
  });
  if (changes === 1) return { place: prepared(db, BY_ID).get({ id: lastInsertRowid }) as InboundPlace, created: true };
  const existing = findInbound(db, entry.channel, entry.externalId);
  if (!existing) throw new Error(`inbound ${entry.channel}:${entry.externalId} conflicted but is not stored`);
  return { place: existing, created: false };
}

/** Whether the stored message arrived over its sender's limit: a redelivery is answered as the first arrival was. */
export function arrivedAsFlood(db: Db, id: number): boolean {
  const row = prepared(db, ARRIVED_AS_FLOOD).get({ id }) as { flood: number } | undefined;
  return row?.flood === 1;
}

export function findInbound(db: Db, channel: Channel, externalId: string): InboundPlace | null {
  return (prepared(db, BY_EXTERNAL_ID).get({ channel, externalId }) as InboundPlace | undefined) ?? null;
}

/** One message by its channel's id, if it still waits to become a question. */
export function findWaitingInbound(db: Db, channel: Channel, externalId: string): WaitingInbound | null {
  return (prepared(db, WAITING_BY_EXTERNAL_ID).get({ channel, externalId }) as WaitingInbound | undefined) ?? null;
}

export function replaceWaitingPayload(db: Db, id: number, payload: string): void {
  prepared(db, REPLACE_PAYLOAD).run({ id, payload });
}

/** The oldest messages still waiting to become questions (failed ones are skipped until retried). */
export function waitingInbound(db: Db, limit: number): WaitingInbound[] {
  return prepared(db, WAITING).all({ limit }) as WaitingInbound[];
}

/** Like `waitingInbound`, after ledger id `afterId` (the ones before are already taken care of). */
export function waitingInboundAfter(db: Db, afterId: number, limit: number): WaitingInbound[] {
  return prepared(db, WAITING_AFTER).all({ afterId, limit }) as WaitingInbound[];
}

export function countWaitingInbound(db: Db): number {
  return (prepared(db, COUNT_WAITING).get() as { n: number }).n;
}

export function markInboundMade(db: Db, id: number): void {
  prepared(db, MADE).run({ id });
}

/** Kept, never dropped: the message was acknowledged. Retried at the next start. */
export function markInboundFailed(db: Db, id: number, failure: string): void {
  prepared(db, FAILED).run({ id, failure });
}

export function retryFailedInbound(db: Db): number {
  return prepared(db, RETRY_FAILED).run().changes;
}
