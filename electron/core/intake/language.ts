import type { Language } from '../../../shared/domain';

/** Maps a platform's language code (`ru`, `kk-KZ`, `en-US`) onto ours; null when we do not speak it. */
export function languageFromCode(code: string | null | undefined): Language | null {
  const tag = (code ?? '').slice(0, 2).toLowerCase();
  return tag === 'kk' || tag === 'ru' || tag === 'en' ? tag : null;
}
