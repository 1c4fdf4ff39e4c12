import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifyAnsweredOnAir, notifyHandedOff } from '../../../electron/core/notifications/notify';
import { listAudit } from '../../../electron/core/store/audit';
import { getHandoff } from '../../../electron/core/store/handoffs';
import { enqueueOutbox } from '../../../electron/core/store/outbox';
import { DEFAULT_INTAKE_SETTINGS, saveIntakeSettings } from '../../../electron/core/store/settings';
import type { Notification } from '../../../shared/protocol';
import { startTestCore, type TestCore } from '../../helpers/core';
import { questionVersion, saveEpisode } from '../../helpers/episodes';
import { FakeTelegram } from '../../helpers/fakeTelegram';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let fake: FakeTelegram;
let producer: TestWsClient;
let clock: number;
let messageId = 100;

beforeEach(async () => {
  clock = Date.UTC(2026, 4, 20, 14, 30); // Wednesday 20 May 2026, 19:30 in Almaty
  fake = await new FakeTelegram().start();
  core = await startTestCore({ now: () => clock });
  // The bot's token is known (polling off): only the outbox talks to the fake Bot API.
  saveIntakeSettings(core.db, { ...DEFAULT_INTAKE_SETTINGS, telegram: { enabled: false, token: fake.token, apiRoot: fake.url } }, clock);
  producer = await TestWsClient.connect(core.url, 'producer', 'en', 'Данияр');
});
afterEach(async () => {
  producer.close();
  await core.stop();
  await fake.stop();
});

/** A question as the Telegram adapter commits it: the chat to answer in is in its meta. */
async function telegramQuestion(chatId: number, text: string): Promise<number> {
  messageId += 1;
  const { reference } = await core.intake.accept({
    channel: 'telegram',
    externalId: `${chatId}:${messageId}`,
    senderName: 'Телеграм',
    senderUserId: String(chatId),
    text,
    meta: { chatId, messageId },
  });
  return (core.db.prepare('SELECT id FROM question WHERE reference = ?').get(reference) as { id: number }).id;
}

const reference = (id: number) => (core.db.prepare('SELECT reference FROM question WHERE id = ?').get(id) as { reference: string }).reference;

async function approve(id: number): Promise<void> {
  await producer.send('question.approve', { id, version: questionVersion(core, id) });
}

