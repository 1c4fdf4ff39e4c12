import type { Channel, Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Db } from '../store/db';
import { enqueueOutbox } from '../store/outbox';
import { translate } from '../messages';

/** What a citizen is told, in their language; the outbox sends it. */
export type ReplyKind =
  | { kind: 'received'; reference: string }
  | { kind: 'textOnly' }
  | { kind: 'welcome' }
  | { kind: 'rejected'; error: unknown };

export function replyText(lang: Language, reply: ReplyKind): string {
  switch (reply.kind) {
    case 'received':
      return translate(lang, 'intake.reply.received', { reference: reply.reference });
    case 'textOnly':
      return translate(lang, 'intake.reply.textOnly');
    case 'welcome':
      return translate(lang, 'intake.reply.welcome');
    case 'rejected': {
      const error = reply.error instanceof AppError ? reply.error : new AppError('internal');
      return translate(lang, error.messageKey);
    }
  }
}

export interface ReplyTarget {
  channel: Channel;
  recipient: string;
  /** Unique per message answered: a redelivered message is not answered twice. */
  dedupeKey: string;
  /** Channel extras: the message replied to, WhatsApp's phone number id. */
  extra: Record<string, unknown>;
}

export function enqueueReply(db: Db, target: ReplyTarget, text: string, now: number): void {
  enqueueOutbox(
    db,
    { channel: target.channel, recipient: target.recipient, dedupeKey: target.dedupeKey, body: { ...target.extra, text } },
    now,
  );
}
