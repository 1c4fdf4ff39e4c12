import type { QuestionStatus } from '../../../shared/domain';
import type { Db } from './db';
import { prepared } from './statements';

/** What the public status page may know of a question: no text, name or contact is selected. */
export interface StatusQuestion {
  id: number;
  reference: string;
  status: QuestionStatus;
  /** The sender's name and contact, only so the page can make sure it never repeats them. */
  senderName: string;
  senderContact: string | null;
}

// A citizen quotes the question's reference (from "received") or the hand-off's (from "handed off").
const BY_REFERENCE = `
  SELECT q.id, q.reference, q.status, q.group_id AS groupId, q.sender_name AS senderName, q.sender_contact AS senderContact
  FROM question q
  WHERE q.reference = @reference OR q.id = (SELECT question_id FROM handoff WHERE reference = @reference)
  LIMIT 1
`;
// A merged question stands where its group's lead stands.
const LEAD = `
  SELECT q.id, q.status FROM question_group g JOIN question q ON q.id = g.lead_id WHERE g.id = @groupId
`;
const SENDER = `SELECT sender_name AS senderName, sender_contact AS senderContact FROM question WHERE id = @id`;
const ANSWERED_ON_AIR = `
  SELECT summary, decided_at AS decidedAt FROM outcome WHERE question_id = @id AND kind = 'answered' ORDER BY id DESC LIMIT 1
`;

/** The question a reference names, with the status and id it stands by (its group's lead when merged). */
export function findStatusQuestion(db: Db, reference: string): (StatusQuestion & { standsBy: number }) | null {
  const row = prepared(db, BY_REFERENCE).get({ reference }) as (StatusQuestion & { groupId: number | null }) | undefined;
  if (!row) return null;
  const { groupId, ...question } = row;
  if (question.status === 'merged' && groupId !== null) {
    const lead = prepared(db, LEAD).get({ groupId }) as { id: number; status: QuestionStatus } | undefined;
    if (lead && lead.status !== 'merged') return { ...question, status: lead.status, standsBy: lead.id };
  }
  return { ...question, standsBy: question.id };
}

export function answeredOnAir(db: Db, questionId: number): { summary: string; decidedAt: number } | null {
  return (prepared(db, ANSWERED_ON_AIR).get({ id: questionId }) as { summary: string; decidedAt: number } | undefined) ?? null;
}

/** A question's sender name and contact, so the public page can keep them out of staff texts. */
export function senderOf(db: Db, questionId: number): { senderName: string; senderContact: string | null } | null {
  return (prepared(db, SENDER).get({ id: questionId }) as { senderName: string; senderContact: string | null } | undefined) ?? null;
}
