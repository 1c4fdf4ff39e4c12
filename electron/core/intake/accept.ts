import { performance } from 'node:perf_hooks';
import { detectLanguage } from '../analysis/language';
import { AppError } from '../../../shared/errors';
import { MAX_NAME_CHARS, MAX_QUESTION_CHARS } from '../../../shared/forms';
import type { Channel } from '../../../shared/domain';
import type { TextAnalysis, TextToAnalyse } from '../moderation/textAnalysis';
import type { Question } from '../../../shared/protocol';
import { normalizeLine, normalizeText } from '../../../shared/text';
import { cityYear } from '../../../shared/time';
import { topicFrom } from '../../../shared/vocabulary';
import type { EventBus } from '../events';
import { createWalSync, withoutWaitingForDisk, type Db, type WalSync } from '../store/db';
import {
  arrivedAsFlood,
  countWaitingInbound,
  markInboundFailed,
  markInboundMade,
  reserveInbound,
  retryFailedInbound,
  waitingInbound,
  waitingInboundAfter,
  type InboundPlace,
  type WaitingInbound,
} from '../store/inbound';
import { applyInboundEdit, type InboundEditOutcome } from '../store/inboundQuestions';
import { addArrivalFlag, insertQuestion, type NewQuestion } from '../store/questions';
import { getIntakeSettings } from '../store/settings';
import type { InboundMessage } from './inbound';
import { normalizeContact } from './contact';
import { DEFAULT_PACE, MakingPace, type PaceOptions } from './pace';
import { SenderLimiter } from './senderLimit';

export interface AcceptResult {
  /** The reference number the sender is told. */
  reference: string;
  /** The question's id, the same whether it was made in the acknowledging commit or a moment later. */
  questionId: number;
  /** False when this (channel, external id) was already stored: answer as the first time. */
  created: boolean;
  /** Over its sender's per-minute limit when it first arrived: stored and flagged for the producer, not answered one by one. */
  flood: boolean;
}

interface Pending {
  input: NewQuestion;
  resolve: (result: AcceptResult) => void;
  reject: (error: unknown) => void;
}

export interface Intake {
  /** Resolves only after the message is committed: acknowledge the sender after this. */
  accept(message: InboundMessage): Promise<AcceptResult>;
  /** A sender's edit of an earlier message; changes the question only while it is still `new`. */
  edit(edit: InboundEdit): InboundEditOutcome;
  /** Makes acknowledged messages' questions now, all of them or for at most `limitMs`. */
  drain(limitMs?: number): void;
  /** Acknowledged messages whose questions are not made yet. */
  waiting(): number;
  /** Makes what waits (for a few seconds at most) and answers every sender whose message is committed (shutdown). */
  close(): Promise<void>;
}

export interface InboundEdit {
  channel: Channel;
  externalId: string;
  text: string;
}

/**
 * Channels where one person can send many messages under a stable id; the web form is limited
 * per IP by the HTTP layer, CSV and phone-in are typed or imported by producers.
 */
export const SENDER_LIMITED_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['telegram', 'whatsapp', 'webhook']);

/** Marks, in a message's stored meta, that it came over its sender's per-minute limit. */
const FLOOD_META = 'flood';
const isFlood = (input: NewQuestion): boolean => input.meta[FLOOD_META] === true;

/** A message's text as stored, or a typed error when it is empty or too long. */
function checkedText(raw: string): string {
  const text = normalizeText(raw);
  if (text.length === 0) throw new AppError('empty_text', { field: 'text' });
  if (text.length > MAX_QUESTION_CHARS) throw new AppError('text_too_long', { field: 'text' });
  return text;
}

