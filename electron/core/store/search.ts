import { searchKey } from '../../../shared/text';

// Letters (any script, with combining marks) and digits: the same words unicode61 indexes.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MAX_TERMS = 8;

/**
 * The FTS5 MATCH expression for what a producer typed: every word must occur, each as a prefix
 * ("жөнде" finds "жөнделеді"). Words are folded like the index (ё→е, via searchKey) and quoted,
 * so FTS5 operators typed by a person (AND, NEAR, *, ") are read as plain text. Null when
 * nothing searchable was typed.
 */
export function ftsMatchExpression(text: string): string | null {
  const words = searchKey(text).match(WORD);
  if (!words) return null;
  return words
    .slice(0, MAX_TERMS)
    .map((w) => `"${w}"*`)
    .join(' ');
}
