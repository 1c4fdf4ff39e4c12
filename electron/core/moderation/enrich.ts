import type { Question, Suggestions, SuggestionRule } from '../../../shared/protocol';
import { computeFlags } from '../analysis/flags';
import { findPersonalData } from '../analysis/personalData';
import { assignGroup, candidateKeys, fingerprint, isFingerprint, type Fingerprint } from '../analysis/similarity';
import type { Db } from '../store/db';
import { createGroup, findCandidates, moveToGroup, saveFingerprint } from '../store/groups';
import { getQuestion, setAnalysis } from '../store/questions';

export interface EnrichDeps {
  now: () => number;
  rules: () => readonly SuggestionRule[];
  suggest: (text: string, rules: readonly SuggestionRule[]) => Suggestions;
}

/** The group a new question joins: the most similar earlier question sharing a blocking key. */
export function groupFor(db: Db, questionId: number, fp: Fingerprint, keys: readonly string[], now: number): number {
  const candidates: Array<{ id: number; fingerprint: Fingerprint }> = [];
  for (const c of findCandidates(db, keys)) {
    if (c.questionId === questionId) continue;
    const parsed: unknown = JSON.parse(c.fingerprint);
    // A fingerprint from an older algorithm is skipped rather than compared wrongly.
    if (isFingerprint(parsed)) candidates.push({ id: c.groupId, fingerprint: parsed });
  }
  return assignGroup(fp, candidates) ?? createGroup(db, questionId, now);
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
 * Intake's `onInserted` hook: flags, suggestions and near-duplicate grouping, written in the
 * same transaction as the question, so a question is never visible half-analysed.
 */
export function createEnrichment(deps: EnrichDeps): (db: Db, question: Question) => Question {
  return (db, question) => {
    const text = question.originalText;
    setAnalysis(db, question.id, computeFlags(text), deps.suggest(text, deps.rules()));
    const fp = fingerprint(withoutPersonalData(text));
    const keys = candidateKeys(fp);
    const groupId = groupFor(db, question.id, fp, keys, deps.now());
    moveToGroup(db, question.id, null, groupId);
    saveFingerprint(db, question.id, JSON.stringify(fp), keys);
    return getQuestion(db, question.id) ?? question;
  };
}
