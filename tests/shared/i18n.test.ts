import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/domain';
import { createI18n, pickLanguage, resources } from '../../shared/i18n';
import { normalizeText, searchKey } from '../../shared/text';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('has every key in Kazakh, Russian and English', () => {
    const [first, ...rest] = LANGUAGES.map((lang) => keys(resources[lang].translation).sort());
    for (const other of rest) expect(other).toEqual(first);
  });

  it('has no empty strings', () => {
    for (const lang of LANGUAGES) {
      for (const key of keys(resources[lang].translation)) {
        expect(createI18n(lang).t(key), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('picks the requested language from Accept-Language', () => {
    expect(pickLanguage('kk-KZ,ru;q=0.8')).toBe('kk');
    expect(pickLanguage('de-DE,en;q=0.5')).toBe('en');
    expect(pickLanguage(undefined)).toBe('ru');
  });
});

describe('text normalisation', () => {
  it('composes, strips invisible characters and collapses spaces', () => {
    expect(normalizeText('  Қа\u200bлай  \r\n жол?\u0000 ')).toBe('Қалай\nжол?');
  });

  it('folds ё to е for search only', () => {
    expect(searchKey('Ёлка')).toBe('Елка');
    expect(normalizeText('Ёлка')).toBe('Ёлка');
  });
});
