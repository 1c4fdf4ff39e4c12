import { TICKER_ITEMS, type GraphicsItem, type GraphicsState } from '../../../shared/protocol';
import { toPrompterItem } from '../prompter';
import type { Db } from '../store/db';
import { getLiveEpisode } from '../store/episodes';
import { getGraphicsQuestion, getGraphicsStyle } from '../store/graphics';
import { getQuestion, listByStatus } from '../store/questions';
import { getQueueItem, listRundownItems } from '../store/queue';
import { listSpeakers } from '../store/speakers';

/**
 * The questions still to be read, in the order the show will take them: the speaker answering now
 * first (as the teleprompter's "next" does), then the other speakers in running order.
 */
function upcoming(db: Db): GraphicsItem[] {
  const episode = getLiveEpisode(db);
  if (!episode) return [];
  const onAir = listByStatus(db, 'on_air', 1)[0];
  const answering = (onAir ? getQueueItem(db, onAir.id)?.speakerId : null) ?? episode.activeSpeakerId;
  const order = new Map(listSpeakers(db, episode.id).map((s, i) => [s.id, i]));
  const rank = (speakerId: number): number => (speakerId === answering ? -1 : (order.get(speakerId) ?? 0));
  return listRundownItems(db, episode.id)
    .filter((item) => item.status === 'queued')
    .sort((a, b) => rank(a.speakerId) - rank(b.speakerId) || a.position - b.position)
    .slice(0, TICKER_ITEMS)
    .flatMap((item) => {
      const question = getQuestion(db, item.questionId);
      return question ? [toPrompterItem(question)] : [];
    });
}

/**
 * What the graphics page shows. The taken question is shown only while it is on air: a question
 * that left air (answered, put back, undone) is never left on screen, whatever the stored row says.
 */
export function readGraphicsState(db: Db): GraphicsState {
  const id = getGraphicsQuestion(db);
  const question = id === null ? null : getQuestion(db, id);
  return {
    shown: question?.status === 'on_air' ? toPrompterItem(question) : null,
    upcoming: upcoming(db),
    style: getGraphicsStyle(db),
  };
}
