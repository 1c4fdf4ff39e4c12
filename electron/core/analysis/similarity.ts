/**
 * Near-duplicate detection for questions as they arrive: the same question in other words,
 * with typos, in Russian or Kazakh. A question becomes a {@link Fingerprint} once (stored as
 * JSON next to it); grouping then compares fingerprints only. Two signals are combined:
 * weighted word stems — city words and Almaty places in either language map to one shared
 * token, so "ремонт проспекта Абая" meets "Абай даңғылы жөнделеді" — and character trigrams,
 * which catch typos and inflections the stemmer misses.
 */

/** Compact, JSON-serialisable summary of a question's text. */
export interface Fingerprint {
  /** Algorithm version: a fingerprint of another version must be recomputed, not compared. */
  v: typeof FINGERPRINT_VERSION;
  /** Sorted, unique stems; '#' starts a concept ("#heating"), '@' an Almaty place ("@abay"). */
  stems: string[];
  /** Ascending 32-bit hashes of the question's trigrams, at most the 96 smallest. */
  grams: number[];
}

export const FINGERPRINT_VERSION = 1;

/** Similarity at or above which a question joins an existing group. */
export const DEFAULT_GROUP_THRESHOLD = 0.35;

// A bottom-k sample of trigrams estimates their Jaccard similarity without storing every
// trigram of a 4,000-character message; shorter questions are compared exactly.
const MAX_GRAMS = 96;
const STEM_SHARE = 0.8;
const MAX_STEM_LENGTH = 5;
const MIN_STEM_LENGTH = 3;
const MAX_KEYS = 4;
const OFF_TOPIC_FACTOR = 0.5;
const PLACE_CONFLICT_FACTOR = 0.6;

// Kazakh letters folded to their nearest Russian ones, since people type Kazakh on Russian
// keyboards ("кашан" for "қашан"); ы/і and э/е are folded too, so "Жетысу" meets "Жетісу" and
// "Ауэзов" meets "Әуезов". Latin i stands in for і.
const FOLD: Readonly<Record<string, string>> = {
  ё: 'е', э: 'е', ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ы: 'и',
  i: 'и',
};
const FOLDABLE = /[ёэәғқңөұүһіыi]/g;
const TOKEN = /\p{L}+|\p{N}+/gu;
const DIGITS = /^\p{N}+$/u;

/** Lower case, NFC, and the Kazakh and ё/э/ы letters folded: the form all matching is done on. */
export function foldForMatching(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
}

