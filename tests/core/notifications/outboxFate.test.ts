import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/core/store/audit';
import { enqueueOutbox } from '../../../electron/core/store/outbox';
import { DEFAULT_INTAKE_SETTINGS, saveIntakeSettings } from '../../../electron/core/store/settings';
import type { Notification } from '../../../shared/protocol';
import { startTestCore, type TestCore } from '../../helpers/core';
import { questionVersion, saveEpisode } from '../../helpers/episodes';
import { FakeGraph } from '../../helpers/fakeGraph';
import { FakeTelegram } from '../../helpers/fakeTelegram';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let bot: FakeTelegram;
let graph: FakeGraph;
let producer: TestWsClient;
let clock: number;
let serial = 0;

beforeEach(async () => {
  clock = Date.UTC(2026, 4, 20, 6, 0); // Wednesday 20 May 2026, 11:00 in Almaty
  bot = await new FakeTelegram().start();
  graph = await new FakeGraph().start();
  core = await startTestCore({ now: () => clock });
  // Tokens known, receiving off: only the outbox talks to the fakes.
  saveIntakeSettings(
    core.db,
    {
      ...DEFAULT_INTAKE_SETTINGS,
      telegram: { enabled: false, token: bot.token, apiRoot: bot.url },
      whatsapp: { enabled: false, appSecret: null, verifyToken: null, accessToken: 'EAAG-outbox-test-token', graphApiRoot: graph.url },
    },
    clock,
  );
  producer = await TestWsClient.connect(core.url, 'producer', 'en', 'Данияр');
});
afterEach(async () => {
  producer.close();
  await core.stop();
  await bot.stop();
  await graph.stop();
});

const idOf = (reference: string) => (core.db.prepare('SELECT id FROM question WHERE reference = ?').get(reference) as { id: number }).id;

async function telegramQuestion(chatId: number, text: string): Promise<number> {
  serial += 1;
  const { reference } = await core.intake.accept({
    channel: 'telegram',
    externalId: `${chatId}:${serial}`,
    senderName: 'Телеграм',
    senderUserId: String(chatId),
    text,
    meta: { chatId, messageId: serial },
  });
  return idOf(reference);
}

async function whatsappQuestion(phone: string, text: string): Promise<number> {
  serial += 1;
  const { reference } = await core.intake.accept({
    channel: 'whatsapp',
    externalId: `wamid.in-${serial}`,
    senderName: `+${phone}`,
    senderContact: `+${phone}`,
    senderUserId: phone,
    text,
    meta: { phoneNumberId: '1055', sentAt: null, caption: false },
  });
  return idOf(reference);
}

/** A notification as notify.ts queues it (the step itself is covered by notify.test.ts). */
function queueNotice(questionId: number, chatId: number, text: string): void {
  enqueueOutbox(
    core.db,
    {
      channel: 'telegram',
      recipient: String(chatId),
      body: { text, language: 'ru' },
      dedupeKey: `notice:test:${questionId}:${text}`,
      notice: { kind: 'handed_off', questionId, recipientQuestionId: questionId },
    },
    clock,
  );
}

async function messagesOf(questionId: number): Promise<Notification[]> {
  return (await producer.send('notification.list', { questionId })).items;
}

async function mobilityId(): Promise<number> {
  return (await producer.send('department.list', {})).items.find((d) => d.code === 'mobility')!.id;
}

const handoffOf = (questionId: number) =>
  core.db.prepare('SELECT id, reference, version FROM handoff WHERE question_id = ?').get(questionId) as { id: number; reference: string; version: number };

/** Approves, queues and hands the question off during a live show. */
async function handOff(id: number): Promise<void> {
  await producer.send('question.approve', { id, version: questionVersion(core, id) });
  await producer.send('queue.add', { id, version: questionVersion(core, id) });
  await producer.send('outcome.record', { id, version: questionVersion(core, id), outcome: { kind: 'handed_off', departmentId: await mobilityId() } as never });
}

