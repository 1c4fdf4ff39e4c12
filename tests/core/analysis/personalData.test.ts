import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFlags } from '../../../electron/core/analysis/flags';
import {
  PERSONAL_DATA_MASK,
  findPersonalData,
  isLuhnValid,
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

  it('masks 12 digits in one piece whatever their check digit', () => {
    expect(kinds('ИИН 870101300018')).toEqual([['iin', '870101300018']]);
    expect(kinds('номер 870101301840')).toEqual([['iin', '870101301840']]);
  });

  it.each(['9001 0130 0126', '900101 300126', '900-101-300-126', '9001-0130-0126'])(
    'finds an IIN written in groups as %s',
    (iin) => {
      expect(kinds(`Мой ИИН ${iin}, помогите`)).toEqual([['iin', iin]]);
    },
  );

  it('does not take years in a row for an IIN', () => {
    expect(findPersonalData('в 2023 2024 2025 годах')).toEqual([]);
  });

  it('reads a 12-digit sum of money as money', () => {
    expect(findPersonalData('бюджет 120 000 000 000 тенге, ещё 900101300126 ₸')).toEqual([]);
  });

  it('finds an IIN in one piece after another number', () => {
    expect(kinds('2025 900101300126')).toEqual([['iin', '900101300126']]);
  });
});

describe('findPersonalData: card numbers', () => {
  it.each(['4400 4301 2345 6789', '4400-4301-2345-6789', '4400430123456789', '3782 822463 10005', '2200 1234 5678 9019'])(
    'finds the Luhn-valid card %s',
    (card) => {
      expect(kinds(`карта ${card}, переведите`)).toEqual([['card', card]]);
    },
  );

  it('leaves a 16-digit number that fails the Luhn check whole: no piece of it is masked', () => {
    expect(findPersonalData('карта 4400 4301 2345 6782')).toEqual([]);
  });

  it('reads two phones in a row as phones, not as a card', () => {
    expect(kinds('87011234567 87021234567')).toEqual([
      ['phone', '87011234567'],
      ['phone', '87021234567'],
    ]);
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

// Property tests: personal data generated in every common form, embedded in Russian and Kazakh
// text, is always found with its kind and never survives masking; numbers that are not personal
// (dates, houses, money) are never touched.
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const pad2 = (n: number) => String(n).padStart(2, '0');

/** 12 digits starting with a birth date and a century digit; check digit right or wrong. */
const iinDigits = fc
  .record({
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    dd: fc.integer({ min: 1, max: 28 }),
    century: fc.integer({ min: 1, max: 6 }),
    rest: digits(5),
  })
  .map(({ yy, mm, dd, century, rest }) => `${pad2(yy)}${pad2(mm)}${pad2(dd)}${century}${rest}`);

function grouped(d: string, sizes: readonly number[], sep: string): string {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(d.slice(at, at + size));
    at += size;
  }
  return out.join(sep);
}

const iinWritten = fc.tuple(iinDigits, fc.constantFrom<number[]>([12], [4, 4, 4], [6, 6], [3, 3, 3, 3]), fc.constantFrom(' ', '-', '\u00A0'))
  .map(([d, sizes, sep]) => grouped(d, sizes, sep));

function withLuhnDigit(body: string): string {
  for (let c = 0; c <= 9; c++) if (isLuhnValid(`${body}${c}`)) return `${body}${c}`;
  throw new Error('unreachable');
}

const cardWritten = fc
  .tuple(fc.constantFrom('4400', '4405', '5169', '5522', '2200', '6262'), digits(11), fc.constantFrom(' ', '-', ''))
  .map(([bin, body, sep]) => grouped(withLuhnDigit(`${bin}${body}`), [4, 4, 4, 4], sep));

const kzNational = fc.oneof(
  fc.tuple(fc.constantFrom('700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'), digits(7)).map(([p, d]) => p + d),
  fc.tuple(fc.constantFrom('2', '3'), digits(6)).map(([first, d]) => `727${first}${d}`),
);

const phoneWritten = fc
  .tuple(kzNational, fc.integer({ min: 0, max: 9 }))
  .map(([n, style]) => {
    const [a, b, c, d, e] = [n.slice(0, 3), n.slice(3, 6), n.slice(6, 8), n.slice(8, 10), n.slice(6)];
    const styles = [
      `+7 ${a} ${b} ${c} ${d}`,
      `+7 (${a}) ${b}-${c}-${d}`,
      `8 ${a} ${b} ${c} ${d}`,
      `8(${a})${b}-${c}-${d}`,
      `8${n}`,
      `+7${n}`,
      `+7-${a}-${b}-${c}-${d}`,
      `8-${a}-${b}${e}`,
      `8 (${a}) ${b}${e}`,
      `${a} ${b} ${c} ${d}`,
    ];
    return styles[style]!;
  });

const emailWritten = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._-]{0,10}[a-z0-9]$/),
    fc.constantFrom('mail.kz', 'gmail.com', 'inbox.ru', 'почта.рф', 'akimat.gov.kz'),
  )
  .filter(([local]) => !/[._-]{2}/.test(local))
  .map(([local, domain]) => `${local}@${domain}`);

