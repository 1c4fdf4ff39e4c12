import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxWorker } from '../../../electron/core/channels/outboxWorker';
import { enqueueOutbox } from '../../../electron/core/store/outbox';
import { DEFAULT_INTAKE_SETTINGS, saveIntakeSettings } from '../../../electron/core/store/settings';
import { startTestCore, type TestCore } from '../../helpers/core';
import { FakeTelegram } from '../../helpers/fakeTelegram';

let core: TestCore;
let fake: FakeTelegram;
let clock: number;
let worker: OutboxWorker;
const logs: string[] = [];

beforeEach(async () => {
  clock = Date.parse('2026-11-21T14:00:00Z');
  fake = await new FakeTelegram().start();
  logs.length = 0;
  core = await startTestCore({ now: () => clock, log: (m) => logs.push(m) });
  // The token is known to the core; polling stays off, so only the outbox talks to the fake.
  saveIntakeSettings(core.db, { ...DEFAULT_INTAKE_SETTINGS, telegram: { enabled: false, token: fake.token, apiRoot: fake.url } }, clock);
  worker = core.channels.outbox;
});
afterEach(async () => {
  await core.stop();
  await fake.stop();
});

const row = () => core.db.prepare('SELECT status, attempts, next_attempt_at AS nextAt, last_error AS error FROM outbox').get() as any;
const enqueue = (key = 'telegram:1:1:received') =>
  enqueueOutbox(core.db, { channel: 'telegram', recipient: '5550001', dedupeKey: key, body: { text: 'Рахмет!', replyTo: 1 } }, clock);

describe('outbox worker', () => {
  it('enqueues a reply once per dedupe key and sends it once', async () => {
    expect(enqueue()).toBe(true);
    expect(enqueue()).toBe(false);
    await worker.drain();
    await worker.drain();
    expect(fake.sent).toEqual([{ chat_id: 5550001, text: 'Рахмет!', reply_parameters: { message_id: 1, allow_sending_without_reply: true } }]);
    expect(row()).toMatchObject({ status: 'sent', attempts: 1, error: null });
  });

  it('waits as long as Telegram’s retry_after says, then sends', async () => {
    enqueue();
    fake.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 });
    await worker.drain();
    expect(row()).toMatchObject({ status: 'pending', attempts: 1, nextAt: clock + 7000 });
    expect(row().error).toContain('429');
    await worker.drain();
    expect(fake.sent).toHaveLength(0);
    clock += 7000;
    await worker.drain();
    expect(fake.sent).toHaveLength(1);
    expect(row().status).toBe('sent');
  });

  it('backs off exponentially on server errors and gives up on a blocked bot, never writing the token', async () => {
    enqueue('a');
    fake.failNext('sendMessage', { status: 500, description: `Internal Server Error for bot${fake.token}` });
    await worker.drain();
    expect(row()).toMatchObject({ status: 'pending', attempts: 1, nextAt: clock + 1000 });
    expect(row().error).not.toContain(fake.token);

    clock += 1000;
    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: bot was blocked by the user' });
    await worker.drain();
    expect(row()).toMatchObject({ status: 'failed', attempts: 2 });
    expect(logs.join('\n')).toContain('bot was blocked');
    expect(logs.join('\n')).not.toContain(fake.token);
  });

  it('never sends twice a reply whose send was cut off by a crash: it is marked uncertain and audited', async () => {
    enqueue('cut-off');
    enqueue('done');
    await worker.drain();
    // As a kill -9 during the first send leaves it: claimed, never confirmed.
    core.db.prepare("UPDATE outbox SET status = 'sending', sent_at = NULL, attempts = 0 WHERE dedupe_key = 'cut-off'").run();
    await core.close();
    const sentBefore = fake.sent.length;

    core = await startTestCore({ dataDir: core.dataDir, now: () => clock, log: (m) => logs.push(m) });
    const rows = () => core.db.prepare('SELECT id, dedupe_key AS key, status, attempts, last_error AS error FROM outbox ORDER BY id').all() as any[];
    expect(rows()[0]).toMatchObject({ key: 'cut-off', status: 'uncertain', attempts: 1, error: expect.stringContaining('may not have been sent') });
    expect(rows()[1]).toMatchObject({ key: 'done', status: 'sent' });
    const audit = core.db.prepare("SELECT entity_id AS id, action FROM audit WHERE entity = 'outbox'").all();
    expect(audit).toEqual([{ id: rows()[0].id, action: 'outbox.uncertain' }]);
    expect(logs.join('\n')).toContain(`reply ${rows()[0].id} via telegram was being sent when the desk stopped; it may not have been sent`);

    await core.channels.outbox.drain();
    await core.channels.outbox.drain();
    expect(fake.sent.length - sentBefore).toBe(0);
    expect(rows().map((r) => r.status)).toEqual(['uncertain', 'sent']);
  });
});
