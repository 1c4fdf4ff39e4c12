import type { WebSocket } from 'ws';
import type { Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import {
  clientMessageSchema,
  mayReceive,
  type EventCursor,
  type EventName,
  type EventPayload,
  type Role,
  type ServerMessage,
} from '../../../shared/protocol';
import type { CommandRegistry } from '../commands/registry';
import { errorShape } from '../messages';
import { EventLog } from './eventLog';

interface Client {
  id: number;
  socket: WebSocket;
  role: Role;
  lang: Language;
  actor: string;
  /** The LAN link token this socket was let in with; null on this machine. */
  token: string | null;
  alive: boolean;
  /** Serialised event items waiting for this turn's frame. */
  queued: string[];
}

/** A client that cannot keep up (4 MB unsent) is dropped; it reconnects and reloads its state. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const MAX_MESSAGE_BYTES = 256 * 1024;
const HEARTBEAT_MS = 15_000;
/**
 * Events kept for consoles that reconnect: about ten seconds of a 1,000-a-second storm's
 * question.created events (each ~1 KB). A console further behind reloads its state.
 */
export const REPLAY_EVENTS = 20_000;
/** A replay goes out in frames of this many events, so no single frame grows without bound. */
const REPLAY_FRAME_EVENTS = 500;

/**
 * The only server-side code that touches the WebSocket transport: it hands every command to the
 * registry with this socket's role and actor, and fans each event out to the roles it declares.
 */
export class Hub {
  private readonly clients = new Set<Client>();
  private readonly heartbeat: NodeJS.Timeout;
  private nextConnection = 1;
  private readonly disconnectListeners = new Set<(connection: number) => void>();
  private readonly events: EventLog;
  private flushScheduled = false;

  constructor(
    private readonly registry: CommandRegistry,
    private readonly log: (msg: string, err?: unknown) => void = () => {},
    replayEvents = REPLAY_EVENTS,
  ) {
    this.events = new EventLog(replayEvents);
    this.heartbeat = setInterval(() => this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Called with a socket's connection number (`CommandContext.connection`) once it has closed. */
  onDisconnect(listener: (connection: number) => void): void {
    this.disconnectListeners.add(listener);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** `resume`: the cursor of the last event this client saw before its socket dropped, if any. */
  attach(
    socket: WebSocket,
    info: { role: Role; lang: Language; actor: string; token?: string | null; resume?: EventCursor | null },
  ): void {
    const { resume, ...who } = info;
    const client: Client = { id: this.nextConnection++, socket, ...who, token: who.token ?? null, alive: true, queued: [] };
    this.clients.add(client);
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => this.remove(client));
    socket.on('error', () => this.remove(client));
    socket.on('message', (data, isBinary) => {
      void this.onMessage(client, data as Buffer, isBinary);
    });
    const missed = resume ? this.events.since(resume, client.role) : null;
    this.send(client, { type: 'hello', role: client.role, serverTime: Date.now(), cursor: this.events.cursor, resumed: missed !== null });
    for (let i = 0; missed && i < missed.length; i += REPLAY_FRAME_EVENTS) {
      this.sendItems(client, missed.slice(i, i + REPLAY_FRAME_EVENTS).map((e) => e.item));
    }
  }

  /**
   * Numbers the event and queues it for every client whose role may see it; the turn's events go
   * out together (one frame per client), and always before any reply sent after them.
   */
  broadcast<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const event = this.events.append(name, payload);
    for (const client of this.clients) {
      if (mayReceive(client.role, name)) client.queued.push(event.item);
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      for (const client of this.clients) this.flushEvents(client);
    });
  }

  /** Closes every socket let in with `token` (a renewed link); returns how many there were. */
  disconnectToken(token: string): number {
    let closed = 0;
    for (const client of this.clients) {
      if (client.token !== token) continue;
      client.socket.close(1008, 'access link renewed');
      this.remove(client);
      closed++;
    }
    return closed;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.socket.close(1001, 'server shutting down');
    this.clients.clear();
  }

  private remove(client: Client): void {
    if (!this.clients.delete(client)) return;
    for (const listener of this.disconnectListeners) listener(client.id);
  }

  private async onMessage(client: Client, data: Buffer, isBinary: boolean): Promise<void> {
    if (isBinary || data.length > MAX_MESSAGE_BYTES) {
      client.socket.close(1009, 'message too large or binary');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      this.send(client, { type: 'reply', id: -1, ok: false, error: errorShape(new AppError('malformed'), client.lang) });
      return;
    }
    const message = clientMessageSchema.safeParse(parsed);
    if (!message.success) {
      this.send(client, { type: 'reply', id: -1, ok: false, error: errorShape(new AppError('malformed'), client.lang) });
      return;
    }
    const { id, name, payload } = message.data;
    try {
      const value = await this.registry.run(name, payload, { role: client.role, actor: client.actor, connection: client.id });
      this.send(client, { type: 'reply', id, ok: true, value });
    } catch (error) {
      if (!(error instanceof AppError)) this.log(`command ${name} failed`, error);
      this.send(client, { type: 'reply', id, ok: false, error: errorShape(error, client.lang) });
    }
  }

  private send(client: Client, message: ServerMessage): void {
    this.flushEvents(client);
    this.sendRaw(client, JSON.stringify(message));
  }

  private flushEvents(client: Client): void {
    if (client.queued.length === 0) return;
    const items = client.queued;
    client.queued = [];
    this.sendItems(client, items);
  }

  /** One event as `event` (its item's fields spliced in), several as one `events` frame. */
  private sendItems(client: Client, items: readonly string[]): void {
    if (items.length === 1) this.sendRaw(client, `{"type":"event",${items[0]!.slice(1)}`);
    else if (items.length > 1) this.sendRaw(client, `{"type":"events","items":[${items.join(',')}]}`);
  }

  private sendRaw(client: Client, frame: string): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.socket.terminate();
      this.remove(client);
      return;
    }
    client.socket.send(frame);
  }

  private checkAlive(): void {
    for (const client of this.clients) {
      if (!client.alive) {
        client.socket.terminate();
        this.remove(client);
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }
}
