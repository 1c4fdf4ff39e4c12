import type { ControlState } from '../../../shared/protocol';
import { readGraphicsState } from '../graphics/state';
import { toPrompterItem } from '../prompter';
import { readPrompterState } from '../prompter';
import type { Db } from '../store/db';
import { getCurrentEpisode } from '../store/episodes';
import { getQuestion } from '../store/questions';
import { listRundownItems } from '../store/queue';
import { listSpeakers } from '../store/speakers';

/** `m:ss`, as a button's label shows it. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Button feedback for a panel: built from the teleprompter's and the graphics' projections (the
 * same data the speaker and the viewers see) plus queue lengths, so it carries no contact data.
 */
export function readControlState(db: Db): ControlState {
  const prompter = readPrompterState(db);
  const graphics = readGraphicsState(db);
  const episode = getCurrentEpisode(db);
  const items = episode ? listRundownItems(db, episode.id).filter((item) => item.status === 'queued') : [];
  // The very item the graphics draw for the question on the teleprompter: one "asked by N" everywhere.
  const question = prompter.current ? getQuestion(db, prompter.current.id) : null;
  const current = question ? toPrompterItem(question) : null;
  const seconds = prompter.countdown ? Math.ceil(prompter.countdown.remainingMs / 1000) : 0;
  return {
    episode: episode ? { id: episode.id, title: episode.title, status: episode.status } : null,
    onAir: current
      ? { id: current.id, askerFirstName: current.askerFirstName, district: current.district, askedBy: current.askedBy }
      : null,
    nextId: prompter.next?.id ?? null,
    queued: items.length,
    queues: episode
      ? listSpeakers(db, episode.id).map((s) => ({
          speakerId: s.id,
          name: s.name,
          queued: items.filter((item) => item.speakerId === s.id).length,
        }))
      : [],
    countdown: prompter.countdown
      ? { endsAt: prompter.countdown.endsAt, remainingSeconds: seconds, text: clock(seconds) }
      : null,
    cue: prompter.cue,
    graphics: { shown: graphics.shown !== null, questionId: graphics.shown?.id ?? null },
  };
}
