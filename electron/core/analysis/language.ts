import type { Language } from '../../../shared/domain';

/**
 * The language a question is written in: Kazakh, Russian or English. Kazakh letters (ә ғ қ ң ө ұ
 * ү һ і) decide at once; Kazakh typed on a Russian keyboard has none, so common Kazakh words and
 * endings are weighed against Russian ones; a text mostly in Latin letters is English.
 */

const KAZAKH_LETTERS = /[әғқңөұүһі]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Latin (a–z) and Cyrillic letters of a lower-cased text, counted in one pass: matching each
 * script with a global pattern made a string per letter of every message.
 */
function countScripts(lower: string): { latin: number; cyrillic: number } {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) latin++;
    else if (code >= 0x400 && code <= 0x52f) cyrillic++;
    else if (code > 0x52f && CYRILLIC.test(lower[i]!)) cyrillic++;
  }
  return { latin, cyrillic };
}
const WORD = /\p{L}+/gu;

// Folded as typed on a Russian keyboard (no Kazakh letters): words that are Kazakh, not Russian.
// ы is read as и, since people type і as и or ы alike.
const asTyped = (word: string): string => word.replace(/ы/g, 'и');
const KAZAKH_WORDS = new Set(
  [
  'жок', 'жоқ', 'бар', 'кашан', 'неге', 'калай', 'кайда', 'кандай', 'жане', 'мен', 'бен', 'пен', 'ушин',
  'керек', 'болады', 'бойы', 'куни', 'кун', 'ма', 'ме', 'ба', 'бе', 'па', 'пе', 'ши', 'гой', 'деп', 'бир',
  'еки', 'уш', 'балалар', 'уйде', 'уй', 'су', 'суы', 'жол', 'жолы', 'иттер', 'кезек', 'кезеги', 'мектеп',
  'емхана', 'шагынаудан', 'шагынауданы', 'шагынауданында', 'ауданы', 'ауданында', 'аудан', 'коше',
  'кошесинде', 'жылу', 'жылыту', 'жарык', 'косасыздар', 'тазаламайды', 'тазаланбайды', 'жасаныздар',
  'отырмыз', 'турмыз', 'келеди', 'береди', 'жондейди', 'салынады', 'бузылган', 'тартылады', 'истемейди',
  'шыга', 'алмай', 'отыр', 'барады', 'балабакша', 'балабакшага', 'салу', 'алыска', 'карттар', 'кешке',
  'коркынышты', 'коп', 'шыгу', 'суык', 'ауырып', 'жатыр', 'сагатына', 'рет', 'журеди',
  ].map(asTyped),
);
const KAZAKH_ENDINGS = /(?:ында|инде|ында|нда|нде|дагы|деги|тагы|теги|лар|лер|дар|дер|тар|тер|нын|нин|дын|дин|ымыз|имиз|сыз|сиз|ныздар|низдер|мыз|миз|ган|ген|кан|кен|ады|еди|майды|мейди|байды|бейди)$/u;
const RUSSIAN_WORDS = new Set(
  [
  'в', 'на', 'и', 'не', 'что', 'когда', 'почему', 'нет', 'уже', 'до', 'по', 'с', 'у', 'за', 'как', 'это',
  'от', 'для', 'из', 'все', 'так', 'где', 'кто', 'будет', 'нас', 'нам', 'мы', 'вы', 'или', 'же', 'а',
  'очень', 'тоже', 'сколько', 'можно', 'дом', 'улице', 'вода', 'воды', 'третий', 'день', 'дней',
  ].map(asTyped),
);

/** The language of `text`, or null when it has too few letters to tell. */
export function detectLanguage(text: string): Language | null {
  const lower = text.normalize('NFC').toLowerCase();
  const { latin, cyrillic } = countScripts(lower);
  if (latin + cyrillic < 2) return null;
  if (latin > cyrillic) return 'en';
  let kazakh = 0;
  let russian = 0;
  // A word with a Kazakh letter is Kazakh (a Kazakh place name in a Russian sentence is one word
  // among Russian ones); without them, Kazakh words and endings typed on a Russian keyboard.
  for (const raw of lower.match(WORD) ?? []) {
    const word = asTyped(raw);
    if (KAZAKH_LETTERS.test(raw)) kazakh += 3;
    else if (KAZAKH_WORDS.has(word)) kazakh += 2;
    else if (word.length > 4 && KAZAKH_ENDINGS.test(word)) kazakh += 1;
    if (RUSSIAN_WORDS.has(word)) russian += 2;
  }
  return kazakh > russian ? 'kk' : 'ru';
}
