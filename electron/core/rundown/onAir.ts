import { AppError } from '../../../shared/errors';
import { AIR_UNDO_MS, type Episode, type OutcomeInput, type Question } from '../../../shared/protocol';
import { transition, type StateDeps } from '../questionState';
import { closeAirSegment, openAirSegment } from '../store/airTime';
import { insertAudit } from '../store/audit';
import { setCue } from '../store/cues';
import { getEpisode, getLiveEpisode, setActiveSpeaker } from '../store/episodes';
import { getQuestion, listByStatus } from '../store/questions';
import { appendToQueue, firstSpeakerWithQueue, frontOfQueue, getQueueItem, moveInQueue, removeFromQueue } from '../store/queue';
import { listSpeakers } from '../store/speakers';
import { recordOutcome } from './outcome';

/** How long an on-air change can be taken back: long enough to notice a mis-click, short enough to be safe. */

/** Where a question stood before an on-air change, so the change can be taken back exactly. */
interface Place {
  id: number;
  status: 'queued' | 'approved';
  /** Its queue place before the change; null when it was in no queue. */
  speakerId: number | null;
  index: number;
}

/** The last on-air change, held in memory: an undo is only for the seconds after the click. */
export interface AirChange {
  at: number;
  actor: string;
  putOn: Place;
  /** The question taken off air by an explicit replacement, if any. */
  replaced: Place | null;
  /** The version `putOn` had right after the change: any later change to it ends the undo. */
  putOnVersion: number;
}

export interface AirDesk {
  last: AirChange | null;
}

function liveEpisode(deps: StateDeps): Episode {
  const live = getLiveEpisode(deps.db);
  if (!live) throw new AppError('invalid_transition', { messageKey: 'rundown.error.noLiveEpisode' });
  return live;
}

function currentOnAir(deps: StateDeps): Question | null {
  return listByStatus(deps.db, 'on_air', 1)[0] ?? null;
}

function placeOf(deps: StateDeps, question: Question): Place {
  const item = getQueueItem(deps.db, question.id);
  // Queue positions are kept dense (0..n-1), so a position is also the index to restore.
  return {
    id: question.id,
    status: question.status === 'approved' ? 'approved' : 'queued',
    speakerId: item?.speakerId ?? null,
    index: item?.position ?? 0,
  };
}

/** A cue is for the question it was sent during: any change of what is on air clears it. */
function clearCue(deps: StateDeps): void {
  setCue(deps.db, null, deps.now());
}

/** Takes `question` off air, back to the front of its speaker's queue (or to approved if in none). */
function takeOff(deps: StateDeps, actor: string, question: Question): Question {
  const { db } = deps;
  closeAirSegment(db, question.id, deps.now());
  const item = getQueueItem(db, question.id);
  const back = transition(deps, actor, question.id, question.version, { status: item ? 'queued' : 'approved' });
  if (item) moveInQueue(db, question.id, item.speakerId, 0);
  return back;
}

function goOnAir(deps: StateDeps, actor: string, live: Episode, id: number, version: number): Question {
  const { db } = deps;
  const now = deps.now();
  let item = getQueueItem(db, id);
  if (!item) {
    const speakerId = live.activeSpeakerId ?? listSpeakers(db, live.id)[0]?.id;
    if (speakerId === undefined) throw new AppError('not_found', { messageKey: 'rundown.error.noSpeaker' });
    appendToQueue(db, { questionId: id, episodeId: live.id, speakerId }, now);
    item = getQueueItem(db, id);
  }
  const onAir = transition(deps, actor, id, version, { status: 'on_air' });
  openAirSegment(db, { questionId: id, episodeId: live.id, speakerId: item?.speakerId ?? null }, now);
  if (item && live.activeSpeakerId !== item.speakerId) setActiveSpeaker(db, live.id, item.speakerId, now);
  return onAir;
}

/**
 * Puts `id` on air, only inside the live episode. If another question is on air, the producer
 * must either record its outcome first or confirm the replacement; a confirmed replacement puts
 * it back at the front of its queue (its outcome still to be recorded) and says so in the audit.
 */
