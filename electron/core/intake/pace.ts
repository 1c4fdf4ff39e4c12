/**
 * When, and how much, intake makes questions. A message is acknowledged once its ledger row is
 * committed (a few microseconds); making its question — analysis, grouping, the search index —
 * costs about half a millisecond plus a commit that writes every page it touched. A quiet desk
 * makes each question in the commit that acknowledges it, so it is in the console the moment its
 * sender hears back. Past a steady trickle (or for a batch too big for one slice) questions are
 * made a moment later, in slices every few milliseconds that share one commit. A slice's time
 * budget is what keeps up with what arrives and waits (measured cost × rate, with a margin), up to
 * `maxShare` of the thread — so a storm of 1,000 messages a second is made as it comes, however
 * busy the machine, and accepting always keeps the rest; or, when more is left over, whatever the
 * thread has idle minus some headroom. Only arrivals beyond what `maxShare` can make wait, in the
 * ledger, first in first out, and are made at full speed when the storm eases.
 */
export interface PaceOptions {
  /** Share of wall-clock time making questions always gets while messages arrive (0–1). */
  minShare: number;
  /** Most of the thread making may take to keep up with a storm; accepting keeps the rest (0–1). */
  maxShare: number;
  /** Keeping up aims this much above the measured need, so a backlog shrinks instead of holding. */
  keepUpMargin: number;
  /** Share of wall-clock time kept free for accepting and everything else (0–1). */
  headroom: number;
  /** No slice holds the thread longer than this (commands and sockets wait meanwhile). */
  maxSliceMs: number;
  /** While messages arrive, slices come this often, so each carries several questions. */
  sliceEveryMs: number;
  /** Below this many arrivals a second, batches of up to `alwaysInlineUpTo` are made inline. */
  inlineBelowPerSecond: number;
  alwaysInlineUpTo: number;
  /** No arrival for this long and the desk counts as quiet: making questions may take whole slices. */
  quietAfterMs: number;
  clock: () => number;
  /** Milliseconds the event loop has been busy, cumulative (performance.eventLoopUtilization().active). */
  busyMs: () => number;
}

// maxShare 0.6: at a sustained 1,000 messages a second on 2 cores making needs about half the
// thread and accepting about a third; at 0.75 making starved accepting, and senders waited
// seconds for their acknowledgement (the bench's live row reports it) while the consoles were no
// faster.
export const DEFAULT_PACE: Omit<PaceOptions, 'clock' | 'busyMs'> = {
  minShare: 0.1,
  maxShare: 0.6,
  keepUpMargin: 1.25,
  headroom: 0.2,
  maxSliceMs: 20,
  sliceEveryMs: 16,
  inlineBelowPerSecond: 200,
  alwaysInlineUpTo: 8,
  quietAfterMs: 50,
};

const RATE_WINDOW_MS = 1000;
const SHARE_WINDOW_MS = 50;

export class MakingPace {
  /** Milliseconds of making earned and not yet spent (negative after a slice that overran). */
  private budget = 0;
  private lastRefill: number;
  private lastBusy: number;
  /** Making time recorded since the share was last estimated, to tell it apart from the loop's other work. */
  private madeSinceShare = 0;
  /** Share of time making may take now, re-estimated every SHARE_WINDOW_MS. */
  private share: number;
  private shareSince: number;
  private lastArrival = -Infinity;
  /** Arrivals in the current and the previous rate window. */
  private windowStart: number;
  private windowCount = 0;
  private previousWindowCount = 0;
  /** Running estimate of the cost of one question, refined by every slice. */
  private msPerQuestion = 0.3;
  /** Questions waiting, as last told. */
  private waiting = 0;

  constructor(private readonly options: PaceOptions) {
    this.lastRefill = options.clock();
    this.windowStart = this.lastRefill;
    this.lastBusy = options.busyMs();
    this.shareSince = this.lastRefill;
    this.share = options.minShare;
  }

  /** Called for every arrival. */
  arrived(): void {
    const now = this.options.clock();
    this.lastArrival = now;
    this.rollWindow(now);
    this.windowCount++;
  }

