/**
 * Rude but printable words — insults a producer may still put on air after editing them out — a
 * milder level than the obscenities in profanity.ts, flagged separately so producers can filter on
 * each. Matched on whole tokens in the desk's one matching form (`foldForMatching`: ё/э/ы and the
 * Kazakh letters folded, so "тупые" is "тупие" below), with the word's own endings listed where a
 * bare prefix would catch names and ordinary words ("Дуракова улица", "Козлов переулок", "тупик",
 * "Есекқырған").
 */
import { foldForMatching } from './words';

const RULES: readonly string[] = [
  // Russian
  '^туп(?:ой|ая|ое|ие|их|им|ими|ица|ици|иц|ицам|ицами)$',
  '^идиот',
  '^дебил',
  '^кретин',
  '^придур',
  '^бездельник',
  '^дурак(?:и|ов|ам|ами|ах|а|у|ом|е)?$',
  '^дур(?:а|и)$',
  '^сволоч',
  '^урод(?:и|ов|ам|ами|а|у|ом)?$',
  '^коз(?:ел|ли|ла|лу|лом|лам|лами|лах)$',
  '^говн',
  '^мраз',
  '^скотин',
  '^ублюд',
  '^дегенерат',
  // Kazakh (as folded: ақымақ → акимак, оңбаған → онбаган, малғұн → малгун, мисыз → мисиз)
  '^акимак',
  '^онбаган',
  '^малгун',
  '^есек(?:тер|тей|ке|ти|тин)?$',
  '^топас',
  '^мисиз',
  // English
  '^idiots?$',
  '^stupid$',
  '^crap(?:py)?$',
  '^morons?$',
  '^dumb$',
];

const RUDE = new RegExp(RULES.join('|'), 'u');
const TOKEN = /\p{L}+/gu;

/** Rude words in `text` as written (each spelling once), in order of first appearance. */
export function findRudeness(text: string): string[] {
  const found: string[] = [];
  for (const [word] of text.matchAll(TOKEN)) if (RUDE.test(foldForMatching(word)) && !found.includes(word)) found.push(word);
  return found;
}
