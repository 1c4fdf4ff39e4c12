import { z } from 'zod';
import { LANGUAGES } from '../../../../shared/domain';
import type { OutboxMessage } from '../../store/outbox';
import { networkFailure, SendError, type Sender } from '../sender';
import { callTelegram, TelegramApiError } from './api';

/** A Telegram outbox row's body: the text, and the citizen's message it answers. */
export const telegramBody = z.object({ text: z.string(), replyTo: z.number().int().optional(), language: z.enum(LANGUAGES).optional() });
export type TelegramBody = z.infer<typeof telegramBody>;

/** Replies and notifications to a Telegram chat through the bot (sendMessage). */
export const telegramSender: Sender<TelegramBody> = {
  body: telegramBody,
  // Telegram's flood limit (429 retry_after) is per bot: every chat waits.
  account: (settings) => `telegram:${settings.telegram.token ?? ''}`,
  prepare(message: OutboxMessage, body: TelegramBody, { settings }) {
    const { token, apiRoot } = settings.telegram;
    if (!token) throw new SendError('telegram token not set', 'retry', 60_000);
    return async () => {
      try {
        await callTelegram(
          'sendMessage',
          {
            chat_id: Number(message.recipient),
            text: body.text,
            ...(body.replyTo === undefined ? {} : { reply_parameters: { message_id: body.replyTo, allow_sending_without_reply: true } }),
          },
          { apiRoot, token, timeoutMs: 30_000 },
        );
        return null;
      } catch (error) {
        if (!(error instanceof TelegramApiError)) throw networkFailure(error);
        if (error.status === 0) {
          throw networkFailure({ cause: { code: error.networkCode ?? undefined, message: error.description } });
        }
        const retryAfterMs = error.retryAfter === null ? null : error.retryAfter * 1000;
        // 401 (token revoked or being replaced) and 429 may pass; other 4xx are this message's own fault.
        const permanent = error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 401;
        throw new SendError(error.message, permanent ? 'permanent' : 'retry', retryAfterMs);
      }
    };
  },
};
