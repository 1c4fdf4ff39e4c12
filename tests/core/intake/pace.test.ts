import { describe, expect, it } from 'vitest';
import { DEFAULT_PACE, MakingPace } from '../../../electron/core/intake/pace';

/** A pace on a fake clock; `work(ms, busyShare)` lets time pass with the loop busy that share of it. */
function paced(options: Partial<typeof DEFAULT_PACE> = {}) {
  let now = 0;
  let busy = 0;
  const pace = new MakingPace({ ...DEFAULT_PACE, ...options, clock: () => now, busyMs: () => busy });
  return {
    pace,
    work: (ms: number, busyShare: number) => {
      now += ms;
      busy += ms * busyShare;
    },
    /** A making slice of `count` questions at 0.3 ms each: the loop is busy meanwhile. */
    make: (count: number) => {
      now += count * 0.3;
      busy += count * 0.3;
      pace.record(count, count * 0.3);
    },
  };
}

/**
 * `ms` milliseconds of `perMs` arrivals a millisecond with the loop busy `busyShare` of the time on other
 * work, each question costing 0.3 ms; returns making's share of the time. `backlog`: questions
 * already waiting at the start (Infinity: always more than any slice can make).
 */
function makingShare(busyShare: number, perMs = 1, backlog = Infinity, ms = 200): number {
  return paceRun(busyShare, perMs, backlog, ms).share;
}

/** As makingShare, and how many questions were still waiting at the end. */
function paceRun(busyShare: number, perMs: number, backlog: number, ms: number): { share: number; waiting: number } {
  const { pace, work, make } = paced();
  let made = 0;
  let waiting = backlog;
  for (let t = 0; t < ms; t++) {
    work(1, busyShare);
    for (let i = 0; i < perMs; i++) pace.arrived();
    waiting += perMs;
    const size = Math.min(waiting, pace.sliceSize(Number.isFinite(waiting) ? waiting : 0));
    waiting -= size;
    if (size > 0) {
      make(size);
      made += size * 0.3;
    }
  }
  return { share: made / (ms + made), waiting };
}

describe('making questions, paced', () => {
  it('makes a quiet desk’s questions inline, however many a slice can hold', () => {
    const { pace, work } = paced();
    work(1000, 0);
    expect(pace.fitsInline(50)).toBe(true);
    expect(pace.fitsInline(DEFAULT_PACE.maxSliceMs / 0.3 + 1)).toBe(false);
    expect(pace.budgetMs()).toBe(DEFAULT_PACE.maxSliceMs);
  });

  it('keeps up with a storm of 1,000 a second even when the loop is busy with everything else', () => {
    // 1 question a millisecond at 0.3 ms each: 30 % of the time (plus its margin) keeps up.
    // Two seconds: the arrival rate is measured over the last one.
    const { share, waiting } = paceRun(1, 1, 0, 2000);
    // Of 2,000 arrivals, no more than a slice's worth is left to make.
    expect(waiting).toBeLessThanOrEqual(DEFAULT_PACE.sliceEveryMs * 2);
    expect(share).toBeLessThanOrEqual(DEFAULT_PACE.maxShare + 0.01);
  });

  it('beyond what its largest share can make, takes that share and no more: accepting keeps the rest', () => {
    const share = makingShare(1, 10, 0, 2000);
    expect(share).toBeGreaterThan(DEFAULT_PACE.maxShare * 0.8);
    expect(share).toBeLessThanOrEqual(DEFAULT_PACE.maxShare + 0.01);
  });

  it('under a steady stream that leaves the loop mostly idle, uses the idle time, minus the headroom', () => {
    const share = makingShare(0.1);
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThanOrEqual(1 - DEFAULT_PACE.headroom);
  });

  it('makes a trickle inline, but not a batch too big for one slice, nor anything once arrivals pass the threshold', () => {
    const { pace, work } = paced();
    for (let i = 0; i < 20; i++) {
      work(10, 0.1);
      pace.arrived();
    }
    expect(pace.fitsInline(DEFAULT_PACE.alwaysInlineUpTo)).toBe(true);
    expect(pace.fitsInline(Math.ceil(DEFAULT_PACE.maxSliceMs / 0.3) + 1)).toBe(false);
    for (let i = 0; i < DEFAULT_PACE.inlineBelowPerSecond; i++) {
      work(1, 0.1);
      pace.arrived();
    }
    expect(pace.arrivalsPerSecond()).toBeGreaterThanOrEqual(DEFAULT_PACE.inlineBelowPerSecond);
    expect(pace.fitsInline(1)).toBe(false);
  });

  it('spaces slices while messages arrive, so several questions share a commit, and goes at once when quiet', () => {
    const { pace, work, make } = paced();
    pace.arrived();
    make(1);
    pace.arrived();
    const wait = pace.msUntilNextSlice();
    expect(wait).toBeGreaterThanOrEqual(DEFAULT_PACE.sliceEveryMs);
    work(wait, 1);
    pace.arrived();
    expect(pace.sliceSize()).toBeGreaterThanOrEqual(1);
    work(DEFAULT_PACE.quietAfterMs + 1, 0);
    expect(pace.msUntilNextSlice()).toBe(0);
    expect(pace.budgetMs()).toBe(DEFAULT_PACE.maxSliceMs);
  });

  it('with more waiting than a slice holds, lets slices follow each other at making’s share, not one per fixed gap', () => {
    // Following msUntilNextSlice as intake does: a fixed gap after every slice held making to
    // maxSliceMs / (maxSliceMs + sliceEveryMs) of the loop (55 %; 47 % here) while a storm's
    // backlog grew. The loop is idle 80 % of the gaps, so making may take the idle time.
    const { pace, work, make } = paced();
    let elapsed = 0;
    let making = 0;
    while (elapsed < 2000) {
      pace.arrived();
      const wait = Math.max(0.1, pace.msUntilNextSlice(100_000));
      work(wait, 0.2);
      const size = pace.sliceSize(100_000);
      make(size);
      elapsed += wait + size * 0.3;
      making += size * 0.3;
    }
    const fixedGapCap = DEFAULT_PACE.maxSliceMs / (DEFAULT_PACE.maxSliceMs + DEFAULT_PACE.sliceEveryMs);
    expect(making / elapsed).toBeGreaterThan(fixedGapCap + 0.05);
    expect(making / elapsed).toBeLessThanOrEqual(1 - DEFAULT_PACE.headroom + 0.01);
  });

  it('makes a question costlier than the longest slice rather than stall behind it', () => {
    const { pace, work } = paced({ maxSliceMs: 1 });
    for (let i = 0; i < 5; i++) pace.record(1, 40);
    work(1000, 0);
    expect(pace.sliceSize()).toBe(1);
  });
});
