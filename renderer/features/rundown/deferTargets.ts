import type { Episode } from '../../../shared/protocol';

/**
 * Episodes a question in `current` can be deferred to: every other episode that has not ended, as
 * the server accepts (episodes may share a planned start). Those from this one's start on come
 * first, then earlier ones; each part by planned start.
 */
export function deferTargets(episodes: readonly Episode[], current: Episode): Episode[] {
  const earlier = (e: Episode): number => Number(e.plannedStart < current.plannedStart);
  return episodes
    .filter((e) => e.id !== current.id && e.status !== 'done')
    .sort((a, b) => earlier(a) - earlier(b) || a.plannedStart - b.plannedStart || a.id - b.id);
}
