import { foldForMatching } from './words';

/**
 * Phrases matched on folded words, as the suggestion rules and the gazetteer and lexicon in
 * shared/data are written: every space-separated part is the start of a word, parts under four
 * letters whole words only ("газ" must not find "газета", "су" not "суд").
 */
export const MIN_PREFIX_PART = 4;

export interface Phrase<T> {
  target: T;
  /** As written in the data. */
  text: string;
  parts: readonly string[];
  /** Folded letters of all parts: where phrases overlap, the longest wins. */
  length: number;
}

export interface PhraseIndex<T> {
  byFirstPart: Map<string, Array<Phrase<T>>>;
  longestFirstPart: number;
}

const WORD = /\p{L}+|\p{N}+/gu;

/** Indexes phrases by their folded first part; a folded phrase listed twice for one target counts once. */
export function indexPhrases<T>(entries: Iterable<{ target: T; text: string }>): PhraseIndex<T> {
  const byFirstPart = new Map<string, Array<Phrase<T>>>();
  const seen = new Set<string>();
  let longestFirstPart = 0;
  for (const { target, text } of entries) {
    const parts = foldForMatching(text).match(WORD) ?? [];
    const first = parts[0];
    const key = `${parts.join(' ')}\u0000${JSON.stringify(target)}`;
    if (first === undefined || seen.has(key)) continue;
    seen.add(key);
    const phrase: Phrase<T> = { target, text, parts, length: parts.join('').length };
    const list = byFirstPart.get(first);
    if (list) list.push(phrase);
    else byFirstPart.set(first, [phrase]);
    longestFirstPart = Math.max(longestFirstPart, first.length);
  }
  return { byFirstPart, longestFirstPart };
}

function partMatches(word: string | undefined, part: string): boolean {
  if (word === undefined) return false;
  return part.length < MIN_PREFIX_PART ? word === part : word.startsWith(part);
}

/** Every phrase that matches the words starting at `i`. */
export function phrasesAt<T>(index: PhraseIndex<T>, words: readonly string[], i: number): Array<Phrase<T>> {
  const word = words[i] ?? '';
  const out: Array<Phrase<T>> = [];
  for (let len = Math.min(word.length, index.longestFirstPart); len >= 1; len--) {
    for (const phrase of index.byFirstPart.get(word.slice(0, len)) ?? []) {
      if (phrase.parts.every((part, k) => partMatches(words[i + k], part))) out.push(phrase);
    }
  }
  return out;
}

/** The longest phrase matching at `i` (the first listed among equals), if any. */
export function longestPhraseAt<T>(index: PhraseIndex<T>, words: readonly string[], i: number): Phrase<T> | undefined {
  let best: Phrase<T> | undefined;
  for (const phrase of phrasesAt(index, words, i)) if (!best || phrase.length > best.length) best = phrase;
  return best;
}
