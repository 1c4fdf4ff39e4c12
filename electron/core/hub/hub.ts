import type { WebSocket } from 'ws';
import type { Language } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { errorShape } from '../messages';
import {
  clientMessageSchema,
  commands,
  EVENT_ROLES,
  isCommandName,
  READ_ONLY_COMMANDS,
  type CommandInput,
  type CommandName,
  type CommandReply,
  type EventName,
  type EventPayload,
  type Role,
  type ServerMessage,
} from '../../../shared/protocol';

export interface CommandContext {
  role: Role;
  /** Who to name in the audit trail. */
  actor: string;
  /** This socket, for state that must go when it closes (see `onDisconnect`). */
  connection: number;
}

export type Handler<K extends CommandName> = (
  input: CommandInput<K>,
  ctx: CommandContext,
) => CommandReply<K> | Promise<CommandReply<K>>;

interface Client {
  id: number;
  socket: WebSocket;
  role: Role;
  lang: Language;
  actor: string;
  /** The LAN link token this socket was let in with; null on this machine. */
  token: string | null;
  alive: boolean;
}

/** A client that cannot keep up (4 MB unsent) is dropped; it reconnects and reloads its state. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const MAX_MESSAGE_BYTES = 256 * 1024;
const HEARTBEAT_MS = 15_000;

/**
 * The only server-side code that touches the WebSocket transport: it validates every command
 * against its schema, checks the role, runs the registered handler and fans events out.
 */
export class Hub {
  private readonly handlers = new Map<CommandName, Handler<CommandName>>();
  private readonly clients = new Set<Client>();
  private readonly heartbeat: NodeJS.Timeout;
  private nextConnection = 1;
  private readonly disconnectListeners = new Set<(connection: number) => void>();

  constructor(private readonly log: (msg: string, err?: unknown) => void = () => {}) {
    this.heartbeat = setInterval(() => this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  register<K extends CommandName>(name: K, handler: Handler<K>): void {
    if (this.handlers.has(name)) throw new Error(`Handler for ${name} registered twice`);
    this.handlers.set(name, handler as unknown as Handler<CommandName>);
  }

  /** Called with a socket's connection number (`CommandContext.connection`) once it has closed. */
  onDisconnect(listener: (connection: number) => void): void {
    this.disconnectListeners.add(listener);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  attach(socket: WebSocket, info: { role: Role; lang: Language; actor: string; token?: string | null }): void {
    const client: Client = { id: this.nextConnection++, socket, ...info, token: info.token ?? null, alive: true };
    this.clients.add(client);
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => this.remove(client));
    socket.on('error', () => this.remove(client));
    socket.on('message', (data, isBinary) => {
      void this.onMessage(client, data as Buffer, isBinary);
    });
    this.send(client, { type: 'hello', role: client.role, serverTime: Date.now() });
  }

  broadcast<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const roles = EVENT_ROLES[name];
    const frame = JSON.stringify({ type: 'event', name, payload } satisfies ServerMessage);
    for (const client of this.clients) {
      if (roles.includes(client.role)) this.sendRaw(client, frame);
    }
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
      const value = await this.dispatch(client, name, payload);
      this.send(client, { type: 'reply', id, ok: true, value });
    } catch (error) {
      if (!(error instanceof AppError)) this.log(`command ${name} failed`, error);
      this.send(client, { type: 'reply', id, ok: false, error: errorShape(error, client.lang) });
    }
  }

  private async dispatch(client: Client, name: string, payload: unknown): Promise<unknown> {
    if (!isCommandName(name)) throw new AppError('unknown_command');
    if (client.role !== 'producer' && !READ_ONLY_COMMANDS.has(name)) throw new AppError('forbidden');
    const handler = this.handlers.get(name);
    if (!handler) throw new AppError('unknown_command');
    const input = commands[name].request.safeParse(payload ?? {});
    if (!input.success) {
      const field = input.error.issues[0]?.path.join('.');
      throw new AppError('validation', field ? { field } : {});
    }
    return handler(input.data as CommandInput<CommandName>, { role: client.role, actor: client.actor, connection: client.id });
  }

  private send(client: Client, message: ServerMessage): void {
    this.sendRaw(client, JSON.stringify(message));
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
