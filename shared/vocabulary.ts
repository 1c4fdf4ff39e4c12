/**
 * The desk's one vocabulary: topics, Almaty's districts and the languages, each with its id (what
 * is stored), its kk/ru/en names and the other spellings people type. The public form, the
 * console, the suggestion rules, CSV import, the i18n resources and the reports all read these
 * lists, so a question counts under the same topic wherever it came from. Never import node:* here.
 */
import { DISTRICTS, LANGUAGES, type District, type Language } from './domain';

/** Stored topic ids; never rename one without a migration of stored questions. */
export const TOPICS = [
  'roads',
  'transport',
  'utilities',
  'ecology',
  'housing',
  'education',
  'healthcare',
  'social',
  'safety',
  'construction',
  'parks',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

/** One entry of the vocabulary: its names by language and further spellings, matched loosely. */
export interface Term {
  names: Readonly<Record<Language, string>>;
  aliases: readonly string[];
}

export const TOPIC_TERMS: Readonly<Record<Topic, Term>> = {
  roads: { names: { kk: 'Жолдар', ru: 'Дороги', en: 'Roads' }, aliases: ['дороги и ремонт', 'жолдар және жөндеу', 'roads and repairs'] },
  transport: {
    names: { kk: 'Көлік', ru: 'Транспорт', en: 'Transport' },
    aliases: ['общественный транспорт', 'қоғамдық көлік', 'public transport'],
  },
  utilities: {
    names: { kk: 'Коммуналдық қызметтер', ru: 'Коммунальные услуги', en: 'Utilities' },
    aliases: ['жкх', 'ткш', 'коммуналка'],
  },
  ecology: { names: { kk: 'Экология', ru: 'Экология', en: 'Ecology' }, aliases: ['экология и воздух', 'экология және ауа', 'ecology and air'] },
  housing: { names: { kk: 'Тұрғын үй', ru: 'Жильё', en: 'Housing' }, aliases: ['жилье', 'housing and utilities'] },
  education: {
    names: { kk: 'Білім', ru: 'Образование', en: 'Education' },
    aliases: ['школы и детсады', 'мектептер мен балабақшалар', 'schools and kindergartens'],
  },
  healthcare: {
    names: { kk: 'Денсаулық сақтау', ru: 'Здравоохранение', en: 'Healthcare' },
    aliases: ['health', 'health care', 'медицина'],
  },
  social: {
    names: { kk: 'Әлеуметтік көмек', ru: 'Соцподдержка', en: 'Social support' },
    aliases: ['социальная помощь', 'социальная поддержка'],
  },
  safety: { names: { kk: 'Қауіпсіздік', ru: 'Безопасность', en: 'Safety' }, aliases: [] },
  construction: { names: { kk: 'Құрылыс', ru: 'Строительство', en: 'Construction' }, aliases: [] },
  parks: { names: { kk: 'Саябақтар', ru: 'Парки', en: 'Parks' }, aliases: ['скверы', 'parks and squares'] },
  other: { names: { kk: 'Басқа', ru: 'Другое', en: 'Other' }, aliases: ['прочее'] },
};

/**
 * Topic ids stored by earlier versions of the desk (the public form had its own list); the
 * migration that unified the lists rewrote them, and intake maps them the same way.
 */
export const LEGACY_TOPICS: Readonly<Record<string, Topic>> = { health: 'healthcare' };

export const DISTRICT_TERMS: Readonly<Record<District, Term>> = {
  alatau: { names: { kk: 'Алатау', ru: 'Алатауский', en: 'Alatau' }, aliases: ['Алатау'] },
  almaly: { names: { kk: 'Алмалы', ru: 'Алмалинский', en: 'Almaly' }, aliases: ['Алмалы'] },
  auezov: { names: { kk: 'Әуезов', ru: 'Ауэзовский', en: 'Auezov' }, aliases: ['Ауэзов', 'Ауезовский'] },
  bostandyk: { names: { kk: 'Бостандық', ru: 'Бостандыкский', en: 'Bostandyk' }, aliases: ['Бостандык'] },
  zhetysu: { names: { kk: 'Жетісу', ru: 'Жетысуский', en: 'Zhetysu' }, aliases: ['Жетысу'] },
  medeu: { names: { kk: 'Медеу', ru: 'Медеуский', en: 'Medeu' }, aliases: ['Медеу'] },
  nauryzbay: { names: { kk: 'Наурызбай', ru: 'Наурызбайский', en: 'Nauryzbay' }, aliases: ['Наурызбай'] },
  turksib: { names: { kk: 'Түрксіб', ru: 'Турксибский', en: 'Turksib' }, aliases: ['Турксиб'] },
};

export const LANGUAGE_TERMS: Readonly<Record<Language, Term>> = {
  kk: { names: { kk: 'Қазақ тілі', ru: 'Казахский', en: 'Kazakh' }, aliases: ['kaz', 'қазақша'] },
  ru: { names: { kk: 'Орыс тілі', ru: 'Русский', en: 'Russian' }, aliases: ['rus', 'русский'] },
  en: { names: { kk: 'Ағылшын тілі', ru: 'Английский', en: 'English' }, aliases: ['eng'] },
};

/** `{ id: name }` in one language, for the i18n resources. */
export function namesIn<Id extends string>(terms: Readonly<Record<Id, Term>>, lang: Language): Record<Id, string> {
  return Object.fromEntries(Object.entries<Term>(terms).map(([id, term]) => [id, term.names[lang]])) as Record<Id, string>;
}

/** How a typed name is compared: case, ё/е, spacing and a trailing "district"/"район"/"ауданы" do not matter. */
export function termKey(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .replace(/\s+(district|район|ауданы)$/u, '')
    .trim();
}

function lookup<Id extends string>(ids: readonly Id[], terms: Readonly<Record<Id, Term>>): ReadonlyMap<string, Id> {
  const out = new Map<string, Id>();
  for (const id of ids) {
    const term = terms[id];
    for (const name of [id, ...LANGUAGES.map((lang) => term.names[lang]), ...term.aliases]) out.set(termKey(name), id);
  }
  return out;
}

const TOPIC_LOOKUP = lookup(TOPICS, TOPIC_TERMS);
const DISTRICT_LOOKUP = lookup(DISTRICTS, DISTRICT_TERMS);

/** The topic id a stored or typed value means (an id, a name in any language, an alias, a legacy id), or null. */
export function topicFrom(value: string | null | undefined): Topic | null {
  if (!value) return null;
  const key = termKey(value);
  return TOPIC_LOOKUP.get(key) ?? LEGACY_TOPICS[key] ?? null;
}

/** The district id a typed value means (an id, a name in any language, an alias), or null. */
export function districtFrom(value: string | null | undefined): District | null {
  if (!value) return null;
  return DISTRICT_LOOKUP.get(termKey(value)) ?? null;
}

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && (TOPICS as readonly string[]).includes(value);
}
