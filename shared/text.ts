/** Text normalisation shared by intake, search and display. */

// Zero-width and bidi controls hide text from producers; C0/C1 controls break exports.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** NFC, no invisible or control characters, unified newlines, trimmed. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL_EXCEPT_NEWLINE, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Single-line variant for names and other short fields. */
export function normalizeLine(input: string): string {
  return normalizeText(input).replace(/\s+/g, ' ');
}

/**
 * Letters search treats as the same, both cases: ё/е (unicode61 folds case but not ё), and the
 * Kazakh letters as typed on a Russian keyboard (Төле/Толе, қашан/кашан, Шуғыла/Шугыла). The
 * search index is built with this fold (store migration 0170 holds a copy, checked by a test).
 */
export const SEARCH_FOLDS: ReadonlyArray<readonly [from: string, to: string]> = [
  ['ё', 'е'], ['Ё', 'Е'],
  ['ә', 'а'], ['Ә', 'А'],
  ['ғ', 'г'], ['Ғ', 'Г'],
  ['қ', 'к'], ['Қ', 'К'],
  ['ң', 'н'], ['Ң', 'Н'],
  ['ө', 'о'], ['Ө', 'О'],
  ['ұ', 'у'], ['Ұ', 'У'],
  ['ү', 'у'], ['Ү', 'У'],
  ['һ', 'х'], ['Һ', 'Х'],
  ['і', 'и'], ['І', 'И'],
];
const SEARCH_FOLD_MAP = new Map(SEARCH_FOLDS);
const SEARCH_FOLDABLE = new RegExp(`[${SEARCH_FOLDS.map(([from]) => from).join('')}]`, 'gu');

/** Key for search and comparison: normalised, with the letters of {@link SEARCH_FOLDS} folded. */
export function searchKey(input: string): string {
  return normalizeText(input).replace(SEARCH_FOLDABLE, (ch) => SEARCH_FOLD_MAP.get(ch) ?? ch);
}

/** A question's reference number as a producer types it: `2026-0042`, `№42`, `0042`, `42`. */
export type ReferenceQuery = { kind: 'reference'; reference: string } | { kind: 'number'; id: number };

const WITH_YEAR = /^[№#]?\s*(\d{4})\s*[-/]\s*(\d{1,9})$/u;
const NUMBER_ONLY = /^[№#]?\s*(\d{1,9})$/u;

/**
 * What a search for a reference number means, or null when the text is not one. References are
 * `<year>-<number padded to 4>` and the number is the question's id, so a number alone finds the
 * question of any year.
 */
export function referenceQuery(text: string): ReferenceQuery | null {
  const t = text.trim();
  const full = WITH_YEAR.exec(t);
  if (full) return { kind: 'reference', reference: `${full[1]}-${full[2]!.replace(/^0+(?=\d)/u, '').padStart(4, '0')}` };
  const bare = NUMBER_ONLY.exec(t);
  if (bare) {
    const id = Number(bare[1]);
    return id > 0 ? { kind: 'number', id } : null;
  }
  return null;
}

/** Whether `value` is one of `list` (narrowing a stored string to the union a key or label needs). */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
