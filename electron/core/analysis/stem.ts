import { newStemmer } from 'snowball-stemmers';
import type { Language } from '../../../shared/domain';

/**
 * Word stems by the question's language: Snowball for Russian and English; Kazakh, for which no
 * stemmer is published, by cutting its case, plural, possessive and verb endings by rule. Words
 * are folded (see words.ts) before they come here. A Latin word in a Russian or Kazakh text is
 * stemmed as English.
 */

const russian = newStemmer('russian');
const english = newStemmer('english');

// Folded Kazakh endings (ы/і read as и, қ/ғ as к/г), tried longest first, cut repeatedly so
// stacked suffixes (көше-лер-і-нде) come off one by one.
const KAZAKH_SUFFIXES = [
  'ларинин', 'лердин', 'лардин', 'ларинда', 'леринде', 'ларина', 'лерине', 'ларин', 'лерин', 'ларди', 'лерди',
  'ларда', 'лерде', 'лари', 'лери', 'дари', 'дери', 'тари', 'тери', 'лар', 'лер', 'дар', 'дер', 'тар', 'тер',
  'инда', 'инде', 'нда', 'нде', 'дагы', 'деги', 'тагы', 'теги', 'даги', 'таги', 'нин', 'дин', 'тин',
  'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'ади', 'еди', 'ган', 'ген', 'кан', 'кен',
  'майди', 'мейди', 'байди', 'бейди', 'пайди', 'пейди', 'миз', 'низ', 'ин', 'им', 'си', 'га', 'ге', 'ка',
  'ке', 'ди', 'ти', 'да', 'де', 'та', 'те', 'ни', 'на', 'не', 'и',
].sort((a, b) => b.length - a.length);
const MIN_KAZAKH_STEM = 3;

function kazakhStem(word: string): string {
  let s = word;
  for (let pass = 0; pass < 4; pass++) {
    const suffix = KAZAKH_SUFFIXES.find((x) => s.length - x.length >= MIN_KAZAKH_STEM && s.endsWith(x));
    if (!suffix) break;
    s = s.slice(0, -suffix.length);
  }
  return s;
}

const LATIN = /^[a-z]+$/;

/** The stem of one folded word of a text written in `language`. */
export function stemWord(word: string, language: Language): string {
  if (LATIN.test(word)) return english.stem(word);
  return language === 'kk' ? kazakhStem(word) : russian.stem(word);
}