// Words that carry no topic: question words, particles, greetings, the city and the akim, and
// the verbs every question is framed with.
const STOPWORDS = new Set(
  [
    // ru
    'а', 'без', 'будет', 'будут', 'бы', 'был', 'была', 'были', 'было', 'быть', 'в', 'во', 'вот',
    'все', 'всех', 'где', 'да', 'даже', 'для', 'до', 'его', 'ее', 'если', 'есть', 'еще', 'же',
    'за', 'здесь', 'и', 'из', 'или', 'им', 'их', 'к', 'ко', 'как', 'какие', 'какой', 'какая',
    'когда', 'кто', 'ли', 'мы', 'на', 'над', 'наш', 'наша', 'наше', 'наши', 'нашей', 'нашем',
    'нам', 'нас', 'не', 'нет', 'ни', 'но', 'ну', 'о', 'об', 'он', 'она', 'они', 'от', 'очень',
    'по', 'под', 'почему', 'при', 'с', 'со', 'так', 'такой', 'такие', 'там', 'то', 'тоже',
    'только', 'у', 'уже', 'что', 'чтобы', 'это', 'этот', 'эта', 'эти', 'этим', 'этого', 'этой',
    'я', 'вы', 'вас', 'вам', 'зачем', 'сколько', 'куда', 'можно', 'нужно', 'надо', 'пожалуйста',
    'здравствуйте', 'добрый', 'день', 'уважаемый', 'уважаемые', 'аким', 'акимат', 'акимата',
    'спасибо', 'вопрос', 'город', 'города', 'городе', 'городу', 'городом', 'алматы', 'алмата',
    'наконец', 'сих', 'пор', 'снова', 'опять', 'который', 'которые', 'весь', 'вся', 'кого', 'чем',
    'ничего', 'каждый', 'каждое', 'каждую', 'ведь', 'тут', 'проблема', 'проблему', 'проблемы',
    'решат', 'решить', 'делать', 'делает', 'сделать', 'сделают', 'может', 'могут', 'район',
    'района', 'районе', 'районом', 'районы', 'районов', 'районах',
    // kk
    'қашан', 'ма', 'ме', 'ба', 'бе', 'па', 'пе', 'және', 'мен', 'бен', 'пен', 'да', 'де', 'та',
    'те', 'не', 'неге', 'неліктен', 'қалай', 'қайда', 'кім', 'қандай', 'бұл', 'осы', 'сол',
    'біз', 'біздің', 'бізде', 'сіз', 'сіздер', 'сіздің', 'ол', 'олар', 'үшін', 'жоқ', 'бар', 'әлі',
    'енді', 'өте', 'бір', 'деп', 'ғой', 'ғана', 'қала', 'қалада', 'қаланың', 'қаладағы',
    'алматыда', 'алматының', 'әкім', 'әкімдік', 'әкімдігі', 'сәлеметсіз', 'сәлем', 'құрметті',
    'рахмет', 'сұрақ', 'керек', 'болады', 'ше', 'дейін', 'бері', 'мәселе', 'мәселесі',
    'аудан', 'ауданы', 'ауданда', 'ауданында', 'ауданға', 'ауданының', 'аудандары',
  ].map(foldForMatching),
);

interface Term {
  /** Shared token: '#concept' or '@place'. */
  token: string;
  /** Word starts, long enough not to catch unrelated words. */
  prefixes?: string[];
  /** Exact word forms, where a prefix would catch unrelated words ("дворец" is no "двор"). */
  words?: string[];
  /** Attributes many unrelated questions share (a street, a child, a price). */
  broad?: true;
}

/**
 * City services and Almaty places in Russian and Kazakh, each mapped to one token. Kazakh stems
 * are listed with their voiced form too: final к/қ/п become г/ғ/б before a vowel (кезек → кезегі).
 */
