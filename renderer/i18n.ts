import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from '../shared/domain';
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

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}
