/**
 * Keyword rules that suggest a question's topic, district and speaker. Producers edit them in
 * the settings screen, so this module is shared with the browser: never import node:* here.
 *
 * A keyword matches the start of a word, so one stem covers its inflections ("отоплен" finds
 * "отопления", "отоплением"); keywords shorter than four letters match whole words only ("газ",
 * "су"), and a keyword of several words matches them in a row ("әуезов аудан"). Case, ё/е and
 * the Kazakh letters typed on a Russian keyboard (қ/к, ә/а, і/и …) do not matter.
 */
import type { District } from './domain';

/** What a rule suggests. */
export type SuggestionKind = 'topic' | 'district' | 'speaker';

/** One editable rule: text containing any of `keywords` suggests `value` for `kind`. */
export type SuggestionRule = { kind: SuggestionKind; value: string; keywords: string[] };

export const SUGGESTION_TOPICS = [
  'roads',
  'transport',
  'utilities',
  'ecology',
  'housing',
  'education',
  'healthcare',
  'social',
  'safety',
  'construction',
  'parks',
  'other',
] as const;
export type SuggestionTopic = (typeof SUGGESTION_TOPICS)[number];

/** Who answers on air: the akim or the head of a city department. */
export const SUGGESTION_SPEAKERS = [
  'akim',
  'deputy_transport',
  'energy_department',
  'ecology_department',
  'housing_department',
  'construction_department',
  'education_department',
  'health_department',
  'social_department',
  'police',
] as const;
export type SuggestionSpeaker = (typeof SUGGESTION_SPEAKERS)[number];

// Typed helpers, so a misspelt topic, district or speaker id fails to compile.
function topic(value: SuggestionTopic, keywords: string[]): SuggestionRule {
  return { kind: 'topic', value, keywords };
}
function district(value: District, keywords: string[]): SuggestionRule {
  return { kind: 'district', value, keywords };
}
function speaker(value: SuggestionSpeaker, keywords: string[]): SuggestionRule {
  return { kind: 'speaker', value, keywords };
}

// Shared between a topic and the speaker who answers for it.
const ROADS = [
  'дорог', 'дорожн', 'асфальт', 'ямы', 'ямочн', 'выбоин', 'бордюр', 'развязк', 'пробк',
  'светофор', 'перекрест', 'разметк', 'подземн переход', 'надземн переход', 'мост',
  'жол', 'жолы', 'жолдың', 'жолдар', 'кептеліс', 'бағдаршам', 'көпір', 'айрық', 'айрығ',
];
const TRANSPORT = [
  'автобус', 'маршрут', 'остановк', 'троллейбус', 'трамва', 'электробус', 'метро', 'проезд',
  'onay', 'такси', 'выделенк', 'выделенн полос', 'парковк', 'паркинг', 'фуникулер', 'канатн',
  'велодорож', 'самокат', 'электросамокат', 'аялдама', 'жол ақы', 'тұрақ', 'тұрағ', 'көлік',
];
const ENERGY_AND_WATER = [
  'отоплен', 'отапл', 'батаре', 'тепло', 'горяч вод', 'электричеств', 'электроэнерг', 'свет',
  'газ', 'газа', 'газу', 'газом', 'газов', 'газоснаб', 'газифик', 'газопровод', 'тэц',
  'вода', 'воды', 'воде', 'воду', 'водой', 'водоснаб', 'водопровод', 'водоканал', 'канализац',
  'жылу', 'жылыту', 'жарық', 'жарығ', 'электр', 'су', 'суы', 'суды', 'суға', 'ыстық су', 'кәріз',
];
const ECOLOGY = [
  'смог', 'экологи', 'загрязн', 'воздух', 'выброс', 'мусор', 'отход', 'свалк', 'деревь', 'дерево',
  'выруб', 'озеленен', 'арык', 'уголь', 'угля', 'углем', 'түтін', 'ластан', 'қоқыс', 'ағаш',
  'ауа', 'ауасы', 'көмір', 'арық',
];
const HOUSING = [
  'жиль', 'жилищ', 'квартир', 'кск', 'оси', 'подъезд', 'лифт', 'крыш', 'кровл', 'капремонт',
  'капитальн ремонт', 'аварийн', 'реновац', 'общежит', 'ипотек', 'арендн', 'баспана', 'пәтер',
  'үй', 'үйдің', 'үйде', 'үйлер', 'шатыр',
];
const CONSTRUCTION = [
  'строит', 'стройк', 'застро', 'застрой', 'постро', 'достро', 'снос', 'предгор', 'небоскреб',
  'жк', 'генплан', 'құрылыс', 'салын', 'бөктер',
];
const EDUCATION = [
  'школ', 'учител', 'учебн', 'ученик', 'образован', 'садик', 'детсад', 'детск сад', 'кружк',
  'колледж', 'университет', 'вуз', 'ент', 'мектеп', 'мектеб', 'балабақша', 'мұғалім', 'оқушы',
  'білім', 'ұбт',
];
const HEALTHCARE = [
  'поликлиник', 'больниц', 'врач', 'медицин', 'скор помощ', 'скорая', 'лекарств', 'аптек',
  'терапевт', 'педиатр', 'прививк', 'осмс', 'емхана', 'аурухана', 'дәрігер', 'жедел жәрдем',
];
const SOCIAL = [
  'пенси', 'пособи', 'многодетн', 'инвалид', 'льгот', 'малоимущ', 'адресн помощ', 'соцпомощ',
  'социальн', 'ветеран', 'безработ', 'трудоустр', 'зейнет', 'жәрдемақы', 'көпбалалы',
  'мүгедек', 'жұмыссыз', 'әлеуметтік',
];
const SAFETY = [
  'полици', 'преступ', 'краж', 'безопасн', 'хулиган', 'драк', 'пожар', 'землетрясен', 'сейсм',
  'селев', 'селезащит', 'чс', 'видеонаблюден', 'собак', 'бродяч', 'бездомн', 'қауіпсіз', 'жер сілкін', 'өрт',
  'ұрлық', 'қаңғыбас', 'ит', 'иттер',
];
const PARKS = [
  'парк', 'сквер', 'аллея', 'аллеи', 'фонтан', 'детск площадк', 'газон', 'благоустр', 'скамейк',
  'саябақ', 'саябағ', 'балалар алаң', 'гүлзар',
];

