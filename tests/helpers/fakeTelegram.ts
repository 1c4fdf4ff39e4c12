import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call the bot made, as the fake Bot API received it. */
export interface BotCall {
  method: string;
  params: Record<string, any>;
}

/** `status: 0`: Telegram takes the message (it is delivered) and the connection drops before the answer. */
type Failure = { status: number; description: string; retryAfter?: number };

/**
 * A local Bot API on 127.0.0.1 that speaks Telegram's JSON shapes: `getUpdates` with offset
 * confirmation and long polling, `deleteWebhook`, `sendMessage`, `getMe`. Tests push updates,
 * inject failures (409, 429 with retry_after, 500) and read what the bot sent.
 */
export class FakeTelegram {
  readonly calls: BotCall[] = [];
  readonly sent: Array<{ chat_id: number; text: string; reply_parameters?: { message_id: number } }> = [];
  /** Updates Telegram still holds: not yet confirmed by a higher offset. */
  pending: any[] = [];
  /** Highest update id confirmed so far (offset - 1). */
  confirmedUpTo = 0;
  private nextUpdateId = 500_000;
  private nextMessageId = 1;
  private readonly failures = new Map<string, Failure[]>();
  private waiters: Array<() => void> = [];
  /** While set, each sendMessage is recorded as received and then left unanswered: a send in flight. */
  holdSends = false;
  /** sendMessage requests received and not answered yet. */
  sendsInFlight = 0;
  private server!: Server;
  url = '';

  constructor(readonly token = '123456:TEST-token-abcdefghijklmnop') {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters.splice(0)) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues updates as Telegram would deliver them; ids are assigned when missing. */
  push(...updates: any[]): any[] {
    const stamped = updates.map((u) => ({ ...u, update_id: u.update_id ?? this.nextUpdateId++ }));
    this.pending.push(...stamped);
    for (const wake of this.waiters.splice(0)) wake();
    return stamped;
  }

  /** Makes the next calls of `method` fail, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /** A private-chat text message update, shaped like Telegram's documentation. */
  textUpdate(chatId: number, text: string, extra: Record<string, any> = {}): any {
    const messageId = this.nextMessageId++;
    return {
      message: {
        message_id: messageId,
        from: { id: chatId, is_bot: false, first_name: 'Айгерім', last_name: 'Сапарова', username: `user${chatId}`, language_code: 'kk' },
        chat: { id: chatId, first_name: 'Айгерім', last_name: 'Сапарова', username: `user${chatId}`, type: 'private' },
        date: 1_763_700_000 + messageId,
        text,
        ...extra,
      },
    };
  }

  callsOf(method: string): BotCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once the bot has called `method` at least `count` times. */
  async waitForCalls(method: string, count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsOf(method).length < count) {
      if (Date.now() > deadline) throw new Error(`bot called ${method} ${this.callsOf(method).length}× (wanted ${count})`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const params = raw ? (JSON.parse(raw) as Record<string, any>) : {};
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!match || match[1] !== this.token) {
      return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const method = match[2]!;
    this.calls.push({ method, params });
    const failure = this.failures.get(method)?.shift();
    if (failure?.status === 0) {
      if (method === 'sendMessage') this.sent.push(params as any);
      req.socket.destroy();
      return;
    }
    if (failure) {
      return reply(failure.status, {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retryAfter === undefined ? {} : { parameters: { retry_after: failure.retryAfter } }),
      });
    }
    switch (method) {
      case 'getMe':
        return reply(200, { ok: true, result: { id: 42, is_bot: true, first_name: 'Akimat LIVE', username: 'akimat_live_bot' } });
      case 'deleteWebhook':
        return reply(200, { ok: true, result: true, description: 'Webhook is already deleted' });
      case 'sendMessage': {
        this.sent.push(params as any);
        if (this.holdSends) {
          this.sendsInFlight += 1;
          // Until the bot hangs up (it was killed): Telegram has the message, the bot never hears back.
          await new Promise<void>((resolve) => res.once('close', () => resolve()));
          this.sendsInFlight -= 1;
          return;
        }
        return reply(200, {
          ok: true,
          result: { message_id: 900_000 + this.sent.length, date: 1_763_700_000, chat: { id: params.chat_id, type: 'private' }, text: params.text },
        });
      }
      case 'getUpdates':
        return reply(200, { ok: true, result: await this.getUpdates(params, req) });
      default:
        return reply(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private async getUpdates(params: Record<string, any>, req: IncomingMessage): Promise<any[]> {
    if (typeof params.offset === 'number') {
      // Asking for a higher offset confirms everything below it, as on the real Bot API.
      this.confirmedUpTo = Math.max(this.confirmedUpTo, params.offset - 1);
      this.pending = this.pending.filter((u) => u.update_id >= params.offset);
    }
    const limit = Math.min(Number(params.limit ?? 100), 100);
    if (this.pending.length === 0 && Number(params.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Number(params.timeout) * 1000);
        req.once('close', () => resolve());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.pending.slice(0, limit);
  }
}