async function liveShow(): Promise<void> {
  const saved = await saveEpisode(producer, { title: 'Akimat LIVE: транспорт', speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким' }] });
  await producer.send('episode.start', { id: saved.episode.id });
}

async function decide(id: number, outcome: Record<string, unknown>): Promise<void> {
  await producer.send('queue.add', { id, version: questionVersion(core, id) });
  await producer.send('outcome.record', { id, version: questionVersion(core, id), outcome: outcome as never });
}

async function mobilityId(): Promise<number> {
  return (await producer.send('department.list', {})).items.find((d) => d.code === 'mobility')!.id;
}

async function messagesOf(questionId?: number): Promise<Notification[]> {
  return (await producer.send('notification.list', questionId === undefined ? {} : { questionId })).items;
}

const handoffOf = (questionId: number) =>
  core.db.prepare('SELECT id, reference, version FROM handoff WHERE question_id = ? ORDER BY id DESC').get(questionId) as {
    id: number;
    reference: string;
    version: number;
  };

describe('closing the loop: what the citizen is told', () => {
  it('answered on air: once, to the chat they wrote from, in their language, with the episode, time and summary', async () => {
    await liveShow();
    const id = await telegramQuestion(7001, 'Абай даңғылындағы жол қашан жөнделеді? Көп жыл бойы шұңқыр.');
    await approve(id);
    await producer.send('queue.add', { id, version: questionVersion(core, id) });
    clock += 60_000;
    await producer.send('show.next', {});
    clock += 120_000;
    await producer.send('outcome.record', {
      id,
      version: questionVersion(core, id),
      outcome: { kind: 'answered', summary: 'Жөндеу маусымда басталады.', commitments: [] },
    });
    const [queued] = await messagesOf(id);
    expect(queued).toMatchObject({ notice: 'answered_on_air', language: 'kk', recipientQuestionId: id });
    // Queued with the outcome, not yet confirmed: waiting even if the outbox has picked it up already.
    expect(queued!.state).toBe('waiting');

    await core.channels.outbox.drain();
    await core.channels.outbox.drain();
    expect(fake.sent).toEqual([
      {
        chat_id: 7001,
        text: `«Akimat LIVE: транспорт» бағдарламасында 20.05.2026, 19:31 сіздің ${reference(id)} сұрағыңызға тікелей эфирде жауап берілді.\nҚысқаша: Жөндеу маусымда басталады.`,
        reply_parameters: { message_id: messageId, allow_sending_without_reply: true },
      },
    ]);
    expect((await messagesOf(id))[0]).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('handed off, then answered by the department: each step once, with department, reference, due date and answer', async () => {
    await liveShow();
    const id = await telegramQuestion(7002, 'Когда на остановке «Сайран» поставят навес?');
    await approve(id);
    await decide(id, { kind: 'handed_off', departmentId: await mobilityId() });
    const h = handoffOf(id);
    await core.channels.outbox.drain();
    expect(fake.sent.map((m) => [m.chat_id, m.text])).toEqual([
      [7002, `Ваш вопрос ${reference(id)} передан: Управление мобильности. Номер обращения: ${h.reference}. Ответ — до 11.06.2026.`],
    ]);

    await producer.send('handoff.update', { id: h.id, version: h.version, answer: 'Навес поставят до 1 июля.' });
    // Correcting the answer afterwards is not a new step: the citizen is not told twice.
    await producer.send('handoff.update', { id: h.id, version: h.version + 1, answer: 'Навес поставят до 1 июля 2026 года.' });
    await core.channels.outbox.drain();
    expect(fake.sent.slice(1).map((m) => [m.chat_id, m.text])).toEqual([
      [7002, `Ответ на ваш вопрос ${reference(id)} (${h.reference}) — Управление мобильности:\nНавес поставят до 1 июля.`],
    ]);
    expect((await messagesOf(id)).map((m) => [m.notice, m.state])).toEqual([
      ['department_answered', 'sent'],
      ['handed_off', 'sent'],
    ]);
  });

  it('tells every member of the duplicate group too, each in their own language and with their own reference', async () => {
    await liveShow();
    const lead = await telegramQuestion(7003, 'Когда отремонтируют дорогу на улице Толе би?');
    const member = await telegramQuestion(7004, 'Төле би көшесіндегі жол қашан жөнделеді?');
    await producer.send('question.merge', { id: member, version: questionVersion(core, member), intoId: lead });
    await approve(lead);
    await decide(lead, { kind: 'handed_off', departmentId: await mobilityId() });
    await core.channels.outbox.drain();
    const h = handoffOf(lead);
    expect(fake.sent.map((m) => [m.chat_id, m.text]).sort()).toEqual([
      [7003, `Ваш вопрос ${reference(lead)} передан: Управление мобильности. Номер обращения: ${h.reference}. Ответ — до 11.06.2026.`],
      [7004, `Сіздің ${reference(member)} сұрағыңыз жолданды: Мобильділік басқармасы. Өтініш нөмірі: ${h.reference}. Жауап мерзімі — 11.06.2026 дейін.`],
    ]);
    // The producer sees both under the question, and the member's under its own.
    expect((await messagesOf(lead)).map((m) => m.recipientQuestionId).sort()).toEqual([lead, member].sort());
    expect((await messagesOf(member)).map((m) => m.questionId)).toEqual([lead]);
  });

  it('holds messages while paused (shown as paused), and sends them when resumed; both audited', async () => {
    await liveShow();
    await producer.send('notification.pause', { paused: true });
    const id = await telegramQuestion(7005, 'Когда откроют подземный переход у ЦУМа?');
    await approve(id);
    await decide(id, { kind: 'handed_off', departmentId: await mobilityId() });
    // Replies to new messages ("received") are not notifications about a question: they still go.
    enqueueOutbox(core.db, { channel: 'telegram', recipient: '7099', dedupeKey: 'telegram:7099:1:received', body: { text: 'Рахмет!' } }, clock);
    await core.channels.outbox.drain();
    expect(fake.sent.map((m) => m.chat_id)).toEqual([7099]);
    expect((await messagesOf(id))[0]).toMatchObject({ state: 'paused' });
    expect((await producer.send('notification.list', {})).settings).toEqual({ paused: true });

    await producer.send('notification.pause', { paused: false });
    await core.channels.outbox.drain();
    expect(fake.sent.map((m) => m.chat_id)).toEqual([7099, 7005]);
    expect((await messagesOf(id))[0]).toMatchObject({ state: 'sent' });
    expect(listAudit(core.db, 'setting', 0).map((a) => [a.action, a.actor])).toEqual([
      ['notification.pause', 'Данияр'],
      ['notification.resume', 'Данияр'],
    ]);
  });

  it('sends nothing about a rejected question: none is queued, and one queued before the rejection is cancelled', async () => {
    const deps = { db: core.db, now: () => clock };
    const rejected = await telegramQuestion(7006, 'Реклама: куплю квартиру недорого');
    await producer.send('question.reject', { id: rejected, version: questionVersion(core, rejected), reason: 'spam' });
    expect(notifyAnsweredOnAir(deps, rejected, null, '')).toBe(0);

    await producer.send('notification.pause', { paused: true });
    const later = await telegramQuestion(7007, 'Когда уберут снег во дворе на Жандосова?');
    expect(core.db.transaction(() => notifyAnsweredOnAir(deps, later, null, ''))()).toBe(1);
    await producer.send('question.reject', { id: later, version: questionVersion(core, later), reason: 'off_topic' });
    expect((await messagesOf(later))[0]).toMatchObject({ state: 'cancelled' });
    await producer.send('notification.pause', { paused: false });
    await core.channels.outbox.drain();
    expect(fake.sent).toHaveLength(0);
  });

  it('has no channel to answer a web-form question through, and queues nothing for it', async () => {
    const { reference: ref } = await core.intake.accept({ channel: 'web', externalId: 'w-1', senderName: 'Айжан', text: 'Когда починят лифт?' });
    const id = (core.db.prepare('SELECT id FROM question WHERE reference = ?').get(ref) as { id: number }).id;
    const mobility = await mobilityId();
    const record = core.db.transaction(() => {
      core.db.prepare(`UPDATE question SET status = 'handed_off' WHERE id = ?`).run(id);
      const made = core.db
        .prepare(`INSERT INTO handoff (question_id, department_id, reference, due_date, created_at, updated_at) VALUES (?, ?, 'r/1', '2026-06-11', 0, 0) RETURNING id`)
        .get(id, mobility) as { id: number };
      return getHandoff(core.db, made.id)!;
    })();
    expect(notifyHandedOff({ db: core.db, now: () => clock }, record)).toBe(0);
    expect(await messagesOf(id)).toEqual([]);
  });
});
