import type { FastifyInstance } from 'fastify';
import type { Channels } from '../channels';
import { registerCsvRoutes } from './csvRoutes';
import { registerWebhookRoutes } from './webhookRoutes';
import { registerWhatsAppRoutes } from './whatsappRoutes';

/** The intake doors beyond the public form: WhatsApp, the generic webhook, and (staff listener only) CSV import. */
export function registerChannelRoutes(app: FastifyInstance, channels: Channels, staff = true): void {
  registerWhatsAppRoutes(app, channels);
  registerWebhookRoutes(app, channels);
  if (staff) registerCsvRoutes(app, channels);
}
