/**
 * The problem lexicon: concrete city problems people ask the akim about, in Russian, Kazakh and
 * English, each with the topic it belongs to; and the markers that split one problem into
 * different questions (the fare vs the timetable, night noise vs day noise, a refund vs restoring a
 * card). Written by hand from general knowledge of Almaty's city services (no download). Grouping
 * (problem part of the issue key), the topic and speaker suggestions and the default suggestion
 * rules all read this one list. Names are matched like the places' (see almatyPlaces.ts).
 */
import type { SuggestionSpeaker } from '../suggestionRules';
import type { Topic } from '../vocabulary';

export interface Problem {
  /** Stable id, used in stored fingerprints: never rename one. */
  id: string;
  topic: Topic;
  names: readonly string[];
  /**
   * Context rather than the problem itself (a road, a yard, a flat, the police): many different
   * questions mention it, so on one side only it does not make another question.
   */
  context?: true;
}

/** A word that makes a question another question about the same problem. */
export interface Marker {
  id: string;
  names: readonly string[];
}

const p = (id: string, topic: Topic, names: string[]): Problem => ({ id, topic, names });
const context = (id: string, topic: Topic, names: string[]): Problem => ({ id, topic, names, context: true });

export const CITY_PROBLEMS: readonly Problem[] = [
  // roads
  context('road', 'roads', ['дорога', 'дороги', 'дороге', 'дорогу', 'дорогам', 'дорогах', 'дорогами', 'дорожн', 'асфальт', 'заасфальт', 'жол', 'жолы', 'жолдар', 'жолда', 'жолдың', 'road', 'roads', 'unpaved', 'paved']),
  p('pothole', 'roads', ['яма', 'ямы', 'ямищ', 'ямочн', 'выбоин', 'шұңқыр', 'ойық', 'pothole']),
  p('traffic-light', 'roads', ['светофор', 'бағдаршам', 'traffic light']),
  p('traffic-jam', 'roads', ['пробк', 'затор', 'кептеліс', 'traffic jam', 'traffic is', 'made traffic', 'congestion']),
  p('interchange', 'roads', ['развязк', 'айрық', 'айрығ', 'interchange', 'flyover']),
  p('crossing', 'roads', ['пешеходн переход', 'переход', 'жаяу жүргіншілер өткел', 'өткел', 'crossing', 'zebra']),
  p('sidewalk', 'roads', ['тротуар', 'жаяу жүргінші', 'sidewalk', 'pavement']),
  p('snow', 'roads', ['снег', 'снеж', 'сугроб', 'гололед', 'қар', 'қары', 'қарды', 'snow', 'ice on']),
  p('parking', 'roads', ['бросают', 'брошен', 'abandoned', 'парковк', 'парковоч', 'паркинг', 'тұрақ', 'тұрағ', 'автотұрақ', 'parking']),
  p('bridge', 'roads', ['мост', 'моста', 'мосту', 'көпір', 'bridge', 'footbridge']),
  p('railway-crossing', 'roads', ['переезд', 'теміржол өткел', 'railway crossing', 'level crossing']),
  p('road-markings', 'roads', ['разметк', 'белгі сызығ', 'road marking']),
  p('street-racing', 'safety', ['гоняют на машин', 'гонки', 'гонщик', 'дрифт', 'жарыс', 'street racing', 'drag racing']),
  p('road-closure', 'roads', ['перекрыл', 'перекрыт', 'закрыли для машин', 'жабық жол', 'road closed', 'closed the road', 'close the road']),
  p('bike-lane', 'transport', ['велодорож', 'велополос', 'велосипед жол', 'велосипед жолы', 'велосипед жолын', 'bike lane', 'cycle lane']),
  // transport
  p('bus', 'transport', ['автобус', 'маршрут', 'маршрутк', 'bus', 'buses']),
  p('metro', 'transport', ['метро', 'metro', 'subway']),
  p('escalator', 'transport', ['эскалатор', 'escalator']),
  p('onay', 'transport', ['онай', 'onay', 'транспортн карт', 'transport card', 'travel card']),
  p('taxi', 'transport', ['такси', 'таксист', 'taxi']),
  p('tram', 'transport', ['трамва', 'tram']),
  p('trolleybus', 'transport', ['троллейбус', 'trolleybus']),
  p('scooter', 'safety', ['самокат', 'электросамокат', 'самокатшы', 'scooter', 'e-scooter']),
  p('canopy', 'transport', ['навес', 'күнқағар', 'canopy']),
  p('bus-stop', 'transport', ['остановк', 'аялдама', 'bus stop', 'bus shelter']),
  p('bus-station', 'transport', ['автовокзал', 'bus station', 'автовокзалы']),
  p('cable-car', 'transport', ['канатн', 'фуникулер', 'аспалы жол', 'cable car']),
  // utilities
  p('water', 'utilities', ['вода', 'воды', 'воде', 'воду', 'водой', 'водоснаб', 'водопровод', 'водоканал', 'кран', 'су', 'суы', 'суды', 'суға', 'судың', 'сусыз', 'суын', 'water', 'tap']),
  p('hot-water', 'utilities', ['горяч вод', 'горячей вод', 'ыстық су', 'hot water']),
  p('heating', 'utilities', ['отоплен', 'отапл', 'батаре', 'тепло', 'жылыту', 'жылу', 'жылуы', 'жылуды', 'радиатор', 'heating', 'radiator']),
  p('electricity', 'utilities', ['электричеств', 'электроэнерг', 'электроснаб', 'свет', 'света', 'электр', 'жарық', 'жарығ', 'electricity', 'power cut', 'power outage', 'blackout']),
  p('street-lights', 'utilities', ['фонар', 'освещен', 'көше шам', 'шамдар', 'шамы', 'street light', 'streetlight', 'lighting']),
  p('gas', 'utilities', ['газ', 'газа', 'газу', 'газом', 'газға', 'газы', 'газды', 'газбен', 'газифик', 'газоснаб', 'газопровод', 'gas']),
  p('pipes', 'utilities', ['теплотрасс', 'трубопровод', 'трубы', 'трубу', 'труба', 'құбыр', 'heating main', 'pipe', 'pipes']),
  p('excavation', 'roads', ['раскопа', 'раскоп', 'разрыт', 'котлован', 'қазып', 'қазылған', 'dug up', 'trench']),
  p('sewage', 'utilities', ['канализац', 'кәріз', 'sewage', 'sewer']),
  p('storm-drain', 'utilities', ['ливнев', 'ливнёв', 'нөсер кәріз', 'storm drain', 'drainage']),
  p('flooding', 'utilities', ['затопил', 'подтоп', 'су басты', 'су басқан', 'flood']),
  p('utility-bill', 'utilities', ['квитанц', 'счет за', 'счёт за', 'начислил', 'коммуналк', 'коммунальн платеж', 'төлемақы', 'utility bill']),
  p('heat-meter', 'utilities', ['счетчик тепла', 'счётчик тепла', 'общедомов счетчик', 'жылу есептегіш', 'heat meter']),
  p('power-plant', 'ecology', ['тэц', 'жэо', 'chp', 'power plant', 'жылу электр орталығ']),
  // ecology
  p('illegal-dump', 'ecology', ['свалк', 'стихийн свалк', 'үйінді', 'illegal dump', 'dump', 'dumping']),
  p('garbage', 'ecology', ['мусор', 'отход', 'waste', 'помойк', 'контейнер', 'қоқыс', 'garbage', 'rubbish', 'trash', 'litter']),
  p('smog', 'ecology', ['смог', 'загрязн', 'выброс', 'түтін', 'ластан', 'smog', 'pollution']),
  p('coal', 'ecology', ['уголь', 'угля', 'углем', 'угольн', 'көмір', 'coal']),
  context('trees', 'ecology', ['дерев', 'ағаш', 'ағаштар', 'tree', 'trees']),
  p('felling', 'ecology', ['вырубк', 'вырубают', 'вырубили', 'выруб', 'спил', 'пилят', 'кесіп', 'кесу', 'кесіл', 'cut down', 'felling', 'being cut']),
  p('aryk', 'ecology', ['арык', 'арық', 'арықтар', 'ditch', 'irrigation']),
  context('lake', 'ecology', ['озер', 'көл', 'lake']),
  context('river', 'ecology', ['река', 'реки', 'реке', 'реку', 'өзен', 'river']),
  p('dead-fish', 'ecology', ['мертв рыб', 'дохл рыб', 'өлі балық', 'dead fish']),
  p('watering', 'ecology', ['поливают', 'полив', 'суармай', 'water them', 'watering']),
  // housing
  p('elevator', 'housing', ['лифт', 'elevator', 'lift']),
  p('roof', 'housing', ['крыш', 'кровл', 'шатыр', 'roof']),
  p('leak', 'housing', ['протека', 'протек', 'течет', 'течёт', 'заливает', 'прорвал', 'ағып', 'ағады', 'leak', 'overflow']),
  p('housing-queue', 'housing', ['очеред на жиль', 'очереди на жиль', 'очеред на жилье', 'арендн жиль', 'жилье для', 'баспана кезег', 'жалдамалы баспана', 'housing queue', 'rental housing', 'social housing']),
  context('housing', 'housing', ['жиль', 'жилищ', 'квартир', 'баспана', 'пәтер', 'housing', 'apartment', 'flat']),
  context('condominium', 'housing', ['кск', 'оси', 'пту', 'мжк', 'condominium']),
  p('old-houses', 'housing', ['аварийн', 'хрущевк', 'хрущёвк', 'ветх', 'ескі үй', 'old houses', 'old buildings', 'реновац']),
  context('yard', 'parks', ['двор', 'аула', 'yard', 'courtyard']),
  // construction
  context('construction', 'construction', ['стройк', 'строител', 'строят', 'строительств', 'құрылыс', 'construction', 'building site']),
  p('high-rise', 'construction', ['высотк', 'многоэтажк', 'небоскреб', 'жк', 'көпқабатты', 'high-rise', 'tower']),
  p('illegal-building', 'construction', ['без разрешени', 'самострой', 'рұқсатсыз', 'without a permit', 'illegal construction']),
  p('piling', 'construction', ['сваи', 'свая', 'сваебой', 'piling', 'pile driver']),
  p('metro-extension', 'construction', ['станции метро до', 'метро до', 'метро салын', 'дейін метро', 'metro line to', 'metro extension']),
  // parks and leisure
  context('park', 'parks', ['парк', 'сквер', 'саябақ', 'саябағ', 'park']),
  p('lawn', 'parks', ['газон', 'көгал', 'lawn']),
  p('playground', 'parks', ['детск площадк', 'детская площадк', 'площадк', 'качел', 'балалар алаң', 'әткеншек', 'playground', 'swing']),
  p('sports-field', 'parks', ['футбольн пол', 'спортплощадк', 'футбол алаң', 'football pitch', 'sports field']),
  p('benches', 'parks', ['скамейк', 'скамье', 'орындық', 'bench']),
  p('fountain', 'parks', ['фонтан', 'субұрқақ', 'fountain']),
  p('ice-rink', 'parks', ['каток', 'мұз айдын', 'ice rink', 'skating']),
  p('ski-resort', 'parks', ['ski pass', 'ски пасс', 'скипасс', 'горнолыжн', 'тау шаңғы']),
  p('toilets', 'other', ['туалет', 'дәретхана', 'toilet']),
  context('market', 'other', ['рынок', 'рынка', 'базар', 'market']),
  p('library', 'education', ['библиотек', 'кітапхана', 'library']),
  // education
  p('school', 'education', ['школ', 'мектеп', 'мектеб', 'school']),
  p('school-shifts', 'education', ['смен', 'ауысым', 'shifts', 'shift']),
  p('food', 'education', ['кормят', 'питани', 'столов', 'тамақ', 'food', 'meals']),
  p('uniform', 'education', ['школьн форм', 'школьная форм', 'мектеп форма', 'мектеп формас', 'uniform']),
  p('kindergarten', 'education', ['детск сад', 'детский сад', 'детсад', 'садик', 'сад', 'балабақша', 'kindergarten', 'nursery']),
  p('voucher', 'education', ['ваучер', 'voucher']),
  p('school-bus', 'education', ['школьн автобус', 'мектеп автобус', 'school bus']),
  p('exam', 'education', ['ент', 'ұбт', 'экзамен', 'emtihan', 'exam']),
  p('gym', 'education', ['спортзал', 'спорт зал', 'gym']),
  // healthcare
  p('clinic', 'healthcare', ['поликлиник', 'больниц', 'емхана', 'аурухана', 'clinic', 'polyclinic', 'hospital']),
  context('doctor', 'healthcare', ['врач', 'терапевт', 'педиатр', 'дәрігер', 'doctor', 'gp']),
  context('appointment', 'healthcare', ['записат', 'запись', 'жазылу', 'жазыла', 'appointment']),
  p('medicine', 'healthcare', ['лекарств', 'аптек', 'дәрі', 'medicine', 'drugs']),
  p('diabetes', 'healthcare', ['диабет', 'diabetes']),
  p('vaccine', 'healthcare', ['прививк', 'вакцин', 'екпе', 'vaccin']),
  p('ambulance', 'healthcare', ['скорая', 'скорой', 'жедел жәрдем', 'ambulance']),
  p('medical-certificate', 'healthcare', ['справк', 'анықтама', 'medical certificate']),
  // social
  p('social-assistance', 'social', ['адресн помощ', 'адресной помощ', 'адресную социальн', 'асп', 'атаулы әлеуметтік', 'атаулы көмек', 'social assistance']),
  p('pension', 'social', ['пенси', 'пенсионер', 'зейнет', 'pension']),
  p('free-travel', 'transport', ['бесплатн проезд', 'льготн проезд', 'проезд бесплатн', 'тегін жол жүру', 'тегін жүру', 'тегін жол ақы', 'жеңілдікпен жүру', 'free travel', 'free ride', 'free fare', 'free bus']),
  p('large-family', 'social', ['многодетн', 'көпбалалы', 'large famil']),
  p('disability', 'social', ['инвалид', 'мүгедек', 'disabilit']),
  p('orphans', 'social', ['детск дом', 'детских дом', 'балалар үй', 'orphan']),
  p('unemployment', 'social', ['безработ', 'трудоустр', 'жұмыссыз', 'unemploy']),
  // safety
  p('stray-dogs', 'safety', ['бродяч', 'бездомн', 'собак', 'стая', 'қаңғыбас', 'иттер', 'ит', 'stray dog', 'dogs']),
  p('dog-bite', 'healthcare', ['укусил', 'укус', 'тістеп', 'bite']),
  p('fire', 'safety', ['пожар', 'өрт', 'fire']),
  p('earthquake', 'safety', ['землетрясен', 'сейсм', 'жер сілкін', 'earthquake']),
  p('shelter', 'safety', ['укрыти', 'пункт сбора', 'пункты сбора', 'баспаналар', 'shelter']),
  p('mudflow', 'safety', ['сель', 'селев', 'селезащит', 'сел', 'селге', 'mudflow']),
  p('dam', 'safety', ['плотин', 'бөгет', 'dam']),
  context('police', 'safety', ['полици', 'полицей', 'патрул', 'police']),
  p('theft', 'safety', ['краж', 'украл', 'ұрлық', 'ұрланды', 'stolen', 'theft']),
  context('noise', 'safety', ['шум', 'шумит', 'шуметь', 'шуы', 'шудан', 'ревут', 'долбят', 'музык', 'noise', 'loud']),
  p('bar', 'safety', ['бар на', 'бара', 'кафе', 'ночн клуб', 'night club']),
  context('bicycle', 'safety', ['велосипед', 'bicycle', 'bike']),
  p('dog-registration', 'safety', ['регистрир собак', 'регистрац собак', 'домашн собак', 'pet registration']),
  // other city matters
  // Repair of whatever the question names: context, so "ремонт" on one side only splits nothing.
  context('repair', 'other', ['ремонт', 'отремонт', 'ремонтир', 'жөнде', 'repair', 'renovat', 'resurfac']),
  p('akim-reception', 'other', ['прием', 'приём', 'қабылдау', 'reception hours']),
  p('wifi', 'transport', ['wi-fi', 'wifi', 'вайфай']),
];

