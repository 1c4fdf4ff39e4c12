import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { AppError } from '../../../shared/errors';
import type { Channel } from '../../../shared/domain';

/**
 * Channels where a person types the contact by hand (the form, a producer taking a call, a
 * call-centre export): what they typed must be a phone, kept in international form so the same
 * caller matches across channels ("8 701 123 45 67" = "+77011234567"). Messenger contacts come
 * from the platform and are kept as they are.
 */
const TYPED_CONTACT_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['web', 'phone', 'csv']);

export function normalizeContact(channel: Channel, contact: string | null): string | null {
  if (!contact || !TYPED_CONTACT_CHANNELS.has(channel)) return contact;
  const phone = parsePhoneNumberFromString(contact, 'KZ');
  if (!phone?.isValid()) throw new AppError('validation', { field: 'phone', messageKey: 'ask.phoneInvalid' });
  return phone.number;
}