/** The rules a new desk starts with. */
export const DEFAULT_SUGGESTION_RULES: readonly SuggestionRule[] = [
  topic('roads', ROADS),
  topic('transport', TRANSPORT),
  topic('utilities', ENERGY_AND_WATER),
  topic('ecology', ECOLOGY),
  topic('housing', HOUSING),
  topic('construction', CONSTRUCTION),
  topic('education', EDUCATION),
  topic('healthcare', HEALTHCARE),
  topic('social', SOCIAL),
  topic('safety', SAFETY),
  topic('parks', PARKS),

  // Bare "Ауэзова", "Жетысу", "Наурызбай", "Алатау" also name a street, microdistricts in other
  // districts, a street and the mountains: only the district's own forms count for those.
  district('alatau', ['алатауск', 'алатау аудан']),
  district('almaly', ['алмалы']),
  district('auezov', ['ауэзовск', 'әуезов аудан', 'аксай']),
  district('bostandyk', ['бостандык', 'бостандық', 'орбита']),
  district('zhetysu', ['жетысуск', 'жетісу аудан']),
  district('medeu', ['медеу', 'кок тобе', 'коктобе', 'көктөбе', 'шымбулак', 'шымбұлақ', 'самал']),
  district('nauryzbay', ['наурызбайск', 'наурызбай аудан', 'калкаман', 'қалқаман']),
  district('turksib', ['турксиб', 'түрксіб']),

  speaker('akim', ['генплан', 'бюджет', 'коррупц', 'стратеги', 'даму жоспар']),
  speaker('deputy_transport', [...ROADS, ...TRANSPORT]),
  speaker('energy_department', ENERGY_AND_WATER),
  speaker('ecology_department', ECOLOGY),
  speaker('housing_department', HOUSING),
  speaker('construction_department', CONSTRUCTION),
  speaker('education_department', EDUCATION),
  speaker('health_department', HEALTHCARE),
  speaker('social_department', SOCIAL),
  speaker('police', ['полици', 'преступ', 'краж', 'хулиган', 'драк', 'видеонаблюден', 'ұрлық']),
];
