import { describe, expect, it } from 'vitest';
import { DEFAULT_LONG_TEXT_THRESHOLD, QUESTION_FLAGS, computeFlags } from '../../../electron/core/analysis/flags';

describe('computeFlags', () => {
  it('raises nothing for a clean question', () => {
    expect(computeFlags('Абай даңғылы қашан жөнделеді? Когда закончат ремонт проспекта Абая?')).toEqual([]);
  });

  it('raises every flag once, in the fixed order, whatever order the text has them in', () => {
    const text =
      `пишите a.b@mail.kz, ИИН 870101300019, тел 8 701 123 45 67 и 87021234567, карта 4400 4301 2345 6789, бля, дураки, ` +
      'очень длинно '.repeat(130);
    expect(computeFlags(text)).toEqual(['profanity', 'rude', 'phone', 'iin', 'card', 'email', 'long_text']);
    // Every flag the text can raise: a flood is raised by how messages arrive (intake), not by text.
    expect(computeFlags(text)).toEqual(QUESTION_FLAGS.filter((f) => f !== 'flood'));
  });

  it('raises a flag per kind of personal data found', () => {
    expect(computeFlags('Мой номер +7 701 123 45 67')).toEqual(['phone']);
    expect(computeFlags('ИИН 870101300019')).toEqual(['iin']);
    expect(computeFlags('почта: aigerim@mail.kz')).toEqual(['email']);
  });

  it('raises profanity for Kazakh and disguised words', () => {
    expect(computeFlags('Әкім, қотақ!')).toEqual(['profanity']);
    expect(computeFlags('xyйня какая-то')).toEqual(['profanity']);
  });

  it(`flags text over ${DEFAULT_LONG_TEXT_THRESHOLD} characters as long`, () => {
    expect(computeFlags('а'.repeat(DEFAULT_LONG_TEXT_THRESHOLD))).toEqual([]);
    expect(computeFlags('а'.repeat(DEFAULT_LONG_TEXT_THRESHOLD + 1))).toEqual(['long_text']);
  });

  it('takes the long-text threshold from the options', () => {
    expect(computeFlags('Когда дадут тепло в Аксай-4?', { longTextThreshold: 10 })).toEqual(['long_text']);
  });

  it('counts an emoji as one character, not two', () => {
    expect(computeFlags('😡'.repeat(10), { longTextThreshold: 10 })).toEqual([]);
    expect(computeFlags('😡'.repeat(11), { longTextThreshold: 10 })).toEqual(['long_text']);
  });
});
