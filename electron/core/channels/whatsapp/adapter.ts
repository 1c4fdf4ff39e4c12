import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Language } from '../../../../shared/domain';
import type { InboundMessage } from '../../intake/inbound';

/**
 * The WhatsApp Cloud API adapter: one webhook POST (any number of entries, changes and
 * messages) in, one decision per message out. Delivery statuses are not questions.
 */
export type WhatsAppDecision =
  | { kind: 'question'; message: InboundMessage; to: string; phoneNumberId: string; replyTo: string }
  | { kind: 'non_text'; to: string; phoneNumberId: string; replyTo: string; id: string };

const messageSchema = z.looseObject({
  from: z.string().min(1).max(32),
  id: z.string().min(1).max(200),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: z.looseObject({ caption: z.string().optional() }).optional(),
  video: z.looseObject({ caption: z.string().optional() }).optional(),
  document: z.looseObject({ caption: z.string().optional() }).optional(),
});

const valueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({ phone_number_id: z.string() }).optional(),
  contacts: z.array(z.looseObject({ wa_id: z.string().optional(), profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
  messages: z.array(z.unknown()).optional(),
});

export const whatsappPayloadSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      changes: z.array(z.looseObject({ field: z.string().optional(), value: valueSchema })).default([]),
    }),
  ),
});

/** `X-Hub-Signature-256: sha256=<hex>` over the exact bytes received, compared in constant time. */
export function verifyWhatsAppSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function textOf(m: z.infer<typeof messageSchema>): string | undefined {
  switch (m.type) {
    case 'text':
      return m.text?.body;
    case 'image':
      return m.image?.caption;
    case 'video':
      return m.video?.caption;
    case 'document':
      return m.document?.caption;
    default:
      return undefined;
  }
}

export function decideWhatsAppPayload(payload: z.infer<typeof whatsappPayloadSchema>): WhatsAppDecision[] {
  const decisions: WhatsAppDecision[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      const value = change.value;
      const phoneNumberId = value.metadata?.phone_number_id ?? '';
      for (const rawMessage of value.messages ?? []) {
        const parsed = messageSchema.safeParse(rawMessage);
        if (!parsed.success) continue;
        const m = parsed.data;
        const text = textOf(m);
        if (text === undefined || text.trim() === '') {
          decisions.push({ kind: 'non_text', to: m.from, phoneNumberId, replyTo: m.id, id: m.id });
          continue;
        }
        const name = value.contacts?.find((c) => c.wa_id === m.from)?.profile?.name ?? value.contacts?.[0]?.profile?.name;
        decisions.push({
          kind: 'question',
          to: m.from,
          phoneNumberId,
          replyTo: m.id,
          message: {
            channel: 'whatsapp',
            externalId: m.id,
            senderName: name?.trim() || `+${m.from}`,
            senderContact: `+${m.from}`,
            senderUserId: m.from,
            text,
            meta: {
              phoneNumberId,
              sentAt: m.timestamp ? Number(m.timestamp) * 1000 : null,
              caption: m.type !== 'text',
            },
          },
        });
      }
    }
  }
  return decisions;
}

/** WhatsApp gives no language; a reply follows the script of the question (Kazakh letters → kk). */
export function guessLanguage(text: string): Language {
  if (/[әғқңөұүһі]/i.test(text)) return 'kk';
  if (/[а-яё]/i.test(text)) return 'ru';
  return /[a-z]/i.test(text) ? 'en' : 'ru';
}
