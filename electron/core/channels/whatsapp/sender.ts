import { z } from 'zod';
import { LANGUAGES } from '../../../../shared/domain';
import { lastWhatsAppMessageAt, type OutboxMessage } from '../../store/outbox';
import { networkFailure, SendError, type Sender, type SentAs } from '../sender';

/** WhatsApp's customer-service window: free text only within 24 hours of the citizen's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60_000;
/** Graph API error: the window has closed ("re-engagement message"), only templates may go. */
const OUTSIDE_WINDOW = 131047;

/** A template's text parameter may hold no line breaks, tabs or runs of spaces. */
const templateParameter = (text: string): string => text.replace(/\s*\n\s*/g, ' — ').replace(/\s{2,}/g, ' ').slice(0, 1024);

/** A WhatsApp outbox row's body: the text, the business number it goes from, the message it answers. */
export const whatsappBody = z.object({
  text: z.string(),
  phoneNumberId: z.string(),
  replyTo: z.string().optional(),
  language: z.enum(LANGUAGES).optional(),
});
export type WhatsAppBody = z.infer<typeof whatsappBody>;

/**
 * Replies and notifications to a WhatsApp number through the Cloud API. Outside the 24-hour window
 * a citizen notification goes as the approved template set in the settings (its one parameter
 * holds the message), or not at all (`window_closed`).
 */
export const whatsappSender: Sender<WhatsAppBody> = {
  body: whatsappBody,
  account: (settings) => `whatsapp:${settings.whatsapp.accessToken ?? ''}`,
  prepare(message: OutboxMessage, body: WhatsAppBody, { db, now, settings }) {
    const { accessToken, graphApiRoot, notificationTemplate } = settings.whatsapp;
    if (!accessToken) throw new SendError('whatsapp access token not set', 'retry', 60_000);
    const lastHeard = lastWhatsAppMessageAt(db, message.recipient);
    // Unknown (no stored question from this number): let the Graph API say whether the window is open.
    const windowClosed = lastHeard !== null && now - lastHeard >= WHATSAPP_WINDOW_MS;
    const template = windowClosed && message.notice !== null && notificationTemplate ? notificationTemplate : null;
    if (windowClosed && !template) throw new SendError('not sent: the 24-hour window has closed and no template is set', 'window_closed');
    const { text } = body;
    const content = template
      ? {
          type: 'template',
          template: {
            name: template,
            language: { code: body.language ?? 'ru' },
            components: [{ type: 'body', parameters: [{ type: 'text', text: templateParameter(text) }] }],
          },
        }
      : {
          type: 'text',
          text: { body: text },
          ...(body.replyTo === undefined ? {} : { context: { message_id: body.replyTo } }),
        };
    const url = `${graphApiRoot.replace(/\/+$/, '')}/${encodeURIComponent(body.phoneNumberId)}/messages`;
    return async (): Promise<SentAs> => {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: message.recipient, ...content }),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        throw networkFailure(error);
      }
      if (response.ok) return template ? 'template' : null;
      const body = (await response.json().catch(() => null)) as { error?: { message?: string; code?: number } } | null;
      const reason = `WhatsApp ${response.status}: ${body?.error?.message ?? 'error'} (${body?.error?.code ?? '-'})`;
      if (body?.error?.code === OUTSIDE_WINDOW) throw new SendError(reason, 'window_closed');
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 429;
      throw new SendError(reason, permanent ? 'permanent' : 'retry');
    };
  },
};
