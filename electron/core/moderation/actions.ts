import { AppError } from '../../../shared/errors';
import type { Question, RejectReason } from '../../../shared/protocol';
import { commitChanges, transition, type StateDeps } from '../questionState';
import { insertAudit } from '../store/audit';
import { addGroupEvidence, createGroup, groupExists, groupLeadId, moveToGroup, removeGroupEvidence } from '../store/groups';
import {
  bumpVersion,
  getQuestion,
  restoreQuestion,
  snapshotOf,
  updateQuestionFields,
  type FieldChange,
} from '../store/questions';
import { approvalSubjects, foldGroup, nextWaitingMember } from './groupItem';
import type { UndoEntry, UndoLog } from './undo';

export interface ModerationDeps extends StateDeps {
  undo: UndoLog;
}

export interface QuestionRef {
  id: number;
  version: number;
}

export type TagPatch = Pick<FieldChange, 'topic' | 'district' | 'speaker'>;

function mustGet(deps: StateDeps, id: number): Question {
  const q = getQuestion(deps.db, id);
  if (!q) throw new AppError('not_found');
  return q;
}

/**
 * Runs one producer action in one transaction, publishes what changed and remembers how to
 * undo it. `subjects` are the questions the action is about; others it touches (a group's
 * lead whose size changed) are published but not undone.
 */
function act(deps: ModerationDeps, actor: string, action: string, subjects: readonly number[], run: () => Question[]): Question[] {
  const entries: UndoEntry[] = [];
  const changed: Question[] = [];
  commitChanges(deps, () => {
    const before = new Map(subjects.map((id) => [id, mustGet(deps, id)]));
    changed.push(...run());
    for (const q of changed) {
      const was = before.get(q.id);
      if (was && was.version !== q.version) {
        entries.push({ id: q.id, versionAfter: q.version, before: snapshotOf(was), groupBefore: was.groupId });
      }
    }
    return changed;
  });
  if (entries.length > 0) deps.undo.record(actor, { action, entries });
  return changed;
}

function editFields(deps: StateDeps, actor: string, ref: QuestionRef, change: FieldChange, action: string): Question {
  const before = mustGet(deps, ref.id);
  const after = updateQuestionFields(deps.db, ref.id, ref.version, change, deps.now());
  const keys = Object.keys(change) as Array<keyof FieldChange>;
  insertAudit(deps.db, {
    at: deps.now(),
    actor,
    action,
    entity: 'question',
    entityId: ref.id,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  });
  return after;
}

function rejectOne(deps: StateDeps, actor: string, ref: QuestionRef, reason: RejectReason, note?: string): Question {
  return transition(deps, actor, ref.id, ref.version, {
    status: 'rejected',
    rejectReason: note ? `${reason}: ${note}` : reason,
  });
}

/** Approves the question and with it its group: the members still waiting fold into it. */
export function approve(deps: ModerationDeps, actor: string, ref: QuestionRef): Question {
  return act(deps, actor, 'approve', approvalSubjects(deps.db, [ref.id]), () => {
    const approved = transition(deps, actor, ref.id, ref.version, { status: 'approved' });
    return [...foldGroup(deps, actor, approved), approved];
  }).at(-1)!;
}

/** Rejects one member only (a reason may be about this sender); the group's next member takes its row. */
export function reject(deps: ModerationDeps, actor: string, ref: QuestionRef, reason: RejectReason, note?: string): Question {
  return act(deps, actor, 'reject', [ref.id], () => {
    const rejected = rejectOne(deps, actor, ref, reason, note);
    return [...nextWaitingMember(deps.db, rejected), rejected];
  }).at(-1)!;
}

/** The on-air wording changes; the original text is never touched. */
export function editAirText(deps: ModerationDeps, actor: string, ref: QuestionRef, airText: string): Question {
  return act(deps, actor, 'edit', [ref.id], () => [editFields(deps, actor, ref, { airText }, 'question.edit')]).at(-1)!;
}

/** The first name read on air, as the producer confirms or corrects it. */
export function setAirName(deps: ModerationDeps, actor: string, ref: QuestionRef, airName: string): Question {
  return act(deps, actor, 'setAirName', [ref.id], () => [editFields(deps, actor, ref, { airName }, 'question.setAirName')]).at(-1)!;
}

export function tag(deps: ModerationDeps, actor: string, ref: QuestionRef, patch: TagPatch): Question {
  return act(deps, actor, 'tag', [ref.id], () => [editFields(deps, actor, ref, patch, 'question.tag')]).at(-1)!;
}

