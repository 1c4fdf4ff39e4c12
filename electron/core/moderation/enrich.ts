import type { Question, SuggestionRule } from '../../../shared/protocol';
import { assignGroup, candidateKeys, fingerprint, isFingerprint, type Fingerprint, type GroupSample } from '../analysis/similarity';
import type { Db } from '../store/db';
import {
  createGroup,
  findCandidates,
  groupEvidenceOf,
  growGroup,
  newestMemberIds,
  saveFingerprint,
  storedFingerprints,
} from '../store/groups';
import { getQuestion, setIntakeAnalysis } from '../store/questions';
import { joinActiveGroup } from './groupItem';
import { analyseText, withoutPersonalData, type TextAnalysis } from './textAnalysis';

export interface EnrichDeps {
  now: () => number;
  rules: () => readonly SuggestionRule[];
}

/**
 * A group is judged by its newest few members ("most of them match"): comparing an arrival with
 * all 37 members of a big group costs 37 comparisons and decides the same.
 */
const MEMBERS_PER_GROUP = 5;
/** Groups looked at per arrival, newest first: with the blocking keys, what bounds the cost. */
const GROUPS_PER_ARRIVAL = 24;

// Fingerprints of recent questions, by id, kept by each enrichment (one per database): a member
// is compared with many arrivals, and reading and parsing its stored JSON each time cost more than
// the comparison. Only this enrichment writes fingerprints, and it puts every one it writes here
// before any other arrival can read that question, so an entry is the stored fingerprint; one
// whose commit was rolled back is overwritten when its id is made again.
const CACHED_FINGERPRINTS = 4096;

/** Grouping with a cache of members' fingerprints (see above). */
function createGrouping() {
  const cache = new Map<number, Fingerprint>();
  const remember = (questionId: number, fp: Fingerprint): void => {
    cache.delete(questionId);
    cache.set(questionId, fp);
    // Oldest first: candidates are the newest questions, so the oldest entries go.
    if (cache.size > CACHED_FINGERPRINTS) cache.delete(cache.keys().next().value!);
  };

  const save = (db: Db, questionId: number, groupId: number, fp: Fingerprint, keys: readonly string[]): void => {
    saveFingerprint(db, questionId, groupId, JSON.stringify(fp), keys);
    remember(questionId, fp);
  };

  // A member analysed by an older algorithm (or never) is analysed again from its text and stored, once.
  const memberFingerprint = (db: Db, groupId: number, questionId: number, stored: Map<number, string>): Fingerprint => {
    const hit = cache.get(questionId);
    if (hit) return hit;
    const json = stored.get(questionId);
    const parsed: unknown = json === undefined ? null : JSON.parse(json);
    if (isFingerprint(parsed)) {
      remember(questionId, parsed);
      return parsed;
    }
    const fresh = fingerprint(withoutPersonalData(getQuestion(db, questionId)?.originalText ?? ''));
    save(db, questionId, groupId, fresh, candidateKeys(fresh));
    return fresh;
  };

  /** The groups an arrival may join: those of earlier questions sharing a blocking key, newest first. */
  const sampleGroups = (db: Db, questionId: number, keys: readonly string[]): GroupSample[] => {
    const groupIds: number[] = [];
    const candidates = findCandidates(db, keys);
    // Newest first; a typed array sorts numbers without a comparator's calls and copies.
    for (const candidate of Float64Array.from(candidates.keys()).sort().reverse()) {
      const groupId = candidates.get(candidate)!;
      if (candidate === questionId || groupIds.includes(groupId)) continue;
      groupIds.push(groupId);
      if (groupIds.length >= GROUPS_PER_ARRIVAL) break;
    }
    const idsOf = newestMemberIds(db, groupIds, MEMBERS_PER_GROUP + 1);
    const sampled = groupIds.map((id) => ({
      id,
      memberIds: (idsOf.get(id) ?? []).filter((q) => q !== questionId).slice(0, MEMBERS_PER_GROUP),
    }));
    const sampledIds = sampled.flatMap((g) => g.memberIds);
    const stored = storedFingerprints(db, sampledIds.filter((q) => !cache.has(q)));
    // Producers' decisions are rare: read for every sampled member at once.
    const merged = new Map<number, number[]>();
    const split = new Map<number, number[]>();
    for (const e of groupEvidenceOf(db, sampledIds)) {
      const into = e.kind === 'merge' ? merged : split;
      into.set(e.questionId, [...(into.get(e.questionId) ?? []), e.groupId]);
    }
    return sampled.map(({ id, memberIds }) => ({
      id,
      members: memberIds.map((q) => ({
        fingerprint: memberFingerprint(db, id, q, stored),
        producerMerged: merged.get(q)?.includes(id) ?? false,
        splitFrom: split.get(q) ?? [],
      })),
    }));
  };

  return {
    /** The group a new question joins (see assignGroup), or a new group of its own. */
    groupFor: (db: Db, questionId: number, fp: Fingerprint, keys: readonly string[], now: number): number =>
      assignGroup(fp, sampleGroups(db, questionId, keys)) ?? createGroup(db, questionId, now),
    save,
  };
}

/**
 * Intake's `onInserted` hook: flags, suggestions and near-duplicate grouping, written in the
 * same transaction as the question, so a question is never visible half-analysed. `analysis` is
 * the text's analysis when a worker made it ahead (intake during a storm); otherwise it is made
 * here. A late asker of a question already taken up joins it (see `joinActiveGroup`).
 */
export function createEnrichment(deps: EnrichDeps): (db: Db, question: Question, analysis?: TextAnalysis) => Question {
  const grouping = createGrouping();
  return (db, question, analysis) => {
    const { flags, suggestions, fingerprint: fp, keys } = analysis ?? analyseText({ text: question.originalText, language: question.language }, deps.rules());
    const groupId = grouping.groupFor(db, question.id, fp, keys, deps.now());
    const analysed = setIntakeAnalysis(db, question, { flags, suggestions, groupId, groupSize: growGroup(db, groupId) });
    grouping.save(db, question.id, groupId, fp, keys);
    return joinActiveGroup(db, deps.now(), analysed);
  };
}
