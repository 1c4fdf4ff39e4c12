import { describe, expect, it } from 'vitest';
import { DEFAULT_PACE, MakingPace } from '../../../electron/core/intake/pace';

function paced() {
  let now = 0;
  const pace = new MakingPace({ ...DEFAULT_PACE, clock: () => now });
  return { pace, advance: (ms: number) => (now += ms) };
}

describe('making questions, paced', () => {
  it('makes a quiet desk’s questions inline, however many a slice can hold', () => {
    const { pace, advance } = paced();
    advance(1000);
    expect(pace.fitsInline(50)).toBe(true);
    expect(pace.budgetMs()).toBe(DEFAULT_PACE.maxSliceMs);
  });

  it('takes only its share of the time while messages keep arriving', () => {
    const { pace, advance } = paced();
    pace.arrived();
    pace.record(10, 3);
    expect(pace.sliceSize()).toBe(0);
    expect(pace.fitsInline(50)).toBe(false);
    expect(pace.fitsInline(DEFAULT_PACE.alwaysInlineUpTo)).toBe(true);
    // Over 100 ms of arrivals, slices may use share × 100 ms, whatever else the thread did.
    let spent = 0;
    for (let t = 0; t < 100; t++) {
      advance(1);
      pace.arrived();
      const size = pace.sliceSize();
      if (size > 0) {
        pace.record(size, size * 0.3);
        spent += size * 0.3;
      }
    }
    expect(spent).toBeGreaterThan(100 * DEFAULT_PACE.share - 3.5);
    expect(spent).toBeLessThanOrEqual(100 * DEFAULT_PACE.share);
  });

  it('says how long until the next question fits, and takes whole slices once arrivals stop', () => {
    const { pace, advance } = paced();
    pace.arrived();
    pace.record(1, 0.3);
    expect(pace.msUntilNext()).toBeGreaterThan(0);
    advance(pace.msUntilNext());
    pace.arrived();
    expect(pace.sliceSize()).toBe(1);
    advance(DEFAULT_PACE.quietAfterMs + 1);
    expect(pace.budgetMs()).toBe(DEFAULT_PACE.maxSliceMs);
  });

  it('makes a question costlier than the longest slice rather than stall behind it', () => {
    let now = 0;
    const pace = new MakingPace({ ...DEFAULT_PACE, maxSliceMs: 1, clock: () => now });
    for (let i = 0; i < 5; i++) pace.record(1, 40);
    now += 1000;
    expect(pace.sliceSize()).toBe(1);
  });
});
