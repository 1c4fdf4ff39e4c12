import i18next, { type i18n as I18n } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../domain';
import { ask } from './ask';
import { backupsStrings } from './backups';
import { common } from './common';
import { consoleStrings } from './console';
import { desktopStrings } from './desktop';
import { devicesStrings } from './devices';
import { graphicsStrings } from './graphics';
import { handoffsStrings } from './handoffs';
import { intakeStrings } from './intake';
import { notificationsStrings } from './notifications';
import { pressStrings } from './press';
import { prompterStrings } from './prompter';
import { rundownStrings } from './rundown';
import { statusStrings } from './status';

type Tree = { [key: string]: string | Tree };

/** Every key the UI can ask for: the English strings of all screens (the other languages must match; see tests/shared/i18n). */
export type UiStrings = (typeof common)['en'] &
  (typeof ask)['en'] &
  (typeof consoleStrings)['en'] &
  (typeof prompterStrings)['en'] &
  (typeof rundownStrings)['en'] &
  (typeof intakeStrings)['en'] &
  (typeof desktopStrings)['en'] &
  (typeof devicesStrings)['en'] &
  (typeof handoffsStrings)['en'] &
  (typeof pressStrings)['en'] &
  (typeof backupsStrings)['en'] &
  (typeof graphicsStrings)['en'] &
  (typeof notificationsStrings)['en'] &
  (typeof statusStrings)['en'];
type PerLanguage = Record<Language, Tree>;

/** Each screen keeps its strings in its own file; add a file here to add a screen. */
const parts: PerLanguage[] = [common, ask, consoleStrings, prompterStrings, rundownStrings, intakeStrings, desktopStrings, devicesStrings, handoffsStrings, pressStrings, backupsStrings, graphicsStrings, notificationsStrings, statusStrings];

function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value);
    else target[key] = value;
  }
  return target;
}

export const resources = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    { translation: parts.reduce<Tree>((acc, part) => merge(acc, structuredClone(part[lang])), {}) },
  ]),
) as Record<Language, { translation: Tree }>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header or a stored preference. */
export function pickLanguage(preferred: string | null | undefined): Language {
  if (!preferred) return DEFAULT_LANGUAGE;
  for (const part of preferred.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (isLanguage(tag)) return tag;
  }
  return DEFAULT_LANGUAGE;
}

/** A ready i18next instance; the renderer wraps it for React, the core uses it for replies. */
export function createI18n(lng: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
