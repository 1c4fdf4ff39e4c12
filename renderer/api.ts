import {
  commands,
  events,
  formatCursor,
  isEventName,
  serverMessageSchema,
  type CommandName,
  type CommandReply,
  type CommandRequest,
  type EventCursor,
  type EventName,
  type EventPayload,
  type ReplyError,
  type Role,
} from '../shared/protocol';
import { errorText } from './i18n';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** A failed command: carries the server's typed error (code, message in the screen's language, fresh state). */
export class CommandError extends Error {
  constructor(readonly error: ReplyError) {
    super(errorText(error));
  }
}

interface PendingCommand {
  name: CommandName;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Listener = (payload: unknown) => void;

/** What a (re)connection brought: `resumed` when every event missed while offline was replayed. */
export interface ConnectInfo {
  resumed: boolean;
}

const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;

/**
 * The only renderer module that touches the WebSocket. One connection per page; it reconnects by
 * itself with back-off, and every message is validated against the shared schemas on arrival.
 */
export class DeskClient {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private retryMs = MIN_RETRY_MS;
  private readonly pending = new Map<number, PendingCommand>();
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private readonly connectListeners = new Set<(info: ConnectInfo) => void>();
  /** The last event received, sent back on reconnection so the server replays what was missed. */
  private cursor: EventCursor | null = null;
  private statusValue: ConnectionStatus = 'connecting';
  private stopped = false;

  constructor(
    private readonly role: Role,
    private readonly lang: () => string,
    /** Who this connection acts as in the audit trail; read on every (re)connection. */
    private readonly name: () => string = () => '',
  ) {
    this.open();
  }

  get status(): ConnectionStatus {
    return this.statusValue;
  }

  send<K extends CommandName>(name: K, payload: CommandRequest<K>): Promise<CommandReply<K>> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new CommandError({ code: 'internal', message: 'offline' }));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { name, resolve: resolve as (v: unknown) => void, reject });
      socket.send(JSON.stringify({ type: 'command', id, name, payload }));
    });
  }

  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  /**
   * Called on every (re)connection: the place to (re)load state that events then keep fresh. A
   * state that events alone keep whole may skip the reload when `resumed`.
   */
  onConnect(listener: (info: ConnectInfo) => void): () => void {
    this.connectListeners.add(listener);
    if (this.statusValue === 'online') listener({ resumed: false });
    return () => this.connectListeners.delete(listener);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  close(): void {
    this.stopped = true;
    this.socket?.close();
  }

  private setStatus(status: ConnectionStatus): void {
    this.statusValue = status;
    for (const l of this.statusListeners) l(status);
  }

  private open(): void {
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = new URLSearchParams({ role: this.role, lang: this.lang() });
    const name = this.name();
    if (name) query.set('name', name);
    if (this.cursor) query.set('resume', formatCursor(this.cursor));
    const socket = new WebSocket(`${protocol}//${window.location.host}/ws?${query.toString()}`);
    this.socket = socket;
    socket.onmessage = (event) => this.onMessage(event.data);
    socket.onclose = () => {
      for (const p of this.pending.values()) {
        p.reject(new CommandError({ code: 'internal', message: 'offline' }));
      }
      this.pending.clear();
      if (this.stopped) return;
      this.setStatus('offline');
      setTimeout(() => this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
  }

  private onEvent(event: { name: string; payload: unknown; seq: number }): void {
    if (this.cursor) this.cursor = { epoch: this.cursor.epoch, seq: event.seq };
    if (!isEventName(event.name)) return;
    const payload = events[event.name].payload.safeParse(event.payload);
    if (!payload.success) return;
    for (const l of this.listeners.get(event.name) ?? []) l(payload.data);
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    const parsed = serverMessageSchema.safeParse(JSON.parse(data));
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'hello':
        this.retryMs = MIN_RETRY_MS;
        // Not resumed: a new stream (first connection, a restarted core, or too far behind).
        if (!message.resumed) this.cursor = message.cursor;
        this.setStatus('online');
        for (const l of this.connectListeners) l({ resumed: message.resumed });
        return;
      case 'event':
        this.onEvent(message);
        return;
      case 'events':
        for (const item of message.items) this.onEvent(item);
        return;
      case 'reply': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        if (!message.ok) return pending.reject(new CommandError(message.error));
        const value = commands[pending.name].reply.safeParse(message.value);
        if (value.success) pending.resolve(value.data);
        else pending.reject(new CommandError({ code: 'malformed', message: 'Unexpected reply' }));
      }
    }
  }
}
