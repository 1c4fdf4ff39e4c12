/**
 * The one form all matching is done on, shared by grouping, suggestions and language detection:
 * lower case, NFC, ё→е, and Kazakh letters folded to the Russian letters people type them with on a
 * Russian keyboard ("кашан" for "қашан", "Жетысу" for "Жетісу"). Latin letters stay Latin ("i" is
 * not "и": English words and Latin place names keep their letters), except inside a Cyrillic word,
 * where a Latin look-alike is a typing slip ("жетiсу").
 */

const FOLD: Readonly<Record<string, string>> = {
  ё: 'е', э: 'е', ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ы: 'и',
};
const FOLDABLE = /[ёэәғқңөұүһіы]/g;
const LATIN_LOOK_ALIKES: Readonly<Record<string, string>> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', i: 'и',
};
const LETTERS = /\p{L}+/gu;
const LATIN = /[a-z]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Latin look-alikes made Cyrillic in the words that mix both scripts. Word by word, and only when
 * the text has a Latin letter at all (most have none): one pattern for "a word with both" tried
 * at every position cost a fifth of analysing a question.
 */
function cyrillicLookAlikes(lower: string): string {
  if (!LATIN.test(lower)) return lower;
  return lower.replace(LETTERS, (word) =>
    LATIN.test(word) && CYRILLIC.test(word) ? word.replace(/[a-z]/g, (ch) => LATIN_LOOK_ALIKES[ch] ?? ch) : word,
  );
}

/** Lower case, NFC, ё/э/ы and the Kazakh letters folded; Latin look-alikes inside Cyrillic words made Cyrillic. */
export function foldForMatching(text: string): string {
  return cyrillicLookAlikes(text.normalize('NFC').toLowerCase()).replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
}

/** A word or a run of digits of a folded text, with where it stands in that text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  isNumber: boolean;
}

const TOKEN = /\p{L}+|\p{N}+/gu;

/** The words and numbers of a folded text, in order ("аксай4" is "аксай" and "4"). */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m; m = TOKEN.exec(folded)) {
    const text = m[0];
    out.push({ text, start: m.index, end: m.index + text.length, isNumber: /^\p{N}/u.test(text) });
  }
  return out;
}
