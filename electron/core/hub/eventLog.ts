import { randomBytes } from 'node:crypto';
import { mayReceive, type EventCursor, type EventName, type Role } from '../../../shared/protocol';

/** One event as it went out: its place in the stream, its name, its serialised item. */
export interface LoggedEvent {
  seq: number;
  name: EventName;
  /** `{"name":…,"payload":…,"seq":…}`, serialised once for every client and every replay. */
  item: string;
}

/**
 * The server's event stream: every event gets the next sequence number and the newest `capacity`
 * are kept, so a console that lost its socket for a moment gets exactly what it missed instead
 * of reloading (and losing its scroll). A restart starts a new epoch: old cursors no longer fit.
 */
export class EventLog {
  readonly epoch = randomBytes(6).toString('base64url').replace(/_/g, '-');
  private seq = 0;
  private readonly ring: Array<LoggedEvent | undefined>;
  private start = 0;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.ring = new Array<LoggedEvent | undefined>(capacity);
  }

  get cursor(): EventCursor {
    return { epoch: this.epoch, seq: this.seq };
  }

  append(name: EventName, payload: unknown): LoggedEvent {
    const seq = ++this.seq;
    const event: LoggedEvent = { seq, name, item: JSON.stringify({ name, payload, seq }) };
    if (this.size < this.capacity) {
      this.ring[(this.start + this.size) % this.capacity] = event;
      this.size++;
    } else {
      this.ring[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
    }
    return event;
  }

  /**
   * The events after `cursor` that `role` may receive, oldest first; null when they cannot all
   * be given (another epoch, a cursor from the future, or older events already dropped).
   */
  since(cursor: EventCursor, role: Role): LoggedEvent[] | null {
    if (cursor.epoch !== this.epoch || cursor.seq > this.seq) return null;
    const oldest = this.size === 0 ? this.seq + 1 : this.ring[this.start]!.seq;
    if (cursor.seq < oldest - 1) return null;
    const out: LoggedEvent[] = [];
    for (let i = cursor.seq + 1 - oldest; i < this.size; i++) {
      const event = this.ring[(this.start + i) % this.capacity]!;
      if (mayReceive(role, event.name)) out.push(event);
    }
    return out;
  }
}
