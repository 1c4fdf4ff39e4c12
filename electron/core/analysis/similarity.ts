import type { Language } from '../../../shared/domain';
import { type IssueKey, placeOf, problemOf, readIssueKey } from './issueKey';
import { detectLanguage } from './language';
import { stemWord } from './stem';
import { foldForMatching, tokenize } from './words';

/**
 * Near-duplicate grouping: a duplicate is the same problem at the same place asking the same thing,
 * in any language. A question becomes a {@link Fingerprint} once (stored as JSON next to it): its
 * issue key — places down to the microdistrict, street and house, problems from the lexicon, the
 * markers that split a problem — read with the gazetteer and lexicon in shared/data, plus its word
 * stems. Two questions are compared part by part: any conflict (another place, another house,
 * another problem, a marker on one side only) keeps them apart; word stems only break ties. A
 * question joins a group only when most of the group's members match it, so groups never chain.
 * Everything here is a pure function of the texts, so it can run in any thread.
 */

/** Compact, JSON-serialisable summary of a question's text. */
export interface Fingerprint extends IssueKey {
  /** Algorithm version: a fingerprint of another version must be recomputed, not compared. */
  v: typeof FINGERPRINT_VERSION;
  language: Language;
  /** Sorted, unique stems of the words that are not question words, greetings or places. */
  stems: string[];
}

export const FINGERPRINT_VERSION = 2;

/** Similarity at or above which a question matches a group member. */
export const DEFAULT_GROUP_THRESHOLD = 0.5;

const MAX_STEMS = 48;
const MAX_KEYS = 6;
// With no problem from the lexicon on either side, only near-identical wording counts.
const WORDS_ONLY_FACTOR = 0.8;
const PROBLEM_SHARE = 0.8;
const NO_PLACE_FACTOR = 0.9;

export { foldForMatching };

// Words that carry no topic: question words, particles, greetings, the city and the akim, and
// the verbs every question is framed with.
const STOPWORDS = new Set(
  [
    // ru
    'а', 'без', 'будет', 'будут', 'бы', 'был', 'была', 'были', 'было', 'быть', 'в', 'во', 'вот',
    'все', 'всех', 'где', 'да', 'даже', 'для', 'до', 'его', 'ее', 'если', 'есть', 'еще', 'же',
    'за', 'здесь', 'и', 'из', 'или', 'им', 'их', 'к', 'ко', 'как', 'какие', 'какой', 'какая',
    'когда', 'кто', 'ли', 'мы', 'на', 'над', 'наш', 'наша', 'наше', 'наши', 'нашей', 'нашем',
    'нам', 'нас', 'не', 'нет', 'ни', 'но', 'ну', 'о', 'об', 'он', 'она', 'они', 'от', 'очень',
    'по', 'под', 'почему', 'при', 'с', 'со', 'так', 'такой', 'такие', 'там', 'то', 'тоже',
    'только', 'у', 'уже', 'что', 'чтобы', 'это', 'этот', 'эта', 'эти', 'этим', 'этого', 'этой',
    'я', 'вы', 'вас', 'вам', 'зачем', 'сколько', 'куда', 'можно', 'нужно', 'надо', 'пожалуйста',
    'здравствуйте', 'добрый', 'день', 'уважаемый', 'уважаемые', 'аким', 'акимат', 'акимата',
    'спасибо', 'вопрос', 'город', 'города', 'городе', 'городу', 'городом', 'алматы', 'алмата',
    'наконец', 'сих', 'пор', 'снова', 'опять', 'который', 'которые', 'весь', 'вся', 'кого', 'чем',
    'ничего', 'каждый', 'каждое', 'каждую', 'ведь', 'тут', 'проблема', 'проблему', 'проблемы',
    'решат', 'решить', 'делать', 'делает', 'сделать', 'сделают', 'может', 'могут', 'район',
    'района', 'районе', 'районом', 'районы', 'районов', 'районах',
    // kk
    'қашан', 'ма', 'ме', 'ба', 'бе', 'па', 'пе', 'және', 'мен', 'бен', 'пен', 'да', 'де', 'та',
    'те', 'не', 'неге', 'неліктен', 'қалай', 'қайда', 'кім', 'қандай', 'бұл', 'осы', 'сол',
    'біз', 'біздің', 'бізде', 'сіз', 'сіздер', 'сіздің', 'ол', 'олар', 'үшін', 'жоқ', 'бар', 'әлі',
    'енді', 'өте', 'бір', 'деп', 'ғой', 'ғана', 'қала', 'қалада', 'қаланың', 'қаладағы',
    'алматыда', 'алматының', 'әкім', 'әкімдік', 'әкімдігі', 'сәлеметсіз', 'сәлем', 'құрметті',
    'рахмет', 'сұрақ', 'керек', 'болады', 'ше', 'дейін', 'бері', 'мәселе', 'мәселесі',
    'аудан', 'ауданы', 'ауданда', 'ауданында', 'ауданға', 'ауданының', 'аудандары',
  ].map(foldForMatching),
);

