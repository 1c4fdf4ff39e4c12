import type { Db } from './db';
import { prepared } from './statements';

/** A question that shares a blocking key with a new arrival, with its stored fingerprint. */
export interface GroupCandidate {
  questionId: number;
  groupId: number;
  fingerprint: string;
}

const CREATE = `
  INSERT INTO question_group (lead_id, size, created_at) VALUES (@leadId, 0, @now)
  RETURNING id
`;

const ASSIGN = `UPDATE question SET group_id = @groupId WHERE id = @questionId`;

// Size and lead follow the members; a group left empty by a split is removed.
const RECOUNT = `
  UPDATE question_group
  SET size = (SELECT COUNT(*) FROM question WHERE group_id = @groupId),
      lead_id = COALESCE((SELECT MIN(id) FROM question WHERE group_id = @groupId), lead_id)
  WHERE id = @groupId
`;
const DELETE_EMPTY = `DELETE FROM question_group WHERE id = @groupId AND size = 0`;

const SAVE_FINGERPRINT = `
  INSERT INTO question_fingerprint (question_id, fingerprint) VALUES (@questionId, @fingerprint)
  ON CONFLICT (question_id) DO UPDATE SET fingerprint = excluded.fingerprint
`;

const ADD_KEY = `INSERT OR IGNORE INTO group_key (key, question_id) VALUES (@key, @questionId)`;

// Newest questions under one key first, a bounded slice: the cost of grouping an arrival does
// not grow with the size of the database.
/** Exported so a test can check its query plan. */
export const CANDIDATES = `
  SELECT k.question_id AS questionId, q.group_id AS groupId, f.fingerprint
  FROM group_key k
  JOIN question q ON q.id = k.question_id
  JOIN question_fingerprint f ON f.question_id = k.question_id
  WHERE k.key = @key AND q.group_id IS NOT NULL
  ORDER BY k.question_id DESC
  LIMIT @limit
`;

export const CANDIDATES_PER_KEY = 64;

export function createGroup(db: Db, leadId: number, now: number): number {
  return (prepared(db, CREATE).get({ leadId, now }) as { id: number }).id;
}

/** Moves a question into a group and keeps both groups' sizes right. */
export function moveToGroup(db: Db, questionId: number, fromGroupId: number | null, toGroupId: number): void {
  prepared(db, ASSIGN).run({ questionId, groupId: toGroupId });
  recount(db, toGroupId);
  if (fromGroupId !== null && fromGroupId !== toGroupId) recount(db, fromGroupId);
}

function recount(db: Db, groupId: number): void {
  prepared(db, RECOUNT).run({ groupId });
  prepared(db, DELETE_EMPTY).run({ groupId });
}

export function saveFingerprint(db: Db, questionId: number, fingerprint: string, keys: readonly string[]): void {
  prepared(db, SAVE_FINGERPRINT).run({ questionId, fingerprint });
  for (const key of keys) prepared(db, ADD_KEY).run({ key, questionId });
}

/** Questions sharing any of `keys`, each once, newest first per key. */
export function findCandidates(db: Db, keys: readonly string[], perKey = CANDIDATES_PER_KEY): GroupCandidate[] {
  const seen = new Map<number, GroupCandidate>();
  for (const key of keys) {
    for (const row of prepared(db, CANDIDATES).all({ key, limit: perKey }) as GroupCandidate[]) {
      seen.set(row.questionId, row);
    }
  }
  return [...seen.values()];
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