const TERMS: readonly Term[] = [
  // Broad: what or where, shared by many different questions.
  { token: '#repair', prefixes: ['ремонт', 'отремонт', 'почин', 'жөнде'], broad: true },
  { token: '#avenue', prefixes: ['проспект', 'даңғыл'], broad: true },
  // Not the bare "көше": folded, it starts "кошелек".
  {
    token: '#street',
    prefixes: ['улиц', 'улочк', 'көшес', 'көшеде', 'көшеге', 'көшені', 'көшенің', 'көшелер'],
    words: ['көше'],
    broad: true,
  },
  {
    token: '#road',
    prefixes: ['дорожн'],
    words: [
      'дорога', 'дороги', 'дороге', 'дорогу', 'дорог', 'дорогам', 'дорогах', 'дорогами', 'жол',
      'жолы', 'жолда', 'жолға', 'жолдың', 'жолын', 'жолдар', 'жолдары', 'жолдарды', 'жолында',
    ],
    broad: true,
  },
  {
    token: '#house',
    prefixes: ['многоэтаж', 'подъезд'],
    words: [
      'дом', 'дома', 'доме', 'домов', 'домах', 'үй', 'үйдің', 'үйде', 'үйдегі', 'үйлер', 'үйлерді',
    ],
    broad: true,
  },
  {
    token: '#yard',
    prefixes: ['дворов', 'аула'],
    words: ['двор', 'двора', 'дворе', 'двору', 'двором', 'дворы', 'дворах', 'дворам'],
    broad: true,
  },
  { token: '#microdistrict', prefixes: ['микрорайон', 'мкр'], broad: true },
  {
    token: '#children',
    prefixes: ['ребен', 'детей', 'детям', 'дети'],
    words: ['бала', 'балалар', 'балаларға', 'балаларды', 'баланың', 'балаға'],
    broad: true,
  },
  {
    token: '#price',
    prefixes: ['стоимост', 'тариф', 'баға'],
    words: ['цена', 'цену', 'цены', 'цене', 'дорого', 'дорогая', 'дорогие'],
    broad: true,
  },
  { token: '#queue', prefixes: ['очеред', 'кезек', 'кезег'], broad: true },
  { token: '#outage', prefixes: ['отключ', 'өшір', 'өшеді', 'өшті'], broad: true },
  {
    token: '#construction',
    prefixes: ['строи', 'строй', 'строя', 'постро', 'застро', 'достро', 'құрылыс', 'салын', 'салу'],
    broad: true,
  },
  { token: '#stop', prefixes: ['остановк', 'аялдама'], broad: true },
  { token: '#winter', prefixes: ['зим'], words: ['қыс', 'қыста', 'қысы', 'қысқы', 'қыстың'], broad: true },
  // Specific: the service or object the question is about.
  { token: '#traffic', prefixes: ['пробк', 'затор', 'кептеліс'] },
  { token: '#interchange', prefixes: ['развязк', 'айрық', 'айрығ'] },
  { token: '#bus', prefixes: ['автобус', 'маршрут'] },
  { token: '#fare', prefixes: ['проезд'] },
  { token: '#metro', prefixes: ['метро'] },
  { token: '#station', prefixes: ['станци', 'бекет'] },
  { token: '#parking', prefixes: ['парковк', 'парковоч', 'паркинг', 'тұрақ', 'тұрағ', 'автотұрақ'] },
  {
    token: '#water',
    prefixes: ['водоснаб', 'водопровод', 'водоканал'],
    words: [
      'вода', 'воды', 'воде', 'воду', 'водой', 'су', 'суы', 'суды', 'суға', 'судың', 'сусыз',
      'суын',
    ],
  },
  {
    token: '#heating',
    prefixes: ['отоплен', 'отапл', 'батаре', 'тепло', 'жылыту'],
    words: ['жылу', 'жылуы', 'жылуды', 'жылумен', 'жылусыз'],
  },
  // "свет" and "жарық" mean both the light and the electricity.
  {
    token: '#electricity',
    prefixes: ['электричеств', 'электроэнерг', 'электроснаб', 'жарық', 'жарығ'],
    words: ['свет', 'света', 'свету', 'светом', 'свете'],
  },
  {
    token: '#lighting',
    prefixes: ['освещен', 'фонар'],
    words: ['шам', 'шамы', 'шамдар', 'шамдары', 'шамды'],
  },
  {
    token: '#gas',
    prefixes: ['газифик', 'газоснаб', 'газопровод'],
    words: ['газ', 'газа', 'газу', 'газом', 'газе', 'газға', 'газы', 'газды', 'газбен'],
  },
  {
    token: '#snow',
    prefixes: ['снег', 'снеж', 'сугроб'],
    words: ['қар', 'қары', 'қарды', 'қардан', 'қарын'],
  },
  { token: '#garbage', prefixes: ['мусор', 'отход', 'свалк', 'қоқыс'] },
  { token: '#smog', prefixes: ['смог', 'загрязн', 'түтін', 'ластан'] },
  { token: '#air', prefixes: ['воздух'], words: ['ауа', 'ауасы', 'ауаны', 'ауада', 'ауаның'] },
  {
    token: '#tree',
    prefixes: ['деревь', 'ағаш'],
    words: ['дерево', 'дерева', 'дереву', 'деревом', 'дереве'],
  },
  { token: '#felling', prefixes: ['выруб', 'спил', 'кесіп', 'кесу', 'кесіл'] },
  { token: '#park', prefixes: ['парк', 'сквер', 'саябақ', 'саябағ'] },
  {
    token: '#playground',
    prefixes: ['площадк'],
    words: ['алаң', 'алаңы', 'алаңын', 'алаңдар', 'алаңдары', 'алаңына'],
  },
  { token: '#school', prefixes: ['школ', 'мектеп', 'мектеб'] },
  { token: '#kindergarten', prefixes: ['садик', 'детсад', 'балабақша'] },
  { token: '#clinic', prefixes: ['поликлиник', 'больниц', 'емхана', 'аурухана'] },
  { token: '#doctor', prefixes: ['врач', 'терапевт', 'дәрігер'] },
  { token: '#housing', prefixes: ['жиль', 'жилищ', 'квартир', 'баспана', 'пәтер'] },
  { token: '#elevator', prefixes: ['лифт'] },
  { token: '#roof', prefixes: ['крыш', 'кровл', 'шатыр'] },
  { token: '#leak', prefixes: ['протек', 'потек', 'течет', 'текут', 'залива', 'ағады'] },
  { token: '#dog', prefixes: ['собак', 'собач'], words: ['ит', 'иттер', 'иттерді', 'иттің'] },
  { token: '#stray', prefixes: ['бездомн', 'бродяч', 'беспризорн', 'қаңғыбас'] },
  { token: '#foothills', prefixes: ['предгор', 'бөктер'] },
  { token: '#earthquake', prefixes: ['землетрясен', 'сейсм'] },
  { token: '#scooter', prefixes: ['самокат', 'электросамокат'] },
  { token: '#sidewalk', prefixes: ['тротуар'] },
  { token: '#powerplant', prefixes: ['тэц', 'жэо'] },
  {
    token: '#coal',
    prefixes: ['угольн'],
    words: ['уголь', 'угля', 'углем', 'угле', 'углю', 'көмір', 'көмірмен'],
  },
  // Almaty districts.
  { token: '@alatau', prefixes: ['алатау'] },
  { token: '@almaly', prefixes: ['алмалы'] },
  { token: '@auezov', prefixes: ['ауэзов', 'әуезов'] },
  { token: '@bostandyk', prefixes: ['бостандык', 'бостандық'] },
  { token: '@zhetysu', prefixes: ['жетысу', 'жетісу'] },
  { token: '@medeu', prefixes: ['медеу'] },
  { token: '@nauryzbay', prefixes: ['наурызба'] },
  { token: '@turksib', prefixes: ['турксиб', 'түрксіб'] },
  // Streets, microdistricts and landmarks people name in questions.
  { token: '@abay', prefixes: ['абай', 'абая', 'абаю', 'абае'] },
  { token: '@alfarabi', prefixes: ['фараби'] },
  { token: '@dostyk', prefixes: ['достык', 'достық'] },
  { token: '@tolebi', prefixes: ['толеби', 'төлеби'] },
  { token: '@raiymbek', prefixes: ['райымбек'] },
  { token: '@ryskulov', prefixes: ['рыскулов'] },
  { token: '@momyshuly', prefixes: ['момышул'] },
  { token: '@seifullin', prefixes: ['сейфуллин'] },
  { token: '@saina', prefixes: ['саин'] },
  { token: '@zhandosov', prefixes: ['жандосов'] },
  { token: '@rozybakiev', prefixes: ['розыбакиев'] },
  { token: '@aksay', prefixes: ['аксай', 'аксае', 'аксая', 'ақсай'] },
  { token: '@kalkaman', prefixes: ['калкаман', 'қалқаман'] },
  { token: '@shugyla', prefixes: ['шугыл', 'шұғыл'] },
  { token: '@orbita', prefixes: ['орбит'] },
  { token: '@algabas', prefixes: ['алгабас', 'алғабас'] },
  { token: '@kokzhiek', prefixes: ['кокжиек', 'көкжиек'] },
  { token: '@koktobe', prefixes: ['коктобе', 'көктөбе'] },
  { token: '@kokzhailau', prefixes: ['кокжайляу', 'көкжайлау'] },
  { token: '@shymbulak', prefixes: ['шымбулак', 'шымбұлақ'] },
  { token: '@sairan', prefixes: ['сайран'] },
];

