/**
 * Russian and Kazakh obscenities (мат, боқтық) in citizen questions. Only obscene words are
 * listed: rude but printable words ("дурак", "ақымақ", "говно") are left to the producers, and
 * so is "шешеңді" ("your mother", accusative), which is also said respectfully — the obscene
 * phrase it starts is caught by its verb (сігу). The lists are matched on normalised tokens
 * (lower case, ё→е, look-alike letters mapped, repeated letters collapsed), so every pattern
 * below is written in that collapsed form.
 */

// Prefixes that combine with obscene roots; a root inside a word after anything else is an
// ordinary word ("страхуй", "гребля", "употреблять", "себе", "небо", "хлеб").
const HUY_PREFIX = '(?:на|по|ни|до|от|за|вы|о|с|рас|раз|у|при|пере)?';
// Before "еб" the plain "с" and "в" make ordinary words ("себе", "вебинар"): only "съ", "въ" count.
const EB_PREFIX = '(?:за|на|по|вы|от|до|у|про|пере|недо|при|раз|рас|подъ|отъ|съ|въ|изъ|объ|разъ|взъ)?';

/** Roots on Cyrillic tokens; each alternative says where in the token it may stand. */
const CYRILLIC_RULES: readonly string[] = [
  // хуй, хуёвый, хуйня, нахуй, похуй, охуеть, нихуя — not "похудеть", "выхухоль".
  `^${HUY_PREFIX}ху[йяюие]`,
  // пизд- occurs in no ordinary word, so anywhere: пиздец, спиздили, распиздяй.
  'п[иеі]зд',
  // ебать, ебло, еблан, ебнуть, ебись, заебал, уебок, съебаться — not "ебонит", Kazakh "ебін".
  `^${EB_PREFIX}еб(?:а|у|л|н|ыр|т|е[тшн]|ош|ок|и(?:с|т|$))`,
  '^долб[оа]еб',
  // бля, блядь, выблядок — not "бляха", "бляшка"; "колебля", "оскорбля" fail the anchor.
  '^(?:вы)?бля(?![хш])',
  // сука and its case forms; "сук" (a branch), "сукно", "сучок" are ordinary words.
  '^сук(?:а|и|е|у|ой|ою|ам|ами|ах|ин|ина|ину|ины|ином)$',
  '^сучар',
  // мудак, мудила, мудозвон — not "мудрый".
  '^муд(?:а[кч]|ил|озв)',
  // пидор, пидарас, педик — not "педикюр", "педикулёз".
  '^(?:пид[оаеи]р|пидр|педик(?![юу])|педераст)',
  '^залуп',
  '^г[ао]ндон',
  '^шлюх',
  '^мандавош',
  // дрочить — not "дрочёна" (a baked dish).
  '^(?:за|по|на|от|вы|пере)?дроч(?!ен)',
  // Kazakh, also as typed on a Russian keyboard: қотақ, қаншық.
  '^[қк]ота[қкғг]',
  '^[қк]анш[ыи][қкғг]',
  // сік/сігу — not "сигарета", "сигнал": on a Russian keyboard only the inflected forms count.
  '^сі[кг]',
  '^си(?:кт[иі]|гей|гіп|гип)',
  // амың(ды): "your …", obscene; not the name "Амина".
  '^амың',
];

/** Transliterated roots on all-Latin tokens; English lookalikes ("hue", "ebay", "pizza") do not match. */
const LATIN_RULES: readonly string[] = [
  '^(?:na|po|ni|do|ot|o)?[hx]u[yij]',
  'pi[sz]d',
  '^bl(?:y|i)a',
  '^suka$',
  // Not "ebullient": a bare "ebu" must end the word or take "t".
  '^(?:za|na|vy|po|ot|do|pro|raz|u)?eb(?:a[lnt]|l[ao]|ut?$)',
  '^mudak',
  '^pid[oa]r',
  '^zalup',
  '^g[ao]ndon',
];

const CYRILLIC = new RegExp(CYRILLIC_RULES.join('|'), 'u');
const LATIN = new RegExp(LATIN_RULES.join('|'), 'u');

// Letters plus the digits and '@' that stand in for letters ("6ля", "3аебал", "сук@").
const TOKEN = /[\p{L}\p{M}\d@]+/gu;
const ALL_LATIN = /^[a-z]+$/;

// Latin letters and digits that look like Cyrillic ones ("xyй", "cyка", "6ля"), and ё, by char
// code: this runs on every word of every message, and code lookups are several times faster.
const STAND_INS = new Map(
  Object.entries({
    a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', i: 'і',
    '0': 'о', '3': 'з', '6': 'б', '@': 'а', ё: 'е',
  }).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
);

/** `lower` with stand-ins replaced (when `mapStandIns`) and runs of one letter collapsed. */
function matchForm(lower: string, mapStandIns: boolean): string {
  let unchanged = true;
  for (let i = 0; i < lower.length && unchanged; i++) {
    const c = lower.charCodeAt(i);
    unchanged = !(mapStandIns && STAND_INS.has(c)) && c !== lower.charCodeAt(i - 1);
  }
  // Most words have nothing to replace or collapse.
  if (unchanged) return lower;
  const out: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    const raw = lower.charCodeAt(i);
    const c = mapStandIns ? (STAND_INS.get(raw) ?? raw) : raw;
    if (c !== out[out.length - 1]) out.push(c);
  }
  return String.fromCharCode(...out);
}

function hasCyrillic(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) return true;
  }
  return false;
}

function everyCharStandsIn(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!STAND_INS.has(s.charCodeAt(i))) return false;
  return true;
}

/** True if one token (a word as written) is obscene. */
export function isProfane(token: string): boolean {
  const lower = token.toLowerCase();
  if ((hasCyrillic(lower) || everyCharStandsIn(lower)) && CYRILLIC.test(matchForm(lower, true))) return true;
  return ALL_LATIN.test(lower) && LATIN.test(matchForm(lower, false));
}

/** Obscene words in `text` as written (each spelling once), in order of first appearance. */
export function findProfanity(text: string): string[] {
  const found: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const token = m[0];
    // The shortest root ("бля", "хуй", "сік") has three letters.
    if (token.length >= 3 && isProfane(token) && !found.includes(token)) found.push(token);
  }
  return found;
}
