import type { PrompterState, Question } from '../../../shared/protocol';
import { readPrompterState } from '../prompter';
import type { StateDeps } from '../questionState';

/** What the speaker sees, without the ever-moving part: the countdown is compared by its end. */
function fingerprint(state: PrompterState): string {
  return JSON.stringify({ ...state, countdown: state.countdown?.endsAt ?? null });
}

/**
 * The one on-air projection: the teleprompter, the rundown's "on air now" and the console banner
 * all read it. It is recomputed when something on air, queued or in the rundown changes, and
 * published only when what the speaker sees actually changed — not on every question commit.
 */
export class OnAirProjection {
  private last = '';
  private current: PrompterState;

  constructor(private readonly deps: StateDeps) {
    this.current = readPrompterState(deps.db);
    this.last = fingerprint(this.current);
    deps.bus.on('question.updated', (q) => {
      if (this.concerns(q)) this.refresh();
    });
    deps.bus.on('rundown.changed', () => this.refresh());
  }

  /** A question matters to the air if it is (or was) on air or queued, or is shown as current/next. */
  private concerns(q: Question): boolean {
    return (
      q.status === 'on_air' ||
      q.status === 'queued' ||
      q.id === this.current.current?.id ||
      q.id === this.current.next?.id
    );
  }

  /** Recomputes; publishes `prompter.state` if it changed. Returns the fresh state. */
  refresh(): PrompterState {
    const state = readPrompterState(this.deps.db);
    this.current = state;
    const key = fingerprint(state);
    if (key !== this.last) {
      this.last = key;
      this.deps.bus.emit('prompter.state', state);
    }
    return state;
  }
}
