import { FIRST_NAMES } from '../../../shared/data/firstNames';
import type { Channel } from '../../../shared/domain';

/** The name the speaker reads out: a first name only, and whether a producer should check it. */
export interface OnAirName {
  firstName: string;
  /** The rule was not sure which word is the first name: the producer is asked before air. */
  toCheck: boolean;
}

// Names are compared as typed on a Russian keyboard: Kazakh letters and ё folded, lower case.
const NAME_FOLD: Readonly<Record<string, string>> = {
  ё: 'е', ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и',
};
// The soft sign too: Kazakh spelling drops it (Гүлмира, Гульмира).
function foldName(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/ь/gu, '')
    .replace(/[ёәғқңөұүһі]/gu, (ch) => NAME_FOLD[ch] ?? ch);
}

const KNOWN_FIRST_NAMES = new Set(FIRST_NAMES.map(foldName));

// Russian patronymics and Kazakh ones written as one word (Болатұлы, Болатқызы), folded.
const PATRONYMIC = /.{2,}(?:ович|евич|ьич|овна|евна|ична|улы|кызы|uly|kyzy|ovich|evich|ovna|evna)$/u;
// Kazakh patronymic written as two words: "Болат ұлы", "Болат қызы".
const PATRONYMIC_WORD = /^(?:улы|кызы|uly|kyzy)$/u;
// Surname endings (Сейткалиева, Назарбаев, Ким is not caught: then the order decides and asks).
const SURNAME =
  /.{2,}(?:ов|ова|ев|ева|ин|ина|ын|ына|ский|ская|цкий|цкая|ской|енко|ук|юк|ых|их|ov|ova|ev|eva|in|ina|sky|skiy|skaya|enko)$/u;
// What people and intake write when there is no name: nothing to read out, nothing to check.
const NO_NAME = new Set(['аноним', 'анонимно', 'anonymous', 'anon', 'без', 'имени', 'белгисиз', 'житель', 'жительница']);
// Forms of address written with the name ("Гүлмира апай", "Ерлан аға"): never the name itself. Folded.
const ADDRESS = new Set([
  'апа', 'апай', 'ага', 'агай', 'ата', 'аже', 'мирза', 'мырза', 'ханым', 'тате', 'господин', 'госпожа', 'гн', 'гжа',
  'тетя', 'дядя', 'бабушка', 'дедушка', 'mr', 'mrs', 'ms',
]);

type Role = 'patronymic' | 'surname' | 'known' | 'unknown';

interface Word {
  text: string;
  role: Role;
}

// Everyday capitalisation of a name typed in capitals or in lower case ("АЙГЕРИМ" → "Айгерим").
function asName(word: string): string {
  if (word !== word.toUpperCase() && word !== word.toLowerCase()) return word;
  return word
    .toLowerCase()
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
}

function roleOf(folded: string): Role {
  if (KNOWN_FIRST_NAMES.has(folded)) return 'known';
  if (PATRONYMIC.test(folded)) return 'patronymic';
  if (SURNAME.test(folded)) return 'surname';
  return 'unknown';
}

/** The words of a name: letters and hyphens only; initials ("И.") and handles dropped. */
function wordsOf(senderName: string): Word[] {
  const words: Word[] = [];
  for (const raw of senderName.normalize('NFC').split(/[\s,;.]+/u)) {
    if (/[@\d]/u.test(raw)) continue;
    const text = raw.replace(/[^\p{L}\p{M}'’-]/gu, '').replace(/^[-'’]+|[-'’]+$/gu, '');
    if ([...text].length < 2) continue;
    const folded = foldName(text);
    const previous = words.at(-1);
    if (PATRONYMIC_WORD.test(folded) && previous) {
      previous.role = 'patronymic';
      continue;
    }
    words.push({ text, role: roleOf(folded) });
  }
  return words;
}

const sure = (word: Word): OnAirName => ({ firstName: asName(word.text), toCheck: false });
const unsure = (word: Word | undefined): OnAirName => ({ firstName: word ? asName(word.text) : '', toCheck: true });

/**
 * Call centres and CSV exports write "Фамилия Имя Отчество"; people writing themselves mostly put
 * the first name first. When nothing else tells, that decides — and the producer is asked.
 */
export function surnameFirstByDefault(channel: Channel): boolean {
  return channel === 'csv' || channel === 'phone';
}

/**
 * The first name in a sender's name: "Сейткали Айгерим Болатовна" → Айгерим, "Айгерим Сейткали" →
 * Айгерим, "Нұрланұлы Айдар" → Айдар. A patronymic marks the word before it; a surname ending or
 * a listed given name tells the order; otherwise `surnameFirst` guesses and the name is to check.
 * Never returns a word read as a surname or patronymic as sure.
 */
export function parseOnAirName(senderName: string, surnameFirst: boolean): OnAirName {
  const all = wordsOf(senderName);
  const words = all.filter((w) => !NO_NAME.has(foldName(w.text)) && !ADDRESS.has(foldName(w.text).replace(/-/gu, '')));
  // No name given (or only "Аноним"): nothing to read out; a name made only of initials or a
  // handle is asked about.
  if (words.length === 0) return { firstName: '', toCheck: all.length === 0 && senderName.trim().length > 0 };
  // "Нұрланұлы Айдар": written first, a -ұлы/-ович word is a surname.
  if (words[0]!.role === 'patronymic') words[0]!.role = 'surname';

  // Фамилия Имя Отчество, Имя Отчество Фамилия, Имя Отчество: the first name precedes the patronymic.
  const patronymic = words.findIndex((w) => w.role === 'patronymic');
  if (patronymic > 0) {
    const before = words[patronymic - 1]!;
    return before.role === 'known' || before.role === 'unknown' ? sure(before) : unsure(undefined);
  }

  const names = words.filter((w) => w.role === 'known' || w.role === 'unknown');
  const known = names.filter((w) => w.role === 'known');
  if (names.length === 0) return unsure(undefined);
  if (words.length === 1) return known.length === 1 ? sure(words[0]!) : unsure(words[0]);
  // A listed given name next to surnames or unlisted words ("Жаксыбекова Айгерим"), or the one
  // word that is no surname ("Петров Зуфар").
  if (known.length === 1) return sure(known[0]!);
  if (names.length === 1) return sure(names[0]!);
  // Nothing tells the order ("Сейткали Айгерим": both are given names): guess and ask.
  const guess = surnameFirst ? words[1]! : words[0]!;
  return unsure(names.includes(guess) ? guess : names[0]);
}
