import type { FastifyInstance } from 'fastify';
import type { Channels } from '../channels';
import { registerCsvRoutes } from '../channels/csv/route';
import { registerWebhookRoutes } from '../channels/webhook/route';
import { registerWhatsAppRoutes } from '../channels/whatsapp/route';

/** The intake doors beyond the public form: WhatsApp, the generic webhook, and (staff listener only) CSV import. */
export function registerChannelRoutes(app: FastifyInstance, channels: Channels, staff = true): void {
  registerWhatsAppRoutes(app, channels);
  registerWebhookRoutes(app, channels);
  if (staff) registerCsvRoutes(app, channels);
}
