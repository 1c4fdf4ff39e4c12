import type { Language } from '../../../shared/domain';
import type { Suggestions, SuggestionRule } from '../../../shared/protocol';
import { computeFlags, type QuestionFlag } from '../analysis/flags';
import { findPersonalData } from '../analysis/personalData';
import { candidateKeys, fingerprint, type Fingerprint } from '../analysis/similarity';
import { suggestFromRules } from './suggest';

/**
 * What a question's text alone says: flags, suggestions, its fingerprint and blocking keys. A
 * pure function of the text and the rules, with no database, so a worker thread can compute it
 * (analysisPool.ts) while the main thread accepts and writes; plain data, so it crosses threads.
 */
export interface TextAnalysis {
  flags: QuestionFlag[];
  suggestions: Suggestions;
  fingerprint: Fingerprint;
  keys: string[];
}

/** A text to analyse and the language it was detected in at intake. */
export interface TextToAnalyse {
  text: string;
  language: Language | null;
}

/** The text without phones, IINs and e-mails: they say who asks, not what is asked. */
export function withoutPersonalData(text: string): string {
  let out = '';
  let cursor = 0;
  for (const span of findPersonalData(text)) {
    out += `${text.slice(cursor, span.start)} `;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/**
 * The rules' suggestions; where the rules name no district, the district of the place the text
 * names, from the gazetteer ("Жетысу-2" lies in Auezov district).
 */
export function suggestionsFor(suggestions: Suggestions, fp: Fingerprint): Suggestions {
  if (suggestions.district !== null || fp.districts.length !== 1) return suggestions;
  return { ...suggestions, district: fp.districts[0]! };
}

export function analyseText({ text, language }: TextToAnalyse, rules: readonly SuggestionRule[]): TextAnalysis {
  const fp = fingerprint(withoutPersonalData(text), language);
  return {
    flags: computeFlags(text),
    suggestions: suggestionsFor(suggestFromRules(text, rules), fp),
    fingerprint: fp,
    keys: candidateKeys(fp),
  };
}
