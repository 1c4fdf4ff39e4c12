/**
 * Almaty gazetteer: the districts, microdistricts, main streets, landmarks and metro stations
 * people name in questions, with their kk/ru/en names and spelling variants and the district each
 * lies in. Written by hand from general knowledge of the city (no download); it is data, so adding
 * a place is adding a line. Grouping (place part of the issue key), the district suggestion and the
 * default suggestion rules all read this one list.
 *
 * Each name is matched as the suggestion rules match keywords: every space-separated part is the
 * start of a word (parts under four letters are whole words), case, ё/е and Kazakh letters typed on
 * a Russian keyboard (қ/к, ә/а, ұ/у …) do not matter; Latin names are matched as Latin.
 */
import type { District } from '../domain';

export type PlaceKind = 'district' | 'microdistrict' | 'street' | 'landmark' | 'metro';

export interface Place {
  /** Stable id, used in stored fingerprints: never rename one. */
  id: string;
  kind: PlaceKind;
  /** The district it lies in; null for a street or place that crosses districts. */
  district: District | null;
  names: readonly string[];
  /** Numbered parts (Аксай-1 … Аксай-5) are different places; the number follows the name. */
  numbered?: true;
  /** Named only with its number ("Жетысу-2"): the bare name means something else (a district). */
  numberRequired?: true;
}

const district = (id: District, names: string[]): Place => ({ id, kind: 'district', district: id, names });
const mkr = (id: string, d: District | null, names: string[], numbered?: 'numbered' | 'number-required'): Place => ({
  id,
  kind: 'microdistrict',
  district: d,
  names,
  ...(numbered ? { numbered: true as const } : {}),
  ...(numbered === 'number-required' ? { numberRequired: true as const } : {}),
});
const street = (id: string, d: District | null, names: string[]): Place => ({ id, kind: 'street', district: d, names });
const landmark = (id: string, d: District | null, names: string[]): Place => ({ id, kind: 'landmark', district: d, names });
const metro = (id: string, d: District | null, names: string[]): Place => ({ id, kind: 'metro', district: d, names });

