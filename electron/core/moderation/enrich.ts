import type { Question, Suggestions, SuggestionRule } from '../../../shared/protocol';
import { computeFlags } from '../analysis/flags';
import { findPersonalData } from '../analysis/personalData';
import {
  assignGroup,
  candidateKeys,
  fingerprint,
  isFingerprint,
  type Fingerprint,
  type GroupSample,
} from '../analysis/similarity';
import type { Db } from '../store/db';
import {
  createGroup,
  findCandidates,
  groupEvidence,
  growGroup,
  newestMembers,
  saveFingerprint,
  type GroupMemberRow,
} from '../store/groups';
import { setIntakeAnalysis } from '../store/questions';
import { joinActiveGroup } from './groupItem';

export interface EnrichDeps {
  now: () => number;
  rules: () => readonly SuggestionRule[];
  suggest: (text: string, rules: readonly SuggestionRule[]) => Suggestions;
}

/**
 * A group is judged by its newest few members ("most of them match"): comparing an arrival with
 * all 37 members of a big group costs 37 comparisons and decides the same.
 */
const MEMBERS_PER_GROUP = 5;
/** Groups looked at per arrival, newest first: with the blocking keys, what bounds the cost. */
const GROUPS_PER_ARRIVAL = 24;

// Parsed fingerprints of recent group members, by the JSON they were parsed from: a member is
// compared with many arrivals, and parsing and checking its JSON each time cost more than the
// comparison. The stored JSON is still read for each member and must match the entry, so an
// entry can never stand for a fingerprint other than the stored one (after a rollback, say).
const PARSED_CACHE_SIZE = 4096;
const parsedCache = new Map<number, { json: string; fingerprint: Fingerprint | null }>();

function parsedFingerprint(questionId: number, json: string): Fingerprint | null {
  const hit = parsedCache.get(questionId);
  if (hit?.json === json) return hit.fingerprint;
  const parsed: unknown = JSON.parse(json);
  const fp = isFingerprint(parsed) ? parsed : null;
  parsedCache.delete(questionId);
  parsedCache.set(questionId, { json, fingerprint: fp });
  // Oldest first: candidates are the newest questions, so the oldest entries go.
  if (parsedCache.size > PARSED_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value!);
  return fp;
}

// A member analysed by an older algorithm is analysed again from its text and stored, once.
function memberFingerprint(db: Db, groupId: number, row: GroupMemberRow): Fingerprint {
  const stored = row.fingerprint === null ? null : parsedFingerprint(row.questionId, row.fingerprint);
  if (stored) return stored;
  const fresh = fingerprint(withoutPersonalData(row.text));
  saveFingerprint(db, row.questionId, groupId, JSON.stringify(fresh), candidateKeys(fresh));
  return fresh;
}

/** The groups an arrival may join: those of earlier questions sharing a blocking key, newest first. */
function sampleGroups(db: Db, questionId: number, keys: readonly string[]): GroupSample[] {
  const groupIds: number[] = [];
  for (const c of findCandidates(db, keys).sort((a, b) => b.questionId - a.questionId)) {
    if (c.questionId === questionId || groupIds.includes(c.groupId)) continue;
    groupIds.push(c.groupId);
    if (groupIds.length >= GROUPS_PER_ARRIVAL) break;
  }
  return groupIds.map((id) => ({
    id,
    members: newestMembers(db, id, MEMBERS_PER_GROUP + 1)
      .filter((row) => row.questionId !== questionId)
      .slice(0, MEMBERS_PER_GROUP)
      .map((row) => ({
        fingerprint: memberFingerprint(db, id, row),
        producerMerged: groupEvidence(db, row.questionId, 'merge').includes(id),
        splitFrom: groupEvidence(db, row.questionId, 'split'),
      })),
  }));
}

/** The group a new question joins (see assignGroup), or a new group of its own. */
export function groupFor(db: Db, questionId: number, fp: Fingerprint, keys: readonly string[], now: number): number {
  return assignGroup(fp, sampleGroups(db, questionId, keys)) ?? createGroup(db, questionId, now);
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

/**
 * Intake's `onInserted` hook: flags, suggestions and near-duplicate grouping, written in the
 * same transaction as the question, so a question is never visible half-analysed. A late asker
 * of a question already taken up joins it (see `joinActiveGroup`).
 */
export function createEnrichment(deps: EnrichDeps): (db: Db, question: Question) => Question {
  return (db, question) => {
    const text = question.originalText;
    const flags = computeFlags(text);
    const fp = fingerprint(withoutPersonalData(text), question.language);
    const suggestions = suggestionsFor(deps.suggest(text, deps.rules()), fp);
    const keys = candidateKeys(fp);
    const groupId = groupFor(db, question.id, fp, keys, deps.now());
    const analysed = setIntakeAnalysis(db, question, { flags, suggestions, groupId, groupSize: growGroup(db, groupId) });
    saveFingerprint(db, question.id, groupId, JSON.stringify(fp), keys);
    return joinActiveGroup(db, deps.now(), analysed);
  };
}