async function liveShow(): Promise<void> {
  const saved = await saveEpisode(producer, { title: 'Akimat LIVE', speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким' }] });
  await producer.send('episode.start', { id: saved.episode.id });
}

describe('outbox: each citizen notification at most once', () => {
  it('WhatsApp: every step of a question is one message to the number, in its language, however often the outbox runs', async () => {
    await liveShow();
    const id = await whatsappQuestion('77011234567', 'Когда на остановке «Сайран» поставят навес?');
    await handOff(id);
    await core.channels.outbox.drain();
    await core.channels.outbox.drain();
    const h = handoffOf(id);
    await producer.send('handoff.update', { id: h.id, version: h.version, answer: 'Навес поставят до 1 июля.' });
    await core.channels.outbox.drain();
    await core.channels.outbox.drain();
    expect(graph.sent.map((s) => [s.phoneNumberId, s.to, s.text, s.template])).toEqual([
      ['1055', '77011234567', expect.stringContaining(`Номер обращения: ${h.reference}`), undefined],
      ['1055', '77011234567', expect.stringContaining('Навес поставят до 1 июля.'), undefined],
    ]);
    expect((await messagesOf(id)).map((m) => [m.notice, m.state, m.attempts])).toEqual([
      ['department_answered', 'sent', 1],
      ['handed_off', 'sent', 1],
    ]);
  });

  it('a send cut off after Telegram took it is "may not have been sent": not retried, audited, and goes again only when a producer resends it', async () => {
    const id = await telegramQuestion(7101, 'Когда отремонтируют лифт в доме на Абая 10?');
    queueNotice(id, 7101, 'Ваш вопрос передан.');
    bot.failNext('sendMessage', { status: 0, description: 'hang up' });
    await core.channels.outbox.drain();
    const [m] = await messagesOf(id);
    expect(m).toMatchObject({ state: 'uncertain', attempts: 1 });
    expect(m!.lastError).toMatch(/may not have been sent/);

    // However often the outbox runs (and however much time passes), it is not sent again on its own.
    clock += 3_600_000;
    await core.channels.outbox.drain();
    expect(bot.sent.map((s) => s.text)).toEqual(['Ваш вопрос передан.']);

    const resent = await producer.send('notification.resend', { id: m!.id });
    expect(resent.state).toBe('waiting');
    await core.channels.outbox.drain();
    expect(bot.sent.map((s) => s.text)).toEqual(['Ваш вопрос передан.', 'Ваш вопрос передан.']);
    expect((await messagesOf(id))[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(listAudit(core.db, 'outbox', m!.id).map((a) => [a.action, a.actor])).toEqual([['notification.resend', 'Данияр']]);
    // A message that went cannot be resent.
    const again = await producer.request('notification.resend', { id: m!.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a clear failure (HTTP 500) is retried with back-off and arrives once', async () => {
    const id = await telegramQuestion(7102, 'Почему не вывозят мусор на Жандосова?');
    queueNotice(id, 7102, 'Ответ управления: вывоз по вторникам.');
    bot.failNext('sendMessage', { status: 500, description: 'Internal Server Error' });
    await core.channels.outbox.drain();
    expect((await messagesOf(id))[0]).toMatchObject({ state: 'waiting', attempts: 1 });
    await core.channels.outbox.drain();
    expect(bot.callsOf('sendMessage')).toHaveLength(1);
    clock += 1_000;
    await core.channels.outbox.drain();
    expect(bot.sent.map((s) => s.text)).toEqual(['Ответ управления: вывоз по вторникам.']);
    expect((await messagesOf(id))[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it("Telegram's retry_after holds every send to that bot (other chats, intake replies), then each goes once", async () => {
    const ids = [await telegramQuestion(7201, 'Вопрос первый про дороги'), await telegramQuestion(7202, 'Вопрос второй про свет'), await telegramQuestion(7203, 'Вопрос третий про воду')];
    ids.forEach((id, i) => queueNotice(id, 7201 + i, `Сообщение ${i + 1}`));
    enqueueOutbox(core.db, { channel: 'telegram', recipient: '7299', dedupeKey: 'telegram:7299:1:received', body: { text: 'Рахмет!' } }, clock);
    bot.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 });
    await core.channels.outbox.drain();
    // One request was refused; nothing else was tried while the bot is told to wait.
    expect(bot.callsOf('sendMessage')).toHaveLength(1);
    expect(bot.sent).toEqual([]);
    clock += 6_000;
    await core.channels.outbox.drain();
    expect(bot.callsOf('sendMessage')).toHaveLength(1);
    const held = core.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND attempts = 0`).get() as { n: number };
    expect(held.n).toBe(3); // waiting without spending an attempt
    clock += 1_000;
    await core.channels.outbox.drain();
    expect(bot.sent.map((s) => s.text).sort()).toEqual(['Рахмет!', 'Сообщение 1', 'Сообщение 2', 'Сообщение 3']);
    for (const id of ids) expect((await messagesOf(id))[0]!.state).toBe('sent');
  });

  it("WhatsApp outside the 24-hour window: 'not sent: window closed' without a template; as the approved template once one is set", async () => {
    await liveShow();
    const id = await whatsappQuestion('77017654321', 'Қашан біздің ауланы жарықтандырады?');
    clock += 25 * 3_600_000;
    await handOff(id);
    await core.channels.outbox.drain();
    expect(graph.sent).toEqual([]);
    const [closed] = await messagesOf(id);
    expect(closed).toMatchObject({ state: 'window_closed', language: 'kk', sentAs: null });

    await producer.send('intake.updateSettings', { whatsapp: { notificationTemplate: 'akimat_live_update' } });
    await producer.send('notification.resend', { id: closed!.id });
    await core.channels.outbox.drain();
    expect(graph.sent).toEqual([
      {
        phoneNumberId: '1055',
        to: '77017654321',
        text: undefined,
        replyTo: null,
        template: { name: 'akimat_live_update', language: 'kk', parameters: [closed!.text.replace(/\s*\n\s*/g, ' — ')] },
      },
    ]);
    expect((await messagesOf(id))[0]).toMatchObject({ state: 'sent', sentAs: 'template' });

    // Writing again opens the window: the next message is plain text.
    await whatsappQuestion('77017654321', 'Тағы бір сұрақ: аялдама қашан салынады?');
    const h = handoffOf(id);
    await producer.send('handoff.update', { id: h.id, version: h.version, answer: 'Шамдар шілдеде орнатылады.' });
    await core.channels.outbox.drain();
    expect(graph.sent[1]).toMatchObject({ to: '77017654321', text: expect.stringContaining('Шамдар шілдеде орнатылады.') });
    expect(graph.sent[1]!.template).toBeUndefined();
  });
});
