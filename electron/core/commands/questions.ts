import { AppError } from '../../../shared/errors';
import type { CommandRegistry } from './registry';
import {
  approve,
  bulk,
  editAirText,
  merge,
  reject,
  setAirName,
  split,
  tag,
  undoLast,
  type BulkAction,
  type ModerationDeps,
} from '../moderation/actions';
import type { PresenceBoard } from '../moderation/presence';
import { readPrompterState } from '../prompter';
import { listAudit } from '../store/audit';
import { listEarlierQuestions } from '../store/history';
import { getQuestion, listGroupMembers, listInbox } from '../store/questions';
import { deleteView, listViews, saveView } from '../store/views';
import type { RuleBook } from '../moderation/ruleBook';

export interface QuestionCommandDeps extends ModerationDeps {
  presence: PresenceBoard;
  rules: RuleBook;
}

export function registerQuestionCommands(registry: CommandRegistry, deps: QuestionCommandDeps): void {
  const { db } = deps;

  registry.register('inbox.list', ({ limit, beforeId, afterId, filter }) => listInbox(db, filter, { limit, beforeId, afterId }));

  registry.register('question.approve', (ref, ctx) => approve(deps, ctx.actor, ref));

  registry.register('question.reject', ({ id, version, reason, note }, ctx) => reject(deps, ctx.actor, { id, version }, reason, note));

  registry.register('question.edit', ({ id, version, airText }, ctx) => editAirText(deps, ctx.actor, { id, version }, airText));

  registry.register('question.setAirName', ({ id, version, airName }, ctx) => setAirName(deps, ctx.actor, { id, version }, airName));

  registry.register('question.tag', ({ id, version, topic, district, speaker }, ctx) =>
    tag(deps, ctx.actor, { id, version }, {
      ...(topic === undefined ? {} : { topic }),
      ...(district === undefined ? {} : { district }),
      ...(speaker === undefined ? {} : { speaker }),
    }),
  );

  registry.register('question.merge', ({ id, version, intoId }, ctx) => merge(deps, ctx.actor, { id, version }, intoId));

  registry.register('question.split', (ref, ctx) => split(deps, ctx.actor, ref));

  registry.register('question.bulk', ({ items, action, reason, tag: patch }, ctx) => {
    let bulkAction: BulkAction;
    if (action === 'approve') bulkAction = { kind: 'approve' };
    else if (action === 'reject') {
      if (!reason) throw new AppError('validation', { field: 'reason' });
      bulkAction = { kind: 'reject', reason };
    } else {
      if (!patch) throw new AppError('validation', { field: 'tag' });
      bulkAction = { kind: 'tag', patch };
    }
    return { items: bulk(deps, ctx.actor, items, bulkAction) };
  });

  registry.register('question.undo', (_input, ctx) => undoLast(deps, ctx.actor));

  registry.register('question.history', ({ id }) => {
    const question = getQuestion(db, id);
    if (!question) throw new AppError('not_found');
    return {
      audit: listAudit(db, 'question', id).map(({ id: auditId, at, actor, action, before, after }) => ({
        id: auditId,
        at,
        actor,
        action,
        before,
        after,
      })),
      earlier: listEarlierQuestions(db, id),
      group: question.groupId === null ? [] : listGroupMembers(db, question.groupId),
    };
  });

  registry.register('view.list', () => ({ items: listViews(db) }));
  registry.register('view.save', ({ name, filter }, ctx) => saveView(db, name, filter, ctx.actor, deps.now()));
  registry.register('view.delete', ({ id }) => {
    deleteView(db, id);
    return { id };
  });

  registry.register('rule.list', () => ({ items: deps.rules.list() }));
  registry.register('rule.save', ({ items }) => ({ items: deps.rules.replace(items) }));

  registry.register('presence.update', ({ session, name, questionId, activity }, ctx) => {
    const producers = deps.presence.update({ session, name, questionId, activity }, ctx.connection);
    deps.bus.emit('presence.changed', { producers });
    return { producers };
  });

  registry.register('prompter.get', () => readPrompterState(db));
}
