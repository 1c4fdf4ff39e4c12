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
  /** The socket that last reported each session: a reconnected tab keeps its session when the old socket closes. */
  private readonly connectionOf = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  update(entry: Omit<Presence, 'at'>, connection: number): Presence[] {
    this.bySession.set(entry.session, { ...entry, at: this.now() });
    this.connectionOf.set(entry.session, connection);
    this.expire();
    return this.list();
  }

  /** Drops silent sessions; true when anything was dropped (the others should hear of it). */
  expire(): boolean {
    const cutoff = this.now() - PRESENCE_TTL_MS;
    let dropped = false;
    for (const [session, p] of this.bySession) {
      if (p.at < cutoff) dropped = this.drop(session) || dropped;
    }
    return dropped;
  }

  /** Drops the sessions a closed socket last reported; true when anything was dropped. */
  disconnected(connection: number): boolean {
    let dropped = false;
    for (const [session, owner] of this.connectionOf) {
      if (owner === connection) dropped = this.drop(session) || dropped;
    }
    return dropped;
  }

  private drop(session: string): boolean {
    this.connectionOf.delete(session);
    return this.bySession.delete(session);
  }

  list(): Presence[] {
    return [...this.bySession.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
