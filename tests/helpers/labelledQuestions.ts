import { readFileSync } from 'node:fs';
import type { District, Language } from '../../shared/domain';

/** One hand-labelled question of tests/fixtures/grouping (see its description). */
export interface LabelledQuestion {
  text: string;
  /** Questions with the same group ask the same thing at the same place. */
  group: string;
  /** A duplicate group with its planted hard negatives; the split kept families whole. */
  family: string;
  language: Language;
  topic: string;
  /** Set only where the text names a district or a place in one. */
  district: District | null;
}

export function labelledSet(part: 'tuning' | 'heldout'): LabelledQuestion[] {
  const url = new URL(`../fixtures/grouping/${part}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { questions: LabelledQuestion[] }).questions;
}

export interface PairScores {
  precision: number;
  recall: number;
  /** Recall over labelled pairs of one Russian and one Kazakh question. */
  ruKkRecall: number;
  /** Recall over labelled pairs with an English question. */
  enRecall: number;
  /** Pairs put together that are labelled different: what a producer would find hidden in a group. */
  wrong: Array<[string, string]>;
}

/** Pairwise precision and recall of predicted groups (one id per question) against the labels. */
export function pairScores(questions: readonly LabelledQuestion[], ids: readonly number[]): PairScores {
  let truePairs = 0;
  let predicted = 0;
  let correct = 0;
  let ruKk = 0;
  let ruKkFound = 0;
  let en = 0;
  let enFound = 0;
  const wrong: Array<[string, string]> = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const a = questions[i]!;
      const b = questions[j]!;
      const same = a.group === b.group;
      const together = ids[i] === ids[j];
      if (same) truePairs++;
      if (together) predicted++;
      if (same && together) correct++;
      if (together && !same) wrong.push([a.text, b.text]);
      if (same && a.language !== b.language && a.language !== 'en' && b.language !== 'en') {
        ruKk++;
        if (together) ruKkFound++;
      }
      if (same && (a.language === 'en' || b.language === 'en') && a.language !== b.language) {
        en++;
        if (together) enFound++;
      }
    }
  }
  return {
    precision: predicted === 0 ? 1 : correct / predicted,
    recall: truePairs === 0 ? 1 : correct / truePairs,
    ruKkRecall: ruKk === 0 ? 1 : ruKkFound / ruKk,
    enRecall: en === 0 ? 1 : enFound / en,
    wrong,
  };
}
