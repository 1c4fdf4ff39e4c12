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

/** Key for search and comparison: SQLite's unicode61 folds case but not ё→е. */
export function searchKey(input: string): string {
  return normalizeText(input).replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}
