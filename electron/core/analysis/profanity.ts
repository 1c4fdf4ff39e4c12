/**
 * Russian, Kazakh and English obscenities (мат, боқтық) in citizen questions, also disguised:
 * censored (`бл*`, `х@й`, `бл..дь`), look-alike letters (`сyкa`, `пи3дец`), stretched (`бляяя`) or
 * spelled out letter by letter (`с у к а`, `х.у.й`). "шешеңді" ("your mother", accusative) is left
 * out: it is also said respectfully, and the obscene phrase it starts is caught by its verb (сігу).
 * The lists are matched on normalised tokens (lower case, ё→е, look-alike letters mapped, repeated
 * letters collapsed), so every pattern below is written in that collapsed form. Rude but printable
 * words ("дурак", "ақымақ", "говно") are a milder level of their own, in rudeness.ts.
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
  // "ёб твою мать": the bare root as a word.
  '^еб$',
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
  '^(?:mother)?fuck',
  // Not "Shitikov", "Shishkin": the word and its own forms only (collapsed: "shitty" is "shity").
  '^(?:bull)?shit(?:s|y|ing|head|hole)?$',
  '^cunts?$',
  '^assholes?$',
];

const CYRILLIC = new RegExp(CYRILLIC_RULES.join('|'), 'u');
const LATIN = new RegExp(LATIN_RULES.join('|'), 'u');

// Letters plus the digits and '@' that stand in for letters ("6ля", "3аебал", "сук@"), the
// characters that censor one ("бл*", "нах#й") and dots inside a word ("бл..дь", "х.у.й").
const TOKEN = /[\p{L}\p{M}\d@*#]+(?:\.+[\p{L}\p{M}\d@*#]+)*/gu;
// A word spelled out: three or more single letters apart ("с у к а", "б л я д ь").
const SPELLED_OUT = /(?<![\p{L}\d])\p{L}(?:[ .]\p{L}){2,}(?![\p{L}\d])/gu;
// What a censoring character may stand for, by the script of the rest of the word.
const CYRILLIC_LETTERS = 'абвгдежзийклмнопрстуфхцчшщъыьэюяіқ';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// More hidden letters than this and the word is not worth guessing (and the guesses multiply).
const MAX_HIDDEN = 2;
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

/** The ways a censored token can be read: dots dropped or standing for a letter, `* # @` for a letter. */
function readings(token: string): string[] {
  if (!/[*#@.]/.test(token)) return [token];
  const forms = new Set<string>([token.replace(/\.+/g, ''), token.replace(/\.+/g, '*')]);
  const out: string[] = [];
  for (const form of forms) {
    const hidden = (form.match(/[*#@]/g) ?? []).length;
    // A '@' is most often "а" (a stand-in, see STAND_INS) and needs no guessing then.
    if (!/[*#]/.test(form)) out.push(form);
    if (hidden === 0 || hidden > MAX_HIDDEN || form.replace(/[*#@]/g, '').length < 2) continue;
    const letters = hasCyrillic(form.toLowerCase()) ? CYRILLIC_LETTERS : LATIN_LETTERS;
    let partial = [form.toLowerCase()];
    for (let k = 0; k < hidden; k++) {
      partial = partial.flatMap((f) => [...letters].map((l) => f.replace(/[*#@]/, l)));
    }
    out.push(...partial);
  }
  return out;
}

/** Obscene words in `text` as written (each spelling once), in order of first appearance. */
export function findProfanity(text: string): string[] {
  const found: string[] = [];
  const check = (token: string) => {
    // The shortest roots ("бля", "хуй", "сік") have three letters; only "ёб" stands with two.
    if ((token.length >= 3 || !/[*#@.]/.test(token)) && !found.includes(token) && readings(token).some(isProfane)) found.push(token);
  };
  SPELLED_OUT.lastIndex = 0;
  for (let m = SPELLED_OUT.exec(text); m; m = SPELLED_OUT.exec(text)) {
    if (isProfane(m[0].replace(/[ .]/g, ''))) found.push(m[0]);
  }
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) check(m[0]);
  return found;
}
