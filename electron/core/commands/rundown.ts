import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors';
import type { Episode, OutcomeInput, OutcomeKind, Question, Rundown } from '../../../shared/protocol';
import { CITY_TZ, formatCityTime } from '../../../shared/time';
import { addWorkingDays, HANDOFF_WORKING_DAYS } from '../../../shared/workingDays';
import type { CommandRegistry } from './registry';
import { readPrompterState, setPrompterClock } from '../prompter';
import { commitChanges, transition, type StateDeps } from '../questionState';
import { closeAirSegment, openAirSegment, totalAirMs } from '../store/airTime';
import { insertAudit } from '../store/audit';
import { setCountdown, setCue } from '../store/cues';
import { getDepartment, listDepartments } from '../store/departments';
import {
  getCurrentEpisode,
  getEpisode,
  getLiveEpisode,
  getQueueingEpisode,
  insertEpisode,
  listEpisodes,
  setActiveSpeaker,
  setEpisodeStatus,
  updateEpisode,
} from '../store/episodes';
import { countHandoffs, insertHandoff } from '../store/handoffs';
import { insertOutcome, listDeferredHere, listEpisodeOutcomes } from '../store/outcomes';
import { getQuestion, listByStatus } from '../store/questions';
import { appendToQueue, getQueueItem, listPending, listRundownItems, moveInQueue, removeFromQueue } from '../store/queue';
import { getSpeaker, listSpeakers, replaceSpeakers } from '../store/speakers';

const OUTCOME_STATUS: Record<OutcomeKind, Question['status']> = {
  answered: 'answered',
  handed_off: 'handed_off',
  deferred: 'deferred',
  dropped: 'dropped',
};

function readRundown(deps: StateDeps, episode: Episode): Rundown {
  return {
    episode,
    speakers: listSpeakers(deps.db, episode.id),
    items: listRundownItems(deps.db, episode.id),
    outcomes: listEpisodeOutcomes(deps.db, episode.id),
    deferredHere: listDeferredHere(deps.db, episode.id),
  };
}

function mustGetEpisode(deps: StateDeps, id: number): Episode {
  const episode = getEpisode(deps.db, id);
  if (!episode) throw new AppError('not_found');
  return episode;
}

/**
 * Every producer's rundown follows the same episode state; the prompter's "next" may change too.
 * `withPrompter` is false after `commitChanges`, which has already sent the prompter its state.
 */
function publish(deps: StateDeps, episodeId: number | null, withPrompter = true): Rundown | null {
  const episode = episodeId === null ? null : getEpisode(deps.db, episodeId);
  const rundown = episode ? readRundown(deps, episode) : null;
  if (rundown) deps.bus.emit('rundown.changed', rundown);
  if (withPrompter) deps.bus.emit('prompter.state', readPrompterState(deps.db));
  return rundown;
}

function publishRundown(deps: StateDeps, episodeId: number): Rundown {
  const rundown = publish(deps, episodeId);
  if (!rundown) throw new AppError('not_found');
  return rundown;
}

function plannedStart(airDate: string, startTime: string): number {
  return dayjs.tz(`${airDate} ${startTime}`, CITY_TZ).valueOf();
}

function auditEpisode(deps: StateDeps, actor: string, action: string, episode: Episode, after?: unknown): void {
  insertAudit(deps.db, {
    at: deps.now(),
    actor,
    action,
    entity: 'episode',
    entityId: episode.id,
    after: after ?? { status: episode.status, title: episode.title },
  });
}

/**
 * Puts `id` on air. Whatever was on air before is never silently taken as answered: it goes back
 * to the front of its speaker's queue (or back to approved if it was in no queue), with its time on
 * air kept, so the producer still records its outcome. The rundown asks for that outcome first.
 */
function putOnAir(deps: StateDeps, actor: string, id: number, version: number): Question[] {
  const { db } = deps;
  const now = deps.now();
  const changed: Question[] = [];
  for (const previous of listByStatus(db, 'on_air', 10)) {
    if (previous.id === id) continue;
    closeAirSegment(db, previous.id, now);
    const item = getQueueItem(db, previous.id);
    changed.push(transition(deps, actor, previous.id, previous.version, { status: item ? 'queued' : 'approved' }));
    if (item) moveInQueue(db, previous.id, item.speakerId, 0);
  }
  let item = getQueueItem(db, id);
  const live = getLiveEpisode(db);
  if (!item && live) {
    const speakerId = live.activeSpeakerId ?? listSpeakers(db, live.id)[0]?.id;
    if (speakerId !== undefined) {
      appendToQueue(db, { questionId: id, episodeId: live.id, speakerId }, now);
      item = getQueueItem(db, id);
    }
  }
  changed.push(transition(deps, actor, id, version, { status: 'on_air' }));
  openAirSegment(db, { questionId: id, episodeId: item?.episodeId ?? null, speakerId: item?.speakerId ?? null }, now);
  if (item) {
    const episode = getEpisode(db, item.episodeId);
    if (episode && episode.activeSpeakerId !== item.speakerId) setActiveSpeaker(db, episode.id, item.speakerId, now);
  }
  return changed;
}

