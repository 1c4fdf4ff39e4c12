import type { Db } from '../store/db';
import { insertAudit } from '../store/audit';
import { dueOutbox, markOutboxFailed, markOutboxRetry, markOutboxSending, markOutboxSent, nextOutboxDue, requeueOutboxInDoubt, type OutboxMessage } from '../store/outbox';
import type { IntakeSettings } from '../store/settings';
import { redact } from './redact';
import { callTelegram, TelegramApiError } from './telegramApi';

const BATCH = 20;
const MAX_ATTEMPTS = 8;
const MAX_DELAY_MS = 10 * 60_000;
/** Telegram allows about 30 messages a second overall; stay under it. */
const SEND_GAP_MS = 40;

/** Whether a failure is worth retrying, and when. */
class SendError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface OutboxWorkerDeps {
  db: Db;
  now: () => number;
  settings: () => IntakeSettings;
  /** Whether a producer holds citizen notifications: they wait, intake replies still go. */
  notificationsPaused?: () => boolean;
  /** A message was sent, or failed for now or for good (the producers' list follows it). */
  onChange?: (id: number) => void;
  log: (message: string, error?: unknown) => void;
}

/**
 * Sends replies waiting in the outbox, oldest first, with exponential back-off and the
 * platform's own `retry_after`. Rows are enqueued only after the question they answer is
 * committed, so a reply never promises something that was not stored.
 *
 * Each reply is sent once, except after a crash during its send: one at a time is in flight, and
 * it is marked `sending` (committed) before the request leaves. Neither platform takes an
 * idempotency key, so a reply found `sending` at start is sent again and audited
 * (`outbox.resent_in_doubt`): at most one duplicate per crash, and only of the reply in flight.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.requeueInDoubt();
  }

  private requeueInDoubt(): void {
    const { db, now, log } = this.deps;
    const at = now();
    const requeued = db.transaction(() => {
      const rows = requeueOutboxInDoubt(db, at);
      for (const row of rows) {
        insertAudit(db, { at, actor: 'desk', action: 'outbox.resent_in_doubt', entity: 'outbox', entityId: row.id, after: { channel: row.channel, attempts: row.attempts } });
      }
      return rows;
    })();
    for (const row of requeued) log(`reply ${row.id} via ${row.channel} was being sent when the desk stopped; it is sent again and may arrive twice`);
  }

  /** Something was enqueued: send soon. */
  kick(): void {
    if (this.stopped) return;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends everything due now; resolves when done (tests call this directly). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.sendDue().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain().then(() => this.scheduleNext());
    }, delayMs);
    this.timer.unref();
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const next = nextOutboxDue(this.deps.db, this.paused());
    if (next !== null) this.schedule(Math.min(Math.max(next - this.deps.now(), 50), 60_000));
  }

  private paused(): boolean {
    return this.deps.notificationsPaused?.() ?? false;
  }

  private async sendDue(): Promise<void> {
    const { db, now, log } = this.deps;
    for (;;) {
      const due = dueOutbox(db, now(), BATCH, this.paused());
      if (due.length === 0 || this.stopped) return;
      for (const message of due) {
        try {
          markOutboxSending(db, message.id);
          await this.send(message);
          markOutboxSent(db, message.id, now());
        } catch (error) {
          const e = error instanceof SendError ? error : new SendError(String(error), null, false);
          const text = redact(e.message, this.secrets());
          if (e.permanent || message.attempts + 1 >= MAX_ATTEMPTS) {
            markOutboxFailed(db, message.id, text);
            log(`reply ${message.id} via ${message.channel} failed for good: ${text}`);
          } else {
            const backoff = Math.min(1000 * 2 ** message.attempts, MAX_DELAY_MS);
            markOutboxRetry(db, message.id, now() + (e.retryAfterMs ?? backoff), text);
          }
        }
        this.deps.onChange?.(message.id);
        await new Promise((r) => setTimeout(r, SEND_GAP_MS));
      }
    }
  }

  private secrets(): string[] {
    const s = this.deps.settings();
    return [s.telegram.token, s.whatsapp.accessToken, s.whatsapp.appSecret, s.whatsapp.verifyToken].filter(
      (x): x is string => !!x,
    );
  }

  private async send(message: OutboxMessage): Promise<void> {
    const settings = this.deps.settings();
    switch (message.channel) {
      case 'telegram':
        return this.sendTelegram(message, settings);
      case 'whatsapp':
        return this.sendWhatsApp(message, settings);
      default:
        throw new SendError(`no sender for channel ${message.channel}`, null, true);
    }
  }

  private async sendTelegram(message: OutboxMessage, settings: IntakeSettings): Promise<void> {
    const { token, apiRoot } = settings.telegram;
    if (!token) throw new SendError('telegram token not set', 60_000, false);
    try {
      const replyTo = message.body.replyTo;
      await callTelegram(
        'sendMessage',
        {
          chat_id: Number(message.recipient),
          text: message.body.text,
          ...(typeof replyTo === 'number' ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        },
        { apiRoot, token, timeoutMs: 30_000 },
      );
    } catch (error) {
      if (error instanceof TelegramApiError) {
        const permanent = error.status >= 400 && error.status < 500 && error.status !== 429 && error.status !== 401;
        throw new SendError(error.message, error.retryAfter === null ? null : error.retryAfter * 1000, permanent);
      }
      throw error;
    }
  }

  private async sendWhatsApp(message: OutboxMessage, settings: IntakeSettings): Promise<void> {
    const { accessToken, graphApiRoot } = settings.whatsapp;
    if (!accessToken) throw new SendError('whatsapp access token not set', 60_000, false);
    const phoneNumberId = String(message.body.phoneNumberId ?? '');
    const url = `${graphApiRoot.replace(/\/+$/, '')}/${encodeURIComponent(phoneNumberId)}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: message.recipient,
          type: 'text',
          text: { body: message.body.text },
          ...(typeof message.body.replyTo === 'string' ? { context: { message_id: message.body.replyTo } } : {}),
        }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new SendError(`network: ${(error as Error).message}`, null, false);
    }
    if (response.ok) return;
    const body = (await response.json().catch(() => null)) as { error?: { message?: string; code?: number } } | null;
    const reason = `WhatsApp ${response.status}: ${body?.error?.message ?? 'error'} (${body?.error?.code ?? '-'})`;
    // 131047: outside the 24-hour window, only templates may be sent; retrying cannot help.
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 429;
    throw new SendError(reason, null, permanent);
  }
}
