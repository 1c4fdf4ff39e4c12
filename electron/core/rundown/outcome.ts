import { AppError } from '../../../shared/errors';
import type { OutcomeInput, OutcomeKind, Question } from '../../../shared/protocol';
import { handOff } from '../handoffs/lifecycle';
import { notifyAnsweredOnAir } from '../notifications/notify';
import { transition, type StateDeps } from '../questionState';
import { closeAirSegment, totalAirMs } from '../store/airTime';
import { insertAudit } from '../store/audit';
import { getEpisode } from '../store/episodes';
import { insertOutcome } from '../store/outcomes';
import { getQuestion } from '../store/questions';
import { getQueueItem, removeFromQueue } from '../store/queue';

const OUTCOME_STATUS: Record<OutcomeKind, Question['status']> = {
  answered: 'answered',
  handed_off: 'handed_off',
  deferred: 'deferred',
  dropped: 'dropped',
};

/** A question can be deferred only to another episode that has not ended. */
function checkDeferTarget(deps: StateDeps, targetId: number, fromEpisodeId: number | null): void {
  const target = getEpisode(deps.db, targetId);
  if (!target) throw new AppError('not_found', { field: 'toEpisodeId' });
  if (target.id === fromEpisodeId) {
    throw new AppError('validation', { field: 'toEpisodeId', messageKey: 'rundown.error.deferToSame' });
  }
  if (target.status === 'done') {
    throw new AppError('invalid_transition', { field: 'toEpisodeId', messageKey: 'rundown.error.episodeDone' });
  }
}

/** Decides a question: its status, outcome row, hand-off reference and audit; it leaves the queue. */
export function recordOutcome(deps: StateDeps, actor: string, id: number, version: number, outcome: OutcomeInput): Question {
  const { db } = deps;
  const now = deps.now();
  const before = getQuestion(db, id);
  if (!before) throw new AppError('not_found');
  if (outcome.kind === 'answered' && before.status !== 'on_air' && totalAirMs(db, id, now) === 0) {
    throw new AppError('invalid_transition', { messageKey: 'rundown.error.neverOnAir' });
  }
  const item = getQueueItem(db, id);
  const deferredTo = outcome.kind === 'deferred' ? outcome.toEpisodeId : null;
  if (deferredTo !== null) checkDeferTarget(deps, deferredTo, item?.episodeId ?? null);
  if (before.status === 'on_air') closeAirSegment(db, id, now);
  const after = transition(deps, actor, id, version, { status: OUTCOME_STATUS[outcome.kind] });
  // A rehearsal practises the show: nothing it decides reaches a department or a citizen.
  const rehearsal = item ? (getEpisode(db, item.episodeId)?.rehearsal ?? false) : false;
  let handoff: { reference: string; dueDate: string; departmentId: number } | null = null;
  if (outcome.kind === 'handed_off' && !rehearsal) {
    const made = handOff(deps, { questionId: id, departmentId: outcome.departmentId, dueDate: outcome.dueDate }, actor);
    handoff = { reference: made.reference, dueDate: made.dueDate, departmentId: made.departmentId };
  }
  const details = {
    kind: outcome.kind,
    summary: outcome.kind === 'answered' ? outcome.summary : '',
    reason: outcome.kind === 'dropped' ? outcome.reason : outcome.kind === 'deferred' ? outcome.note : '',
    commitments: outcome.kind === 'answered' ? outcome.commitments : [],
    deferredTo,
  };
  insertOutcome(db, { questionId: id, episodeId: item?.episodeId ?? null, ...details, decidedAt: now, actor });
  insertAudit(db, { at: now, actor, action: 'outcome.record', entity: 'question', entityId: id, after: { ...details, handoff, rehearsal } });
  if (outcome.kind === 'answered' && !rehearsal) notifyAnsweredOnAir(deps, id, item?.episodeId ?? null, outcome.summary);
  removeFromQueue(db, id);
  return after;
}

