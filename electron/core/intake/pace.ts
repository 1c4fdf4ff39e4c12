/**
 * How much of the main thread making questions may take while messages keep arriving. A message
 * is acknowledged once its ledger row is committed (a few microseconds); making its question —
 * analysis, grouping, the search index — costs about a third of a millisecond. When the desk is
 * quiet the question is made in the same commit as the ledger row; under a flood it is made a
 * moment later, paced by a time budget that leaves most of the thread to accepting, so a flood is
 * absorbed instead of slowing every sender down, and made at full speed once it stops (a tenth of
 * the thread makes some 300 questions a second; a whole show's questions fit in a minute of that).
 */
export interface PaceOptions {
  /** Share of wall-clock time for making questions while messages are arriving (0–1). */
  share: number;
  /** No slice holds the thread longer than this (commands and sockets wait meanwhile). */
  maxSliceMs: number;
  /**
   * Batches up to this size are always made inline when nothing older waits: a handful of
   * concurrent senders is no flood, and their questions are in the console the moment they hear back.
   */
  alwaysInlineUpTo: number;
  /** No arrival for this long and the desk counts as quiet: making questions may take whole slices. */
  quietAfterMs: number;
  clock: () => number;
}

export const DEFAULT_PACE: Omit<PaceOptions, 'clock'> = { share: 0.1, maxSliceMs: 20, alwaysInlineUpTo: 8, quietAfterMs: 50 };

export class MakingPace {
  /** Milliseconds of making earned and not yet spent (negative after a slice that overran). */
  private budget = 0;
  private lastRefill: number;
  private lastArrival = -Infinity;
  /** Running estimate of the cost of one question, refined by every slice. */
  private msPerQuestion = 0.3;

  constructor(private readonly options: PaceOptions) {
    this.lastRefill = options.clock();
  }

  /** Called for every arrival: while they keep coming, making questions gets only its share. */
  arrived(): void {
    this.lastArrival = this.options.clock();
  }

  /** Milliseconds the next slice may take. */
  budgetMs(): number {
    const { share, maxSliceMs, quietAfterMs, clock } = this.options;
    const now = clock();
    if (now - this.lastArrival > quietAfterMs) this.budget = maxSliceMs;
    else this.budget = Math.min(maxSliceMs, this.budget + (now - this.lastRefill) * share);
    this.lastRefill = now;
    return this.budget;
  }

  /** Whether `count` questions may be made now, inside the commit that acknowledges them. */
  fitsInline(count: number): boolean {
    return count <= this.options.alwaysInlineUpTo || count * this.msPerQuestion <= this.budgetMs();
  }

  /**
   * How many questions the next slice should make (0: none yet, see `msUntilNext`). A full budget
   * always makes one, so a question costlier than the longest slice cannot stall the ones after it.
   */
  sliceSize(): number {
    const budget = this.budgetMs();
    if (budget >= this.options.maxSliceMs) return Math.max(1, Math.floor(budget / this.msPerQuestion));
    return Math.max(0, Math.floor(budget / this.msPerQuestion));
  }

  /** How long until one more question fits the budget. */
  msUntilNext(): number {
    const missing = Math.min(this.msPerQuestion, this.options.maxSliceMs) - this.budgetMs();
    return missing <= 0 ? 0 : missing / this.options.share;
  }

  /** Records a slice (or an inline batch) that made `count` questions in `spentMs`. */
  record(count: number, spentMs: number): void {
    if (count > 0) this.msPerQuestion = 0.8 * this.msPerQuestion + 0.2 * (spentMs / count);
    this.budgetMs();
    this.budget -= spentMs;
  }
}
