import type { AppErrorShape } from '../../shared/errors';
import { errorText, i18n } from '../i18n';

type Reply<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** A file's bytes as base64, in chunks (a spread of a whole file overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** POSTs JSON to one of the core's staff endpoints; a refusal becomes an Error with the desk's message. */
export async function postToDesk<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': i18n.language },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error(i18n.t('error.network'));
  }
  const reply = (await response.json().catch(() => null)) as Reply<T> | null;
  if (reply?.ok) return reply.value;
  throw new Error(reply ? errorText(reply.error) : i18n.t('error.internal'));
}
