import { AppError } from '../../../shared/errors';
import { canTransition } from '../../../shared/questionFlow';
import type { Question } from '../../../shared/protocol';
import type { EventBus } from '../events';
import type { Hub } from '../hub/hub';
import { readPrompterState } from '../prompter';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import {
  getQuestion,
  listByStatus,
  listInbox,
  updateQuestionState,
  type StateChange,
} from '../store/questions';

interface Deps {
  db: Db;
  bus: EventBus;
  now: () => number;
}

/** Moves one question to a new status with its audit row; throws if the flow forbids it. */
function transition(deps: Deps, actor: string, id: number, version: number, change: StateChange): Question {
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

export function registerQuestionCommands(hub: Hub, deps: Deps): void {
  const { db, bus } = deps;

  /** Runs a state change in one transaction, then publishes what it committed. */
  function commit(changes: () => Question[]): Question {
    const changed = db.transaction(changes)();
    for (const q of changed) bus.emit('question.updated', q);
    // Any status change can alter "current" or "next"; recomputing is three indexed reads.
    bus.emit('prompter.state', readPrompterState(db));
    return changed[changed.length - 1]!;
  }

  hub.register('inbox.list', ({ limit, beforeId }) => ({ items: listInbox(db, { limit, beforeId }) }));

  hub.register('question.approve', ({ id, version }, ctx) =>
    commit(() => [transition(deps, ctx.actor, id, version, { status: 'approved' })]),
  );

  hub.register('question.reject', ({ id, version, reason, note }, ctx) =>
    commit(() => [
      transition(deps, ctx.actor, id, version, {
        status: 'rejected',
        rejectReason: note ? `${reason}: ${note}` : reason,
      }),
    ]),
  );

  /** Whatever was on air is taken as answered; the outcome screen (rundown) can refine it. */
  hub.register('question.putOnAir', ({ id, version }, ctx) =>
    commit(() => {
      const previous = listByStatus(db, 'on_air', 10).filter((q) => q.id !== id);
      const done = previous.map((q) => transition(deps, ctx.actor, q.id, q.version, { status: 'answered' }));
      return [...done, transition(deps, ctx.actor, id, version, { status: 'on_air' })];
    }),
  );

  hub.register('prompter.get', () => readPrompterState(db));
}
