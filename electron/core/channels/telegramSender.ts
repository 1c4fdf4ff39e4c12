import type { OutboxMessage } from '../store/outbox';
import { networkFailure, SendError, type Sender } from './sender';
import { callTelegram, TelegramApiError } from './telegramApi';

/** Replies and notifications to a Telegram chat through the bot (sendMessage). */
export const telegramSender: Sender = {
  // Telegram's flood limit (429 retry_after) is per bot: every chat waits.
  account: (settings) => `telegram:${settings.telegram.token ?? ''}`,
  prepare(message: OutboxMessage, { settings }) {
    const { token, apiRoot } = settings.telegram;
    if (!token) throw new SendError('telegram token not set', 'retry', 60_000);
    const replyTo = message.body.replyTo;
    return async () => {
      try {
        await callTelegram(
          'sendMessage',
          {
            chat_id: Number(message.recipient),
            text: message.body.text,
            ...(typeof replyTo === 'number' ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
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
