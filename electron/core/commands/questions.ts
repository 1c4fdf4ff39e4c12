import type { Hub } from '../hub/hub';
import { readPrompterState } from '../prompter';
import { commitChanges, transition, type StateDeps } from '../questionState';
import { listByStatus, listInbox } from '../store/questions';

export function registerQuestionCommands(hub: Hub, deps: StateDeps): void {
  const { db } = deps;

  hub.register('inbox.list', ({ limit, beforeId }) => ({ items: listInbox(db, { limit, beforeId }) }));

  hub.register('question.approve', ({ id, version }, ctx) =>
    commitChanges(deps, () => [transition(deps, ctx.actor, id, version, { status: 'approved' })]),
  );

  hub.register('question.reject', ({ id, version, reason, note }, ctx) =>
    commitChanges(deps, () => [
      transition(deps, ctx.actor, id, version, {
        status: 'rejected',
        rejectReason: note ? `${reason}: ${note}` : reason,
      }),
    ]),
  );

  /** Whatever was on air is taken as answered; the rundown's outcome screen can refine it. */
  hub.register('question.putOnAir', ({ id, version }, ctx) =>
    commitChanges(deps, () => {
      const previous = listByStatus(db, 'on_air', 10).filter((q) => q.id !== id);
      const done = previous.map((q) => transition(deps, ctx.actor, q.id, q.version, { status: 'answered' }));
      return [...done, transition(deps, ctx.actor, id, version, { status: 'on_air' })];
    }),
  );

  hub.register('prompter.get', () => readPrompterState(db));
}
