import { AppError } from '../../../../shared/errors';
import type { Intake } from '../../intake/accept';
import { decideTelegramUpdate, getUpdatesReplySchema, type TelegramDecision } from './adapter';
import type { Db } from '../../store/db';
import type { IntakeSettings } from '../../store/settings';
import { enqueueReply, replyText } from '../replies';
import type { ChannelStates } from '../state';
import { callTelegram, TelegramApiError } from './api';

export interface TelegramPollerDeps {
  db: Db;
  intake: Intake;
  states: ChannelStates;
  now: () => number;
  settings: () => IntakeSettings;
  /** Called after replies were enqueued. */
  onReplies: () => void;
  log: (message: string, error?: unknown) => void;
  /** Long-poll timeout in seconds (Telegram holds the request open this long). */
  pollTimeoutSec?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

/**
 * Long polling driven by hand rather than grammY's runner: grammY's loop moves past an update
 * whose handler threw, which would confirm a question we failed to store. Here an update is
 * confirmed (a higher `offset` requested) only after every update in its batch was committed
 * and its reply enqueued. The first request after a start carries no offset at all: Telegram
 * then returns whatever is still unconfirmed, and update ids may restart after a quiet week,
 * so a stored offset is never trusted to skip anything; redeliveries are absorbed by the unique
 * (channel, `chatId:messageId`) key.
 */
export class TelegramPoller {
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private offset: number | undefined;

  constructor(private readonly deps: TelegramPollerDeps) {}

  get running(): boolean {
    return this.loop !== null;
  }

  /** (Re)starts polling with the current settings; turns the channel off when not configured. */
  async restart(): Promise<void> {
    await this.stop();
    const { enabled, token } = this.deps.settings().telegram;
    if (!enabled || !token) {
      this.deps.states.set('telegram', 'off', null);
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.offset = undefined;
    this.loop = this.run(abort.signal).finally(() => {
      if (this.abort === abort) {
        this.abort = null;
        this.loop = null;
      }
    });
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.abort = null;
    this.loop = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { states } = this.deps;
    const base = this.deps.backoffBaseMs ?? 500;
    const max = this.deps.backoffMaxMs ?? 30_000;
    let failures = 0;
    let webhookCleared = false;
    states.set('telegram', 'connecting', null);
    while (!signal.aborted) {
      const { token, apiRoot } = this.deps.settings().telegram;
      if (!token) return;
      const api = { apiRoot, token, signal };
      try {
        if (!webhookCleared) {
          // getUpdates answers 409 while a webhook is set.
          await callTelegram('deleteWebhook', { drop_pending_updates: false }, api);
          webhookCleared = true;
          // The token works and the Bot API answers; the long poll below may now wait quietly.
          states.set('telegram', 'connected', null);
        }
        // Right after a failure, a short poll proves recovery at once instead of after a long wait.
        const timeout = failures > 0 ? 0 : (this.deps.pollTimeoutSec ?? 25);
        const result = await callTelegram<unknown>(
          'getUpdates',
          {
            ...(this.offset === undefined ? {} : { offset: this.offset }),
            limit: 100,
            timeout,
            allowed_updates: ['message', 'edited_message'],
          },
          { ...api, timeoutMs: (timeout + 15) * 1000 },
        );
        const updates = getUpdatesReplySchema.parse({ ok: true, result }).result;
        states.set('telegram', 'connected', null);
        failures = 0;
        if (updates.length === 0) continue;
        await this.processBatch(updates);
        const last = Math.max(...updates.map((u) => u.update_id));
        this.offset = last + 1;
        states.setCursor('telegram', String(last));
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        let delay = Math.min(base * 2 ** (failures - 1), max);
        let reason: string;
        if (error instanceof TelegramApiError) {
          reason = error.message;
          if (error.status === 409) webhookCleared = false;
          if (error.retryAfter !== null) delay = error.retryAfter * 1000;
          if (error.status === 401 || error.status === 404) delay = max;
        } else if (error instanceof AppError || error instanceof Error) {
          reason = `storage: ${error.message}`;
          this.deps.log('telegram batch not stored; it will be fetched again', error);
        } else {
          reason = String(error);
        }
        states.set('telegram', 'error', reason);
        await sleep(delay, signal);
      }
    }
  }

  /**
   * Questions of one batch are accepted together (one group commit); an edit waits for the
   * questions before it. Throws when anything could not be stored, so the offset stays put.
   */
  private async processBatch(updates: unknown[]): Promise<void> {
    let inFlight: Promise<void>[] = [];
    for (const update of updates) {
      const decision = decideTelegramUpdate(update);
      if (decision.kind === 'edit') {
        await Promise.all(inFlight);
        inFlight = [];
        this.applyEdit(decision);
      } else {
        inFlight.push(this.handle(decision));
      }
    }
    await Promise.all(inFlight);
    this.deps.onReplies();
  }

  private applyEdit(decision: Extract<TelegramDecision, { kind: 'edit' }>): void {
    try {
      this.deps.intake.edit({ channel: 'telegram', externalId: decision.externalId, text: decision.text });
    } catch (error) {
      // An edit to empty or oversized text leaves the question as it was.
      if (!(error instanceof AppError)) throw error;
    }
  }

  private async handle(decision: TelegramDecision): Promise<void> {
    const { db, intake, now } = this.deps;
    switch (decision.kind) {
      case 'ignore':
      case 'edit':
        return;
      case 'non_text':
      case 'command': {
        const kind = decision.kind === 'command' ? 'welcome' : 'textOnly';
        const target = {
          channel: 'telegram' as const,
          recipient: String(decision.chatId),
          dedupeKey: `telegram:${decision.chatId}:${decision.replyTo}:${kind}`,
          extra: { replyTo: decision.replyTo },
        };
        enqueueReply(db, target, replyText(decision.language, { kind }), now());
        return;
      }
      case 'question': {
        const base = {
          channel: 'telegram' as const,
          recipient: String(decision.chatId),
          extra: { replyTo: decision.replyTo },
        };
        try {
          const { reference, flood } = await intake.accept(decision.message);
          // A flood is stored and flagged; answering each message would flood the sender back.
          if (flood) return;
          const text = replyText(decision.language, { kind: 'received', reference });
          enqueueReply(db, { ...base, dedupeKey: `telegram:${decision.message.externalId}:received` }, text, now());
        } catch (error) {
          if (!(error instanceof AppError) || error.retryable) throw error;
          const text = replyText(decision.language, { kind: 'rejected', error });
          enqueueReply(db, { ...base, dedupeKey: `telegram:${decision.message.externalId}:rejected` }, text, now());
        }
        return;
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