/** The fingerprint of a question's text; cheap enough to compute on every arrival. */
export function fingerprint(text: string, language?: Language | null): Fingerprint {
  const folded = foldForMatching(text);
  const tokens = tokenize(folded);
  const lang = language ?? detectLanguage(text) ?? 'ru';
  const key = readIssueKey(folded, tokens);
  const stems = new Set<string>();
  for (const t of tokens) {
    if (t.isNumber || STOPWORDS.has(t.text) || t.text.length < 2) continue;
    stems.add(stemWord(t.text, lang));
  }
  return { v: FINGERPRINT_VERSION, language: lang, ...key, stems: [...stems].sort().slice(0, MAX_STEMS) };
}

const isDistrictId = (id: string): boolean => id.startsWith('district:');
const baseOf = (id: string): string => id.replace(/-\d+\p{L}?$/u, '');
const hasNumber = (id: string): boolean => baseOf(id) !== id;

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}

// Aksay (no number) may be any Aksay; Aksay-4 and Aksay-5 are different places.
function samePlace(x: string, y: string): boolean {
  if (x === y) return true;
  return baseOf(x) === baseOf(y) && (!hasNumber(x) || !hasNumber(y));
}

const namesPlace = (fp: Fingerprint): boolean => fp.places.length > 0;
/** A fingerprint's places as placesAgree reads them: districts named, specific places, their streets. */
interface PlaceParts {
  named: string[];
  specific: string[];
  streets: string[];
}

// Per fingerprint, computed once: an arrival is compared with a hundred members, and a member with
// many arrivals (fingerprints are kept by grouping's cache), and splitting the lists at every
// comparison was a tenth of what grouping allocated.
const placePartsOf = new WeakMap<Fingerprint, PlaceParts>();
function placeParts(fp: Fingerprint): PlaceParts {
  let parts = placePartsOf.get(fp);
  if (!parts) {
    const specific = fp.places.filter((id) => !isDistrictId(id));
    parts = { named: fp.places.filter(isDistrictId), specific, streets: specific.filter((id) => placeOf(id)?.kind === 'street') };
    placePartsOf.set(fp, parts);
  }
  return parts;
}

/** True when two questions may be about the same place: no conflict in district, place or house. */
export function placesAgree(a: Fingerprint, b: Fingerprint): boolean {
  const { specific: specificA, named: namedA, streets: streetsA } = placeParts(a);
  const { specific: specificB, named: namedB, streets: streetsB } = placeParts(b);
  if (namedA.length > 0 && namedB.length > 0 && !intersects(namedA, namedB)) return false;
  if (a.houses.length > 0 && b.houses.length > 0 && !intersects(a.houses, b.houses)) return false;
  if (specificA.length === 0 && specificB.length === 0) return namedA.length === namedB.length || intersects(namedA, namedB);
  // A district on one side and a place in it on the other may be the same place; nothing named
  // on one side is not.
  if (specificA.length === 0) return namedA.length > 0 && intersects(a.districts, b.districts);
  if (specificB.length === 0) return namedB.length > 0 && intersects(a.districts, b.districts);
  // An intersection is its two streets: Абая–Розыбакиева is not Абая–Саина.
  if (streetsA.length >= 2 && streetsB.length >= 2 && !(streetsA.every((s) => streetsB.includes(s)) && streetsB.every((s) => streetsA.includes(s)))) {
    return false;
  }
  return specificA.some((x) => specificB.some((y) => samePlace(x, y)));
}

// A problem that is context (see cityProblems.ts) weighs a third of one that is the problem itself.
const CONTEXT_WEIGHT = 1 / 3;
function problemWeight(id: string): number {
  return problemOf(id)?.context ? CONTEXT_WEIGHT : 1;
}

function weightedDice(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  let total = 0;
  for (const x of a) {
    const w = problemWeight(x);
    total += w;
    if (b.includes(x)) shared += w;
  }
  for (const y of b) total += problemWeight(y);
  return total === 0 ? 0 : (2 * shared) / total;
}