/**
 * Markers: a question carrying one is a different question from one without it, even about the
 * same problem at the same place. Kept few and unambiguous, since one stray marker keeps a
 * duplicate apart.
 */
export const PROBLEM_MARKERS: readonly Marker[] = [
  { id: 'night', names: ['ночь', 'ночью', 'ночам', 'ночн', 'полноч', 'түн', 'түнде', 'түнгі', 'night', 'nightly', 'overnight'] },
  { id: 'day', names: ['днем', 'днём', 'дневн', 'күндіз', 'daytime', 'during the day'] },
  { id: 'price', names: ['тариф', 'стоимост', 'цена', 'цены', 'цену', 'подорожал', 'дороже', 'дорого', 'платн', 'плата', 'плату', 'платы', 'тенге с', 'қымбат', 'баға', 'бағас', 'ақы', 'ақысы', 'тарифі', 'fare', 'price', 'tariff', 'expensive', 'cost', 'paid entry', 'paid now', 'paid parking', 'fee', 'fees', 'жол ақы'] },
  { id: 'refund', names: ['верните деньги', 'вернуть деньги', 'возврат', 'перерасчет', 'перерасчёт', 'ақшаны қайтар', 'ақшаны қалай қайтар', 'ақшамызды қайтар', 'refund', 'money back'] },
  { id: 'animal-shelter', names: ['приют', 'иттерге арналған баспана', 'dog shelter', 'animal shelter'] },
  { id: 'cancel', names: ['отменил', 'отменен', 'отменён', 'отмена маршрут', 'верните маршрут', 'жапты', 'жабылды', 'жойыл', 'жойды', 'cancelled', 'canceled', 'bring back'] },
  { id: 'relocated', names: ['перенесли', 'перенес', 'көшірді', 'moved the'] },
  { id: 'restore', names: ['восстановить карт', 'восстановление карт', 'утерян', 'потерял', 'потерян', 'дубликат', 'жоғалған', 'жоғалт', 'lost card', 'lost my'] },
  { id: 'legality', names: ['на каком основании', 'законно', 'кто разрешил', 'кто позволил', 'заңды', 'рұқсатымен', 'who allowed', 'is it legal'] },
  { id: 'replace', names: ['заменят', 'замена', 'заменить', 'модернизац', 'жаңасына ауыстыр', 'жаңарт', 'replace', 'modernis', 'moderniz'] },
  { id: 'amount', names: ['размер', 'уменьш', 'сократил', 'урезал', 'мөлшер', 'азайд', 'қысқарт', 'amount', 'reduced', 'cut the'] },
  { id: 'quality', names: ['ржав', 'коричнев', 'мутн', 'грязн вод', 'тот басқан', 'лас', 'сары түсті', 'rusty', 'brown', 'dirty water'] },
  { id: 'pressure', names: ['напор', 'қысым', 'pressure'] },
  { id: 'compensation', names: ['возмест', 'компенсац', 'ущерб', 'шығынды', 'өтейді', 'compensat', 'damage'] },
  { id: 'payment', names: ['валидатор', 'наличн', 'не принимает', 'терминал', 'cash', 'validator'] },
  { id: 'connection', names: ['подключени', 'қосылу', 'connection fee', 'to connect'] },
  { id: 'new-build', names: ['построят нов', 'новую школ', 'новые сады', 'жаңа мектеп', 'new school', 'build a new', 'установите', 'установить', 'поставьте', 'орнатыңыз', 'орнату', 'install', 'put up', 'отырғыз', 'сажать', 'посадить', 'plant'] },
];

/** Who answers on air for each topic. */
export const TOPIC_SPEAKERS: Readonly<Record<Topic, SuggestionSpeaker>> = {
  roads: 'deputy_transport',
  transport: 'deputy_transport',
  utilities: 'energy_department',
  ecology: 'ecology_department',
  housing: 'housing_department',
  education: 'education_department',
  healthcare: 'health_department',
  social: 'social_department',
  safety: 'police',
  construction: 'construction_department',
  parks: 'ecology_department',
  other: 'akim',
};
