import { DEFAULT_LANGUAGE, type Channel, type Language } from '../../../shared/domain';
import { notificationSettingsSchema, type Notification, type NotificationSettings } from '../../../shared/protocol';
import type { Db } from './db';
import { readSetting, writeSetting } from './settingRows';
import { prepared } from './statements';

/** A question whose sender can be told something: its channel, language and what reaches them. */
export interface NotifiableQuestion {
  id: number;
  reference: string;
  channel: Channel;
  language: Language;
  status: string;
  externalId: string;
  senderUserId: string | null;
  meta: Record<string, unknown>;
}

// The question itself and every question merged into its duplicate group.
const RECIPIENTS = `
  SELECT q.id, q.reference, q.channel, q.language, q.status, q.external_id AS externalId,
         q.sender_user_id AS senderUserId, q.meta
  FROM question q
  WHERE q.id = @id
     OR (q.status = 'merged' AND q.group_id = (SELECT group_id FROM question WHERE id = @id))
  ORDER BY q.id
`;

const VIEW = `
  SELECT o.id, o.notice, o.question_id AS questionId, sq.reference AS questionReference,
         o.recipient_question_id AS recipientQuestionId, rq.reference AS recipientReference,
         o.channel, COALESCE(rq.language, '${DEFAULT_LANGUAGE}') AS language,
         COALESCE(json_extract(o.body, '$.text'), '') AS text, o.status, o.attempts,
         o.last_error AS lastError, o.created_at AS createdAt, o.sent_at AS sentAt, o.sent_as AS sentAs
  FROM outbox o
  JOIN question sq ON sq.id = o.question_id
  JOIN question rq ON rq.id = o.recipient_question_id
  WHERE o.notice IS NOT NULL
`;
const BY_ID = `${VIEW} AND o.id = @id`;
const OF_QUESTION = `${VIEW} AND (o.question_id = @questionId OR o.recipient_question_id = @questionId) ORDER BY o.id DESC`;
const RECENT = `${VIEW} ORDER BY o.id DESC LIMIT @limit`;
const CANCEL_FOR = `
  UPDATE outbox SET status = 'cancelled'
  WHERE notice IS NOT NULL AND status = 'pending'
    AND (question_id = @questionId OR recipient_question_id = @questionId)
  RETURNING id
`;

/** The producers' list shows this many of the newest messages. */
const RECENT_LIMIT = 300;

type Row = Omit<Notification, 'state'> & { status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'uncertain' | 'window_closed' };

function toView(row: Row, paused: boolean): Notification {
  const { status, ...rest } = row;
  // `sending`: its request is out but unconfirmed (outboxWorker.ts) — still waiting, as far as anyone knows.
  const state = status === 'pending' ? (paused ? 'paused' : 'waiting') : status === 'sending' ? 'waiting' : status;
  return { ...rest, state };
}

export function notificationRecipients(db: Db, questionId: number): NotifiableQuestion[] {
  const rows = prepared(db, RECIPIENTS).all({ id: questionId }) as Array<
    Omit<NotifiableQuestion, 'meta' | 'language'> & { meta: string | null; language: Language | null }
  >;
  return rows.map((r) => ({
    ...r,
    language: r.language ?? DEFAULT_LANGUAGE,
    meta: r.meta ? (JSON.parse(r.meta) as Record<string, unknown>) : {},
  }));
}

export function getNotification(db: Db, id: number, paused: boolean): Notification | null {
  const row = prepared(db, BY_ID).get({ id }) as Row | undefined;
  return row ? toView(row, paused) : null;
}

/** Messages about a question or to its sender, or the newest of all; newest first. */
export function listNotifications(db: Db, questionId: number | undefined, paused: boolean): Notification[] {
  const rows = questionId === undefined ? prepared(db, RECENT).all({ limit: RECENT_LIMIT }) : prepared(db, OF_QUESTION).all({ questionId });
  return (rows as Row[]).map((r) => toView(r, paused));
}

/** A rejected question's messages that have not gone yet never will; returns their ids. */
export function cancelNotificationsOf(db: Db, questionId: number): number[] {
  return (prepared(db, CANCEL_FOR).all({ questionId }) as Array<{ id: number }>).map((r) => r.id);
}

export function getNotificationSettings(db: Db): NotificationSettings {
  return readSetting(db, 'notifications', notificationSettingsSchema, { paused: false });
}

export function saveNotificationSettings(db: Db, settings: NotificationSettings, now: number): void {
  writeSetting(db, 'notifications', settings, now);
}
