import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../../shared/errors';
import { pickLanguage } from '../../../../shared/i18n';
import type { Channels } from '..';
import { webhookBodySchema, webhookMessageSchema, webhookToInbound } from './adapter';
import { errorShape } from '../../messages';
import { findIntegrationByKey, touchIntegration } from '../../store/integrations';

export const WEBHOOK_PATH = '/api/intake/webhook';

function apiKeyOf(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const header = request.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : null;
}

/**
 * The generic JSON webhook: `Authorization: Bearer <key>` (or `X-Api-Key`), then either one
 * message or `{ "messages": [...] }` (≤ 100). Each message is answered with its reference once
 * committed; a redelivered `externalId` answers as the first delivery did.
 */
export function registerWebhookRoutes(app: FastifyInstance, channels: Channels): void {
  const { db, intake, now, states } = channels;
  // Per integration key, not per IP: a portal behind a shared proxy is one caller; keyless
  // requests (refused anyway) share their address's bucket.
  const rateLimit = {
    max: Math.max(channels.perIpPerMinute * 10, 1),
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const key = apiKeyOf(request);
      return key ? `key:${key}` : `ip:${request.ip}`;
    },
  };

  app.post<{ Body: unknown }>(WEBHOOK_PATH, { config: { rateLimit } }, async (request, reply) => {
    const key = apiKeyOf(request);
    const integration = key ? findIntegrationByKey(db, key) : null;
    if (!integration) throw new AppError('forbidden', { detail: 'unknown or revoked API key' });
    const body = webhookBodySchema.safeParse(request.body);
    if (!body.success) throw new AppError('validation', { detail: 'expected a message or { messages: [...] }' });
    const lang = pickLanguage(request.headers['accept-language']);

    const acceptOne = async (raw: unknown) => {
      const parsed = webhookMessageSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('validation', { field: issue?.path.map(String).join('.') ?? '' });
      }
      return intake.accept(webhookToInbound(integration, parsed.data));
    };

    touchIntegration(db, integration.id, now());
    states.set('webhook', 'connected', null);
    if (!('messages' in body.data)) {
      const { reference, created } = await acceptOne(request.body);
      return reply.code(created ? 201 : 200).send({ ok: true, value: { reference, created } });
    }
    const results = await Promise.all(
      (body.data.messages as unknown[]).map(async (raw) => {
        const externalId = (raw as { externalId?: unknown } | null)?.externalId;
        try {
          const { reference, created } = await acceptOne(raw);
          return { externalId, ok: true as const, reference, created };
        } catch (error) {
          // A storage failure fails the whole request, so the sender retries it.
          if (!(error instanceof AppError) || error.retryable) throw error;
          return { externalId, ok: false as const, error: errorShape(error, lang) };
        }
      }),
    );
    return reply.code(200).send({ ok: true, value: { results } });
  });
}
