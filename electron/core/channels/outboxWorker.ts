import type { Db } from '../store/db';
import { insertAudit } from '../store/audit';
import {
  deferOutbox,
  dueOutbox,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxSending,
  markOutboxSent,
  markOutboxUncertain,
  markOutboxWindowClosed,
  nextOutboxDue,
  settleOutboxInDoubt,
  type OutboxMessage,
} from '../store/outbox';
import type { IntakeSettings } from '../store/settings';
import { redact } from './redact';
import { SendError, type SenderRegistry } from './sender';

const BATCH = 20;
const MAX_ATTEMPTS = 8;
const MAX_DELAY_MS = 10 * 60_000;
/** Telegram allows about 30 messages a second overall; stay under it. */
const SEND_GAP_MS = 40;

export interface OutboxWorkerDeps {
  db: Db;
  /** Each channel's sender (senders.ts): the worker knows none of them by name. */
  senders: SenderRegistry;
  now: () => number;
  settings: () => IntakeSettings;
  /** Whether a producer holds citizen notifications: they wait, intake replies still go. */
  notificationsPaused?: () => boolean;
  /** A message was sent, or failed for now or for good (the producers' list follows it). */
  onChange?: (id: number) => void;
  log: (message: string, error?: unknown) => void;
}

/**
 * Sends replies waiting in the outbox, oldest first, with exponential back-off for clear failures.
 * Rows are enqueued only after the question they answer is committed, so a reply never promises
 * something that was not stored.
 *
 * One message at a time is in flight, marked `sending` (committed) before its request leaves.
 * Neither platform takes an idempotency key, so a crash during a send leaves its fate unknown.
 * Every citizen message — intake reply or notification — is at most once: one found `sending` at
 * start becomes `uncertain` ("may not have been sent"), audited (`outbox.uncertain`), and goes
 * again only if a producer resends it. A request that left and got no answer (timeout, cut
 * connection) is treated the same way.
 * A platform's pause (Telegram's `retry_after`) holds every message to that account, not just
 * the one refused. WhatsApp's 24-hour window is the sender's (whatsapp/sender.ts).
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Account (bot) → until when its platform asked the desk to send nothing (Telegram's retry_after). */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.settleInDoubt();
  }

  private settleInDoubt(): void {
    const { db, now, log } = this.deps;
    const at = now();
    const uncertain = db.transaction(() => {
      const rows = settleOutboxInDoubt(db);
      for (const row of rows) {
        insertAudit(db, { at, actor: 'desk', action: 'outbox.uncertain', entity: 'outbox', entityId: row.id, after: { channel: row.channel, attempts: row.attempts } });
      }
      return rows;
    })();
    for (const row of uncertain) {
      const what = row.notice === null ? 'reply' : 'notification';
      log(`${what} ${row.id} via ${row.channel} was being sent when the desk stopped; it may not have been sent and is not sent again unless a producer resends it`);
    }
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
    const { db, now } = this.deps;
    for (;;) {
      const due = dueOutbox(db, now(), BATCH, this.paused());
      if (due.length === 0 || this.stopped) return;
      for (const message of due) {
        if (this.stopped) return;
        const settings = this.deps.settings();
        const sender = this.deps.senders[message.channel];
        const account = sender?.account(settings) ?? message.channel;
        const heldUntil = this.pausedUntil.get(account) ?? 0;
        if (heldUntil > now()) {
          // Not tried, so no attempt is spent: it waits with the rest of its account.
          deferOutbox(db, message.id, heldUntil);
          continue;
        }
        let requested = false;
        try {
          if (!sender) throw new SendError(`no sender for channel ${message.channel}`, 'permanent');
          const body = sender.body.safeParse(message.body);
          if (!body.success) throw new SendError(`malformed ${message.channel} message: ${body.error.issues[0]?.message ?? ''}`, 'permanent');
          const request = sender.prepare(message, body.data, { db, now: now(), settings });
          markOutboxSending(db, message.id);
          requested = true;
          const sentAs = await request();
          markOutboxSent(db, message.id, now(), sentAs);
        } catch (error) {
          this.settleFailure(message, account, error instanceof SendError ? error : new SendError(String(error), 'permanent'));
        }
        this.deps.onChange?.(message.id);
        if (requested) await new Promise((r) => setTimeout(r, SEND_GAP_MS));
      }
    }
  }

  private settleFailure(message: OutboxMessage, account: string, e: SendError): void {
    const { db, now, log } = this.deps;
    const text = redact(e.message, this.secrets());
    const what = `${message.notice === null ? 'reply' : 'notification'} ${message.id} via ${message.channel}`;
    if (e.failure === 'window_closed') {
      markOutboxWindowClosed(db, message.id, text);
      log(`${what} not sent: ${text}`);
    } else if (e.failure === 'unknown') {
      markOutboxUncertain(db, message.id, `${text}; it may not have been sent`);
      log(`${what} may not have been sent (${text}); not sent again unless a producer resends it`);
    } else if (e.failure === 'permanent' || message.attempts + 1 >= MAX_ATTEMPTS) {
      markOutboxFailed(db, message.id, text);
      log(`${what} failed for good: ${text}`);
    } else {
      if (e.retryAfterMs !== null) this.pausedUntil.set(account, now() + e.retryAfterMs);
      const backoff = Math.min(1000 * 2 ** message.attempts, MAX_DELAY_MS);
      markOutboxRetry(db, message.id, now() + (e.retryAfterMs ?? backoff), text);
    }
  }

  private secrets(): string[] {
    const s = this.deps.settings();
    return [s.telegram.token, s.whatsapp.accessToken, s.whatsapp.appSecret, s.whatsapp.verifyToken].filter(
      (x): x is string => !!x,
    );
  }
}