function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.includes(x)) shared++;
  return (2 * shared) / (a.length + b.length);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * How alike two questions are, from 0 to 1, symmetric: 0 when their issue keys conflict (another
 * place, house or numbered object; no shared problem; a splitting marker on one side only);
 * otherwise mostly the share of problems they have in common, the words breaking ties.
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (!placesAgree(a, b)) return 0;
  if (a.numbers.length > 0 && b.numbers.length > 0 && !intersects(a.numbers, b.numbers)) return 0;
  if (!sameSet(a.markers, b.markers)) return 0;
  const words = dice(a.stems, b.stems);
  if (a.problems.length === 0 && b.problems.length === 0) return WORDS_ONLY_FACTOR * words;
  if (!intersects(a.problems, b.problems)) return 0;
  const score = PROBLEM_SHARE * weightedDice(a.problems, b.problems) + (1 - PROBLEM_SHARE) * words;
  // A shared place is evidence too: without one, an extra problem on one side ("bus 32" and "Wi-Fi
  // on buses") more likely makes another question, so the problems must agree more closely.
  return namesPlace(a) || namesPlace(b) ? score : NO_PLACE_FACTOR * score;
}

/** A group member as grouping sees it, with what producers decided about it. */
export interface SampleMember {
  fingerprint: Fingerprint;
  /** A producer merged this member into the group: what resembles it belongs there too. */
  producerMerged?: boolean;
  /** Groups a producer split this member out of: what resembles it stays out of them. */
  splitFrom?: readonly number[];
}

/** A group as grouping sees it: its id and its newest members. */
export interface GroupSample {
  id: number;
  members: readonly SampleMember[];
}

/**
 * The id of the group `candidate` joins, or null for a new group. A group is joined only when most
 * of its sampled members match (at or above `threshold`), so one similar member never pulls in a
 * question the rest of the group would not; among such groups the best mean score wins. Producers'
 * decisions come first: the member most like the candidate takes it into the group a producer
 * merged that member into, and keeps it out of any group a producer split that member out of.
 */
export function assignGroup(
  candidate: Fingerprint,
  groups: readonly GroupSample[],
  threshold: number = DEFAULT_GROUP_THRESHOLD,
): number | null {
  const scored = groups.map((g) => ({ id: g.id, members: g.members.map((m) => ({ m, score: similarity(candidate, m.fingerprint) })) }));
  let closest: { group: number; member: SampleMember; score: number } | null = null;
  for (const g of scored) {
    for (const { m, score } of g.members) if (score >= threshold && (!closest || score > closest.score)) closest = { group: g.id, member: m, score };
  }
  if (closest?.member.producerMerged) return closest.group;
  const excluded = new Set(closest?.member.splitFrom ?? []);
  let best: number | null = null;
  let bestScore = -1;
  for (const g of scored) {
    if (g.members.length === 0 || excluded.has(g.id)) continue;
    const matching = g.members.filter((x) => x.score >= threshold).length;
    const mean = g.members.reduce((sum, x) => sum + x.score, 0) / g.members.length;
    if (2 * matching > g.members.length && mean > bestScore) {
      best = g.id;
      bestScore = mean;
    }
  }
  return best;
}

/**
 * Blocking keys: a question is filed under them and compared only with questions sharing one.
 * Two questions can match only if they share a place (or a district one side names) and a problem,
 * so each key is a place with a problem; a question naming no place is filed by problem alone.
 */
export function candidateKeys(fp: Fingerprint): string[] {
  const where = new Set<string>();
  for (const id of fp.places) if (!isDistrictId(id)) where.add(baseOf(id));
  for (const d of fp.districts) where.add(`district:${d}`);
  const what = fp.problems.length > 0 ? fp.problems : ['-'];
  const keys: string[] = [];
  for (const w of where.size > 0 ? where : ['-']) for (const p of what) keys.push(`${w}|${p}`);
  return keys.slice(0, MAX_KEYS);
}

const STRING_LISTS = ['places', 'districts', 'houses', 'numbers', 'problems', 'markers', 'stems'] as const;

/** True if `value` (for example parsed from a stored JSON column) is a current fingerprint. */
export function isFingerprint(value: unknown): value is Fingerprint {
  if (typeof value !== 'object' || value === null) return false;
  const fp = value as Record<string, unknown>;
  return (
    fp.v === FINGERPRINT_VERSION &&
    (fp.language === 'ru' || fp.language === 'kk' || fp.language === 'en') &&
    STRING_LISTS.every((k) => Array.isArray(fp[k]) && (fp[k] as unknown[]).every((s) => typeof s === 'string'))
  );
}