export function putOnAir(
  deps: StateDeps,
  desk: AirDesk,
  actor: string,
  ref: { id: number; version: number; confirm: boolean },
): Question[] {
  const { db } = deps;
  const live = liveEpisode(deps);
  const question = getQuestion(db, ref.id);
  if (!question) throw new AppError('not_found');
  const item = getQueueItem(db, ref.id);
  if (item && item.episodeId !== live.id) {
    throw new AppError('invalid_transition', { messageKey: 'rundown.error.otherEpisode' });
  }
  const current = currentOnAir(deps);
  if (current?.id === ref.id) return [question];
  if (current && !ref.confirm) {
    throw new AppError('invalid_transition', { messageKey: 'rundown.error.replaceOnAir', current });
  }
  const changed: Question[] = [];
  const putOn = placeOf(deps, question);
  let replaced: Place | null = null;
  if (current) {
    replaced = { ...placeOf(deps, current), status: getQueueItem(db, current.id) ? 'queued' : 'approved' };
    changed.push(takeOff(deps, actor, current));
    insertAudit(db, {
      at: deps.now(),
      actor,
      action: 'onair.replace',
      entity: 'question',
      entityId: current.id,
      after: { replacedBy: ref.id },
    });
  }
  const onAir = goOnAir(deps, actor, live, ref.id, ref.version);
  changed.push(onAir);
  clearCue(deps);
  desk.last = { at: deps.now(), actor, putOn, replaced, putOnVersion: onAir.version };
  return changed;
}

/** The live speaker's next queued question, else the first one waiting for any speaker. */
export function nextQueued(deps: StateDeps, live: Episode): Question | null {
  const { db } = deps;
  let id = live.activeSpeakerId === null ? null : frontOfQueue(db, live.activeSpeakerId);
  if (id === null) {
    const other = firstSpeakerWithQueue(db, live.id);
    id = other === null ? null : frontOfQueue(db, other);
  }
  return id === null ? null : getQuestion(db, id);
}

/**
 * Take next: the outcome of the question on air is recorded first (or, confirmed, it goes back to
 * the front of its queue), then the next queued question goes on air. Returns every changed question.
 */
export function takeNext(
  deps: StateDeps,
  desk: AirDesk,
  actor: string,
  request: { outcome?: OutcomeInput | undefined; confirm: boolean },
): Question[] {
  const live = liveEpisode(deps);
  const current = currentOnAir(deps);
  const next = nextQueued(deps, live);
  const changed: Question[] = [];
  if (current && request.outcome) {
    changed.push(recordOutcome(deps, actor, current.id, current.version, request.outcome));
    clearCue(deps);
  } else if (current && !request.confirm) {
    throw new AppError('invalid_transition', { messageKey: 'rundown.error.outcomeFirst', current });
  }
  if (!next) {
    if (changed.length === 0) throw new AppError('not_found', { messageKey: 'rundown.error.nothingNext' });
    return changed;
  }
  const fresh = getQuestion(deps.db, next.id)!;
  return [...changed, ...putOnAir(deps, desk, actor, { id: fresh.id, version: fresh.version, confirm: true })];
}

/**
 * Takes back the last on-air change within AIR_UNDO_MS, if nothing has touched that question since:
 * it returns to where it stood and the question it replaced (if any) is back on air.
 */
export function undoAir(deps: StateDeps, desk: AirDesk, actor: string): Question[] {
  const { db } = deps;
  const last = desk.last;
  const expired = new AppError('invalid_transition', { messageKey: 'rundown.error.undoExpired' });
  if (!last || deps.now() - last.at > AIR_UNDO_MS) throw expired;
  const on = getQuestion(db, last.putOn.id);
  if (!on || on.status !== 'on_air' || on.version !== last.putOnVersion) throw expired;
  const live = liveEpisode(deps);
  const now = deps.now();
  desk.last = null;
  closeAirSegment(db, on.id, now);
  const changed: Question[] = [transition(deps, actor, on.id, on.version, { status: last.putOn.status })];
  if (last.putOn.speakerId === null) removeFromQueue(db, on.id);
  else moveInQueue(db, on.id, last.putOn.speakerId, last.putOn.index);
  if (last.replaced) {
    const back = getQuestion(db, last.replaced.id);
    if (back && (back.status === 'queued' || back.status === 'approved')) {
      changed.push(goOnAir(deps, actor, live, back.id, back.version));
      if (last.replaced.speakerId !== null) moveInQueue(db, back.id, last.replaced.speakerId, last.replaced.index);
    }
  }
  insertAudit(db, { at: now, actor, action: 'onair.undo', entity: 'question', entityId: on.id, after: { undoneBy: actor } });
  clearCue(deps);
  return changed;
}

/** Which episode a change to `questionId` shows in, for publishing the rundown. */
export function episodeOf(deps: StateDeps, questionId: number): number | null {
  const item = getQueueItem(deps.db, questionId);
  return item ? (getEpisode(deps.db, item.episodeId)?.id ?? null) : null;
}