/** `ref` becomes a duplicate of `intoId`: status merged, member of that question's group. */
export function merge(deps: ModerationDeps, actor: string, ref: QuestionRef, intoId: number): Question {
  if (ref.id === intoId) throw new AppError('validation', { field: 'intoId' });
  return act(deps, actor, 'merge', [ref.id], () => {
    const target = mustGet(deps, intoId);
    const merged = transition(deps, actor, ref.id, ref.version, { status: 'merged' });
    const groupId = target.groupId ?? createGroup(deps.db, target.id, deps.now());
    if (target.groupId === null) moveToGroup(deps.db, target.id, null, groupId);
    moveToGroup(deps.db, ref.id, merged.groupId, groupId);
    addGroupEvidence(deps.db, ref.id, groupId, 'merge');
    insertAudit(deps.db, {
      at: deps.now(),
      actor,
      action: 'question.merge',
      entity: 'question',
      entityId: ref.id,
      before: { groupId: merged.groupId },
      after: { groupId, into: intoId },
    });
    return [...refreshedGroupLead(deps, merged.groupId), mustGet(deps, intoId), mustGet(deps, ref.id)];
  }).at(-1)!;
}

/** Takes a wrongly grouped question out into a group of its own. */
export function split(deps: ModerationDeps, actor: string, ref: QuestionRef): Question {
  return act(deps, actor, 'split', [ref.id], () => {
    const current = mustGet(deps, ref.id);
    if (current.groupId === null || current.groupSize < 2) throw new AppError('invalid_transition');
    // A member folded into its group comes back as work of its own.
    if (current.status === 'merged') transition(deps, actor, ref.id, ref.version, { status: 'new' });
    else bumpVersion(deps.db, ref.id, ref.version, deps.now());
    const groupId = createGroup(deps.db, ref.id, deps.now());
    moveToGroup(deps.db, ref.id, current.groupId, groupId);
    addGroupEvidence(deps.db, ref.id, current.groupId, 'split');
    insertAudit(deps.db, {
      at: deps.now(),
      actor,
      action: 'question.split',
      entity: 'question',
      entityId: ref.id,
      before: { groupId: current.groupId },
      after: { groupId },
    });
    return [...refreshedGroupLead(deps, current.groupId), mustGet(deps, ref.id)];
  }).at(-1)!;
}

// The lead of a group whose size changed, re-read so every screen shows the new count.
function refreshedGroupLead(deps: StateDeps, groupId: number | null): Question[] {
  const leadId = groupId === null ? null : groupLeadId(deps.db, groupId);
  return leadId === null ? [] : [mustGet(deps, leadId)];
}

export type BulkAction =
  | { kind: 'approve' }
  | { kind: 'reject'; reason: RejectReason }
  | { kind: 'tag'; patch: TagPatch };

/** All or nothing: one stale or impossible member refuses the whole selection. */
export function bulk(deps: ModerationDeps, actor: string, refs: readonly QuestionRef[], action: BulkAction): Question[] {
  const ids = refs.map((r) => r.id);
  const subjects = action.kind === 'approve' ? approvalSubjects(deps.db, ids) : ids;
  return act(deps, actor, `bulk.${action.kind}`, subjects, () => {
    const changed: Question[] = [];
    const folded = new Set<number>();
    for (const ref of refs) {
      switch (action.kind) {
        case 'approve': {
          // Two members of one group in the selection: the first approved carries the other.
          if (folded.has(ref.id)) continue;
          const approved = transition(deps, actor, ref.id, ref.version, { status: 'approved' });
          const members = foldGroup(deps, actor, approved);
          for (const m of members) folded.add(m.id);
          changed.push(...members, approved);
          break;
        }
        case 'reject': {
          const rejected = rejectOne(deps, actor, ref, action.reason);
          changed.push(...nextWaitingMember(deps.db, rejected), rejected);
          break;
        }
        case 'tag':
          changed.push(editFields(deps, actor, ref, action.patch, 'question.tag'));
      }
    }
    return changed;
  });
}

/** Reverts the producer's last action; stale if anyone changed those questions since. */
export function undoLast(deps: ModerationDeps, actor: string): { action: string; items: Question[] } {
  const record = deps.undo.take(actor);
  if (!record) throw new AppError('not_found', { messageKey: 'console.error.nothingToUndo' });
  const items: Question[] = [];
  commitChanges(deps, () => {
    for (const entry of record.entries) {
      const current = mustGet(deps, entry.id);
      restoreQuestion(deps.db, entry.id, entry.versionAfter, entry.before, deps.now());
      // An undone merge or split is no longer the producer's word on those groups.
      if (record.action === 'merge' && current.groupId !== null) removeGroupEvidence(deps.db, entry.id, current.groupId, 'merge');
      if (record.action === 'split' && entry.groupBefore !== null) removeGroupEvidence(deps.db, entry.id, entry.groupBefore, 'split');
      if (current.groupId !== entry.groupBefore && current.groupId !== null) {
        const back =
          entry.groupBefore !== null && groupExists(deps.db, entry.groupBefore)
            ? entry.groupBefore
            : createGroup(deps.db, entry.id, deps.now());
        moveToGroup(deps.db, entry.id, current.groupId, back);
        items.push(...refreshedGroupLead(deps, current.groupId));
      }
      insertAudit(deps.db, {
        at: deps.now(),
        actor,
        action: 'question.undo',
        entity: 'question',
        entityId: entry.id,
        before: snapshotOf(current),
        after: entry.before,
      });
      items.push(mustGet(deps, entry.id));
    }
    return items;
  });
  return { action: record.action, items: items.filter((q) => record.entries.some((e) => e.id === q.id)) };
}
