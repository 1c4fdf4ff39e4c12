import type { Presence } from '../../../shared/protocol';

/** A producer who stops reporting without closing their socket (lost network) disappears after this long. */
export const PRESENCE_TTL_MS = 30_000;

/**
 * Who is looking at what, in memory only: it is live information, worthless after a restart.
 * Clients report on every change and every 10 s; a session leaves when its socket closes, and
 * silent sessions expire.
 */
export class PresenceBoard {
  private readonly bySession = new Map<string, Presence>();

  constructor(private readonly now: () => number) {}

  update(entry: Omit<Presence, 'at'>): Presence[] {
    this.bySession.set(entry.session, { ...entry, at: this.now() });
    this.expire();
    return this.list();
  }

  /** Drops silent sessions; true when anything was dropped (the others should hear of it). */
  expire(): boolean {
    const cutoff = this.now() - PRESENCE_TTL_MS;
    let dropped = false;
    for (const [session, p] of this.bySession) {
      if (p.at < cutoff) {
        this.bySession.delete(session);
        dropped = true;
      }
    }
    return dropped;
  }

  /** Drops sessions whose connection has closed; true when anything was dropped. */
  remove(sessions: readonly string[]): boolean {
    let dropped = false;
    for (const session of sessions) dropped = this.bySession.delete(session) || dropped;
    return dropped;
  }

  list(): Presence[] {
    return [...this.bySession.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
