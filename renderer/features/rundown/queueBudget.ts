import type { Episode, RundownItem } from '../../../shared/protocol';

/** What one question takes on air when nothing better is known: read out, answered, moved on. */
export const PLANNED_QUESTION_MS = 3 * 60_000;

export interface QueueBudget {
  queued: number;
  /** The queued questions' planned time, on air now included (its planned time less what it has had). */
  plannedMs: number;
  /** Show time left: the whole duration before the start, none after the end. */
  remainingMs: number;
  /** Positive: the queue runs past the end of the show by this much; negative: time to spare. */
  overMs: number;
}

/** The queue measured against the clock, so the producer sees early whether to cut or add. */
export function queueBudget(episode: Episode, items: readonly RundownItem[], now: number): QueueBudget {
  const queued = items.filter((i) => i.status === 'queued');
  const onAir = items.find((i) => i.status === 'on_air');
  const onAirLeft = onAir ? Math.max(0, PLANNED_QUESTION_MS - (onAir.airedMs + (onAir.onAirSince ? now - onAir.onAirSince : 0))) : 0;
  const plannedMs = queued.length * PLANNED_QUESTION_MS + onAirLeft;
  const durationMs = episode.durationMin * 60_000;
  const remainingMs =
    episode.endedAt !== null ? 0 : episode.startedAt === null ? durationMs : Math.max(0, durationMs - (now - episode.startedAt));
  return { queued: queued.length, plannedMs, remainingMs, overMs: plannedMs - remainingMs };
}