/** Validates and normalises one inbound message into a row, or throws a typed error. */
export function toNewQuestion(message: InboundMessage, now: number): NewQuestion {
  const text = checkedText(message.text);
  const senderName = normalizeLine(message.senderName).slice(0, MAX_NAME_CHARS);
  if (senderName.length === 0) throw new AppError('name_required', { field: 'name' });
  const receivedAt = message.receivedAt ?? now;
  return {
    channel: message.channel,
    externalId: message.externalId,
    senderName,
    senderContact: normalizeContact(message.channel, message.senderContact ? normalizeLine(message.senderContact) || null : null),
    senderUserId: message.senderUserId ?? null,
    district: message.district ?? null,
    // Names, aliases and old ids become the vocabulary's id; anything else is kept as written.
    topic: topicFrom(message.topic) ?? (message.topic ? normalizeLine(message.topic) || null : null),
    // The language the question is written in; a channel's own hint (a Telegram client's language,
    // a form's) only when the text is too short to tell.
    language: detectLanguage(text) ?? message.language ?? null,
    text,
    meta: message.meta ?? {},
    receivedAt,
    referenceYear: cityYear(receivedAt),
  };
}

/**
 * Group commit: every message that arrives in the same event-loop turn is entered in the inbound
 * ledger in one transaction, and each sender is answered once that commit is on disk: the fsync
 * runs off the main thread and serves every commit made while it ran (store/db.ts createWalSync).
 * The question (analysis, grouping, search index) is made in the same transaction when the desk is
 * quiet, or a moment later, paced, when it is flooded (see pace.ts).
 */
export interface IntakeDeps {
  db: Db;
  bus: EventBus;
  now: () => number;
  /**
   * Runs inside the commit that makes each question (flags, grouping, suggestions), so derived
   * data is never out of step with the question; returns the question as it now stands.
   */
  onInserted?: (db: Db, question: Question, analysis?: TextAnalysis) => Question;
  /**
   * Analyses waiting messages' texts off the main thread (moderation's worker pool), ahead of the
   * slice that makes their questions; its results are handed to `onInserted`. Without it, or
   * once it fails, `onInserted` analyses on the main thread.
   */
  analyse?: (texts: readonly TextToAnalyse[]) => Promise<TextAnalysis[]>;
  /** How long a backlog waits for the workers' answer before this thread makes it (default 200 ms). */
  analyseWaitMs?: number;
  /** The backlog from which analysis goes to the workers (default 256). */
  analyseFromBacklog?: number;
  /** Messages per sender per minute (0: no limit); read on every message so settings apply at once. */
  perSenderPerMinute?: () => number;
  /** How much of the thread making questions may take during a flood (tests force one mode). */
  pace?: Partial<PaceOptions>;
  log?: (message: string, error?: unknown) => void;
  /** How long a stop may spend making waiting questions (default 3 s); the rest waits for the next start. */
  closeDrainMs?: number;
  /** What makes a commit durable before its senders hear back (a test can hold it back). */
  durability?: WalSync;
}

const CLOSE_DRAIN_MS = 3000;
const WAITING_REPORT_MS = 250;
/** When making waiting questions fails (a full disk), how soon it is tried again. */
const MAKE_RETRY_MS = 1000;
/** Waiting messages sent to be analysed at once, and at most this many analysed ahead of making. */
const ANALYSE_BATCH = 256;
const ANALYSE_AHEAD = 1024;
/**
 * A backlog smaller than this is made here, analysis included: a few waiting messages should not
 * wait for a round trip to the workers (or for them to start), and handing a text to a worker costs
 * about a tenth of a millisecond of CPU in copies and the worker's own heap, worth it only once
 * this thread falls behind. A steady 1,000 messages a second keeps the backlog under a hundred.
 */
const ANALYSE_FROM_BACKLOG = 256;
/**
 * Once the workers have answered, a backlog waits this long for their next answer; past it, or
 * before their first answer (starting them takes a while), this thread makes it as before.
 */
const ANALYSE_WAIT_MS = 200;
/** An analysis not back after this long counts as failed: making goes on without the workers. */
const ANALYSE_STALL_MS = 5000;

type Outcome = { ok: true; result: AcceptResult; made: Question | null } | { ok: false; error: unknown };

/** Questions made from waiting messages in one go: `rows` taken from the ledger, `made` of them. */
interface Slice {
  rows: number;
  /** Ledger ids of the rows taken. */
  ids: number[];
  made: Question[];
  ms: number;
}

