import type { Db } from './db';
import { prepared } from './statements';

/** A question that shares a blocking key with a new arrival, and the group it is in. */
export interface GroupCandidate {
  questionId: number;
  groupId: number;
}

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

const ADD_KEY = `INSERT OR IGNORE INTO group_key (key, question_id, group_id) VALUES (@key, @questionId, @groupId)`;
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

const GROW_RETURNING = `UPDATE question_group SET size = size + 1 WHERE id = @groupId RETURNING size`;

/**
 * Counts a new question (its group_id already set by the caller) into a group; returns the
 * group's new size.
 */
export function growGroup(db: Db, groupId: number): number {
  return (prepared(db, GROW_RETURNING).get({ groupId }) as { size: number }).size;
}

/** Stores a question's fingerprint and files it under its blocking keys, in its group. */
export function saveFingerprint(db: Db, questionId: number, groupId: number, fingerprint: string, keys: readonly string[]): void {
  prepared(db, SAVE_FINGERPRINT).run({ questionId, fingerprint });
  for (const key of keys) prepared(db, ADD_KEY).run({ key, questionId, groupId });
}

// The same query read as [questionId, groupId] arrays (a statement of its own, so that no other
// user of CANDIDATES is switched to arrays): an object per row cost more than reading the row.
const CANDIDATES_RAW = `${CANDIDATES} -- raw`;

/** Questions sharing any of `keys`, each once, newest first per key. */
export function findCandidates(db: Db, keys: readonly string[], perKey = CANDIDATES_PER_KEY): GroupCandidate[] {
  const seen = new Map<number, GroupCandidate>();
  const statement = prepared(db, CANDIDATES_RAW).raw(true);
  for (const key of keys) {
    for (const [questionId, groupId] of statement.all({ key, limit: perKey }) as Array<[number, number]>) {
      seen.set(questionId, { questionId, groupId });
    }
  }
  return [...seen.values()];
}

// The newest members of a group with their stored fingerprints and texts (a fingerprint from an
// older algorithm is recomputed from the text), read from the (group_id, id) index.
const MEMBERS = `
  SELECT q.id AS questionId, q.original_text AS text, f.fingerprint AS fingerprint
  FROM question q
  LEFT JOIN question_fingerprint f ON f.question_id = q.id
  WHERE q.group_id = @groupId
  ORDER BY q.id DESC
  LIMIT @limit
`;

export interface GroupMemberRow {
  questionId: number;
  text: string;
  fingerprint: string | null;
}

/** The newest `limit` members of a group, newest first. */
export function newestMembers(db: Db, groupId: number, limit: number): GroupMemberRow[] {
  return prepared(db, MEMBERS).all({ groupId, limit }) as GroupMemberRow[];
}

/** A producer's decision about a question and a group (see migration 0110). */
export type GroupEvidenceKind = 'split' | 'merge';

const ADD_EVIDENCE = `
  INSERT OR IGNORE INTO group_evidence (question_id, group_id, kind) VALUES (@questionId, @groupId, @kind)
`;
const REMOVE_EVIDENCE = `DELETE FROM group_evidence WHERE question_id = @questionId AND kind = @kind AND group_id = @groupId`;
const EVIDENCE = `SELECT group_id AS groupId FROM group_evidence WHERE question_id = @questionId AND kind = @kind`;

export function addGroupEvidence(db: Db, questionId: number, groupId: number, kind: GroupEvidenceKind): void {
  prepared(db, ADD_EVIDENCE).run({ questionId, groupId, kind });
}

/** Withdraws a decision (the producer undid it). */
export function removeGroupEvidence(db: Db, questionId: number, groupId: number, kind: GroupEvidenceKind): void {
  prepared(db, REMOVE_EVIDENCE).run({ questionId, groupId, kind });
}

/** The groups a question was split out of, or merged into, by a producer. */
export function groupEvidence(db: Db, questionId: number, kind: GroupEvidenceKind): number[] {
  return (prepared(db, EVIDENCE).all({ questionId, kind }) as Array<{ groupId: number }>).map((r) => r.groupId);
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