// Names written as two words, joined on folded text before tokenising so they reach TERMS.
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/(?<!\p{L})детск\p{L}* сад\p{L}*/gu, 'детсад'],
  [/(?<!\p{L})жол аки\p{L}*/gu, 'проезд'],
  [/(?<!\p{L})тау боктер\p{L}*/gu, 'предгорье'],
  [/(?<!\p{L})жер силкин\p{L}*/gu, 'землетрясение'],
  [/(?<!\p{L})шагин аудан\p{L}*/gu, 'микрорайон'],
  [/(?<!\p{L})жаяу жургинши\p{L}*/gu, 'тротуар'],
  [/(?<!\p{L})кок[ -]?тобе/gu, 'коктобе'],
  [/(?<!\p{L})кок[ -]?жайл[яа]у/gu, 'кокжайляу'],
  [/(?<!\p{L})толе[ -]?би(?!\p{L})/gu, 'толеби'],
];

const TERM_BY_WORD = new Map<string, string>();
const TERM_BY_PREFIX = new Map<string, string>();
const BROAD = new Set<string>();
for (const { token, prefixes = [], words = [], broad } of TERMS) {
  for (const w of words) TERM_BY_WORD.set(foldForMatching(w), token);
  for (const p of prefixes) TERM_BY_PREFIX.set(foldForMatching(p), token);
  if (broad) BROAD.add(token);
}
// Longest first: "электросамокат" must win over a shorter prefix of the same word.
const PREFIXES_LONGEST_FIRST = [...TERM_BY_PREFIX.keys()].sort((a, b) => b.length - a.length);
const TERM_PREFIX = new RegExp(`^(?:${PREFIXES_LONGEST_FIRST.join('|')})`, 'u');
// Typos are matched against prefixes of seven letters or more: a typo in a shorter one turns
// it into another word too often ("протек" would take "проектировал"). Prefixes are found by
// their first letter, or by their second and third when the typo is in the first ("атопление").
const FUZZY_MIN_PREFIX = 7;
const FUZZY_BUCKETS = new Map<string, string[]>();
for (const p of PREFIXES_LONGEST_FIRST) {
  if (p.length < FUZZY_MIN_PREFIX) continue;
  for (const key of [p.charAt(0), p.slice(1, 3)]) {
    FUZZY_BUCKETS.set(key, [...(FUZZY_BUCKETS.get(key) ?? []), p]);
  }
}

