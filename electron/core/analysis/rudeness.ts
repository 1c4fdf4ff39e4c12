/**
 * Rude but printable words — insults a producer may still put on air after editing them out — a
 * milder level than the obscenities in profanity.ts, flagged separately so producers can filter on
 * each. Matched on whole tokens (lower case, ё→е, Kazakh letters as typed on a Russian keyboard),
 * with the word's own endings listed where a bare prefix would catch names and ordinary words
 * ("Дуракова улица", "Козлов переулок", "тупик", "Есекқырған").
 */

const RULES: readonly string[] = [
  // Russian
  '^туп(?:ой|ая|ое|ые|ых|ым|ыми|ица|ицы|иц|ицам|ицами)$',
  '^идиот',
  '^дебил',
  '^кретин',
  '^придур',
  '^бездельник',
  '^дурак(?:и|ов|ам|ами|ах|а|у|ом|е)?$',
  '^дур(?:а|ы)$',
  '^сволоч',
  '^урод(?:ы|ов|ам|ами|а|у|ом)?$',
  '^коз(?:ел|лы|ла|лу|лом|лам|лами|лах)$',
  '^говн',
  '^мраз',
  '^скотин',
  '^ублюд',
  '^дегенерат',
  // Kazakh (as folded: ақымақ → акымак, оңбаған → онбаган, малғұн → малгун)
  '^акымак',
  '^онбаган',
  '^малгун',
  '^есек(?:тер|тей|ке|ти|тин)?$',
  '^топас',
  '^мисыз',
  // English
  '^idiots?$',
  '^stupid$',
  '^crap(?:py)?$',
  '^morons?$',
  '^dumb$',
];

const RUDE = new RegExp(RULES.join('|'), 'u');
const TOKEN = /\p{L}+/gu;
const FOLD: Readonly<Record<string, string>> = { ё: 'е', қ: 'к', ә: 'а', ң: 'н', ғ: 'г', ұ: 'у', ү: 'у', ө: 'о', і: 'и', һ: 'х' };

function fold(word: string): string {
  return word.toLowerCase().replace(/[ёқәңғұүөіһ]/gu, (c) => FOLD[c] ?? c);
}

/** Rude words in `text` as written (each spelling once), in order of first appearance. */
export function findRudeness(text: string): string[] {
  const found: string[] = [];
  for (const [word] of text.matchAll(TOKEN)) if (RUDE.test(fold(word)) && !found.includes(word)) found.push(word);
  return found;
}
