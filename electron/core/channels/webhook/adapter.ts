import { z } from 'zod';
import { DISTRICTS, LANGUAGES } from '../../../../shared/domain';
import type { InboundMessage } from '../../intake/inbound';

/**
 * The generic JSON webhook (city portal, comment tools, call centre). Documented schema, one
 * message or a batch of up to 100; `externalId` is the integration's own id, which makes
 * redeliveries no-ops. Unknown fields are ignored, so integrations can send more than we read.
 */
export const webhookMessageSchema = z.looseObject({
  externalId: z.string().trim().min(1).max(200),
  text: z.string().max(20_000),
  senderName: z.string().max(500),
  /** The integration's stable id of the person, for the per-sender limit. */
  senderId: z.string().trim().min(1).max(200).optional(),
  senderContact: z.string().trim().max(200).nullable().optional(),
  district: z.enum(DISTRICTS).nullable().optional(),
  topic: z.string().trim().max(60).nullable().optional(),
  language: z.enum(LANGUAGES).nullable().optional(),
  /** When the person wrote (ISO 8601); defaults to arrival time. */
  sentAt: z.iso.datetime({ offset: true }).optional(),
});
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;

export const WEBHOOK_BATCH_MAX = 100;

export const webhookBodySchema = z.union([
  z.looseObject({ messages: z.array(z.unknown()).min(1).max(WEBHOOK_BATCH_MAX) }),
  z.looseObject({ externalId: z.unknown() }),
]);

export function webhookToInbound(integration: { id: number; name: string }, m: WebhookMessage): InboundMessage {
  return {
    channel: 'webhook',
    // Namespaced per integration: two tools may both number their messages from 1.
    externalId: `${integration.id}:${m.externalId}`,
    senderName: m.senderName,
    senderContact: m.senderContact ?? null,
    senderUserId: m.senderId ? `${integration.id}:${m.senderId}` : null,
    district: m.district ?? null,
    topic: m.topic ?? null,
    language: m.language ?? null,
    text: m.text,
    meta: { integration: integration.name, sentAt: m.sentAt ? Date.parse(m.sentAt) : null },
  };
}
