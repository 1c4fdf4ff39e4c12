/**
 * Keyword rules that suggest a question's topic, district and speaker. Producers edit them in
 * the settings screen, so this module is shared with the browser: never import node:* here.
 *
 * A keyword matches the start of a word, so one stem covers its inflections ("отоплен" finds
 * "отопления", "отоплением"); keywords shorter than four letters match whole words only ("газ",
 * "су"), and a keyword of several words matches them in a row ("әуезов аудан"). Case, ё/е and
 * the Kazakh letters typed on a Russian keyboard (қ/к, ә/а, і/и …) do not matter.
 */
import { ALMATY_PLACES } from './data/almatyPlaces';
import { CITY_PROBLEMS, TOPIC_SPEAKERS } from './data/cityProblems';
import { DISTRICTS } from './domain';
import { TOPICS } from './vocabulary';

/** What a rule suggests. */
export type SuggestionKind = 'topic' | 'district' | 'speaker';

/** One editable rule: text containing any of `keywords` suggests `value` for `kind`. */
export type SuggestionRule = { kind: SuggestionKind; value: string; keywords: string[] };

/** Who answers on air: the akim or the head of a city department. */
export const SUGGESTION_SPEAKERS = [
  'akim',
  'deputy_transport',
  'energy_department',
  'ecology_department',
  'housing_department',
  'construction_department',
  'education_department',
  'health_department',
  'social_department',
  'police',
] as const;
export type SuggestionSpeaker = (typeof SUGGESTION_SPEAKERS)[number];

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null, namesOf: (item: T) => readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    out.set(key, [...(out.get(key) ?? []), ...namesOf(item)]);
  }
  return out;
}

const TOPIC_KEYWORDS = groupBy(CITY_PROBLEMS, (p) => p.topic, (p) => p.names);
// A name that needs its number to be a place ("Жетысу-2") would otherwise suggest a district for
// the bare word, which also names another district.
const DISTRICT_KEYWORDS = groupBy(ALMATY_PLACES, (p) => (p.numberRequired ? null : p.district), (p) => p.names);

/**
 * The rules a new desk starts with, made from the one gazetteer and problem lexicon in
 * shared/data (which grouping reads too): a problem suggests its topic and the topic's speaker,
 * a place suggests the district it lies in.
 */
export const DEFAULT_SUGGESTION_RULES: readonly SuggestionRule[] = [
  ...TOPICS.flatMap((value) => {
    const keywords = TOPIC_KEYWORDS.get(value) ?? [];
    return keywords.length > 0 ? [{ kind: 'topic' as const, value, keywords }] : [];
  }),
  ...DISTRICTS.map((value) => ({ kind: 'district' as const, value, keywords: DISTRICT_KEYWORDS.get(value) ?? [] })),
  ...TOPICS.flatMap((topic) => {
    const keywords = TOPIC_KEYWORDS.get(topic) ?? [];
    return keywords.length > 0 ? [{ kind: 'speaker' as const, value: TOPIC_SPEAKERS[topic], keywords }] : [];
  }),
];
