import type { Db } from './db';
import { prepared } from './statements';

const CREATE = `
  INSERT INTO question_group (lead_id, size, created_at) VALUES (@leadId, 0, @now)
  RETURNING id
`;

const ASSIGN = `UPDATE question SET group_id = @groupId WHERE id = @questionId`;

// Sizes change by one per move, so a group of 10,000 costs what a group of 2 does; the lead
// (oldest member) is looked up again only when the lead itself leaves.
const GROW = `UPDATE question_group SET size = size + 1 WHERE id = @groupId`;
const SHRINK = `
  UPDATE question_group
  SET size = size - 1,
      lead_id = CASE WHEN lead_id = @questionId
        THEN COALESCE((SELECT MIN(id) FROM question WHERE group_id = @groupId), lead_id)
        ELSE lead_id END
  WHERE id = @groupId
`;
const DELETE_EMPTY = `DELETE FROM question_group WHERE id = @groupId AND size <= 0`;

const SAVE_FINGERPRINT = `
  INSERT INTO question_fingerprint (question_id, fingerprint) VALUES (@questionId, @fingerprint)
  ON CONFLICT (question_id) DO UPDATE SET fingerprint = excluded.fingerprint
`;

// All of a question's keys in one statement.
const ADD_KEYS = `
  INSERT OR IGNORE INTO group_key (key, question_id, group_id)
  SELECT value, @questionId, @groupId FROM json_each(@keys)
`;
const MOVE_KEYS = `UPDATE group_key SET group_id = @groupId WHERE question_id = @questionId`;

// Newest questions under one key first, a bounded slice: the cost of grouping an arrival does
// not grow with the size of the database. Fingerprints are read afterwards, only for the few
// members the caller compares with.
/** Exported so a test can check its query plan. */
export const CANDIDATES = `
  SELECT question_id AS questionId, group_id AS groupId
  FROM group_key
  WHERE key = @key
  ORDER BY question_id DESC
  LIMIT @limit
`;

const FINGERPRINT = `SELECT fingerprint FROM question_fingerprint WHERE question_id = @questionId`;

export const CANDIDATES_PER_KEY = 32;

export function createGroup(db: Db, leadId: number, now: number): number {
  return (prepared(db, CREATE).get({ leadId, now }) as { id: number }).id;
}

/** Moves a question into a group and keeps both groups' sizes and leads right. */
export function moveToGroup(db: Db, questionId: number, fromGroupId: number | null, toGroupId: number): void {
  if (fromGroupId === toGroupId) return;
  prepared(db, ASSIGN).run({ questionId, groupId: toGroupId });
  prepared(db, GROW).run({ groupId: toGroupId });
  // A question with no group yet has no blocking keys filed either.
  if (fromGroupId === null) return;
  prepared(db, MOVE_KEYS).run({ questionId, groupId: toGroupId });
  prepared(db, SHRINK).run({ questionId, groupId: fromGroupId });
  prepared(db, DELETE_EMPTY).run({ groupId: fromGroupId });
}

// Two statements: RETURNING cost ten times the update itself (its result goes through a temporary table).
const SIZE = `SELECT size FROM question_group WHERE id = @groupId`;

/**
 * Counts a new question (its group_id already set by the caller) into a group; returns the
 * group's new size.
 */
export function growGroup(db: Db, groupId: number): number {
  prepared(db, GROW).run({ groupId });
  return (prepared(db, SIZE).get({ groupId }) as { size: number }).size;
}

/** Stores a question's fingerprint and files it under its blocking keys, in its group. */
export function saveFingerprint(db: Db, questionId: number, groupId: number, fingerprint: string, keys: readonly string[]): void {
  prepared(db, SAVE_FINGERPRINT).run({ questionId, fingerprint });
  if (keys.length > 0) prepared(db, ADD_KEYS).run({ questionId, groupId, keys: JSON.stringify(keys) });
}

// The same slice as two JSON arrays in one row: a JavaScript array per row (a grouping reads
// dozens per arrival) was most of what grouping allocated.
const CANDIDATES_PACKED = `
  SELECT json_group_array(questionId) AS questionIds, json_group_array(groupId) AS groupIds
  FROM (${CANDIDATES})
`;

/** Questions sharing any of `keys`, each once, newest first per key: question id → its group id. */
export function findCandidates(db: Db, keys: readonly string[], perKey = CANDIDATES_PER_KEY): Map<number, number> {
  const found = new Map<number, number>();
  const statement = prepared(db, CANDIDATES_PACKED);
  for (const key of keys) {
    const row = statement.get({ key, limit: perKey }) as { questionIds: string; groupIds: string };
    const questionIds = JSON.parse(row.questionIds) as number[];
    const groupIds = JSON.parse(row.groupIds) as number[];
    for (let i = 0; i < questionIds.length; i++) found.set(questionIds[i]!, groupIds[i]!);
  }
  return found;
}