  /** Arrivals per second over roughly the last second. */
  arrivalsPerSecond(): number {
    const now = this.options.clock();
    this.rollWindow(now);
    const intoWindow = (now - this.windowStart) / RATE_WINDOW_MS;
    return this.previousWindowCount * (1 - intoWindow) + this.windowCount;
  }

  isQuiet(): boolean {
    return this.options.clock() - this.lastArrival > this.options.quietAfterMs;
  }

  /**
   * Milliseconds the next slice may take, with `waiting` questions still to make (when not given,
   * as many as the last call said: a slice's record must not read as an empty backlog).
   */
  budgetMs(waiting = this.waiting): number {
    this.waiting = waiting;
    const { minShare, maxShare, keepUpMargin, headroom, maxSliceMs, clock, busyMs } = this.options;
    const now = clock();
    const elapsed = now - this.lastRefill;
    // The loop's other work is read over a window that spans slices and the gaps between them: read
    // over one slice alone it is nothing, over one gap alone it is everything.
    const sinceShare = now - this.shareSince;
    if (sinceShare >= SHARE_WINDOW_MS) {
      const busy = busyMs();
      const otherWork = Math.max(0, busy - this.lastBusy - this.madeSinceShare) / sinceShare;
      // What it takes to make this second's arrivals and what already waits within about a second.
      const keepUp = ((this.arrivalsPerSecond() + waiting) * this.msPerQuestion * keepUpMargin) / 1000;
      this.share = Math.max(minShare, Math.min(maxShare, keepUp), 1 - headroom - otherWork);
      this.lastBusy = busy;
      this.madeSinceShare = 0;
      this.shareSince = now;
    }
    if (this.isQuiet()) this.budget = maxSliceMs;
    else this.budget = Math.min(maxSliceMs, this.budget + elapsed * this.share);
    this.lastRefill = now;
    return this.budget;
  }

  /** Whether `count` just-arrived questions may be made inside the commit that acknowledges them. */
  fitsInline(count: number): boolean {
    if (this.arrivalsPerSecond() >= this.options.inlineBelowPerSecond) return false;
    return count <= this.options.alwaysInlineUpTo || count * this.msPerQuestion <= this.options.maxSliceMs;
  }

  /**
   * How many questions the next slice should make (0: none yet). A full budget always makes one,
   * so a question costlier than the longest slice cannot stall the ones after it.
   */
  sliceSize(waiting?: number): number {
    const budget = this.budgetMs(waiting);
    const size = Math.floor(budget / this.msPerQuestion);
    return budget >= this.options.maxSliceMs ? Math.max(1, size) : Math.max(0, size);
  }

  /**
   * How long to wait before the next slice. While what waits fits in one slice, slices come every
   * `sliceEveryMs` (so several questions share a commit). Beyond that, slices of `maxSliceMs` follow
   * each other as soon as the share has earned them: a fixed gap after each slice would cap making
   * at maxSliceMs / (maxSliceMs + gap) of the loop, well under `maxShare`, and a storm's backlog
   * would grow while the loop sat partly idle.
   */
  msUntilNextSlice(waiting?: number): number {
    if (this.isQuiet()) return 0;
    const { maxSliceMs, sliceEveryMs } = this.options;
    const wanted = Math.min(maxSliceMs, Math.max(this.msPerQuestion, (waiting ?? this.waiting) * this.msPerQuestion));
    const missing = wanted - this.budgetMs(waiting);
    const wait = Math.max(0, missing / this.share);
    return wanted < maxSliceMs ? Math.max(sliceEveryMs, wait) : wait;
  }

  /** Records a slice (or an inline batch) that made `count` questions in `spentMs`. */
  record(count: number, spentMs: number): void {
    if (count > 0) this.msPerQuestion = 0.8 * this.msPerQuestion + 0.2 * (spentMs / count);
    // Spent first, then refilled: what the slice's own time earned is not lost to the cap.
    this.budget -= spentMs;
    this.madeSinceShare += spentMs;
    this.budgetMs();
  }

  private rollWindow(now: number): void {
    if (now - this.windowStart < RATE_WINDOW_MS) return;
    const windows = Math.floor((now - this.windowStart) / RATE_WINDOW_MS);
    this.previousWindowCount = windows === 1 ? this.windowCount : 0;
    this.windowCount = 0;
    this.windowStart += windows * RATE_WINDOW_MS;
  }
}