/** True if `word` starts with `prefix` written with one letter wrong, missing, extra or swapped. */
function startsWithOneTypo(word: string, prefix: string): boolean {
  let i = 0;
  while (i < prefix.length && word.charCodeAt(i) === prefix.charCodeAt(i)) i++;
  if (i === prefix.length) return true;
  const rest = prefix.slice(i + 1);
  // A typo in the last two letters makes another word as often as not: "остановк" is no
  // "остановить".
  if (rest.length < 2) return false;
  return (
    word.startsWith(rest, i + 1) ||
    word.startsWith(rest, i) ||
    word.startsWith(prefix.slice(i), i + 1) ||
    (word[i] === prefix[i + 1] && word[i + 1] === prefix[i] && word.startsWith(prefix.slice(i + 2), i + 2))
  );
}

function fuzzyTerm(word: string): string | undefined {
  for (const key of [word.charAt(0), word.slice(1, 3)]) {
    for (const p of FUZZY_BUCKETS.get(key) ?? []) {
      if (startsWithOneTypo(word, p)) return TERM_BY_PREFIX.get(p);
    }
  }
  return undefined;
}

function termOf(word: string): string | undefined {
  const exact = TERM_BY_WORD.get(word);
  if (exact) return exact;
  const prefix = TERM_PREFIX.exec(word);
  if (prefix) return TERM_BY_PREFIX.get(prefix[0]);
  return word.length >= FUZZY_MIN_PREFIX ? fuzzyTerm(word) : undefined;
}

