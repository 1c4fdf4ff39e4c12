import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { Language } from '../../../../shared/domain';
import type { InboundMessage } from '../../intake/inbound';
import { languageFromCode } from '../../intake/language';

/**
 * The Telegram adapter: one Bot API `Update` in, one decision out. Pure, so every odd payload
 * shape (captions, edits, stickers, group posts, unknown fields) is tested without a network.
 */
export type TelegramDecision =
  | { kind: 'question'; message: InboundMessage; chatId: number; replyTo: number; language: Language }
  | { kind: 'edit'; externalId: string; text: string; chatId: number; language: Language }
  | { kind: 'non_text'; chatId: number; replyTo: number; language: Language }
  /** A bot command (`/start`, `/help`): a greeting that says how to ask, never a question. */
  | { kind: 'command'; chatId: number; replyTo: number; language: Language }
  | { kind: 'ignore'; reason: string };

const messageSchema = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat: z.looseObject({ id: z.number().int(), type: z.string() }),
  from: z
    .looseObject({
      id: z.number().int(),
      is_bot: z.boolean().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      username: z.string().optional(),
      language_code: z.string().optional(),
    })
    .optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
});
type TelegramMessage = z.infer<typeof messageSchema>;

export const updateSchema = z.looseObject({
  update_id: z.number().int(),
  message: messageSchema.optional(),
  edited_message: messageSchema.optional(),
});

/** The update ids in a getUpdates answer, even when an update's body cannot be read. */
export const getUpdatesReplySchema = z.object({
  ok: z.literal(true),
  result: z.array(z.looseObject({ update_id: z.number().int() })),
});

/** `/start`, `/help@desk_bot …`: what Telegram clients send for the menu and the Start button. */
const BOT_COMMAND = /^\/[A-Za-z0-9_]{1,32}(@\w+)?(\s|$)/;

export function externalIdOf(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}

function senderName(m: TelegramMessage): string {
  const full = [m.from?.first_name, m.from?.last_name].filter(Boolean).join(' ').trim();
  return full || (m.from?.username ? `@${m.from.username}` : `Telegram ${m.chat.id}`);
}

export function decideTelegramUpdate(raw: Update | unknown): TelegramDecision {
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignore', reason: 'unreadable update' };
  const update = parsed.data;
  const isEdit = !update.message && !!update.edited_message;
  const m = update.message ?? update.edited_message;
  // channel_post, callback_query, my_chat_member and the rest carry no citizen question.
  if (!m) return { kind: 'ignore', reason: 'not a message' };
  if (m.chat.type !== 'private') return { kind: 'ignore', reason: `${m.chat.type} chat` };
  if (m.from?.is_bot) return { kind: 'ignore', reason: 'from a bot' };
  const language = languageFromCode(m.from?.language_code) ?? 'ru';
  const text = m.text ?? m.caption;
  const externalId = externalIdOf(m.chat.id, m.message_id);
  if (isEdit) {
    if (text === undefined) return { kind: 'ignore', reason: 'edit without text' };
    return { kind: 'edit', externalId, text, chatId: m.chat.id, language };
  }
  if (text === undefined) return { kind: 'non_text', chatId: m.chat.id, replyTo: m.message_id, language };
  if (BOT_COMMAND.test(text)) return { kind: 'command', chatId: m.chat.id, replyTo: m.message_id, language };
  return {
    kind: 'question',
    chatId: m.chat.id,
    replyTo: m.message_id,
    language,
    message: {
      channel: 'telegram',
      externalId,
      senderName: senderName(m),
      senderContact: m.from?.username ? `@${m.from.username}` : null,
      senderUserId: String(m.from?.id ?? m.chat.id),
      language: languageFromCode(m.from?.language_code),
      text,
      meta: { chatId: m.chat.id, messageId: m.message_id, sentAt: m.date * 1000, caption: m.text === undefined },
    },
  };
}
