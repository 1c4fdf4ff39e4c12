import type { Channel } from '../../../shared/domain';
import type { Question } from '../../../shared/protocol';
import { insertAudit } from './audit';
import type { Db } from './db';
import { findWaitingInbound, replaceWaitingPayload, type WaitingInbound } from './inbound';
import { getQuestion, type NewQuestion } from './questions';
import { prepared } from './statements';

/** Intake-side reads and writes on questions that the moderation store does not need. */

const ID_BY_EXTERNAL = `SELECT id FROM question WHERE channel = @channel AND external_id = @externalId`;

const EDIT_WHILE_NEW = `
  UPDATE question
  SET original_text = @text, air_text = @text, updated_at = @now, version = version + 1
  WHERE id = @id AND status = 'new' AND original_text <> @text
`;

function findByExternalId(db: Db, channel: Channel, externalId: string): Question | null {
  const row = prepared(db, ID_BY_EXTERNAL).get({ channel, externalId }) as { id: number } | undefined;
  return row ? getQuestion(db, row.id) : null;
}

export type InboundEditOutcome =
  | { kind: 'updated'; question: Question }
  /** The message still waited in the ledger: its question will be made with the new text. */
  | { kind: 'updatedWaiting' }
  | { kind: 'unchanged'; question: Question }
  | { kind: 'moderated'; question: Question }
  | { kind: 'unknown' };

/**
 * A sender's edit replaces the text only while no producer has acted on the question; the old
 * text is kept in the audit trail. Once moderated, what the producer saw is what stands.
 */
export function applyInboundEdit(
  db: Db,
  edit: { channel: Channel; externalId: string; text: string; now: number },
): InboundEditOutcome {
  return db.transaction((): InboundEditOutcome => {
    const waiting = findWaitingInbound(db, edit.channel, edit.externalId);
    if (waiting) return editWaiting(db, waiting, edit);
    const before = findByExternalId(db, edit.channel, edit.externalId);
    if (!before) return { kind: 'unknown' };
    if (before.status !== 'new') return { kind: 'moderated', question: before };
    const changed = prepared(db, EDIT_WHILE_NEW).run({ id: before.id, text: edit.text, now: edit.now }).changes;
    if (changed === 0) return { kind: 'unchanged', question: before };
    const after = getQuestion(db, before.id)!;
    auditSenderEdit(db, edit, before.id, before.originalText, after.originalText);
    return { kind: 'updated', question: after };
  })();
}

/** During a flood the edit may overtake the making of its question: it changes the waiting message. */
function editWaiting(db: Db, waiting: WaitingInbound, edit: { channel: Channel; text: string; now: number }): InboundEditOutcome {
  const message = JSON.parse(waiting.payload) as NewQuestion;
  if (message.text === edit.text) return { kind: 'updatedWaiting' };
  replaceWaitingPayload(db, waiting.id, JSON.stringify({ ...message, text: edit.text }));
  auditSenderEdit(db, edit, waiting.id, message.text, edit.text);
  return { kind: 'updatedWaiting' };
}

/** The old text stays in the trail, whether the question existed yet or not (the id is the same). */
function auditSenderEdit(db: Db, edit: { channel: Channel; now: number }, id: number, before: string, after: string): void {
  insertAudit(db, {
    at: edit.now,
    actor: `${edit.channel}:sender`,
    action: 'question.editedBySender',
    entity: 'question',
    entityId: id,
    before: { originalText: before },
    after: { originalText: after },
  });
}
