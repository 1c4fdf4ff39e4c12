import type { Question } from '../../../shared/protocol';
import { transition, type StateDeps } from '../questionState';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import { activeMemberId, waitingMemberIds } from '../store/groups';
import { getQuestion, updateQuestionState } from '../store/questions';

/**
 * A near-duplicate group is one item for the show: the member a producer approves carries the
 * group to air and to its outcome ("asked by N"); the others are folded into it (status merged),
 * so nobody approves, queues or answers the same question twice. A folded member can still be
 * split out (see `split`), and undoing the approval unfolds them.
 */

/** Ids an approval of `ids` touches: the questions and the waiting members of their groups. */
export function approvalSubjects(db: Db, ids: readonly number[]): number[] {
  const subjects = new Set(ids);
  for (const id of ids) {
    const q = getQuestion(db, id);
    if (q?.groupId != null) for (const member of waitingMemberIds(db, q.groupId, id)) subjects.add(member);
  }
  return [...subjects];
}

/** Folds the group's waiting members into the question just approved. Call inside its transaction. */
export function foldGroup(deps: Pick<StateDeps, 'db' | 'now'>, actor: string, approved: Question): Question[] {
  if (approved.groupId === null) return [];
  return waitingMemberIds(deps.db, approved.groupId, approved.id).flatMap((id) => {
    const member = getQuestion(deps.db, id);
    return member ? [transition(deps, actor, id, member.version, { status: 'merged' })] : [];
  });
}

/**
 * The member that now stands for the group in the inbox once `left` no longer waits (it was
 * rejected, say): re-published so every console shows it in the row `left` had.
 */
export function nextWaitingMember(db: Db, left: Question): Question[] {
  if (left.groupId === null) return [];
  const [next] = waitingMemberIds(db, left.groupId, left.id);
  const q = next === undefined ? null : getQuestion(db, next);
  return q ? [q] : [];
}

/**
 * A late asker of a question the show has already taken up joins it at once (merged), adding to
 * its "asked by N" instead of becoming new work. Runs inside the arrival's commit.
 */
export function joinActiveGroup(db: Db, now: number, arrival: Question): Question {
  if (arrival.status !== 'new' || arrival.groupId === null) return arrival;
  const active = activeMemberId(db, arrival.groupId, arrival.id);
  if (active === null) return arrival;
  const joined = updateQuestionState(db, arrival.id, arrival.version, { status: 'merged' }, now);
  insertAudit(db, {
    at: now,
    actor: 'desk',
    action: 'question.merged',
    entity: 'question',
    entityId: arrival.id,
    before: { status: arrival.status },
    after: { status: joined.status, into: active },
  });
  return joined;
}
