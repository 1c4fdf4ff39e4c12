import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../../shared/errors';
import type { Channels } from '..';
import { enqueueReply, replyText } from '../replies';
import { whatsappReady } from '../settingsView';
import { decideWhatsAppPayload, guessLanguage, verifyWhatsAppSignature, whatsappPayloadSchema } from './adapter';
import { getIntakeSettings } from '../../store/settings';
import { parseJsonBody } from '../../http/body';

/** Meta sends payloads up to 3 MB. */
const WHATSAPP_BODY_LIMIT = 3 * 1024 * 1024 + 64 * 1024;
export const WHATSAPP_PATH = '/webhooks/whatsapp';

/**
 * WhatsApp Cloud API webhook. Its own plugin scope keeps the body as raw bytes, because the
 * signature covers exactly the bytes Meta sent; JSON is parsed only after the HMAC matched.
 * 200 is answered only after every message in the POST is committed; on a storage failure Meta
 * gets 500 and retries, and the message id (wamid) makes the retry a no-op.
 */
export function registerWhatsAppRoutes(app: FastifyInstance, channels: Channels): void {
  const { db, intake, states, now } = channels;
  const rateLimit = { max: Math.max(channels.perIpPerMinute * 10, 1), timeWindow: '1 minute' };

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WHATSAPP_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );

    scope.get<{ Querystring: Record<string, string | undefined> }>(
      WHATSAPP_PATH,
      { config: { rateLimit } },
      (request, reply) => {
        const settings = getIntakeSettings(db);
        const q = request.query;
        const expected = settings.whatsapp.verifyToken;
        if (!expected || q['hub.mode'] !== 'subscribe' || q['hub.verify_token'] !== expected) {
          throw new AppError('forbidden', { detail: 'whatsapp verification token mismatch' });
        }
        states.set('whatsapp', 'connected', null);
        return reply.code(200).type('text/plain; charset=utf-8').send(q['hub.challenge'] ?? '');
      },
    );

    // No per-IP limit: Meta's servers share addresses. The signature keeps strangers out and the
    // per-sender limit (intake) flags floods.
    scope.post<{ Body: Buffer }>(WHATSAPP_PATH, async (request, reply) => {
      const settings = getIntakeSettings(db);
      if (!whatsappReady(settings) || !settings.whatsapp.appSecret) {
        throw new AppError('forbidden', { detail: 'whatsapp is not configured' });
      }
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-hub-signature-256'];
      if (!verifyWhatsAppSignature(raw, typeof signature === 'string' ? signature : undefined, settings.whatsapp.appSecret)) {
        states.set('whatsapp', 'error', `rejected a POST with a missing or wrong signature (${request.ip})`);
        throw new AppError('forbidden', { detail: 'bad X-Hub-Signature-256' });
      }
      const payload = whatsappPayloadSchema.safeParse(parseJsonBody(raw));
      if (!payload.success) throw new AppError('validation', { detail: 'not a WhatsApp webhook payload' });

      await Promise.all(
        decideWhatsAppPayload(payload.data).map(async (d) => {
          const target = { channel: 'whatsapp' as const, recipient: d.to, extra: { phoneNumberId: d.phoneNumberId, replyTo: d.replyTo } };
          if (d.kind === 'non_text') {
            // No language on WhatsApp and no text to guess from: answer in both of the city's languages.
            const text = `${replyText('kk', { kind: 'textOnly' })}\n${replyText('ru', { kind: 'textOnly' })}`;
            enqueueReply(db, { ...target, dedupeKey: `whatsapp:${d.id}:textOnly` }, text, now());
            return;
          }
          const lang = guessLanguage(d.message.text);
          try {
            const { reference, flood } = await intake.accept(d.message);
            // A flood is stored and flagged; answering each message would flood the sender back.
            if (flood) return;
            const text = replyText(lang, { kind: 'received', reference });
            enqueueReply(db, { ...target, dedupeKey: `whatsapp:${d.message.externalId}:received` }, text, now());
          } catch (error) {
            if (!(error instanceof AppError) || error.retryable) throw error;
            const text = replyText(lang, { kind: 'rejected', error });
            enqueueReply(db, { ...target, dedupeKey: `whatsapp:${d.message.externalId}:rejected` }, text, now());
          }
        }),
      );
      states.set('whatsapp', 'connected', null);
      channels.outbox.kick();
      return reply.code(200).send({ ok: true });
    });
  });
}
