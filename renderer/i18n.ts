import type { ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '../shared/domain';
import type { AppErrorShape } from '../shared/errors';
import { MAX_QUESTION_CHARS } from '../shared/forms';
import { createI18n, isLanguage, pickLanguage } from '../shared/i18n';

const STORAGE_KEY = 'desk.lang';

/** `?lang=` wins (links for a teleprompter PC), then the saved choice, then the browser. */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  return pickLanguage(navigator.languages.join(',') || DEFAULT_LANGUAGE);
}

export const i18n = createI18n(initialLanguage());
void i18n.use(initReactI18next).init();
document.documentElement.lang = i18n.language;

export function setLanguage(lang: Language): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

/**
 * An error's text in the language the screen is in now (the server translated it into the
 * language the socket or request named, which a language switch may since have changed).
 */
export function errorText(error: AppErrorShape): string {
  // The server names the key at run time; `exists` is the check the type system cannot make here.
  return error.messageKey && i18n.exists(error.messageKey) ? i18n.t(error.messageKey as ParseKeys, { max: MAX_QUESTION_CHARS }) : error.message;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}
