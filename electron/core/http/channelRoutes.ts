import type { FastifyInstance } from 'fastify';
import type { Channels } from '../channels';
import { registerCsvRoutes } from './csvRoutes';
import { registerWebhookRoutes } from './webhookRoutes';
import { registerWhatsAppRoutes } from './whatsappRoutes';

/** The intake doors beyond the public form: WhatsApp, the generic webhook, CSV import. */
export function registerChannelRoutes(app: FastifyInstance, channels: Channels): void {
  registerWhatsAppRoutes(app, channels);
  registerWebhookRoutes(app, channels);
  registerCsvRoutes(app, channels);
}