// The newest members of each of several groups, from the (group_id, id) index alone, in one
// statement: a statement per group, or reading each member's row, cost an arrival more than the
// comparisons.
const MEMBER_IDS_OF_GROUPS = `
  SELECT g.value AS groupId,
    (SELECT json_group_array(id) FROM (SELECT m.id FROM question m WHERE m.group_id = g.value ORDER BY m.id DESC LIMIT @limit)) AS ids
  FROM json_each(@groupIds) g
`;

/** The ids of the newest `limit` members of each group, newest first, by group id. */
export function newestMemberIds(db: Db, groupIds: readonly number[], limit: number): Map<number, number[]> {
  const rows = prepared(db, MEMBER_IDS_OF_GROUPS).all({ groupIds: JSON.stringify(groupIds), limit }) as Array<{ groupId: number; ids: string }>;
  return new Map(rows.map((row) => [row.groupId, (JSON.parse(row.ids) as number[]).sort((a, b) => b - a)]));
}

const FINGERPRINTS_OF = `
  SELECT question_id AS questionId, fingerprint FROM question_fingerprint
  WHERE question_id IN (SELECT value FROM json_each(@questionIds))
`;

/** The stored fingerprint JSON of each of these questions that has one. */
export function storedFingerprints(db: Db, questionIds: readonly number[]): Map<number, string> {
  if (questionIds.length === 0) return new Map();
  const rows = prepared(db, FINGERPRINTS_OF).all({ questionIds: JSON.stringify(questionIds) }) as Array<{ questionId: number; fingerprint: string }>;
  return new Map(rows.map((row) => [row.questionId, row.fingerprint]));
}

/** A producer's decision about a question and a group (see migration 0110). */
export type GroupEvidenceKind = 'split' | 'merge';

const ADD_EVIDENCE = `
  INSERT OR IGNORE INTO group_evidence (question_id, group_id, kind) VALUES (@questionId, @groupId, @kind)
`;
const REMOVE_EVIDENCE = `DELETE FROM group_evidence WHERE question_id = @questionId AND kind = @kind AND group_id = @groupId`;
const EVIDENCE_OF = `
  SELECT question_id AS questionId, group_id AS groupId, kind FROM group_evidence
  WHERE question_id IN (SELECT value FROM json_each(@questionIds))
`;

export function addGroupEvidence(db: Db, questionId: number, groupId: number, kind: GroupEvidenceKind): void {
  prepared(db, ADD_EVIDENCE).run({ questionId, groupId, kind });
}

/** Withdraws a decision (the producer undid it). */
export function removeGroupEvidence(db: Db, questionId: number, groupId: number, kind: GroupEvidenceKind): void {
  prepared(db, REMOVE_EVIDENCE).run({ questionId, groupId, kind });
}

/** Producers' decisions about any of these questions, in one statement. */
export function groupEvidenceOf(db: Db, questionIds: readonly number[]): Array<{ questionId: number; groupId: number; kind: GroupEvidenceKind }> {
  if (questionIds.length === 0) return [];
  return prepared(db, EVIDENCE_OF).all({ questionIds: JSON.stringify(questionIds) }) as Array<{ questionId: number; groupId: number; kind: GroupEvidenceKind }>;
}

/** The stored fingerprint JSON of one question, if it was analysed. */
export function readFingerprint(db: Db, questionId: number): string | null {
  const row = prepared(db, FINGERPRINT).get({ questionId }) as { fingerprint: string } | undefined;
  return row?.fingerprint ?? null;
}

export function groupExists(db: Db, groupId: number): boolean {
  return prepared(db, `SELECT 1 FROM question_group WHERE id = @groupId`).get({ groupId }) !== undefined;
}

export function groupLeadId(db: Db, groupId: number): number | null {
  const row = prepared(db, `SELECT lead_id AS id FROM question_group WHERE id = @groupId`).get({ groupId }) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

const WAITING_MEMBERS = `
  SELECT id FROM question
  WHERE group_id = @groupId AND status = 'new' AND id != @exceptId
  ORDER BY id
`;

/** Members of a group still waiting for a producer (status new), oldest first, but `exceptId`. */
export function waitingMemberIds(db: Db, groupId: number, exceptId: number): number[] {
  return (prepared(db, WAITING_MEMBERS).all({ groupId, exceptId }) as Array<{ id: number }>).map((r) => r.id);
}

// Approved, queued or on air: the member the show is already dealing with.
const ACTIVE_MEMBER = `
  SELECT id FROM question
  WHERE group_id = @groupId AND status IN ('approved', 'queued', 'on_air') AND id != @exceptId
  ORDER BY id
  LIMIT 1
`;

/** The member of a group the show has taken up (approved, queued or on air), if any. */
export function activeMemberId(db: Db, groupId: number, exceptId: number): number | null {
  const row = prepared(db, ACTIVE_MEMBER).get({ groupId, exceptId }) as { id: number } | undefined;
  return row?.id ?? null;
}
