import { AppError } from '../../../shared/errors';
import type { IntakeSettingsUpdate, IntakeSettingsView, SecretView } from '../../../shared/protocol';
import type { IntakeSettings } from '../store/settings';

function secretView(secret: string | null): SecretView {
  return secret ? { set: true, last4: secret.length >= 12 ? secret.slice(-4) : null } : { set: false, last4: null };
}

/** What a screen may see: secrets reduced to set / not set and, for long ones, the last 4 characters. */
export function settingsView(s: IntakeSettings): IntakeSettingsView {
  return {
    telegram: { enabled: s.telegram.enabled, token: secretView(s.telegram.token), apiRoot: s.telegram.apiRoot },
    whatsapp: {
      enabled: s.whatsapp.enabled,
      appSecret: secretView(s.whatsapp.appSecret),
      verifyToken: secretView(s.whatsapp.verifyToken),
      accessToken: secretView(s.whatsapp.accessToken),
      graphApiRoot: s.whatsapp.graphApiRoot,
      notificationTemplate: s.whatsapp.notificationTemplate ?? null,
    },
    limits: { ...s.limits },
    publicForm: { ...s.publicForm },
  };
}

/** Omitted fields stay; an empty or null secret clears it. */
function secret(next: string | null | undefined, current: string | null): string | null {
  if (next === undefined) return current;
  return next ? next : null;
}

const sameAddress = (a: string, b: string): boolean => a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');

/**
 * A stored secret is sent only where it was entered for: moving the address it goes to needs the
 * secret typed again in the same update (or cleared), so a changed address cannot collect it.
 */
function refuseMovedSecret(address: { before: string; after: string | undefined }, secret: { stored: string | null; next: string | null | undefined }, field: string, messageKey: string): void {
  if (address.after === undefined || sameAddress(address.before, address.after)) return;
  if (secret.stored && secret.next === undefined) throw new AppError('validation', { field, messageKey });
}

export function applySettingsUpdate(s: IntakeSettings, u: IntakeSettingsUpdate): IntakeSettings {
  refuseMovedSecret({ before: s.telegram.apiRoot, after: u.telegram?.apiRoot }, { stored: s.telegram.token, next: u.telegram?.token }, 'telegram.token', 'intake.telegram.reenterToken');
  refuseMovedSecret(
    { before: s.whatsapp.graphApiRoot, after: u.whatsapp?.graphApiRoot },
    { stored: s.whatsapp.accessToken, next: u.whatsapp?.accessToken },
    'whatsapp.accessToken',
    'intake.whatsapp.reenterAccessToken',
  );
  return {
    telegram: {
      enabled: u.telegram?.enabled ?? s.telegram.enabled,
      token: secret(u.telegram?.token, s.telegram.token),
      apiRoot: u.telegram?.apiRoot ?? s.telegram.apiRoot,
    },
    whatsapp: {
      enabled: u.whatsapp?.enabled ?? s.whatsapp.enabled,
      appSecret: secret(u.whatsapp?.appSecret, s.whatsapp.appSecret),
      verifyToken: secret(u.whatsapp?.verifyToken, s.whatsapp.verifyToken),
      accessToken: secret(u.whatsapp?.accessToken, s.whatsapp.accessToken),
      graphApiRoot: u.whatsapp?.graphApiRoot ?? s.whatsapp.graphApiRoot,
      notificationTemplate: u.whatsapp?.notificationTemplate === undefined ? (s.whatsapp.notificationTemplate ?? null) : u.whatsapp.notificationTemplate || null,
    },
    limits: { perSenderPerMinute: u.limits?.perSenderPerMinute ?? s.limits.perSenderPerMinute },
    publicForm: {
      akimatName: u.publicForm?.akimatName === undefined ? s.publicForm.akimatName : u.publicForm.akimatName || null,
      privacyUrl: u.publicForm?.privacyUrl === undefined ? s.publicForm.privacyUrl : u.publicForm.privacyUrl || null,
    },
  };
}

/** WhatsApp can receive only with both the app secret (signatures) and the verify token. */
export function whatsappReady(s: IntakeSettings): boolean {
  return s.whatsapp.enabled && !!s.whatsapp.appSecret && !!s.whatsapp.verifyToken;
}
