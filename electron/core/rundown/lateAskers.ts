import type { Question } from '../../../shared/protocol';
import type { StateDeps } from '../questionState';
import { activeMemberId } from '../store/groups';
import { getQuestion } from '../store/questions';
import { getQueueItem } from '../store/queue';

/** Late askers of one question arrive in bursts on air: their counts go out together. */
const BATCH_MS = 250;

/**
 * A late asker joins the member the show has taken up (see `joinActiveGroup`); its "asked by N"
 * grew without that question changing, so it is published again: consoles and the on-air
 * projection follow `question.updated`, the rundown its episode's `rundown.changed`.
 */
export function followLateAskers(deps: StateDeps, publishEpisode: (episodeId: number) => void): void {
  const groups = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    timer = null;
    // The desk stopped meanwhile: nothing left to tell.
    if (!deps.db.open) return;
    const episodes = new Set<number>();
    for (const groupId of groups) {
      const id = activeMemberId(deps.db, groupId, 0);
      const active = id === null ? null : getQuestion(deps.db, id);
      if (!active) continue;
      deps.bus.emit('question.updated', active);
      const item = getQueueItem(deps.db, active.id);
      if (item) episodes.add(item.episodeId);
    }
    groups.clear();
    for (const episodeId of episodes) publishEpisode(episodeId);
  };
  deps.bus.on('question.created', (q: Question) => {
    if (q.status !== 'merged' || q.groupId === null) return;
    groups.add(q.groupId);
    timer ??= setTimeout(flush, BATCH_MS);
  });
}
