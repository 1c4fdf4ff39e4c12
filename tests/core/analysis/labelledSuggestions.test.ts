import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../electron/core/analysis/language';
import { fingerprint } from '../../../electron/core/analysis/similarity';
import { suggestionsFor } from '../../../electron/core/moderation/textAnalysis';
import { suggestFromRules } from '../../../electron/core/moderation/suggest';
import { DEFAULT_SUGGESTION_RULES } from '../../../shared/suggestionRules';
import { labelledSet } from '../../helpers/labelledQuestions';

// The floors on the held-out part of the labelled set (tests/fixtures/grouping), with the
// suggestions exactly as intake makes them: the default rules, then the gazetteer's district.
const heldout = labelledSet('heldout');
const suggestionsOf = (text: string) => suggestionsFor(suggestFromRules(text, DEFAULT_SUGGESTION_RULES), fingerprint(text));

describe('suggestions and language on held-out questions', () => {
  it('suggests the right topic for at least 85 %', () => {
    const right = heldout.filter((q) => suggestionsOf(q.text).topic === q.topic).length;
    console.log(`topic (held out): ${(right / heldout.length).toFixed(3)} of ${heldout.length}`);
    expect(right / heldout.length).toBeGreaterThanOrEqual(0.85);
  });

  it('suggests the right district for at least 90 % of the questions that name one', () => {
    const named = heldout.filter((q) => q.district !== null);
    const right = named.filter((q) => suggestionsOf(q.text).district === q.district).length;
    console.log(`district (held out): ${(right / named.length).toFixed(3)} of ${named.length}`);
    expect(named.length).toBeGreaterThanOrEqual(40);
    expect(right / named.length).toBeGreaterThanOrEqual(0.9);
  });

  it('detects the language of at least 97 %', () => {
    const right = heldout.filter((q) => detectLanguage(q.text) === q.language).length;
    console.log(`language (held out): ${(right / heldout.length).toFixed(3)} of ${heldout.length}`);
    expect(right / heldout.length).toBeGreaterThanOrEqual(0.97);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Когда дадут воду в Шұғыле?', 'ru'],
    ['Шугыла шагынауданында су жок кашан косасыздар', 'kk'],
    ['Шұғылада су жоқ', 'kk'],
    ['No water in Aksai-4 since Monday', 'en'],
  ] as const)('reads "%s" as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says nothing for a text with no words', () => {
    expect(detectLanguage('??? 123')).toBeNull();
  });
});
