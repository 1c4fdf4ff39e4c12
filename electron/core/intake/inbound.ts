import type { Channel, District, Language } from '../../../shared/domain';

/** What every channel adapter produces; everything after this point is shared. */
export interface InboundMessage {
  channel: Channel;
  /** Unique within the channel; a redelivery with the same id is a no-op. */
  externalId: string;
  senderName: string;
  /** Private: phone or handle; never shown on the teleprompter or in public exports. */
  senderContact?: string | null;
  /** The channel's stable id of the sender (Telegram chat id, WhatsApp number…), for limits and history. */
  senderUserId?: string | null;
  district?: District | null;
  topic?: string | null;
  language?: Language | null;
  text: string;
  receivedAt?: number;
  meta?: Record<string, unknown>;
}
