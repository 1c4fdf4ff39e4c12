import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PERSONAL_DATA_MASK,
  findPersonalData,
  isValidIin,
  maskPersonalData,
} from '../../../electron/core/analysis/personalData';

// Check digits worked out by hand with the published algorithm (weights 1..11, then 3..11,1,2).
const IIN_1987 = '870101300019';
const IIN_SECOND_WEIGHTS = '870101301802';
const BIN_2001 = '200140000004';

function kinds(text: string): Array<[string, string]> {
  return findPersonalData(text).map((s) => [s.kind, s.value]);
}

describe('findPersonalData: phones', () => {
  it.each([
    '+7 701 123 45 67',
    '8 (701) 123-45-67',
    '87011234567',
    '+77011234567',
    '7011234567',
    '+7 727 250 12 34',
    '8-727-2501234',
    '8 (7212) 12-34-56',
    '+7(708)1234567',
    '8 777 1234567',
  ])('finds the Kazakh number written as %s', (phone) => {
    const text = `Мой номер ${phone}, перезвоните пожалуйста`;
    expect(findPersonalData(text)).toEqual([
      { kind: 'phone', start: 10, end: 10 + phone.length, value: phone },
    ]);
  });

  it('finds every number of a comma-separated list, not one span swallowing the next', () => {
    expect(kinds('тел 87011234567,87021234567')).toEqual([
      ['phone', '87011234567'],
      ['phone', '87021234567'],
    ]);
    expect(kinds('Звоните 8 (701) 123-45-67, 87011234567 или +7 727 250 12 34, 7011234567')).toEqual([
      ['phone', '8 (701) 123-45-67'],
      ['phone', '87011234567'],
      ['phone', '+7 727 250 12 34'],
      ['phone', '7011234567'],
    ]);
  });

  it('splits two numbers written one after the other with spaces', () => {
    expect(kinds('8 701 123 45 67 8 702 765 43 21')).toEqual([
      ['phone', '8 701 123 45 67'],
      ['phone', '8 702 765 43 21'],
    ]);
  });

  it('finds an Almaty landline written without the city code', () => {
    expect(kinds('Домашний 250-12-34, звонить после 18:30')).toEqual([['phone', '250-12-34']]);
  });

  it('finds Russian and neighbouring countries’ numbers written with +', () => {
    expect(kinds('сын в Москве +7 916 123-45-67, брат +996 555 123 456')).toEqual([
      ['phone', '+7 916 123-45-67'],
      ['phone', '+996 555 123 456'],
    ]);
  });

  it('leaves years, money, addresses, dates and times alone', () => {
    expect(
      findPersonalData(
        'Дом 12, кв 45, в 2023-2024 годах собрали 1 500 000 тенге, встреча 12.03.2025 в 18:30, маршрут 92',
      ),
    ).toEqual([]);
  });
});

describe('findPersonalData: IIN and BIN', () => {
  it('reports a valid IIN starting with 87 as an IIN, not a phone', () => {
    expect(findPersonalData(`Мой ИИН ${IIN_1987}`)).toEqual([
      { kind: 'iin', start: 8, end: 20, value: IIN_1987 },
    ]);
  });

  it('finds an IIN written against a word', () => {
    expect(kinds(`ИИН${IIN_1987}.`)).toEqual([['iin', IIN_1987]]);
  });

  it('accepts an IIN whose check digit needs the second set of weights', () => {
    expect(kinds(`ИИН: ${IIN_SECOND_WEIGHTS}`)).toEqual([['iin', IIN_SECOND_WEIGHTS]]);
  });

  it('reports a company BIN as an IIN', () => {
    expect(kinds(`ТОО, БИН ${BIN_2001}`)).toEqual([['iin', BIN_2001]]);
  });

  it('ignores 12 digits with a wrong check digit', () => {
    expect(findPersonalData('ИИН 870101300018')).toEqual([]);
  });

  it('ignores 12 digits whose check digit comes out as 10 with both sets of weights', () => {
    expect(findPersonalData('номер 870101301840')).toEqual([]);
  });

  it('ignores a run of more than 12 digits', () => {
    expect(findPersonalData(`счёт 4${IIN_1987}`)).toEqual([]);
  });
});

describe('isValidIin', () => {
  it('accepts valid IINs and BINs', () => {
    for (const iin of [IIN_1987, IIN_SECOND_WEIGHTS, '951225400129', '010203501234', BIN_2001]) {
      expect(isValidIin(iin)).toBe(true);
    }
  });

  it('rejects a correct check digit on an impossible date or century digit', () => {
    // Month 13; then a century digit 9 with no BIN entity type either.
    expect(isValidIin('871301300019')).toBe(false);
    expect(isValidIin('870101900017')).toBe(false);
  });

  it('rejects anything but 12 digits', () => {
    expect(isValidIin('87010130001')).toBe(false);
    expect(isValidIin('8701013000190')).toBe(false);
    expect(isValidIin('87010130001a')).toBe(false);
  });
});

describe('findPersonalData: e-mail', () => {
  it('finds Latin and Cyrillic addresses without the sentence’s full stop', () => {
    expect(kinds('Пишите на aigerim.k-87@mail.kz или иван@почта.рф.')).toEqual([
      ['email', 'aigerim.k-87@mail.kz'],
      ['email', 'иван@почта.рф'],
    ]);
  });

  it('reports digits inside an address as part of the address, not as a phone', () => {
    expect(kinds('user87011234567@gmail.com')).toEqual([['email', 'user87011234567@gmail.com']]);
  });

  it('ignores an @ that is no address', () => {
    expect(findPersonalData('встреча @ 18:00, канал @akimat_almaty')).toEqual([]);
  });

  it('stays fast on a long message with no address in it', () => {
    const text = `${'а'.repeat(200_000)}@`;
    const started = performance.now();
    expect(findPersonalData(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('findPersonalData: spans', () => {
  const fragments = [
    'Здравствуйте, ',
    '+7 701 123 45 67',
    ' и ',
    IIN_1987,
    ', ',
    'a.b@mail.kz',
    ' дом 12 ',
    '8 (727) 250-12-34',
    ' Абай даңғылы ',
    '2024',
  ];

  it('returns sorted, non-overlapping spans whose value is the text they cover', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const spans = findPersonalData(text);
        spans.forEach((span, i) => {
          expect(span.value).toBe(text.slice(span.start, span.end));
          const next = spans[i + 1];
          if (next) expect(next.start).toBeGreaterThanOrEqual(span.end);
        });
      }),
    );
  });
});

describe('maskPersonalData', () => {
  it('replaces each phone, IIN and address with the mask and keeps the question', () => {
    expect(
      maskPersonalData(`Когда дадут тепло? Аксай-4, тел 8 701 123 45 67, ИИН ${IIN_1987}, a.b@mail.kz`),
    ).toBe(`Когда дадут тепло? Аксай-4, тел ${PERSONAL_DATA_MASK}, ИИН ${PERSONAL_DATA_MASK}, ${PERSONAL_DATA_MASK}`);
  });

  it('returns a question without personal data unchanged', () => {
    const text = 'Абай даңғылы қашан жөнделеді? 2024 жылдан бері жөндеу жүріп жатыр.';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('never leaves a digit of a found phone on screen', () => {
    const masked = maskPersonalData('тел 87011234567,87021234567; ещё +7 727 250 12 34');
    expect(masked).not.toMatch(/\d/);
  });
});
