import dayjs from 'dayjs';
import { AppError } from '../../../shared/errors';
import type { Episode, Question, Rundown, RundownItem } from '../../../shared/protocol';
import { CITY_TZ } from '../../../shared/time';
import type { CommandRegistry } from '../commands/registry';
import { setPrompterClock } from '../prompter';
import { commitChanges, transition, type StateDeps } from '../questionState';
import { insertAudit } from '../store/audit';
import { setCountdown, setCue } from '../store/cues';
import { listDepartments } from '../store/departments';
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
import { listDeferredHere, listEpisodeOutcomes } from '../store/outcomes';
import { getQuestion, listByStatus } from '../store/questions';
import { appendToQueue, getQueueItem, listPending, listRundownItems, moveInQueue, removeFromQueue } from '../store/queue';
import { getSpeaker, listSpeakers, replaceSpeakers } from '../store/speakers';
import { followLateAskers } from './lateAskers';
import { episodeOf, putOnAir, takeNext, undoAir, type AirDesk } from './onAir';
import { recordOutcome } from './outcome';
import { OnAirProjection } from './projection';

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

/** Every producer's rundown follows the same episode state; the on-air projection follows it too. */
function publish(deps: StateDeps, episodeId: number | null): Rundown | null {
  const episode = episodeId === null ? null : getEpisode(deps.db, episodeId);
  const rundown = episode ? readRundown(deps, episode) : null;
  if (rundown) deps.bus.emit('rundown.changed', rundown);
  return rundown;
}

function publishRundown(deps: StateDeps, episodeId: number): Rundown {
  const rundown = publish(deps, episodeId);
  if (!rundown) throw new AppError('not_found');
  return rundown;
}

/** A finished episode is a record: nothing in it changes any more. */
function mustBeOpen(episode: Episode): void {
  if (episode.status === 'done') throw new AppError('invalid_transition', { messageKey: 'rundown.error.episodeDone' });
}

/** What still needs an outcome, on air first, then each speaker's queue in speaker order. */
function pendingItems(deps: StateDeps, episodeId: number): RundownItem[] {
  const order = new Map(listSpeakers(deps.db, episodeId).map((s, i) => [s.id, i]));
  return listRundownItems(deps.db, episodeId).sort(
    (a, b) =>
      Number(b.status === 'on_air') - Number(a.status === 'on_air') ||
      (order.get(a.speakerId) ?? 0) - (order.get(b.speakerId) ?? 0) ||
      a.position - b.position,
  );
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

export function registerRundownCommands(registry: CommandRegistry, deps: StateDeps): void {
  const { db } = deps;
  const desk: AirDesk = { last: null };
  setPrompterClock(db, deps.now);
  const onAirNow = () => listByStatus(db, 'on_air', 1)[0] ?? null;
  const projection = new OnAirProjection(deps);
  followLateAskers(deps, (episodeId) => publish(deps, episodeId));

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
        mustBeOpen(mustGetEpisode(deps, id));
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

  registry.register('episode.end', ({ id, deferRest }, ctx) => {
    const deferred: Question[] = [];
    db.transaction(() => {
      const episode = mustGetEpisode(deps, id);
      if (episode.status !== 'live') throw new AppError('invalid_transition', { messageKey: 'rundown.error.notLive' });
      // "Defer all the rest": what is left goes, in running order, to the episode chosen.
      if (deferRest) {
        for (const item of pendingItems(deps, id)) {
          deferred.push(recordOutcome(deps, ctx.actor, item.questionId, item.version, { kind: 'deferred', ...deferRest }));
        }
      }
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
    for (const q of deferred) deps.bus.emit('question.updated', q);
    if (deferRest?.toEpisodeId) publish(deps, deferRest.toEpisodeId);
    return publishRundown(deps, id);
  });

  registry.register('episode.setActiveSpeaker', ({ id, speakerId }) => {
    db.transaction(() => {
      const speaker = getSpeaker(db, speakerId);
      if (!speaker || speaker.episodeId !== id) throw new AppError('not_found', { field: 'speakerId' });
      mustBeOpen(mustGetEpisode(deps, id));
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
    publish(deps, target.episodeId);
    return { question, ...target };
  });

  registry.register('queue.move', ({ questionId, speakerId, index }) => {
    const episodeId = db.transaction(() => {
      const item = getQueueItem(db, questionId);
      if (!item) throw new AppError('not_found');
      const speaker = getSpeaker(db, speakerId);
      if (!speaker || speaker.episodeId !== item.episodeId) throw new AppError('not_found', { field: 'speakerId' });
      mustBeOpen(mustGetEpisode(deps, item.episodeId));
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
    publish(deps, episodeId);
    return question;
  });

  registry.register('question.putOnAir', (ref, ctx) => {
    const question = commitChanges(deps, () => putOnAir(deps, desk, ctx.actor, ref));
    publish(deps, episodeOf(deps, ref.id));
    return question;
  });

  registry.register('show.next', (request, ctx) => {
    const live = getLiveEpisode(db);
    commitChanges(deps, () => takeNext(deps, desk, ctx.actor, request));
    publish(deps, live?.id ?? null);
    return { onAir: onAirNow() };
  });

  registry.register('show.undo', (_input, ctx) => {
    const live = getLiveEpisode(db);
    commitChanges(deps, () => undoAir(deps, desk, ctx.actor));
    publish(deps, live?.id ?? null);
    return { onAir: onAirNow() };
  });

  registry.register('episode.pending', ({ id }) => {
    mustGetEpisode(deps, id);
    return { items: pendingItems(deps, id) };
  });

  registry.register('outcome.record', ({ id, version, outcome }, ctx) => {
    const episodeId = getQueueItem(db, id)?.episodeId ?? null;
    const question = commitChanges(deps, () => {
      const wasOnAir = getQuestion(db, id)?.status === 'on_air';
      const decided = recordOutcome(deps, ctx.actor, id, version, outcome);
      // A cue belongs to the question it was sent during.
      if (wasOnAir) setCue(db, null, deps.now());
      return [decided];
    });
    publish(deps, episodeId);
    // The target episode now lists the question among those deferred to it.
    if (outcome.kind === 'deferred' && outcome.toEpisodeId !== null) publish(deps, outcome.toEpisodeId);
    return question;
  });

  registry.register('department.list', () => ({ items: listDepartments(db) }));

  registry.register('prompter.cue', ({ cue }) => {
    setCue(db, cue, deps.now());
    return projection.refresh();
  });

  registry.register('prompter.countdown', ({ seconds }) => {
    const now = deps.now();
    setCountdown(db, seconds === null ? null : now + seconds * 1000, now);
    return projection.refresh();
  });
}