// Russian and folded Kazakh endings, tried longest first; stripping repeats, so stacked Kazakh
// suffixes (көше-лер-і-нде) come off one by one.
const SUFFIXES = new Set(
  [
    // kk
    'лардың', 'лердің', 'ларды', 'лерді', 'ларда', 'лерде', 'лары', 'лері', 'дары', 'дері', 'тары',
    'тері', 'лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
    'дағы', 'дегі', 'тағы', 'тегі', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'ады',
    'еді', 'ған', 'ген', 'қан', 'кен', 'мыз', 'міз', 'ңыз', 'ңіз', 'ын', 'ін', 'ым', 'ім', 'сы',
    'сі', 'ға', 'ге', 'қа', 'ке', 'ды', 'ді', 'ты', 'ті', 'да', 'де', 'та', 'те', 'ны', 'ні',
    // ru
    'ениями', 'ениях', 'ением', 'ения', 'ение', 'ению', 'ений', 'иями', 'ями', 'ами', 'ого',
    'его', 'ому', 'ему', 'ыми', 'ими', 'ться', 'тся', 'ешь', 'ишь', 'ете', 'ите', 'ают', 'яют',
    'ует', 'уют', 'ать', 'ять', 'ить', 'еть', 'ых', 'их', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя',
    'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ию',
    'ия', 'ья', 'ье', 'ьи', 'ью', 'ет', 'ют', 'ут', 'ит', 'ят', 'ал', 'ил', 'ла', 'ли', 'ло',
    'а', 'я', 'ы', 'и', 'у', 'ю', 'о', 'е', 'й', 'ь',
  ].map(foldForMatching),
);
const LONGEST_SUFFIX = Math.max(...[...SUFFIXES].map((x) => x.length));

function stripSuffixes(word: string): string {
  let s = word;
  for (let pass = 0; pass < 3; pass++) {
    let len = Math.min(LONGEST_SUFFIX, s.length - MIN_STEM_LENGTH);
    while (len >= 1 && !SUFFIXES.has(s.slice(-len))) len--;
    if (len < 1) break;
    s = s.slice(0, -len);
  }
  return s.length > MAX_STEM_LENGTH ? s.slice(0, MAX_STEM_LENGTH) : s;
}

function stem(word: string): string {
  if (DIGITS.test(word)) return word;
  return termOf(word) ?? stripSuffixes(word);
}

// FNV-1a: fast and stable across runs and platforms; only used to rank and compare trigrams.
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The fingerprint of a question's text; cheap enough to compute on every arrival. */
export function fingerprint(text: string): Fingerprint {
  let folded = foldForMatching(text);
  for (const [pattern, word] of PHRASES) folded = folded.replace(pattern, word);
  const stems = new Set<string>();
  const grams = new Set<number>();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m; m = TOKEN.exec(folded)) {
    const word = m[0];
    if (STOPWORDS.has(word)) continue;
    stems.add(stem(word));
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(hash(padded.slice(i, i + 3)));
  }
  return {
    v: FINGERPRINT_VERSION,
    stems: [...stems].sort(),
    grams: [...grams].sort((a, b) => a - b).slice(0, MAX_GRAMS),
  };
}

type StemClass = 'place' | 'service' | 'broad' | 'word';

function classOf(stem: string): StemClass {
  const sigil = stem.charCodeAt(0);
  if (sigil === 64 /* @ */) return 'place';
  if (sigil === 35 /* # */) return BROAD.has(stem) ? 'broad' : 'service';
  return 'word';
}

// A shared place or service says more about the question than a shared ordinary word.
const WEIGHT: Readonly<Record<StemClass, number>> = { place: 3, service: 3, broad: 1, word: 1 };

// Sorts after every stem: marks an exhausted list in the merges below.
const END = '\uffff';

