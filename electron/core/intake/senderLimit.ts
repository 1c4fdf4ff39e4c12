const WINDOW_MS = 60_000;
/** Past this many tracked senders, idle ones are swept so a spray of ids cannot grow memory. */
const SWEEP_AT = 10_000;

/** Sliding one-minute window of accepted messages per sender key (channel + sender id). */
export class SenderLimiter {
  private readonly hits = new Map<string, number[]>();

  /** Records one message and says whether it is within `perMinute` (0 means unlimited). */
  take(key: string, perMinute: number, now: number): boolean {
    if (perMinute <= 0) return true;
    if (this.hits.size > SWEEP_AT) this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= perMinute) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((t) => t <= now - WINDOW_MS)) this.hits.delete(key);
    }
  }
}