function handoffDueDate(deps: StateDeps, outcome: Extract<OutcomeInput, { kind: 'handed_off' }>): string {
  return outcome.dueDate ?? addWorkingDays(formatCityTime(deps.now(), 'YYYY-MM-DD'), HANDOFF_WORKING_DAYS);
}

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

function recordOutcome(deps: StateDeps, actor: string, id: number, version: number, outcome: OutcomeInput): Question {
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
  let handoff: { reference: string; dueDate: string; departmentId: number } | null = null;
  if (outcome.kind === 'handed_off') {
    const department = getDepartment(db, outcome.departmentId);
    if (!department) throw new AppError('not_found', { field: 'departmentId' });
    const earlier = countHandoffs(db, id);
    const reference = `${before.reference}/${department.code}${earlier > 0 ? `-${earlier + 1}` : ''}`;
    handoff = { reference, dueDate: handoffDueDate(deps, outcome), departmentId: department.id };
    insertHandoff(db, { questionId: id, ...handoff, createdAt: now });
  }
  const details = {
    kind: outcome.kind,
    summary: outcome.kind === 'answered' ? outcome.summary : '',
    reason: outcome.kind === 'dropped' ? outcome.reason : outcome.kind === 'deferred' ? outcome.note : '',
    commitments: outcome.kind === 'answered' ? outcome.commitments : [],
    deferredTo,
  };
  insertOutcome(db, { questionId: id, episodeId: item?.episodeId ?? null, ...details, decidedAt: now, actor });
  insertAudit(db, { at: now, actor, action: 'outcome.record', entity: 'question', entityId: id, after: { ...details, handoff } });
  removeFromQueue(db, id);
  return after;
}

