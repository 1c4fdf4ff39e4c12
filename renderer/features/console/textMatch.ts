import type { InboxFilter, Question } from '../../../shared/protocol';
import { referenceQuery, searchKey } from '../../../shared/text';

// The same words the search index sees (unicode61): letters with their marks, and digits.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// As in the store's search: shorter terms match whole words only.
const MIN_PREFIX_LENGTH = 3;

function termMatches(word: string, term: string): boolean {
  return [...term].length >= MIN_PREFIX_LENGTH ? word.startsWith(term) : word === term;
}

/** Lower-cased, ё→е and Kazakh letters folded: how the index compares words, in JavaScript. */
export function foldWord(word: string): string {
  return searchKey(word).toLowerCase();
}

/** The words of a search, folded; empty when nothing searchable was typed. */
export function searchTerms(text: string | undefined): string[] {
  return text ? (searchKey(text).match(WORD) ?? []).map(foldWord) : [];
}

export interface TextPart {
  text: string;
  hit: boolean;
}

/** `text` cut into plain and matching parts: a word matches when it starts with a term. */
export function splitHighlights(text: string, terms: readonly string[]): TextPart[] {
  if (terms.length === 0) return [{ text, hit: false }];
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    if (!terms.some((t) => termMatches(word, t))) continue;
    if (m.index > cursor) parts.push({ text: text.slice(cursor, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), hit: false });
  return parts;
}

function textMatches(q: Question, terms: readonly string[]): boolean {
  const words = [q.originalText, q.airText, q.senderName].flatMap((t) => (t.match(WORD) ?? []).map(foldWord));
  return terms.every((term) => words.some((w) => termMatches(w, term)));
}

/** Whether a question that arrived live belongs in the list under `filter` (mirrors the server). */
export function matchesFilter(q: Question, filter: InboxFilter): boolean {
  if (filter.status !== undefined && q.status !== filter.status) return false;
  if (filter.statuses !== undefined && !filter.statuses.includes(q.status)) return false;
  if (filter.channel !== undefined && q.channel !== filter.channel) return false;
  if (filter.topic !== undefined && q.topic !== filter.topic) return false;
  if (filter.district !== undefined && q.district !== filter.district) return false;
  if (filter.language !== undefined && q.language !== filter.language) return false;
  if (filter.speaker !== undefined && q.speaker !== filter.speaker) return false;
  if (filter.flagged !== undefined && q.flags.length > 0 !== filter.flagged) return false;
  if (filter.flag !== undefined && !q.flags.includes(filter.flag)) return false;
  if (filter.from !== undefined && q.receivedAt < filter.from) return false;
  if (filter.to !== undefined && q.receivedAt >= filter.to) return false;
  const terms = searchTerms(filter.text);
  if (terms.length === 0) return true;
  const reference = referenceQuery(filter.text ?? '');
  if (reference && (reference.kind === 'reference' ? q.reference === reference.reference : q.id === reference.id)) return true;
  return textMatches(q, terms);
}