// Weighted Dice coefficient of two sorted, unique stem lists. It is halved when a question is
// about something (a service or an ordinary word) and the two share none of it, only where or
// how: "ремонт Абая" and "парковка на Абая" are different questions.
function stemSimilarity(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  let total = 0;
  let sharedTopical = false;
  let unsharedTopical = false;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? END;
    const y = b[j] ?? END;
    const stem = x <= y ? x : y;
    const cls = classOf(stem);
    const w = WEIGHT[cls];
    const topical = cls === 'service' || cls === 'word';
    if (x === y) {
      shared += w;
      total += 2 * w;
      sharedTopical ||= topical;
      i++;
      j++;
    } else {
      total += w;
      unsharedTopical ||= topical;
      if (x < y) i++;
      else j++;
    }
  }
  if (total === 0) return 0;
  const offTopic = unsharedTopical && !sharedTopical;
  return ((2 * shared) / total) * (offTopic ? OFF_TOPIC_FACTOR : 1);
}

// Jaccard similarity of two trigram sets. When a sample was cut to its MAX_GRAMS smallest
// hashes, the estimate from the MAX_GRAMS smallest hashes of the union: the share of them present
// in both (the bottom-k sketch); otherwise exact.
function gramSimilarity(a: readonly number[], b: readonly number[]): number {
  const k = a.length >= MAX_GRAMS || b.length >= MAX_GRAMS ? MAX_GRAMS : Infinity;
  let i = 0;
  let j = 0;
  let seen = 0;
  let shared = 0;
  while (seen < k && (i < a.length || j < b.length)) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    seen++;
  }
  return seen === 0 ? 0 : shared / seen;
}

// Both questions name places and none is shared: the same complaint about another district is
// another question, however alike the words.
function placesConflict(a: readonly string[], b: readonly string[]): boolean {
  let placeInA = false;
  for (const stem of a) {
    if (classOf(stem) !== 'place') continue;
    if (b.includes(stem)) return false;
    placeInA = true;
  }
  return placeInA && b.some((stem) => classOf(stem) === 'place');
}

/** How alike two questions are, from 0 (nothing shared) to 1 (the same words). Symmetric. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  const score =
    STEM_SHARE * stemSimilarity(a.stems, b.stems) + (1 - STEM_SHARE) * gramSimilarity(a.grams, b.grams);
  return placesConflict(a.stems, b.stems) ? score * PLACE_CONFLICT_FACTOR : score;
}

/**
 * The id of the group `candidate` belongs to — the most similar entry at or above `threshold`
 * — or null for a new group. A group may appear several times, once per member: its most
 * similar member decides.
 */
export function assignGroup(
  candidate: Fingerprint,
  groups: ReadonlyArray<{ id: number; fingerprint: Fingerprint }>,
  threshold: number = DEFAULT_GROUP_THRESHOLD,
): number | null {
  let best: number | null = null;
  let bestScore = -1;
  for (const g of groups) {
    const score = similarity(candidate, g.fingerprint);
    if (score > bestScore) {
      best = g.id;
      bestScore = score;
    }
  }
  return bestScore >= threshold ? best : null;
}

/**
 * Blocking keys. Index every question under its keys, and compare a new question only with
 * those sharing a key instead of all of them. Places and services come first, then the longest
 * words; broad concepts only when nothing else is left.
 */
export function candidateKeys(fp: Fingerprint): string[] {
  return [...fp.stems]
    .sort((a, b) => keyRank(b) - keyRank(a) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_KEYS);
}

function keyRank(stem: string): number {
  const cls = classOf(stem);
  if (cls === 'place') return 30;
  if (cls === 'service') return 20;
  return cls === 'broad' ? 0 : stem.length;
}

/** True if `value` (for example parsed from a stored JSON column) is a current fingerprint. */
export function isFingerprint(value: unknown): value is Fingerprint {
  if (typeof value !== 'object' || value === null) return false;
  const fp = value as Record<string, unknown>;
  return (
    fp.v === FINGERPRINT_VERSION &&
    Array.isArray(fp.stems) &&
    fp.stems.every((s) => typeof s === 'string') &&
    Array.isArray(fp.grams) &&
    fp.grams.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffffffff)
  );
}
