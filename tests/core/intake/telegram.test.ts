import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramPoller } from '../../../electron/core/channels/telegram/poller';
import { ChannelStates } from '../../../electron/core/channels/state';
import { EventBus } from '../../../electron/core/events';
import { createIntake, type Intake } from '../../../electron/core/intake/accept';
import { DEFAULT_INTAKE_SETTINGS } from '../../../electron/core/store/settings';
import { REPO_ROOT, startTestCore, type TestCore } from '../../helpers/core';
import { FakeTelegram } from '../../helpers/fakeTelegram';
import { TestWsClient } from '../../helpers/wsClient';
import { until } from './until';

const fixtures = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/telegram/updates.json'), 'utf8'));

let core: TestCore;
let fake: FakeTelegram;
let producer: TestWsClient;

const questions = () =>
  core.db.prepare('SELECT channel, external_id, sender_name, original_text, status FROM question ORDER BY id').all() as any[];

async function connectBot(): Promise<void> {
  await producer.send('intake.updateSettings', { telegram: { enabled: true, token: fake.token, apiRoot: fake.url } });
  await until(() => core.channels.states.get('telegram').status === 'connected', 'telegram connected');
}

beforeEach(async () => {
  fake = await new FakeTelegram().start();
  core = await startTestCore();
  producer = await TestWsClient.connect(core.url, 'producer');
});
afterEach(async () => {
  producer.close();
  await core.stop();
  await fake.stop();
});

describe('Telegram long polling against a local Bot API', () => {
  it('stores a question, replies with the reference in the sender’s language, then confirms the update', async () => {
    await connectBot();
    await fake.waitForCalls('getUpdates', 1);
    expect(fake.calls[0]!.method).toBe('deleteWebhook');
    expect(fake.callsOf('getUpdates')[0]!.params.offset).toBeUndefined();

    const [update] = fake.push(fake.textUpdate(777001, 'Қашан Абай даңғылы жөнделеді?'));
    await until(() => fake.sent.length === 1, 'reply');
    const [q] = questions();
    expect(q).toMatchObject({ channel: 'telegram', external_id: `777001:${update.message.message_id}`, original_text: 'Қашан Абай даңғылы жөнделеді?' });
    const reference = (core.db.prepare('SELECT reference FROM question').get() as any).reference;
    expect(fake.sent[0]).toMatchObject({ chat_id: 777001, text: `Рахмет! Сұрағыңыз қабылданды. Өтініш нөмірі: ${reference}` });
    expect(fake.sent[0]!.reply_parameters?.message_id).toBe(update.message.message_id);

    // The next poll asks for a higher offset, which is what confirms the update to Telegram.
    await until(() => fake.confirmedUpTo === update.update_id, 'offset confirmed');
    expect(fake.pending).toEqual([]);
    const event = await producer.waitForEvent('question.created', (p) => p.channel === 'telegram');
    expect(event.payload.reference).toBe(reference);
    const state = await producer.waitForEvent('channel.state', (p) => p.channel === 'telegram' && p.count === 1);
    expect(state.payload.status).toBe('connected');
  });

  it('never shows the token: settings give only “set” and the last four characters', async () => {
    await connectBot();
    const view = await producer.send('intake.getSettings', {});
    expect(view.telegram.token).toEqual({ set: true, last4: fake.token.slice(-4) });
    expect(JSON.stringify(view)).not.toContain(fake.token.slice(0, 12));
    const list = await producer.send('channel.list', {});
    expect(JSON.stringify(list)).not.toContain(fake.token);
  });

  it('absorbs a redelivered update: one question, one reply', async () => {
    await connectBot();
    const update = fake.textUpdate(777002, 'Будет ли метро в Алатауском районе?');
    fake.push({ ...update, update_id: 600 });
    await until(() => fake.confirmedUpTo === 600, 'first confirmed');
    // Update ids can restart: the same message under a new id must still be a no-op.
    fake.push({ ...update, update_id: 3 });
    await until(() => fake.callsOf('getUpdates').some((c) => c.params.offset === 4), 'redelivery confirmed');
    expect(questions()).toHaveLength(1);
    expect(fake.sent).toHaveLength(1);
  });

  it('takes captions, answers voice and stickers with “text only”, ignores groups and channel posts', async () => {
    await connectBot();
    fake.push(fixtures.photo_caption, fixtures.voice, fixtures.sticker, fixtures.group, fixtures.channel_post, fixtures.my_chat_member);
    await until(() => fake.confirmedUpTo === fixtures.my_chat_member.update_id, 'batch confirmed');
    await until(() => fake.sent.length === 3, 'three replies');
    expect(questions().map((q) => q.original_text)).toEqual(['Аулада шам жанбайды, қашан жөндейсіздер?']);
    const byChat = Object.fromEntries(fake.sent.map((m) => [`${m.chat_id}:${m.reply_parameters?.message_id}`, m.text]));
    expect(byChat['3333333:1367']).toBe('Sorry, we accept questions as text only. Please write your question in a message.');
    expect(byChat['2222222:1368']).toMatch(/^Кешіріңіз, сұрақтарды тек мәтін түрінде/);
    expect(byChat['2222222:1366']).toMatch(/^Рахмет! Сұрағыңыз қабылданды/);
  });

  it('applies an edit to a question still new (with an audit row), not to a moderated one', async () => {
    await connectBot();
    fake.push(fixtures.text_private, fixtures.edited);
    await until(() => fake.confirmedUpTo === fixtures.edited.update_id, 'edit confirmed');
    const [q] = questions();
    expect(q.original_text).toBe('Когда отремонтируют дорогу на пересечении Абая и Розыбакиева?');
    const audit = core.db.prepare("SELECT action, before, after FROM audit WHERE action = 'question.editedBySender'").all() as any[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].before).originalText).toBe('Когда отремонтируют дорогу на Абая–Розыбакиева?');
    await producer.waitForEvent('question.updated', (p) => p.originalText.includes('пересечении'));

    const row = core.db.prepare('SELECT id, version FROM question').get() as any;
    await producer.send('question.approve', { id: row.id, version: row.version });
    fake.push({ ...fixtures.edited, update_id: 10010, edited_message: { ...fixtures.edited.edited_message, text: 'Совсем другой текст' } });
    await until(() => fake.confirmedUpTo === 10010, 'late edit confirmed');
    expect(questions()[0].original_text).toBe('Когда отремонтируют дорогу на пересечении Абая и Розыбакиева?');
  });

  it('shows 409 and 429 as channel errors with the reason, then recovers', async () => {
    fake.failNext('getUpdates', { status: 409, description: 'Conflict: can\'t use getUpdates method while webhook is active' });
    fake.failNext('getUpdates', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    await producer.send('intake.updateSettings', { telegram: { enabled: true, token: fake.token, apiRoot: fake.url } });
    const error = await producer.waitForEvent('channel.state', (p) => p.channel === 'telegram' && p.status === 'error');
    expect(error.payload.error).toContain('409');
    expect(error.payload.error).not.toContain(fake.token);
    await producer.waitForEvent('channel.state', (p) => p.channel === 'telegram' && p.error?.includes('retry after'));
    await until(() => core.channels.states.get('telegram').status === 'connected', 'recovered');
    // After a conflict the webhook is deleted again before polling resumes.
    expect(fake.callsOf('deleteWebhook').length).toBeGreaterThanOrEqual(2);
    fake.push(fake.textUpdate(777003, 'Вопрос после сбоя'));
    await until(() => questions().length === 1, 'question after recovery');
  });

  it('reports a rejected token without ever writing it down', async () => {
    await producer.send('intake.updateSettings', { telegram: { enabled: true, token: 'wrong:token-value-123', apiRoot: fake.url } });
    const error = await producer.waitForEvent('channel.state', (p) => p.channel === 'telegram' && p.status === 'error');
    expect(error.payload.error).toContain('401');
    const stored = core.db.prepare("SELECT error FROM channel_state WHERE channel = 'telegram'").get() as any;
    expect(stored.error).not.toContain('token-value');
  });

  it('turns off when disabled, and resumes from what Telegram still holds when enabled again', async () => {
    await connectBot();
    await producer.send('intake.updateSettings', { telegram: { enabled: false } });
    expect(core.channels.states.get('telegram').status).toBe('off');
    fake.push(fake.textUpdate(777004, 'Пока бот выключен'));
    await producer.send('intake.updateSettings', { telegram: { enabled: true } });
    await until(() => questions().length === 1, 'held update fetched');
  });
});

