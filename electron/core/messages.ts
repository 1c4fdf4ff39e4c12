import type { Language } from '../../shared/domain';
import { AppError, type AppErrorShape } from '../../shared/errors';
import { MAX_QUESTION_CHARS } from '../../shared/forms';
import { createI18n } from '../../shared/i18n';

/** Server-side texts (error replies, bot answers) in the requester's language. */
const translators = new Map<Language, ReturnType<typeof createI18n>>();

export function translate(lang: Language, key: string, vars: Record<string, unknown> = {}): string {
  let i18n = translators.get(lang);
  if (!i18n) {
    i18n = createI18n(lang);
    translators.set(lang, i18n);
  }
  return i18n.t(key, { max: MAX_QUESTION_CHARS, ...vars });
}

export function errorShape(error: unknown, lang: Language): AppErrorShape {
  const appError = error instanceof AppError ? error : new AppError('internal');
  return appError.toShape(translate(lang, appError.messageKey, appError.options.vars));
}
