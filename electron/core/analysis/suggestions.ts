import type { SuggestionKind, SuggestionRule } from '../../../shared/suggestionRules';
import { foldForMatching } from './words';

/** A suggested topic, district or speaker, with the rule keywords that found it. */
export interface Suggestion {
  kind: SuggestionKind;
  value: string;
  /** Words of the text that matched, counting repeats; higher is surer. */
  score: number;
  /** The rule keywords that matched, as written in the rule. */
  matched: string[];
}

export interface SuggestOptions {
  /** Suggestions kept per kind, best first. */
  perKind?: number;
}

const DEFAULT_PER_KIND = 3;
// Shorter keywords match whole words only: as word starts, "газ" would find "газета", "су" "суд".
const MIN_PREFIX_KEYWORD = 4;
const WORD = /\p{L}+/gu;
const KIND_ORDER: Readonly<Record<SuggestionKind, number>> = { topic: 0, district: 1, speaker: 2 };

/** One (kind, value) pair; `order` is where it first appears in the rules, to break ties. */
interface Target {
  kind: SuggestionKind;
  value: string;
  order: number;
}

interface Keyword {
  target: Target;
  text: string;
  parts: string[];
  /** Folded length of all parts: the longest matching keyword of a kind wins a word. */
  length: number;
}

interface Compiled {
  /** Keywords by their folded first part. */
  byFirstPart: Map<string, Keyword[]>;
  longestFirstPart: number;
}

// Rules change only when producers save them, so each rules array is compiled once; callers
// pass a new array after an edit rather than mutating the old one.
const compiledRules = new WeakMap<readonly SuggestionRule[], Compiled>();

function compile(rules: readonly SuggestionRule[]): Compiled {
  const cached = compiledRules.get(rules);
  if (cached) return cached;
  const targets = new Map<string, Target>();
  const byFirstPart = new Map<string, Keyword[]>();
  // The same folded keyword twice for one value ("арык", "арық") would count a word twice.
  const seen = new Set<string>();
  let longestFirstPart = 0;
  for (const rule of rules) {
    const key = `${rule.kind}\u0000${rule.value}`;
    const target = targets.get(key) ?? { kind: rule.kind, value: rule.value, order: targets.size };
    targets.set(key, target);
    for (const text of rule.keywords) {
      const parts = foldForMatching(text).match(WORD) ?? [];
      const first = parts[0];
      const folded = parts.join(' ');
      if (first === undefined || seen.has(`${key}\u0000${folded}`)) continue;
      seen.add(`${key}\u0000${folded}`);
      const keyword: Keyword = { target, text, parts, length: parts.join('').length };
      const list = byFirstPart.get(first);
      if (list) list.push(keyword);
      else byFirstPart.set(first, [keyword]);
      longestFirstPart = Math.max(longestFirstPart, first.length);
    }
  }
  const compiled = { byFirstPart, longestFirstPart };
  compiledRules.set(rules, compiled);
  return compiled;
}

function partMatches(word: string | undefined, part: string): boolean {
  if (word === undefined) return false;
  return part.length < MIN_PREFIX_KEYWORD ? word === part : word.startsWith(part);
}

function keywordMatchesAt(words: readonly string[], i: number, keyword: Keyword): boolean {
  return keyword.parts.every((part, k) => partMatches(words[i + k], part));
}

/**
 * Topics, districts and speakers `text` suggests under `rules`, best first, at most
 * `perKind` of each kind. Each word counts once per kind, for the longest keyword of that kind
 * it matches, so "светофор" counts for roads, not for "свет" (utilities).
 */
export function suggest(
  text: string,
  rules: readonly SuggestionRule[],
  opts: SuggestOptions = {},
): Suggestion[] {
  const { byFirstPart, longestFirstPart } = compile(rules);
  const words = foldForMatching(text).match(WORD) ?? [];
  const scores = new Map<Target, { score: number; matched: Set<string> }>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    // Most words match nothing: the map is made on the first match only.
    let best: Map<SuggestionKind, Keyword[]> | undefined;
    for (let len = Math.min(word.length, longestFirstPart); len >= 1; len--) {
      for (const keyword of byFirstPart.get(word.slice(0, len)) ?? []) {
        if (!keywordMatchesAt(words, i, keyword)) continue;
        best ??= new Map();
        const current = best.get(keyword.target.kind);
        const currentLength = current?.[0]?.length ?? 0;
        if (keyword.length > currentLength) best.set(keyword.target.kind, [keyword]);
        else if (keyword.length === currentLength) current?.push(keyword);
      }
    }
    for (const keywords of best?.values() ?? []) {
      for (const keyword of keywords) {
        const entry = scores.get(keyword.target) ?? { score: 0, matched: new Set<string>() };
        entry.score += 1;
        entry.matched.add(keyword.text);
        scores.set(keyword.target, entry);
      }
    }
  }
  const ranked = [...scores].sort(([a, x], [b, y]) => y.score - x.score || a.order - b.order);
  const perKind = opts.perKind ?? DEFAULT_PER_KIND;
  const kept = new Map<SuggestionKind, number>();
  const out: Suggestion[] = [];
  for (const [{ kind, value }, { score, matched }] of ranked) {
    const count = kept.get(kind) ?? 0;
    if (count >= perKind) continue;
    kept.set(kind, count + 1);
    out.push({ kind, value, score, matched: [...matched] });
  }
  return out.sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
