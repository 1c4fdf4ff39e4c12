import type { z } from 'zod';
import type { Channel } from '../../../shared/domain';
import type { Db } from '../store/db';
import type { OutboxMessage } from '../store/outbox';
import type { IntakeSettings } from '../store/settings';

/**
 * How a send ended when it did not succeed:
 * - `retry`: clearly not delivered (HTTP 5xx or 429, no connection was made) — tried again later;
 * - `permanent`: refused for good (4xx) — retrying cannot help;
 * - `unknown`: the request left and no answer came (timeout, connection cut) — it may have arrived;
 * - `window_closed`: WhatsApp's 24-hour window had closed and nothing may be sent as free text.
 */
export type SendFailure = 'retry' | 'permanent' | 'unknown' | 'window_closed';

export class SendError extends Error {
  constructor(
    message: string,
    readonly failure: SendFailure,
    /** The platform's own wait (Telegram's retry_after), for the whole account it was sent through. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface SendContext {
  db: Db;
  now: number;
  settings: IntakeSettings;
}

/** What a message went out as, when not as plain text. */
export type SentAs = 'template' | null;

/** One channel's way of sending an outbox message, with the body that channel's rows carry. */
export interface Sender<Body = unknown> {
  /** The channel's outbox body (text and what the platform needs), checked before anything is sent. */
  body: z.ZodType<Body>;
  /** The account (bot, business number) it goes through: a pause the platform asks for holds all of it. */
  account(settings: IntakeSettings): string;
  /**
   * Decides how it may go and returns the request; throws a SendError when it must not go at all
   * (nothing has left then, so the outbox need not mark it as being sent).
   */
  prepare(message: OutboxMessage, body: Body, ctx: SendContext): () => Promise<SentAs>;
}

/** Senders by channel: the outbox sends through whichever one a row's channel names. */
export type SenderRegistry = Partial<Record<Channel, Sender>>;

// Errors raised before a connection exists: the request surely never reached the platform.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** A fetch that threw: `retry` when it never connected, otherwise `unknown` (it may have arrived). */
export function networkFailure(error: unknown): SendError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new SendError(`network: ${reason}`, cause?.code && CONNECT_FAILURES.has(cause.code) ? 'retry' : 'unknown');
}
