import { searchKey } from '../../../shared/text';

// Letters (any script, with combining marks) and digits: the same words unicode61 indexes.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MAX_TERMS = 8;

/**
 * Words shorter than this match whole words only: "су" (water) should not find every word
 * starting with су-, and a one- or two-letter prefix would expand to most of a million-row
 * index while the producer is still typing. The console's highlighting follows the same rule.
 */
export const MIN_PREFIX_LENGTH = 3;

/**
 * The FTS5 MATCH expression for what a producer typed: every word must occur, each as a prefix
 * ("жөнде" finds "жөнделеді"). Words are folded like the index (ё→е, Kazakh letters, via searchKey) and quoted,
 * so FTS5 operators typed by a person (AND, NEAR, *, ") are read as plain text. Null when
 * nothing searchable was typed.
 */
export function ftsMatchExpression(text: string): string | null {
  const words = searchKey(text).match(WORD);
  if (!words) return null;
  return words
    .slice(0, MAX_TERMS)
    .map((w) => ([...w].length >= MIN_PREFIX_LENGTH ? `"${w}"*` : `"${w}"`))
    .join(' ');
}
