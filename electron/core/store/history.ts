import type { QuestionStatus } from '../../../shared/domain';
import type { Db } from './db';
import { prepared } from './statements';

/** An earlier question from the same person, with what became of it. */
export interface EarlierQuestion {
  id: number;
  reference: string;
  originalText: string;
  status: QuestionStatus;
  rejectReason: string | null;
  receivedAt: number;
}

// The same person: the same account on the same channel, or the same phone/contact anywhere.
// The web form's user id is the sender's IP address, shared by a whole office or a NAT: not a
// person. Two indexed lookups joined by UNION, so neither needs a scan.
const EARLIER = `
  SELECT id, reference, original_text AS originalText, status, reject_reason AS rejectReason,
         received_at AS receivedAt
  FROM question
  WHERE id IN (
    SELECT id FROM question
    WHERE channel = @channel AND channel <> 'web' AND sender_user_id = @senderUserId
      AND sender_user_id IS NOT NULL
    UNION
    SELECT id FROM question
    WHERE sender_contact = @senderContact AND sender_contact IS NOT NULL
  ) AND id <> @id
  ORDER BY id DESC
  LIMIT @limit
`;

const SENDER = `SELECT channel, sender_user_id AS senderUserId, sender_contact AS senderContact FROM question WHERE id = @id`;

export function listEarlierQuestions(db: Db, id: number, limit = 50): EarlierQuestion[] {
  const sender = prepared(db, SENDER).get({ id }) as
    | { channel: string; senderUserId: string | null; senderContact: string | null }
    | undefined;
  if (!sender) return [];
  return prepared(db, EARLIER).all({ ...sender, id, limit }) as EarlierQuestion[];
}