export function registerRundownCommands(registry: CommandRegistry, deps: StateDeps): void {
  const { db } = deps;
  setPrompterClock(db, deps.now);

  registry.register('episode.list', () => ({ items: listEpisodes(db) }));

  registry.register('episode.get', ({ id }) => {
    const episode = id === undefined ? getCurrentEpisode(db) : getEpisode(db, id);
    if (!episode) {
      if (id !== undefined) throw new AppError('not_found');
      return null;
    }
    return readRundown(deps, episode);
  });

  registry.register('episode.save', ({ id, version, speakers, ...fields }, ctx) => {
    const episodeId = db.transaction(() => {
      const now = deps.now();
      const values = { ...fields, plannedStart: plannedStart(fields.airDate, fields.startTime) };
      let episode: Episode;
      if (id === undefined) {
        episode = insertEpisode(db, values, now);
      } else {
        if (version === undefined) throw new AppError('validation', { field: 'version' });
        episode = updateEpisode(db, id, version, values, now);
      }
      replaceSpeakers(db, episode.id, speakers);
      auditEpisode(deps, ctx.actor, id === undefined ? 'episode.create' : 'episode.edit', episode, {
        ...values,
        speakers: speakers.map((s) => s.name),
      });
      return episode.id;
    })();
    return publishRundown(deps, episodeId);
  });

  registry.register('episode.start', ({ id }, ctx) => {
    db.transaction(() => {
      const episode = mustGetEpisode(deps, id);
      if (episode.status === 'live') return;
      if (episode.status === 'done') throw new AppError('invalid_transition', { messageKey: 'rundown.error.episodeDone' });
      if (getLiveEpisode(db)) throw new AppError('invalid_transition', { messageKey: 'rundown.error.anotherLive' });
      const now = deps.now();
      const started = setEpisodeStatus(db, id, 'live', { startedAt: now }, now);
      const first = listSpeakers(db, id)[0];
      if (started.activeSpeakerId === null && first) setActiveSpeaker(db, id, first.id, now);
      auditEpisode(deps, ctx.actor, 'episode.start', started);
    })();
    return publishRundown(deps, id);
  });

  registry.register('episode.end', ({ id }, ctx) => {
    db.transaction(() => {
      const episode = mustGetEpisode(deps, id);
      if (episode.status !== 'live') throw new AppError('invalid_transition', { messageKey: 'rundown.error.notLive' });
      const pending = listPending(db, id);
      if (pending.length > 0) {
        throw new AppError('invalid_transition', { messageKey: 'rundown.error.outcomesPending', current: pending });
      }
      const now = deps.now();
      const ended = setEpisodeStatus(db, id, 'done', { endedAt: now }, now);
      setCue(db, null, now);
      setCountdown(db, null, now);
      auditEpisode(deps, ctx.actor, 'episode.end', ended);
    })();
    return publishRundown(deps, id);
  });

  registry.register('episode.setActiveSpeaker', ({ id, speakerId }) => {
    db.transaction(() => {
      const speaker = getSpeaker(db, speakerId);
      if (!speaker || speaker.episodeId !== id) throw new AppError('not_found', { field: 'speakerId' });
      setActiveSpeaker(db, id, speakerId, deps.now());
    })();
    return publishRundown(deps, id);
  });

  registry.register('queue.add', ({ id, version, speakerId }, ctx) => {
    let target = { episodeId: 0, speakerId: 0 };
    const question = commitChanges(deps, () => {
      const current = getQuestion(db, id);
      if (!current) throw new AppError('not_found');
      if (current.status !== 'approved' && current.status !== 'deferred') throw new AppError('invalid_transition');
      const speaker = speakerId === undefined ? null : getSpeaker(db, speakerId);
      if (speakerId !== undefined && !speaker) throw new AppError('not_found', { field: 'speakerId' });
      const episode = speaker ? getEpisode(db, speaker.episodeId) : getQueueingEpisode(db);
      if (!episode) throw new AppError('not_found', { messageKey: 'rundown.error.noEpisode' });
      if (episode.status === 'done') throw new AppError('invalid_transition', { messageKey: 'rundown.error.episodeDone' });
      const chosen = speaker?.id ?? listSpeakers(db, episode.id)[0]?.id;
      if (chosen === undefined) throw new AppError('not_found', { messageKey: 'rundown.error.noSpeaker' });
      target = { episodeId: episode.id, speakerId: chosen };
      const queued = transition(deps, ctx.actor, id, version, { status: 'queued' });
      appendToQueue(db, { questionId: id, ...target }, deps.now());
      return [queued];
    });
    publish(deps, target.episodeId, false);
    return { question, ...target };
  });

  registry.register('queue.move', ({ questionId, speakerId, index }) => {
    const episodeId = db.transaction(() => {
      const item = getQueueItem(db, questionId);
      if (!item) throw new AppError('not_found');
      const speaker = getSpeaker(db, speakerId);
      if (!speaker || speaker.episodeId !== item.episodeId) throw new AppError('not_found', { field: 'speakerId' });
      moveInQueue(db, questionId, speakerId, index);
      return item.episodeId;
    })();
    return publishRundown(deps, episodeId);
  });

  registry.register('queue.remove', ({ id, version }, ctx) => {
    const episodeId = getQueueItem(db, id)?.episodeId ?? null;
    const question = commitChanges(deps, () => {
      const out = transition(deps, ctx.actor, id, version, { status: 'approved' });
      removeFromQueue(db, id);
      return [out];
    });
    publish(deps, episodeId, false);
    return question;
  });

  registry.register('question.putOnAir', ({ id, version }, ctx) => {
    const question = commitChanges(deps, () => putOnAir(deps, ctx.actor, id, version));
    publish(deps, getQueueItem(db, id)?.episodeId ?? null, false);
    return question;
  });

  registry.register('outcome.record', ({ id, version, outcome }, ctx) => {
    const episodeId = getQueueItem(db, id)?.episodeId ?? null;
    const question = commitChanges(deps, () => [recordOutcome(deps, ctx.actor, id, version, outcome)]);
    publish(deps, episodeId, false);
    // The target episode now lists the question among those deferred to it.
    if (outcome.kind === 'deferred' && outcome.toEpisodeId !== null) publish(deps, outcome.toEpisodeId, false);
    return question;
  });

  registry.register('department.list', () => ({ items: listDepartments(db) }));

  registry.register('prompter.cue', ({ cue }) => {
    setCue(db, cue, deps.now());
    const state = readPrompterState(db);
    deps.bus.emit('prompter.state', state);
    return state;
  });

  registry.register('prompter.countdown', ({ seconds }) => {
    const now = deps.now();
    setCountdown(db, seconds === null ? null : now + seconds * 1000, now);
    const state = readPrompterState(db);
    deps.bus.emit('prompter.state', state);
    return state;
  });
}
