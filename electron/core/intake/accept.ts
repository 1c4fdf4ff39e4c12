import { AppError } from '../../../shared/errors';
import { MAX_NAME_CHARS, MAX_QUESTION_CHARS } from '../../../shared/forms';
import type { Channel } from '../../../shared/domain';
import type { Question } from '../../../shared/protocol';
import { normalizeLine, normalizeText } from '../../../shared/text';
import { cityYear } from '../../../shared/time';
import type { EventBus } from '../events';
import type { Db } from '../store/db';
import { applyInboundEdit, findByExternalId, type InboundEditOutcome } from '../store/inboundQuestions';
import { insertQuestion, type NewQuestion } from '../store/questions';
import { getIntakeSettings } from '../store/settings';
import type { InboundMessage } from './inbound';
import { SenderLimiter } from './senderLimit';

export interface AcceptResult {
  question: Question;
  /** False when this (channel, external id) was already stored: answer as the first time. */
  created: boolean;
}

interface Pending {
  input: NewQuestion;
  resolve: (result: AcceptResult) => void;
  reject: (error: unknown) => void;
}

export interface Intake {
  /** Resolves only after the message is committed: acknowledge the sender after this. */
  accept(message: InboundMessage): Promise<AcceptResult>;
  /** A sender's edit of an earlier message; changes the question only while it is still `new`. */
  edit(edit: InboundEdit): InboundEditOutcome;
  /** Commits whatever is waiting now (used at shutdown). */
  flush(): void;
}

export interface InboundEdit {
  channel: Channel;
  externalId: string;
  text: string;
}

/**
 * Channels where one person can send many messages under a stable id; the web form is limited
 * per IP by the HTTP layer, CSV and phone-in are typed or imported by producers.
 */
export const SENDER_LIMITED_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['telegram', 'whatsapp', 'webhook']);

/** Validates and normalises one inbound message into a row, or throws a typed error. */
export function toNewQuestion(message: InboundMessage, now: number): NewQuestion {
  const text = normalizeText(message.text);
  if (text.length === 0) throw new AppError('empty_text', { field: 'text' });
  if (text.length > MAX_QUESTION_CHARS) throw new AppError('text_too_long', { field: 'text' });
  const senderName = normalizeLine(message.senderName).slice(0, MAX_NAME_CHARS);
  if (senderName.length === 0) throw new AppError('name_required', { field: 'name' });
  const receivedAt = message.receivedAt ?? now;
  return {
    channel: message.channel,
    externalId: message.externalId,
    senderName,
    senderContact: message.senderContact ? normalizeLine(message.senderContact) : null,
    senderUserId: message.senderUserId ?? null,
    district: message.district ?? null,
    topic: message.topic ? normalizeLine(message.topic) : null,
    language: message.language ?? null,
    text,
    meta: message.meta ?? {},
    receivedAt,
    referenceYear: cityYear(receivedAt),
  };
}

/**
 * Group commit: every message that arrives in the same event-loop turn is written in one
 * transaction, so one fsync (synchronous=FULL) serves them all. Each message still gets its own
 * savepoint, so one bad row never takes its neighbours down with it.
 */
export interface IntakeDeps {
  db: Db;
  bus: EventBus;
  now: () => number;
  /**
   * Runs inside the commit for each newly stored question (flags, grouping, suggestions), so
   * derived data is never out of step with the question; returns the question as it now stands.
   */
  onInserted?: (db: Db, question: Question) => Question;
  /** Messages per sender per minute (0: no limit); read on every message so settings apply at once. */
  perSenderPerMinute?: () => number;
}

export function createIntake(deps: IntakeDeps): Intake {
  const { db, bus, now, onInserted } = deps;
  let pending: Pending[] = [];
  let scheduled = false;
  const perSender = deps.perSenderPerMinute ?? (() => getIntakeSettings(db).limits.perSenderPerMinute);
  const limiter = new SenderLimiter();

  const insertOne = (input: NewQuestion): AcceptResult => {
    const result = insertQuestion(db, input);
    if (!result.created || !onInserted) return result;
    return { question: onInserted(db, result.question), created: true };
  };
  type Outcome = { ok: true; result: AcceptResult } | { ok: false; error: unknown };
  // The usual case: every message of the batch goes in, no savepoints. A savepoint per message
  // costs a copy of every page it touches (the question's indexes, the search index, the group
  // tables) into the sub-journal, whether or not it is ever rolled back.
  const commitBatch = db.transaction((batch: Pending[]): Outcome[] =>
    batch.map((p) => ({ ok: true as const, result: insertOne(p.input) })),
  );
  // When one message fails, the whole batch is rolled back (nothing of it was acknowledged) and
  // committed again with a savepoint per message, so one bad row never takes its neighbours down.
  const insertOneGuarded = db.transaction(insertOne);
  const commitBatchGuarded = db.transaction((batch: Pending[]): Outcome[] =>
    batch.map((p) => {
      try {
        return { ok: true as const, result: insertOneGuarded(p.input) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );

  function flush(): void {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      try {
        outcomes = commitBatch(batch);
      } catch {
        outcomes = commitBatchGuarded(batch);
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const p = batch[i]!;
      if (!outcome.ok) return p.reject(outcome.error);
      p.resolve(outcome.result);
      if (outcome.result.created) bus.emit('question.created', outcome.result.question);
    });
  }

  return {
    accept(message) {
      let input: NewQuestion;
      try {
        input = toNewQuestion(message, now());
      } catch (error) {
        return Promise.reject(error);
      }
      if (input.senderUserId && SENDER_LIMITED_CHANNELS.has(input.channel)) {
        const key = `${input.channel}:${input.senderUserId}`;
        if (!limiter.take(key, perSender(), now())) {
          // A redelivery of something already stored still answers as the first time did.
          const stored = findByExternalId(db, input.channel, input.externalId);
          if (stored) return Promise.resolve({ question: stored, created: false });
          return Promise.reject(new AppError('rate_limited', { detail: `sender limit for ${key}` }));
        }
      }
      return new Promise<AcceptResult>((resolve, reject) => {
        pending.push({ input, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    edit(edit) {
      const text = normalizeText(edit.text);
      if (text.length === 0) throw new AppError('empty_text', { field: 'text' });
      if (text.length > MAX_QUESTION_CHARS) throw new AppError('text_too_long', { field: 'text' });
      // Pending arrivals first, so an edit never overtakes the message it edits.
      flush();
      const outcome = applyInboundEdit(db, { ...edit, text, now: now() });
      if (outcome.kind === 'updated') bus.emit('question.updated', outcome.question);
      return outcome;
    },
    flush,
  };
}
