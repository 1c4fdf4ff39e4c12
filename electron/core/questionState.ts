import { AppError } from '../../shared/errors';
import { canTransition } from '../../shared/questionFlow';
import type { Question } from '../../shared/protocol';
import type { EventBus } from './events';
import { insertAudit } from './store/audit';
import type { Db } from './store/db';
import { getQuestion, updateQuestionState, type StateChange } from './store/questions';

export interface StateDeps {
  db: Db;
  bus: EventBus;
  now: () => number;
}

/**
 * The one way a question changes status: checks the version the producer saw and the status
 * flow, writes the change and its audit row. Call inside a transaction (see `commitChanges`).
 */
export function transition(deps: Pick<StateDeps, 'db' | 'now'>, actor: string, id: number, version: number, change: StateChange): Question {
  const before = getQuestion(deps.db, id);
  if (!before) throw new AppError('not_found');
  if (before.version !== version) throw new AppError('stale', { current: before });
  if (!canTransition(before.status, change.status)) throw new AppError('invalid_transition');
  const after = updateQuestionState(deps.db, id, version, change, deps.now());
  insertAudit(deps.db, {
    at: deps.now(),
    actor,
    action: `question.${change.status}`,
    entity: 'question',
    entityId: id,
    before: { status: before.status, rejectReason: before.rejectReason },
    after: { status: after.status, rejectReason: after.rejectReason },
  });
  return after;
}

/** Runs changes in one transaction, then publishes what was committed; returns the last one. */
export function commitChanges(deps: StateDeps, changes: () => Question[]): Question {
  const changed = deps.db.transaction(changes)();
  // The on-air projection (rundown/projection.ts) follows these and republishes only what changed.
  for (const q of changed) deps.bus.emit('question.updated', q);
  return changed[changed.length - 1]!;
}
