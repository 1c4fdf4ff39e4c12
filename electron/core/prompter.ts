import type { PrompterItem, PrompterState, Question } from '../../shared/protocol';
import { maskPersonalData } from './analysis/personalData';
import { getCueState } from './store/cues';
import type { Db } from './store/db';
import { getLiveEpisode } from './store/episodes';
import { getQuestion, listByStatus } from './store/questions';
import { firstSpeakerWithQueue, frontOfQueue, getQueueItem } from './store/queue';
import { getSpeaker } from './store/speakers';

/**
 * The core's injected clock, per database, so every caller (question commands included) computes
 * the countdown from the same time source — tests inject a clock and never wait.
 */
const clocks = new WeakMap<Db, () => number>();

export function setPrompterClock(db: Db, now: () => number): void {
  clocks.set(db, now);
}

export function toPrompterItem(question: Question): PrompterItem {
  return {
    id: question.id,
    text: maskPersonalData(question.airText),
    // Parsed at intake and confirmed by a producer: never the sender's full name or a surname.
    askerFirstName: question.airName,
    district: question.district,
    askedBy: Math.max(1, question.groupSize),
  };
}

/**
 * Current = the question on air; the live speaker = its speaker, else the episode's active one;
 * next = the front of the live speaker's queue (else of the first speaker with questions left).
 * Built only from the fields above, so contact data cannot leak into it.
 */
export function readPrompterState(db: Db): PrompterState {
  const now = (clocks.get(db) ?? Date.now)();
  const current = listByStatus(db, 'on_air', 1)[0] ?? null;
  const episode = getLiveEpisode(db);
  const currentSpeakerId = current ? (getQueueItem(db, current.id)?.speakerId ?? null) : null;
  const speakerId = currentSpeakerId ?? episode?.activeSpeakerId ?? null;
  let nextId = speakerId === null ? null : frontOfQueue(db, speakerId);
  if (nextId === null && episode) {
    const other = firstSpeakerWithQueue(db, episode.id);
    nextId = other === null ? null : frontOfQueue(db, other);
  }
  const next = nextId === null ? null : getQuestion(db, nextId);
  const speaker = speakerId === null ? null : getSpeaker(db, speakerId);
  const { cue, countdownEndsAt } = getCueState(db);
  return {
    current: current ? toPrompterItem(current) : null,
    next: next ? toPrompterItem(next) : null,
    speaker: speaker ? { name: speaker.name, portfolio: speaker.portfolio } : null,
    cue,
    countdown:
      countdownEndsAt === null ? null : { endsAt: countdownEndsAt, remainingMs: Math.max(0, countdownEndsAt - now) },
    rehearsal: episode?.rehearsal ?? false,
  };
}