describe('Telegram poller when storage fails', () => {
  it('does not confirm a batch it could not store, and stores it on the next poll', async () => {
    fake = fake ?? (await new FakeTelegram().start());
    const db = core.db;
    const bus = new EventBus();
    const real = createIntake({ db, bus, now: Date.now });
    let failures = 1;
    const flaky: Intake = {
      ...real,
      accept: (m) => (failures-- > 0 ? Promise.reject(new Error('disk I/O error')) : real.accept(m)),
    };
    const states = new ChannelStates(db, bus, Date.now);
    const settings = { ...DEFAULT_INTAKE_SETTINGS, telegram: { enabled: true, token: fake.token, apiRoot: fake.url } };
    const poller = new TelegramPoller({
      db,
      intake: flaky,
      states,
      now: Date.now,
      settings: () => settings,
      onReplies: () => {},
      log: () => {},
      pollTimeoutSec: 1,
      backoffBaseMs: 5,
    });
    const [update] = fake.push(fake.textUpdate(888001, 'Вопрос, который сначала не записался'));
    await poller.restart();
    try {
      await until(() => (db.prepare('SELECT COUNT(*) AS n FROM question').get() as any).n === 1, 'stored on retry');
      const polls = fake.callsOf('getUpdates').map((c) => c.params.offset);
      // The failed batch was fetched again without a higher offset, so Telegram kept it.
      expect(polls.slice(0, 2)).toEqual([undefined, undefined]);
      await until(() => fake.confirmedUpTo === update.update_id, 'confirmed after storing');
    } finally {
      await poller.stop();
      states.close();
    }
  });
});