// Bare "Алатау", "Жетысу", "Наурызбай", "Медеу", "Ауэзова" also name mountains, microdistricts, a
// street, the ice rink and a writer: a district is named by its own forms ("Алатауский",
// "Алатау ауданы", "Alatau district").
export const ALMATY_PLACES: readonly Place[] = [
  district('alatau', ['алатауск', 'алатау аудан', 'alatau district', 'alatausk']),
  district('almaly', ['алмалинск', 'алмалы аудан', 'almaly district', 'almalinsk']),
  district('auezov', ['ауэзовск', 'ауезовск', 'әуезов аудан', 'auezov district', 'auezovsk']),
  district('bostandyk', ['бостандыкск', 'бостандық аудан', 'бостандык аудан', 'bostandyk', 'bostandyksk']),
  district('zhetysu', ['жетысуск', 'жетісу аудан', 'жетысу аудан', 'zhetysu district', 'zhetysusk']),
  district('medeu', ['медеуск', 'медеу аудан', 'medeu district', 'medeusk']),
  district('nauryzbay', ['наурызбайск', 'наурызбай аудан', 'nauryzbay district', 'nauryzbaysk']),
  district('turksib', ['турксиб', 'түрксіб', 'turksib']),

  // Alatau
  mkr('shanyrak', 'alatau', ['шанырак', 'шаңырақ', 'shanyrak'], 'numbered'),
  mkr('aigerim', 'alatau', ['айгерим', 'айгерім', 'aigerim'], 'numbered'),
  mkr('algabas', 'alatau', ['алгабас', 'алғабас', 'algabas'], 'numbered'),
  mkr('akkent', 'alatau', ['аккент', 'ақкент', 'akkent'], 'numbered'),
  mkr('ozhet', 'alatau', ['ожет', 'өжет', 'ozhet']),
  mkr('terekty', 'alatau', ['теректы', 'теректі', 'terekty']),
  mkr('sayaly', 'alatau', ['саялы', 'sayaly']),
  mkr('karasu', 'alatau', ['карасу', 'қарасу', 'karasu']),
  mkr('ulzhan', 'alatau', ['улжан', 'ұлжан', 'ulzhan'], 'numbered'),
  mkr('darkhan', 'alatau', ['дархан', 'darkhan']),
  mkr('akbulak', 'alatau', ['акбулак', 'ақбұлақ', 'akbulak']),
  mkr('zerdeli', 'alatau', ['зердели', 'zerdeli']),
  mkr('zarya-vostoka', 'alatau', ['заря восток', 'zarya vostoka']),
  mkr('nursaya', 'alatau', ['нурсая', 'нұрсая', 'nursaya']),
  mkr('tastak', 'auezov', ['тастак', 'тастақ', 'tastak'], 'numbered'),
  // Auezov
  mkr('aksay', 'auezov', ['аксай', 'аксае', 'аксая', 'ақсай', 'aksai', 'aksay'], 'numbered'),
  mkr('mamyr', 'auezov', ['мамыр', 'mamyr'], 'numbered'),
  mkr('zhetysu-mkr', 'auezov', ['жетысу', 'жетісу', 'zhetysu'], 'number-required'),
  mkr('sairan', 'auezov', ['сайран', 'sairan', 'sayran']),
  mkr('taugul', 'auezov', ['таугул', 'таугүл', 'тау гул', 'taugul'], 'numbered'),
  mkr('dostyk-mkr', 'auezov', ['достык мкр', 'мкр достык']),
  // Bostandyk
  mkr('orbita', 'bostandyk', ['орбит', 'orbita'], 'numbered'),
  mkr('koktem', 'bostandyk', ['коктем', 'көктем', 'koktem'], 'numbered'),
  mkr('kazakhfilm', 'bostandyk', ['казахфильм', 'қазақфильм', 'kazakhfilm']),
  mkr('almagul', 'bostandyk', ['алмагул', 'алмагүл', 'almagul']),
  mkr('baganashyl', 'bostandyk', ['баганашыл', 'бағаналы', 'baganashyl']),
  mkr('remizovka', 'bostandyk', ['ремизовк', 'remizovka']),
  mkr('nur-alatau', 'bostandyk', ['нур алатау', 'нұр алатау', 'nur alatau']),
  mkr('khan-tengri', 'bostandyk', ['хан тенгри', 'хан тәңірі', 'khan tengri']),
  // Medeu
  mkr('samal', 'medeu', ['самал', 'samal'], 'numbered'),
  mkr('gornyi-gigant', 'medeu', ['горн гигант', 'gorny gigant', 'gornyi gigant']),
  mkr('duman', 'medeu', ['думан', 'duman']),
  mkr('kamenskoe-plato', 'medeu', ['каменск плато', 'kamenskoe plato']),
  // Nauryzbay
  mkr('shugyla', 'nauryzbay', ['шугыл', 'шұғыл', 'shugyl']),
  mkr('kalkaman', 'nauryzbay', ['калкаман', 'қалқаман', 'kalkaman'], 'numbered'),
  mkr('tausamaly', 'nauryzbay', ['таусамал', 'tausamal']),
  mkr('kargaly', 'nauryzbay', ['каргалы', 'қарғалы', 'kargaly']),
  mkr('karagaily', 'nauryzbay', ['карагайл', 'қарағайл', 'karagaily']),
  mkr('akzhar', 'nauryzbay', ['акжар', 'ақжар', 'akzhar']),
  mkr('ermensai', 'nauryzbay', ['ерменсай', 'ermensai']),
  // Turksib
  mkr('kairat', 'turksib', ['кайрат', 'қайрат', 'kairat']),
  mkr('zhuldyz', 'turksib', ['жулдыз', 'жұлдыз', 'zhuldyz'], 'numbered'),
  mkr('mayak', 'turksib', ['мкр маяк', 'маяк шағын']),
  // Zhetysu
  mkr('kokzhiek', 'zhetysu', ['кокжиек', 'көкжиек', 'kokzhiek']),
  mkr('ainabulak', 'zhetysu', ['айнабулак', 'айнабұлақ', 'ainabulak'], 'numbered'),
  mkr('kulager', 'zhetysu', ['кулагер', 'құлагер', 'kulager']),
  mkr('dorozhnik', 'zhetysu', ['дорожник', 'dorozhnik']),

  street('abay', null, ['абай', 'абая', 'абаю', 'абаем', 'abay', 'abai']),
  street('al-farabi', null, ['фараби', 'farabi']),
  street('tole-bi', null, ['толе би', 'төле би', 'толеби', 'tole bi', 'tolebi']),
  street('rozybakiev', null, ['розыбакиев', 'rozybakiev']),
  street('sain', 'auezov', ['саина', 'саин', 'sain']),
  street('momyshuly', null, ['момышул', 'момышұл', 'momyshul']),
  street('raiymbek', null, ['райымбек', 'raiymbek', 'raimbek']),
  street('ryskulov', null, ['рыскулов', 'рысқұлов', 'ryskulov']),
  street('seifullin', null, ['сейфуллин', 'seifullin']),
  street('suyunbay', null, ['суюнба', 'сүйінбай', 'suyunbay']),
  street('dostyk', 'medeu', ['достык', 'достық', 'dostyk']),
  street('nazarbayev', null, ['назарбаев', 'nazarbayev']),
  street('zhandosov', null, ['жандосов', 'zhandosov']),
  street('timiryazev', 'bostandyk', ['тимирязев', 'timiryazev']),
  street('satpayev', null, ['сатпаев', 'сәтбаев', 'satpayev', 'satpaev']),
  street('abylai-khan', 'almaly', ['абылай хан', 'абылай хана', 'abylai khan', 'ablai khan']),
  street('zhibek-zholy', null, ['жибек жол', 'жібек жол', 'zhibek zholy']),
  street('zheltoksan', 'almaly', ['желтоксан', 'желтоқсан', 'zheltoksan']),
  street('panfilov', 'almaly', ['панфилов', 'panfilov']),
  street('gagarin', 'bostandyk', ['гагарин', 'gagarin']),
  street('baizakov', null, ['байзаков', 'baizakov']),
  street('zhunisov', 'nauryzbay', ['жунисов', 'жүнісов', 'zhunisov']),
  street('utegen-batyr', 'auezov', ['утеген', 'өтеген', 'utegen']),
  street('shalyapin', null, ['шаляпин', 'shalyapin']),
  street('navoi', 'bostandyk', ['навои', 'navoi']),
  street('auezov-street', null, ['ауэзова', 'әуезов көше', 'ауезова']),
  street('severnoe-koltso', 'alatau', ['северн кольц', 'солтүстік айналм', 'northern ring']),
  street('vostochnaya-obezdnaya', null, ['восточн объездн', 'шығыс айналма']),
  street('kuldzhinsky-trakt', null, ['кульджинск', 'құлжа жол', 'kuldzha']),
  street('kabanbay', null, ['кабанбай', 'қабанбай', 'kabanbay']),
  street('bogenbay', null, ['богенбай', 'бөгенбай', 'bogenbay']),
  street('zhambyl', null, ['жамбыл', 'zhambyl']),
  street('baitursynuly', null, ['байтурсын', 'байтұрсын', 'baitursyn']),
  street('toraigyrov', 'bostandyk', ['торайгыров', 'toraigyrov']),
  street('nauryzbay-batyr', null, ['наурызбай батыр', 'nauryzbay batyr']),
  street('bukhar-zhyrau', null, ['бухар жырау', 'бұқар жырау', 'bukhar zhyrau']),
  street('zhubanov', 'auezov', ['жубанов', 'жұбанов', 'zhubanov']),
  street('makataev', null, ['макатаев', 'мақатаев', 'makataev']),
  street('pushkin', null, ['пушкин', 'pushkin']),

  landmark('barakholka', 'alatau', ['барахолк', 'барахолк', 'barakholk', 'baraholk']),
  landmark('green-bazaar', 'medeu', ['зелен базар', 'зеленого базар', 'көк базар', 'green bazaar', 'kok bazar']),
  landmark('central-park', 'medeu', ['центральн парк', 'парк горьк', 'орталық саябақ', 'горький атындағы', 'central park', 'gorky park']),
  landmark('botanical-garden', 'bostandyk', ['ботаническ сад', 'ботаникалық бақ', 'botanical garden', 'botanic garden']),
  landmark('kok-tobe', 'medeu', ['коктобе', 'кок тобе', 'көктөбе', 'көк төбе', 'kok tobe', 'koktobe']),
  landmark('medeu-rink', 'medeu', ['медеу', 'medeu', 'medeo']),
  landmark('shymbulak', 'medeu', ['шымбулак', 'шымбұлақ', 'shymbulak', 'chimbulak']),
  landmark('airport', 'turksib', ['аэропорт', 'әуежай', 'airport']),
  landmark('sayakhat', 'zhetysu', ['саяхат', 'sayakhat']),
  landmark('dostyk-plaza', 'medeu', ['достык плаза', 'достық плаза', 'dostyk plaza']),
  landmark('esentai', null, ['есентай', 'esentai']),
  landmark('terrenkur', 'bostandyk', ['терренкур', 'terrenkur']),
  landmark('first-president-park', 'bostandyk', ['парк первого президент', 'тұңғыш президент саябағ', 'first president park']),
  landmark('republic-square', null, ['площад республик', 'республика алаң', 'republic square']),
  landmark('almaty-arena', 'alatau', ['алматы арена', 'almaty arena']),
  landmark('atakent', 'bostandyk', ['атакент', 'atakent']),
  landmark('almaty-1-station', 'turksib', ['алматы 1', 'алматы-1', 'almaty 1']),
  landmark('almaty-2-station', 'almaly', ['алматы 2', 'алматы-2', 'almaty 2']),
  landmark('mega', 'bostandyk', ['мега альм', 'мега центр', 'mega alma']),
  landmark('big-almaty-lake', null, ['большое алматинск озер', 'үлкен алматы көл', 'big almaty lake']),

  metro('metro-raiymbek', null, ['метро райымбек', 'станц райымбек', 'райымбек батыр бекет']),
  metro('metro-zhibek-zholy', null, ['метро жибек', 'станц жибек', 'жібек жолы бекет']),
  metro('metro-almaly', 'almaly', ['метро алмалы', 'станц алмалы', 'алмалы бекет']),
  metro('metro-abay', 'almaly', ['метро абай', 'станц абай', 'абай бекет', 'abay metro', 'abay station']),
  metro('metro-baikonur', 'almaly', ['байконур', 'байқоңыр', 'baikonur']),
  metro('metro-auezov-theatre', null, ['метро драмтеатр', 'театр ауэзов', 'театр им ауэзов', 'әуезов театр']),
  metro('metro-alatau', 'bostandyk', ['метро алатау', 'станц алатау', 'алатау бекет', 'alatau metro', 'alatau station']),
  metro('metro-sairan', 'auezov', ['метро сайран', 'станц сайран', 'станции сайран', 'сайран бекет', 'sairan metro', 'sairan station']),
  metro('metro-moskva', 'auezov', ['метро москва', 'станц москва', 'станции метро москва', 'мәскеу метро', 'мәскеу бекет', 'moskva metro', 'moskva station', 'moscow metro', 'moscow station']),
  metro('metro-saryarka', 'auezov', ['сарыарка', 'сарыарқа', 'saryarka']),
  metro('metro-momyshuly', 'auezov', ['метро момышул', 'станц момышул', 'момышұлы бекет', 'momyshuly metro', 'momyshuly station']),
];