export function createIntake(deps: IntakeDeps): Intake {
  const { db, bus, now, onInserted } = deps;
  const log = deps.log ?? (() => {});
  const clock = () => performance.now();
  const pace = new MakingPace({ ...DEFAULT_PACE, clock, busyMs: () => performance.eventLoopUtilization().active, ...deps.pace });
  const perSender = deps.perSenderPerMinute ?? (() => getIntakeSettings(db).limits.perSenderPerMinute);
  const limiter = new SenderLimiter();
  let pending: Pending[] = [];
  let flushScheduled = false;
  let makingScheduled = false;
  let closed = false;
  retryFailedInbound(db);
  let backlog = countWaitingInbound(db);
  let reported = 0;
  let reportTimer: NodeJS.Timeout | null = null;
  // The console shows the backlog while a flood is being made into questions; a push every few
  // hundred milliseconds is enough, and the last one always says when it is empty again.
  const reportWaiting = (): void => {
    if (reportTimer || backlog === reported) return;
    reported = backlog;
    bus.emit('intake.waiting', { waiting: backlog });
    reportTimer = setTimeout(() => {
      reportTimer = null;
      if (!closed) reportWaiting();
    }, WAITING_REPORT_MS);
  };
  const durability = deps.durability ?? createWalSync(db);

  // Analyses of the oldest waiting messages, made by the workers ahead of their slice, by ledger
  // id, with the payload they were made from: a message edited since is analysed again. Making is
  // first in first out, so these are always the oldest waiting messages, in one run.
  const analysed = new Map<number, { payload: string; analysis: TextAnalysis }>();
  let analyse = onInserted ? deps.analyse : undefined;
  let analysingSince: number | null = null;
  let workersAnswered = false;
  const analyseWaitMs = deps.analyseWaitMs ?? ANALYSE_WAIT_MS;
  const analyseFromBacklog = deps.analyseFromBacklog ?? ANALYSE_FROM_BACKLOG;
  let analysedUpTo = 0;
  let madeUpTo = 0;

  function analyseAhead(): void {
    if (!analyse || closed) return;
    if (analysingSince !== null) {
      if (clock() - analysingSince < ANALYSE_STALL_MS) return;
      log('intake: the analysis workers did not answer; analysing on the main thread');
      analyse = undefined;
      analysingSince = null;
      return;
    }
    if (analysed.size >= ANALYSE_AHEAD) return;
    const rows = waitingInboundAfter(db, Math.max(analysedUpTo, madeUpTo), ANALYSE_BATCH);
    if (rows.length === 0) return;
    analysedUpTo = rows.at(-1)!.id;
    const startedAt = (analysingSince = clock());
    const texts = rows.map((row) => {
      const input = JSON.parse(row.payload) as NewQuestion;
      return { text: input.text, language: input.language };
    });
    analyse(texts).then(
      (results) => {
        if (analysingSince !== startedAt) return;
        analysingSince = null;
        workersAnswered = true;
        // What this thread made meanwhile is no longer waiting.
        rows.forEach((row, i) => {
          if (row.id > madeUpTo) analysed.set(row.id, { payload: row.payload, analysis: results[i]! });
        });
        if (backlog > 0) scheduleMaking();
      },
      (error: unknown) => {
        if (analysingSince !== startedAt) return;
        analysingSince = null;
        log('intake: the analysis workers failed; analysing on the main thread', error);
        analyse = undefined;
        if (backlog > 0) scheduleMaking();
      },
    );
  }

  const makeQuestion = (input: NewQuestion, place: InboundPlace, analysis?: TextAnalysis): Question => {
    const inserted = insertQuestion(db, input, place);
    const question = onInserted ? onInserted(db, inserted, analysis) : inserted;
    return isFlood(input) ? addArrivalFlag(db, question, 'flood') : question;
  };

  const enter = (p: Pending, inline: boolean): Outcome => {
    const { input } = p;
    const { place, created } = reserveInbound(db, {
      channel: input.channel,
      externalId: input.externalId,
      referenceYear: input.referenceYear,
      receivedAt: input.receivedAt,
      payload: inline ? null : JSON.stringify(input),
    });
    // A redelivery (Meta's retry, Telegram after a crash) keeps the first arrival's verdict: the
    // limiter's count of that minute is gone, and a flood's messages are never answered one by one.
    const flood = created ? isFlood(input) : arrivedAsFlood(db, place.id);
    const result = { reference: place.reference, questionId: place.id, created, flood };
    return { ok: true, result, made: created && inline ? makeQuestion(input, place) : null };
  };
  const makeWaiting = (row: WaitingInbound): Question => {
    const ahead = analysed.get(row.id);
    const question = makeQuestion(JSON.parse(row.payload) as NewQuestion, row, ahead?.payload === row.payload ? ahead.analysis : undefined);
    markInboundMade(db, row.id);
    return question;
  };
  /** Questions of up to `limit` waiting messages, oldest first, made by `makeRow`, and how long it took. */
  const makeOldest = (limit: number, makeRow: (row: WaitingInbound) => Question[]): Slice => {
    const startedAt = clock();
    const rows = waitingInbound(db, limit);
    return { rows: rows.length, ids: rows.map((row) => row.id), made: rows.flatMap(makeRow), ms: clock() - startedAt };
  };

  // The usual case: every message of the batch goes in, no savepoints (a savepoint per message
  // costs a copy of every page it touches into the sub-journal, rolled back or not).
  const enterBatch = db.transaction((batch: Pending[], inline: boolean): Outcome[] => batch.map((p) => enter(p, inline)));
  // When one message fails, the whole batch is rolled back (nothing of it was acknowledged) and
  // entered again with a savepoint per message, so one bad row never takes its neighbours down.
  const enterGuarded = db.transaction(enter);
  const enterBatchGuarded = db.transaction((batch: Pending[], inline: boolean): Outcome[] =>
    batch.map((p) => {
      try {
        return enterGuarded(p, inline);
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );

  function flush(): void {
    flushScheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    // Questions are made in arrival order: none inline while older ones still wait.
    const inline = backlog === 0 && pace.fitsInline(batch.length);
    const startedAt = clock();
    let outcomes: Outcome[];
    try {
      outcomes = withoutWaitingForDisk(db, () => {
        try {
          return enterBatch(batch, inline);
        } catch {
          return enterBatchGuarded(batch, inline);
        }
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    if (inline) pace.record(batch.length, clock() - startedAt);
    // The console may see a question a fraction of a millisecond before it is on disk; its sender
    // hears back only after.
    for (const outcome of outcomes) {
      if (!outcome.ok) continue;
      if (outcome.made) bus.emit('question.created', outcome.made);
      else if (outcome.result.created) backlog++;
    }
    if (backlog > 0) scheduleMaking();
    reportWaiting();
    durability.sync().then(
      () => outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.result) : batch[i]!.reject(outcome.error))),
      (error: unknown) => {
        log('intake: the write-ahead log could not be synced; senders are told to retry', error);
        for (const p of batch) p.reject(error);
      },
    );
  }

  const makeOldestCommitted = db.transaction((limit: number) => makeOldest(limit, (row) => [makeWaiting(row)]));
  const makeOneGuarded = db.transaction(makeWaiting);
  // A question that cannot be made stays in the ledger with the reason (it was acknowledged, so
  // it is never dropped) and is tried again at the next start; its neighbours go on.
  const makeOldestGuarded = db.transaction((limit: number) =>
    makeOldest(limit, (row) => {
      try {
        return [makeOneGuarded(row)];
      } catch (error) {
        log(`intake: could not make the question of ${row.reference}; kept, retried at the next start`, error);
        markInboundFailed(db, row.id, error instanceof Error ? error.message : String(error));
        return [];
      }
    }),
  );

  /** Makes the questions of up to `limit` waiting messages in a commit of their own; returns how many it took. */
  function makeSlice(limit: number): number {
    // Nobody waits on these commits: were one lost to a power cut, its messages would still be
    // waiting in the ledger (on disk before their senders heard back) and be made again.
    const slice = withoutWaitingForDisk(db, () => {
      try {
        return makeOldestCommitted(limit);
      } catch {
        return makeOldestGuarded(limit);
      }
    });
    if (slice.rows === 0) backlog = 0;
    else pace.record(slice.rows, slice.ms);
    // Made, or failed and kept for the next start: either way no longer waiting here.
    for (const id of slice.ids) analysed.delete(id);
    madeUpTo = Math.max(madeUpTo, ...slice.ids);
    backlog = Math.max(0, backlog - slice.rows);
    for (const question of slice.made) bus.emit('question.created', question);
    reportWaiting();
    return slice.rows;
  }

  /** Whether the next slice should wait for the batch the workers are analysing. */
  const waitForWorkers = (): boolean =>
    analyse !== undefined && analysed.size === 0 && analysingSince !== null && workersAnswered && clock() - analysingSince < analyseWaitMs;
  let waitTimer: NodeJS.Timeout | null = null;
  const waited = (): void => {
    waitTimer = null;
    if (!closed) scheduleMaking();
  };

  function scheduleMaking(): void {
    if (makingScheduled) return;
    makingScheduled = true;
    const turn = () => {
      makingScheduled = false;
      // A drain (shutdown, an edit) may have made everything meanwhile.
      if (closed || backlog === 0) return;
      // (Also while a batch is out: analyseAhead notices when the workers stopped answering.)
      if (backlog >= analyseFromBacklog || analysed.size > 0 || analysingSince !== null) analyseAhead();
      // Their answer schedules the next slice; should it be late, this thread makes it.
      if (waitForWorkers()) {
        waitTimer ??= setTimeout(waited, analyseWaitMs);
        return;
      }
      // With the workers ahead, a slice makes only what they analysed.
      const size = analyse && analysed.size > 0 ? Math.min(pace.sliceSize(backlog), analysed.size) : pace.sliceSize(backlog);
      try {
        if (size > 0) makeSlice(size);
      } catch (error) {
        // A full or read-only disk: the messages wait in the ledger (already on disk) and are tried
        // again a moment later, never a crash of the desk.
        log('intake: could not make waiting questions just now; trying again', error);
        makingScheduled = true;
        setTimeout(turn, MAKE_RETRY_MS);
        return;
      }
      if (backlog >= analyseFromBacklog) analyseAhead();
      if (backlog > 0) scheduleMaking();
    };
    const wait = pace.msUntilNextSlice(backlog);
    if (wait > 0) setTimeout(turn, Math.ceil(wait));
    else setImmediate(turn);
  }

  function drain(limitMs = Infinity): void {
    flush();
    const until = clock() + limitMs;
    while (backlog > 0 && clock() < until && makeSlice(500) > 0);
  }

  if (backlog > 0) scheduleMaking();

  return {
    accept(message) {
      let input: NewQuestion;
      try {
        input = toNewQuestion(message, now());
      } catch (error) {
        return Promise.reject(error);
      }
      if (input.senderUserId && SENDER_LIMITED_CHANNELS.has(input.channel)) {
        // Over the limit is still accepted content: kept, flagged for the producer, never dropped.
        const key = `${input.channel}:${input.senderUserId}`;
        if (!limiter.take(key, perSender(), now())) input = { ...input, meta: { ...input.meta, [FLOOD_META]: true } };
      }
      pace.arrived();
      return new Promise<AcceptResult>((resolve, reject) => {
        pending.push({ input, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    edit(edit) {
      const text = checkedText(edit.text);
      // Earlier arrivals first, so an edit never overtakes the message it edits; a message still
      // waiting to become a question is edited in the ledger (making a flood's backlog first could
      // hold the thread for seconds).
      flush();
      const outcome = applyInboundEdit(db, { ...edit, text, now: now() });
      if (outcome.kind === 'updated') bus.emit('question.updated', outcome.question);
      return outcome;
    },
    drain,
    async close() {
      // A stop after a flood should not take minutes: what is left waits in the ledger and is
      // made at the next start.
      drain(deps.closeDrainMs ?? CLOSE_DRAIN_MS);
      closed = true;
      if (reportTimer) clearTimeout(reportTimer);
      if (waitTimer) clearTimeout(waitTimer);
      await durability.close();
    },
    waiting: () => backlog,
  };
}
