import type { SenderRegistry } from './sender';
import { telegramSender } from './telegram/sender';
import { whatsappSender } from './whatsapp/sender';

/**
 * The channels that can answer a citizen, each by its folder's sender. A channel without one
 * (web form, CSV, phone-in, webhook) has nothing to send through: its outbox rows fail for good.
 */
export const SENDERS: SenderRegistry = { telegram: telegramSender, whatsapp: whatsappSender };
