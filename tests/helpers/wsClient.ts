import WebSocket from 'ws';
import type { CommandName, CommandReply, CommandRequest, LinkRole, Role } from '../../shared/protocol';
import { deskHeaders, deviceHeaders } from './core';

export interface ReceivedEvent {
  name: string;
  payload: any;
  seq: number;
}

/** A protocol client for tests: records every event, sends typed commands. */
export class TestWsClient {
  readonly events: ReceivedEvent[] = [];
  private nextId = 1;
  private readonly waiting = new Map<number, (message: any) => void>();
  private readonly eventWaiters: Array<{ match: (e: ReceivedEvent) => boolean; resolve: (e: ReceivedEvent) => void }> = [];

  /** The hello this connection was greeted with (its cursor, whether it was resumed). */
  hello: { cursor: { epoch: string; seq: number }; resumed: boolean } | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'hello') this.hello = message;
      if (message.type === 'reply') this.waiting.get(message.id)?.(message);
      const items = message.type === 'event' ? [message] : message.type === 'events' ? message.items : [];
      for (const item of items) {
        const event = { name: item.name, payload: item.payload, seq: item.seq };
        this.events.push(event);
        for (const w of [...this.eventWaiters]) {
          if (w.match(event)) {
            this.eventWaiters.splice(this.eventWaiters.indexOf(w), 1);
            w.resolve(event);
          }
        }
      }
    });
  }

  /** The cursor of the last event received (to reconnect with `resume`). */
  get cursor(): string {
    const seq = this.events.at(-1)?.seq ?? this.hello!.cursor.seq;
    return `${this.hello!.cursor.epoch}.${seq}`;
  }

  /**
   * Connects as one of the desk's own windows (its origin and secret cookie), or, given `name`, as
   * a LAN device paired under that name with `role` (the audit trail names it). `resume`: a
   * cursor to resume from.
   */
  static connect(baseUrl: string, role: Role = 'producer', lang = 'en', name?: string, resume?: string): Promise<TestWsClient> {
    const query = new URLSearchParams({ role, lang, ...(resume ? { resume } : {}) });
    if (name && role === 'admin') throw new Error('No device can be paired as admin');
    const headers = name ? deviceHeaders(baseUrl, name, role as LinkRole) : deskHeaders(baseUrl);
    return TestWsClient.open(baseUrl, query.toString(), headers);
  }

  /** Connects with exactly these headers (a LAN device's token, a stranger's origin). */
  static open(baseUrl: string, query: string, headers: Record<string, string>): Promise<TestWsClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws?${query}`, { headers });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.on('message', function hello(data) {
        if (JSON.parse(String(data)).type === 'hello') {
          socket.off('message', hello);
          resolve(client);
        }
      });
      const client = new TestWsClient(socket);
    });
  }

  sendRaw(data: string): void {
    this.socket.send(data);
  }

  /** Resolves with the raw reply: `{ ok: true, value } | { ok: false, error }`. */
  request<K extends CommandName>(
    name: K,
    payload: CommandRequest<K>,
  ): Promise<{ ok: true; value: CommandReply<K> } | { ok: false; error: any }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (message) => {
        this.waiting.delete(id);
        resolve(message);
      });
      this.socket.send(JSON.stringify({ type: 'command', id, name, payload }));
    });
  }

  async send<K extends CommandName>(name: K, payload: CommandRequest<K>): Promise<CommandReply<K>> {
    const reply = await this.request(name, payload);
    if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code} ${reply.error.message}`);
    return reply.value;
  }

  waitForEvent(name: string, match: (payload: any) => boolean = () => true, timeoutMs = 5000): Promise<ReceivedEvent> {
    const found = this.events.find((e) => e.name === name && match(e.payload));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No ${name} event within ${timeoutMs} ms`)), timeoutMs);
      this.eventWaiters.push({
        match: (e) => e.name === name && match(e.payload),
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** A raw socket attempt: the role the hub greeted it as, or the HTTP status it was refused with. */
export interface SocketAttempt {
  role?: string;
  status?: number;
  socket?: WebSocket;
}

/** `headers` default to a browser on the desk's own origin with no desk cookie: a LAN device. */
export function trySocket(
  baseUrl: string,
  query: string,
  headers: Record<string, string> = { origin: new URL(baseUrl).origin },
): Promise<SocketAttempt> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws?${query}`, { headers });
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'hello') resolve({ role: message.role, socket });
    });
  });
}
