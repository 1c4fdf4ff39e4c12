import type { GraphicsState, Question } from '../../../shared/protocol';
import type { StateDeps } from '../questionState';
import { getGraphicsQuestion, getGraphicsStyle, setGraphicsQuestion } from '../store/graphics';
import { listByStatus } from '../store/questions';
import { readGraphicsState } from './state';

/**
 * What the graphics page shows, fed by the same events as the on-air projection. It keeps two
 * rules on every change: a taken question that left air is cleared (it never comes back on screen
 * without a new take), and with `autoTake` the question on air is taken. `graphics.state` is
 * published only when what viewers would see changed.
 */
export class GraphicsProjection {
  private last: string;
  private state: GraphicsState;

  constructor(private readonly deps: StateDeps) {
    this.state = this.settle();
    this.last = JSON.stringify(this.state);
    deps.bus.on('prompter.state', () => this.refresh());
    deps.bus.on('rundown.changed', () => this.refresh());
    deps.bus.on('question.updated', (q) => {
      if (this.concerns(q)) this.refresh();
    });
  }

  get current(): GraphicsState {
    return this.state;
  }

  /** On air, queued, or on screen now (a merge changes the group's size, an edit the wording). */
  private concerns(q: Question): boolean {
    return (
      q.status === 'on_air' ||
      q.status === 'queued' ||
      q.id === this.state.shown?.id ||
      this.state.upcoming.some((item) => item.id === q.id)
    );
  }

  /** Applies the two rules to the stored row, then reads the state. */
  private settle(): GraphicsState {
    const { db, now } = this.deps;
    const onAir = listByStatus(db, 'on_air', 1)[0] ?? null;
    const taken = getGraphicsQuestion(db);
    const wanted = getGraphicsStyle(db).autoTake && onAir ? onAir.id : taken === onAir?.id ? taken : null;
    if (wanted !== taken) setGraphicsQuestion(db, wanted, now());
    return readGraphicsState(db);
  }

  /** Recomputes; publishes `graphics.state` if it changed. Returns the fresh state. */
  refresh(): GraphicsState {
    this.state = this.settle();
    const key = JSON.stringify(this.state);
    if (key !== this.last) {
      this.last = key;
      this.deps.bus.emit('graphics.state', this.state);
    }
    return this.state;
  }
}
