import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/domain';
import { postJson, startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;

beforeEach(async () => {
  core = await startTestCore();
  producer = await TestWsClient.connect(core.url);
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

describe('phone-in entry by the producer', () => {
  it('stores the caller’s question once per entry, with name, district and phone', async () => {
    const entry = { entryId: 'phone-entry-0001', name: 'Гүлмира апай', district: 'turksib' as const, phone: '+7 727 255 00 00', text: 'Когда проведут газ в Турксибский район?' };
    const first = await producer.send('phone.add', entry);
    const again = await producer.send('phone.add', entry);
    expect(first.created).toBe(true);
    expect(again).toEqual({ reference: first.reference, created: false });
    const row = core.db.prepare("SELECT channel, sender_name, district, sender_contact, original_text FROM question").all();
    expect(row).toEqual([{ channel: 'phone', sender_name: 'Гүлмира апай', district: 'turksib', sender_contact: '+77272550000', original_text: entry.text }]);
  });

  it('refuses an empty question with a readable reason', async () => {
    const reply = await producer.request('phone.add', { entryId: 'phone-entry-0002', name: 'A', district: null, text: '  ' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('validation');
  });

  it('is for producers only', async () => {
    const press = await TestWsClient.connect(core.url, 'press');
    const reply = await press.request('phone.add', { entryId: 'phone-entry-0003', name: 'A', district: null, text: 'Вопрос' });
    expect(reply.ok).toBe(false);
    press.close();
  });
});

describe('channel state', () => {
  it('lists every channel with its state and counts, pushed live as questions arrive', async () => {
    const { items, waiting } = await producer.send('channel.list', {});
    expect(waiting).toBe(0);
    expect(items.map((s) => s.channel)).toEqual([...CHANNELS]);
    expect(items.find((s) => s.channel === 'web')).toMatchObject({ status: 'ready', count: 0, lastMessageAt: null });
    expect(items.find((s) => s.channel === 'telegram')?.status).toBe('off');
    expect(items.find((s) => s.channel === 'webhook')?.status).toBe('off');

    await postJson(`${core.url}/api/questions`, { name: 'Айдос', text: 'Вопрос с формы' });
    await producer.send('phone.add', { entryId: 'phone-entry-0004', name: 'Б', district: null, text: 'Вопрос по телефону' });
    const web = await producer.waitForEvent('channel.state', (p) => p.channel === 'web' && p.count === 1);
    expect(web.payload.lastMessageAt).toBeGreaterThan(0);
    await producer.waitForEvent('channel.state', (p) => p.channel === 'phone' && p.count === 1);

    await producer.send('integration.create', { name: 'Portal' });
    await producer.waitForEvent('channel.state', (p) => p.channel === 'webhook' && p.status === 'ready');
  });

  it('counts survive a restart; a live connection does not pretend to be up', async () => {
    await postJson(`${core.url}/api/questions`, { name: 'Айдос', text: 'До перезапуска' });
    core.db.prepare("UPDATE channel_state SET status = 'connected' WHERE channel = 'web'").run();
    const dataDir = core.dataDir;
    producer.close();
    await core.close();
    core = await startTestCore({ dataDir });
    producer = await TestWsClient.connect(core.url);
    const { items } = await producer.send('channel.list', {});
    expect(items.find((s) => s.channel === 'web')).toMatchObject({ count: 1, status: 'ready' });
  });
});

describe('settings', () => {
  it('clears a secret with an empty value and keeps others untouched', async () => {
    await producer.send('intake.updateSettings', { whatsapp: { appSecret: 'secret-value-123456', verifyToken: 'verify-abc' } });
    const cleared = await producer.send('intake.updateSettings', { whatsapp: { appSecret: '' } });
    expect(cleared.whatsapp.appSecret).toEqual({ set: false, last4: null });
    expect(cleared.whatsapp.verifyToken).toEqual({ set: true, last4: null });
  });

  it('refuses a Bot API address that is not http(s)', async () => {
    const reply = await producer.request('intake.updateSettings', { telegram: { apiRoot: 'file:///etc/passwd' } });
    expect(reply.ok).toBe(false);
  });
});
