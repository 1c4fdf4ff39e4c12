import type { District } from '../../../shared/domain';
import { ALMATY_PLACES, type Place } from '../../../shared/data/almatyPlaces';
import { CITY_PROBLEMS, PROBLEM_MARKERS, type Problem } from '../../../shared/data/cityProblems';
import { indexPhrases, longestPhraseAt } from './phrases';
import type { Token } from './words';

/**
 * What a question is about, part by part: where (places down to the microdistrict, street and
 * house), what (problems from the lexicon) and which side of it (markers). Read from the folded
 * tokens of one text with the gazetteer and lexicon in shared/data; nothing else.
 */
export interface IssueKey {
  /** Place ids; a numbered microdistrict carries its number ("aksay-4"); districts are 'district:<id>'. */
  places: string[];
  /** Districts the places lie in (named, or known from a place). */
  districts: District[];
  /** House numbers ("15", "3а"), from "дом 15", "15-үй", "Толе би 273". */
  houses: string[];
  /** Numbers that name an object: school 175, bus 32, polyclinic 21, ТЭЦ-2. */
  numbers: string[];
  problems: string[];
  markers: string[];
}

type Target = { kind: 'place'; place: Place } | { kind: 'problem'; problem: Problem } | { kind: 'marker'; id: string };

const PLACE_INDEX = indexPhrases<Target>(
  ALMATY_PLACES.flatMap((place) => place.names.map((text) => ({ target: { kind: 'place' as const, place }, text }))),
);
const PROBLEM_INDEX = indexPhrases<Target>([
  ...CITY_PROBLEMS.flatMap((problem) => problem.names.map((text) => ({ target: { kind: 'problem' as const, problem }, text }))),
  ...PROBLEM_MARKERS.flatMap(({ id, names }) => names.map((text) => ({ target: { kind: 'marker' as const, id }, text }))),
]);

// Words before a house number ("дом 15", "д.15", "building 5") and after it ("15 үй", "5-үйдің").
const HOUSE_BEFORE = new Set(['дом', 'доме', 'дома', 'д', 'house', 'building', 'bldg', 'корпус']);
const HOUSE_AFTER = /^(?:уй|house)/u;
// What follows a number that counts something rather than names it ("40 минут", "800 тенге").
const UNIT = /^(?:мин|час|сагат|ден|дня|дне|сут|кун|тенге|тг|тыс|мын|млн|миллион|этаж|кабат|год|лет|жил|раз|рет|чел|адам|процент|градус|метр|км|минут|hour|minute|day|week|month|year|time|floor|tenge|people|percent|апта|ай|недел|месяц|сом)/u;
// Ordinal endings written after a number ("32-й", "175-ші", "21-я").
const ORDINAL = new Set(['й', 'я', 'ая', 'ой', 'ый', 'го', 'ши', 'шы', 'нши', 'инши', 'st', 'nd', 'rd', 'th']);
const YEAR = /^(?:19|20)\d\d$/;
// "3A" typed in Latin is "3А".
const LETTER_AFTER_NUMBER: Readonly<Record<string, string>> = { a: 'а', b: 'б', v: 'в', g: 'г' };

/** Reads the issue key of a text from its folded tokens (`folded` is the text they index). */
export function readIssueKey(folded: string, tokens: readonly Token[]): IssueKey {
  const words = tokens.map((t) => t.text);
  const places = new Set<string>();
  const districts = new Set<District>();
  const houses = new Set<string>();
  const numbers = new Set<string>();
  const problems = new Set<string>();
  const markers = new Set<string>();
  // What each token was read as, so a number can look at its neighbours.
  const role: Array<'street' | 'problem' | 'place' | 'number' | undefined> = [];

  const numberAt = (j: number): string | null => {
    const t = tokens[j];
    if (!t?.isNumber) return null;
    const next = tokens[j + 1];
    // A letter glued to the number belongs to it: Аксай-3А, дом 15б.
    if (!next || next.start !== t.end || next.isNumber || next.text.length !== 1) return t.text;
    return `${t.text}${LETTER_AFTER_NUMBER[next.text] ?? next.text}`;
  };

  for (let i = 0; i < tokens.length; ) {
    const place = longestPhraseAt(PLACE_INDEX, words, i);
    const problem = longestPhraseAt(PROBLEM_INDEX, words, i);
    if (place && place.target.kind === 'place' && (!problem || place.length >= problem.length)) {
      const p = place.target.place;
      let j = i + place.parts.length;
      const number = p.numbered ? numberAt(j) : null;
      if (p.numberRequired && number === null) {
        i++;
        continue;
      }
      for (let k = i; k < j; k++) role[k] = p.kind === 'street' ? 'street' : 'place';
      if (number !== null) {
        role[j] = 'place';
        j += number.length > (tokens[j]?.text.length ?? 0) ? 2 : 1;
      }
      places.add(p.kind === 'district' ? `district:${p.id}` : number === null ? p.id : `${p.id}-${number}`);
      if (p.district) districts.add(p.district);
      i = j;
      continue;
    }
    if (problem) {
      const t = problem.target;
      if (t.kind === 'problem') problems.add(t.problem.id);
      else if (t.kind === 'marker') markers.add(t.id);
      for (let k = i; k < i + problem.parts.length; k++) role[k] = 'problem';
      i += problem.parts.length;
      continue;
    }
    i++;
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.isNumber || role[i] !== undefined || YEAR.test(t.text)) continue;
    const value = numberAt(i) ?? t.text;
    let after = i + (value.length > t.text.length ? 2 : 1);
    while (ORDINAL.has(words[after] ?? '')) after++;
    const prev = words[i - 1] ?? '';
    const next = words[after] ?? '';
    if (UNIT.test(next)) continue;
    if (HOUSE_BEFORE.has(prev) || HOUSE_AFTER.test(next) || role[i - 1] === 'street') houses.add(value);
    else if (role[i - 1] === 'problem' || role[after] === 'problem' || folded.charAt(t.start - 1) === '№') numbers.add(value);
  }

  return {
    places: [...places].sort(),
    districts: [...districts].sort(),
    houses: [...houses].sort(),
    numbers: [...numbers].sort(),
    problems: [...problems].sort(),
    markers: [...markers].sort(),
  };
}

const PLACES_BY_ID = new Map(ALMATY_PLACES.map((p) => [p.id, p]));
const PROBLEMS_BY_ID = new Map(CITY_PROBLEMS.map((p) => [p.id, p]));

/** The place a key's id stands for ("aksay-4" → Аксай), if it is in the gazetteer. */
export function placeOf(id: string): Place | undefined {
  return PLACES_BY_ID.get(id.startsWith('district:') ? id.slice('district:'.length) : id.replace(/-\d+\p{L}?$/u, ''));
}

export function problemOf(id: string): Problem | undefined {
  return PROBLEMS_BY_ID.get(id);
}
