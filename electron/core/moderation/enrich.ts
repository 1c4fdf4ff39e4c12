import type { Question, Suggestions, SuggestionRule } from '../../../shared/protocol';
import { computeFlags } from '../analysis/flags';
import { findPersonalData } from '../analysis/personalData';
import { assignGroup, candidateKeys, fingerprint, isFingerprint, type Fingerprint } from '../analysis/similarity';
import type { Db } from '../store/db';
import { createGroup, findCandidates, growGroup, readFingerprint, saveFingerprint } from '../store/groups';
import { setIntakeAnalysis } from '../store/questions';

export interface EnrichDeps {
  now: () => number;
  rules: () => readonly SuggestionRule[];
  suggest: (text: string, rules: readonly SuggestionRule[]) => Suggestions;
}

/**
 * A big group ("asked by 37 people") is represented by its newest few members: comparing an
 * arrival with all 37 costs 37 comparisons and decides the same.
 */
const MEMBERS_PER_GROUP = 4;

// Parsed fingerprints of recent group members, by the JSON they were parsed from: a member is
// compared with many arrivals, and parsing and checking its JSON each time cost more than the
// comparison. The stored JSON is still read for each candidate and must match the entry, so an
// entry can never stand for a fingerprint other than the stored one (after a rollback, say).
const PARSED_CACHE_SIZE = 4096;
const parsedCache = new Map<number, { json: string; fingerprint: Fingerprint | null }>();

function parsedFingerprint(questionId: number, json: string): Fingerprint | null {
  const hit = parsedCache.get(questionId);
  if (hit?.json === json) return hit.fingerprint;
  const parsed: unknown = JSON.parse(json);
  // A fingerprint from an older algorithm is skipped rather than compared wrongly.
  const fingerprint = isFingerprint(parsed) ? parsed : null;
  parsedCache.delete(questionId);
  parsedCache.set(questionId, { json, fingerprint });
  // Oldest first: candidates are the newest questions, so the oldest entries go.
  if (parsedCache.size > PARSED_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value!);
  return fingerprint;
}

/** The group a new question joins: the most similar earlier question sharing a blocking key. */
export function groupFor(db: Db, questionId: number, fp: Fingerprint, keys: readonly string[], now: number): number {
  const candidates: Array<{ id: number; fingerprint: Fingerprint }> = [];
  const perGroup = new Map<number, number>();
  for (const c of findCandidates(db, keys)) {
    const seen = perGroup.get(c.groupId) ?? 0;
    if (c.questionId === questionId || seen >= MEMBERS_PER_GROUP) continue;
    perGroup.set(c.groupId, seen + 1);
    const stored = readFingerprint(db, c.questionId);
    const parsed = stored === null ? null : parsedFingerprint(c.questionId, stored);
    if (parsed) candidates.push({ id: c.groupId, fingerprint: parsed });
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
    const flags = computeFlags(text);
    const suggestions = deps.suggest(text, deps.rules());
    const fp = fingerprint(withoutPersonalData(text));
    const keys = candidateKeys(fp);
    const groupId = groupFor(db, question.id, fp, keys, deps.now());
    const analysed = setIntakeAnalysis(db, question, { flags, suggestions, groupId, groupSize: growGroup(db, groupId) });
    saveFingerprint(db, question.id, groupId, JSON.stringify(fp), keys);
    return analysed;
  };
}
