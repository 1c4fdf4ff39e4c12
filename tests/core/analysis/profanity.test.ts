import { describe, expect, it } from 'vitest';
import { findProfanity, isProfane } from '../../../electron/core/analysis/profanity';

describe('findProfanity: Russian мат', () => {
  it.each([
    'хуй', 'хуёвый', 'хуйня', 'нахуй', 'похуй', 'охуеть', 'нихуя', 'дохуя',
    'пиздец', 'спиздили', 'распиздяй', 'пизда',
    'ебать', 'ёбаный', 'ебанутый', 'ебло', 'еблан', 'ебнуть', 'ебись', 'заебал', 'наебали',
    'уебок', 'съебался', 'выебу', 'проебали', 'долбоёб',
    'бля', 'блядь', 'блять', 'выблядок',
    'сука', 'суки', 'сукин',
    'мудак', 'мудила', 'пидор', 'пидарас', 'педик', 'залупа', 'гандон', 'гондон', 'шлюха',
    'дрочить', 'мандавошка',
  ])('finds "%s"', (word) => {
    expect(findProfanity(`Вопрос акиму: ${word}, когда это кончится?`)).toEqual([word]);
  });
});

describe('findProfanity: Kazakh боқтық', () => {
  it.each(['қотақ', 'қотағың', 'котак', 'қаншық', 'сігейін', 'сіктім', 'сиктим', 'амыңды'])('finds "%s"', (word) => {
    expect(findProfanity(`Әкім мырза, ${word}!`)).toEqual([word]);
  });

  it('finds the insult by its verb when it starts with "шешеңді"', () => {
    expect(findProfanity('шешеңді сігейін')).toEqual(['сігейін']);
  });
});

describe('findProfanity: disguised spellings', () => {
  it.each([
    ['Latin x and y for х and у', 'xyй'],
    ['Latin c and y in a Cyrillic word', 'сyка'],
    ['a word made only of Latin look-alikes', 'cyka'],
    ['6 for б', '6ля'],
    ['3 for з', '3аебал'],
    ['@ for а', 'сук@'],
    ['Latin i for и', 'пiздец'],
    ['stretched letters', 'бляяяяя'],
    ['stretched and doubled letters', 'сууука'],
    ['capitals', 'ХУЙНЯ'],
    ['mixed case', 'ПиЗдЕц'],
  ])('sees through %s ("%s")', (_what, word) => {
    expect(isProfane(word)).toBe(true);
  });

  it.each(['blyat', 'blya', 'nahuy', 'huy', 'pizdec', 'suka', 'eblan', 'zaebal', 'mudak', 'pidor'])(
    'finds the transliteration "%s"',
    (word) => {
      expect(isProfane(word)).toBe(true);
    },
  );
});

describe('findProfanity: ordinary words', () => {
  it.each([
    // Roots inside ordinary Russian words.
    'небо', 'небесный', 'гребля', 'употреблять', 'потреблять', 'оскорблять', 'оскорбление',
    'колебля', 'хлеб', 'хлебать', 'себе', 'себестоимость', 'ребёнок', 'ребята', 'победа',
    'учеба', 'учебник', 'требуется', 'требую', 'скребу', 'погреб', 'зебра', 'вебинар',
    'похудеть', 'ухудшение', 'выхухоль', 'страхуй', 'застрахуй', 'психуй', 'хулиган', 'худой',
    'хутор', 'сукно', 'сук', 'сучок', 'бляха', 'бляшка', 'педикюр', 'педикулёз', 'мудрый',
    'мудрость', 'гондола', 'мандарин', 'сигарета', 'сигнал', 'сигнализация', 'шлюз',
    'Ебола', 'ебонит', 'оскорбляют', 'застраховать', 'Херсон',
    // Kazakh: "ебін тауып" (found a way), respectful "шешеңді", "көтеру" (to lift), "жалап" (licking).
    'ебін', 'ебі', 'шешеңді', 'шешең', 'көтеру', 'жалап', 'сұрақ', 'қотан', 'сіз', 'сіздің',
    'сірке', 'Амина',
    // Rude but printable: left to the producer.
    'дурак', 'идиот', 'ақымақ', 'говно',
    // English words made of look-alike letters or near a transliteration.
    'ebay', 'hue', 'sukiyaki', 'pizza', 'ebullient', 'hub', 'cake', 'pop',
  ])('does not flag "%s"', (word) => {
    expect(isProfane(word)).toBe(false);
  });

  it('does not flag a real question about Abay avenue in either language', () => {
    expect(
      findProfanity(
        'Здравствуйте! Когда закончат ремонт проспекта Абая? Употреблять такие сроки — оскорблять горожан. ' +
          'Абай даңғылындағы жөндеу жұмыстары қашан аяқталады? Ебін тауып, тезірек бітіріңіздер.',
      ),
    ).toEqual([]);
  });
});

describe('findProfanity: results', () => {
  it('returns each spelling once, as written, in order of first appearance', () => {
    expect(findProfanity('Бля, опять пробки! Сука, бля, когда уже? Сука! СУКА')).toEqual(['Бля', 'Сука', 'бля', 'СУКА']);
  });

  it('finds words next to punctuation, digits and Kazakh letters, where \\b would fail on Cyrillic', () => {
    expect(findProfanity('«хуйня»—это;сука…әкім(пиздец)')).toEqual(['хуйня', 'сука', 'пиздец']);
  });

  it('returns nothing for an empty or clean text', () => {
    expect(findProfanity('')).toEqual([]);
    expect(findProfanity('Когда отремонтируют проспект Абая?')).toEqual([]);
  });
});