const FILLERS = [
  'Здравствуйте',
  'когда отремонтируют дорогу на Абая',
  'Сәлеметсіз бе',
  'жол қашан жөнделеді',
  'мой номер',
  'менің нөмірім',
  'ИИН',
  'ЖСН',
  'карта',
  'пишите на',
  'спасибо',
  'рахмет',
];
const NOT_PERSONAL = [
  'дом 12',
  'кв. 45',
  '1 500 000 тенге',
  '250 000 ₸',
  '120 000 000 000 тенге',
  '3 500 тг',
  '12.03.2025',
  '2023-2024 годы',
  'в 18:30',
  'маршрут 92',
  'Абая 150/2',
  'мкр Аксай-4, д. 17',
  '№ 15',
];
const JOINS = [', ', '. ', '; ', ' — ', ' и ', ' және ', '\n'];

type Part = { text: string; kind: 'iin' | 'card' | 'phone' | 'email' | null };
const personal: fc.Arbitrary<Part> = fc.oneof(
  iinWritten.map((text) => ({ text, kind: 'iin' as const })),
  cardWritten.map((text) => ({ text, kind: 'card' as const })),
  phoneWritten.map((text) => ({ text, kind: 'phone' as const })),
  emailWritten.map((text) => ({ text, kind: 'email' as const })),
);
const plain: fc.Arbitrary<Part> = fc.constantFrom(...FILLERS, ...NOT_PERSONAL).map((text) => ({ text, kind: null }));

function assemble(parts: readonly Part[], joins: readonly string[]): { text: string; masked: string } {
  let text = '';
  let masked = '';
  parts.forEach((part, i) => {
    const join = i === 0 ? '' : (joins[i % joins.length] ?? ', ');
    text += join + part.text;
    masked += join + (part.kind ? PERSONAL_DATA_MASK : part.text);
  });
  return { text, masked };
}

describe('personal data in generated Russian and Kazakh text', () => {
  it('finds every IIN, card, phone and e-mail with its kind and masks exactly those', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(personal, plain), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...JOINS), { minLength: 1, maxLength: 8 }),
        (parts, joins) => {
          const { text, masked } = assemble(parts, joins);
          expect(findPersonalData(text).map((s) => s.kind)).toEqual(parts.flatMap((p) => (p.kind ? [p.kind] : [])));
          expect(maskPersonalData(text)).toBe(masked);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never leaves a digit of a generated IIN, card or phone on screen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(personal, fc.constantFrom(...FILLERS).map((text) => ({ text, kind: null }))), { maxLength: 6 }),
        fc.constantFrom(...JOINS),
        (parts, join) => {
          expect(maskPersonalData(parts.map((p) => p.text).join(join))).not.toMatch(/\d/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('raises the flag of each kind found', () => {
    fc.assert(
      fc.property(personal, fc.constantFrom(...FILLERS), (part, filler) => {
        expect(computeFlags(`${filler}: ${part.text}.`)).toContain(part.kind);
      }),
    );
  });

  it('leaves dates, house numbers and sums in tenge alone', () => {
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 10 }), fc.constantFrom(...JOINS), (parts, join) => {
        const text = parts.map((p) => p.text).join(join);
        expect(maskPersonalData(text)).toBe(text);
        expect(computeFlags(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
