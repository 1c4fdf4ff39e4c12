import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startTestCore, type TestCore } from '../../helpers/core';
import { FakeTelegram } from '../../helpers/fakeTelegram';
import { TestWsClient } from '../../helpers/wsClient';
import { until } from './until';

let core: TestCore;
let producer: TestWsClient;
let clock: number;
const count = (channel: string) => (core.db.prepare('SELECT COUNT(*) AS n FROM question WHERE channel = ?').get(channel) as any).n;

beforeEach(async () => {
  clock = Date.parse('2026-11-21T14:00:00Z');
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url);
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

const flooded = (channel: string) => {
  core.intake.drain();
  return (core.db.prepare("SELECT COUNT(*) AS n FROM question q WHERE channel = ? AND EXISTS (SELECT 1 FROM json_each(q.flags) WHERE value = 'flood')").get(channel) as any).n;
};

describe('per-sender limit: a flood is kept and flagged, never dropped (issue 12)', () => {
  it('stores a 50-message webhook burst from one sender, flags the 45 over the limit for the producer, and lets them in unflagged a minute later', async () => {
    const { key } = await producer.send('integration.create', { name: 'Comments' });
    await producer.send('intake.updateSettings', { limits: { perSenderPerMinute: 5 } });
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postJson(
          `${core.url}/api/intake/webhook`,
          { externalId: `burst-${i}`, text: `Спам номер ${i}`, senderName: 'Flooder', senderId: 'u-1' },
          { authorization: `Bearer ${key}`, 'accept-language': 'en' },
        ),
      ),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(count('webhook')).toBe(50);
    expect(flooded('webhook')).toBe(45);
    // The burst is one near-duplicate group (one inbox row); a search lists every message.
    const filtered = await producer.send('inbox.list', { filter: { flag: 'flood', text: 'Спам' } });
    expect(filtered.items).toHaveLength(45);
    expect(filtered.items.every((q: any) => q.flags.includes('flood'))).toBe(true);

    // A redelivery is answered as the first delivery was and adds nothing.
    const again = await postJson(`${core.url}/api/intake/webhook`, { externalId: 'burst-0', text: 'x', senderName: 'Flooder', senderId: 'u-1' }, { authorization: `Bearer ${key}` });
    expect(again.json.value).toEqual({ reference: burst[0]!.json.value.reference, created: false });
    expect(count('webhook')).toBe(50);

    // Another sender is not affected; the same sender is unflagged again after a minute.
    await postJson(`${core.url}/api/intake/webhook`, { externalId: 'other-1', text: 'Вопрос', senderName: 'Other', senderId: 'u-2' }, { authorization: `Bearer ${key}` });
    clock += 61_000;
    await postJson(`${core.url}/api/intake/webhook`, { externalId: 'burst-later', text: 'Снова я', senderName: 'Flooder', senderId: 'u-1' }, { authorization: `Bearer ${key}` });
    expect(count('webhook')).toBe(52);
    expect(flooded('webhook')).toBe(45);
  });

  it('keeps every message of a Telegram burst of 20 (not only the first), answering only those within the limit', async () => {
    const fake = await new FakeTelegram().start();
    try {
      await producer.send('intake.updateSettings', { telegram: { enabled: true, token: fake.token, apiRoot: fake.url }, limits: { perSenderPerMinute: 3 } });
      const texts = ['алло', ...Array.from({ length: 19 }, (_, i) => `Когда починят дорогу, часть ${i + 1}?`)];
      const updates = fake.push(...texts.map((t) => fake.textUpdate(990001, t)));
      await until(() => fake.confirmedUpTo === updates.at(-1).update_id, 'burst confirmed');
      core.intake.drain();
      const stored = core.db.prepare("SELECT original_text FROM question WHERE channel = 'telegram' ORDER BY id").all() as any[];
      expect(stored.map((r) => r.original_text)).toEqual(texts);
      expect(flooded('telegram')).toBe(17);
      await until(() => fake.sent.length === 3, 'three replies');
      expect(fake.sent.every((m) => m.text.startsWith('Рахмет!') || m.text.startsWith('Спасибо!'))).toBe(true);
    } finally {
      await fake.stop();
    }
  });

  it('keeps WhatsApp messages over the limit, flagged, and answers 200 only after they are stored', async () => {
    const secret = 'wa-secret-for-limits';
    await producer.send('intake.updateSettings', { whatsapp: { enabled: true, appSecret: secret, verifyToken: 'v' }, limits: { perSenderPerMinute: 2 } });
    const messages = Array.from({ length: 5 }, (_, i) => ({ from: '77010000000', id: `wamid.lim-${i}`, timestamp: '1763700000', type: 'text', text: { body: `Вопрос ${i}` } }));
    const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1' }, messages } }] }] }));
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const response = await fetch(`${core.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: new Uint8Array(body) });
    expect(response.status).toBe(200);
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM inbound WHERE channel = 'whatsapp'").get()).toEqual({ n: 5 });
    expect(count('whatsapp')).toBe(5);
    expect(flooded('whatsapp')).toBe(3);
    const replies = core.db.prepare("SELECT body FROM outbox WHERE channel = 'whatsapp'").all() as any[];
    expect(replies).toHaveLength(2);

    // Meta retries the same notification (or the desk restarted before answering 200): the flood's
    // messages are still not answered one by one, and nothing is stored twice.
    const again = await fetch(`${core.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: new Uint8Array(body) });
    expect(again.status).toBe(200);
    expect(count('whatsapp')).toBe(5);
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE channel = 'whatsapp'").get()).toEqual({ n: 2 });
  });

  it('does not limit the WhatsApp webhook by IP: Meta’s servers share addresses', async () => {
    const limited = await startTestCore({ intakePerIpPerMinute: 1 });
    try {
      const client = await TestWsClient.connect(limited.url);
      const secret = 'wa-secret-shared-ip';
      await client.send('intake.updateSettings', { whatsapp: { enabled: true, appSecret: secret, verifyToken: 'v' } });
      client.close();
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) {
        const messages = [{ from: `7701000${String(i).padStart(4, '0')}`, id: `wamid.ip-${i}`, timestamp: '1763700000', type: 'text', text: { body: `Вопрос ${i}` } }];
        const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '1' }, messages } }] }] }));
        const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
        const r = await fetch(`${limited.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: new Uint8Array(body) });
        statuses.push(r.status);
      }
      expect(statuses).toEqual(Array(15).fill(200));
      expect(limited.db.prepare("SELECT COUNT(*) AS n FROM inbound WHERE channel = 'whatsapp'").get()).toEqual({ n: 15 });
    } finally {
      await limited.stop();
    }
  });
});

describe('per-IP limit on the webhooks', () => {
  it('answers 429 past ten times the form’s per-IP limit', async () => {
    const limited = await startTestCore({ intakePerIpPerMinute: 2 });
    try {
      const replies = [];
      for (let i = 0; i < 22; i++) replies.push(await postJson(`${limited.url}/api/intake/webhook`, { externalId: `x${i}` }));
      expect(replies.slice(0, 20).every((r) => r.status === 403)).toBe(true);
      expect(replies.slice(20).every((r) => r.status === 429 && r.json.error.code === 'rate_limited')).toBe(true);
    } finally {
      await limited.stop();
    }
  });
});

describe('bad input on every public endpoint stores nothing and says why', () => {
  const endpoints = ['/api/questions', '/api/intake/webhook', '/webhooks/whatsapp'];
  let headers: Record<string, Record<string, string>>;
  const waSecret = 'wa-secret-bad-input';
  const signed = (body: Buffer) => `sha256=${createHmac('sha256', waSecret).update(body).digest('hex')}`;

  beforeEach(async () => {
    const { key } = await producer.send('integration.create', { name: 'Bad input' });
    await producer.send('intake.updateSettings', { whatsapp: { enabled: true, appSecret: waSecret, verifyToken: 'v' } });
    headers = { '/api/questions': {}, '/api/intake/webhook': { authorization: `Bearer ${key}` }, '/webhooks/whatsapp': {} };
  });

  const send = (path: string, body: Buffer) =>
    fetch(`${core.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers[path], ...(path === '/webhooks/whatsapp' ? { 'x-hub-signature-256': signed(body) } : {}) },
      body: new Uint8Array(body),
    });
  const total = () => (core.db.prepare('SELECT COUNT(*) AS n FROM question').get() as any).n;

  it.each(endpoints)('%s: malformed JSON, wrong types, broken UTF-8, empty text', async (path) => {
    const bodies = [
      '{"name": "A", "text": ',
      JSON.stringify({ name: 42, text: ['x'], externalId: 7, senderName: {}, object: 1, entry: 2 }),
      JSON.stringify({ name: 'A', text: '   ', externalId: 'e1', senderName: 'A', object: 'whatsapp_business_account', entry: [{ changes: [{ value: { messages: [{ from: '7701', id: 'wamid.empty', type: 'text', text: { body: '   ' } }] } }] }] }),
    ].map((s) => Buffer.from(s));
    bodies.push(Buffer.concat([Buffer.from('{"name":"A","text":"'), Buffer.from([0xd0, 0x28, 0xff]), Buffer.from('"}')]));
    for (const body of bodies) {
      const response = await send(path, body);
      // WhatsApp answers 200 to a well-formed post whose message is empty (Meta must not retry it).
      expect([400, 200]).toContain(response.status);
      if (response.status === 400) expect(((await response.json()) as any).error.message.length).toBeGreaterThan(5);
    }
    expect(total()).toBe(0);
  });

  it.each(endpoints)('%s: a 10 MB body is refused with 413', async (path) => {
    const body = Buffer.from(JSON.stringify({ name: 'A', text: 'x'.repeat(10 * 1024 * 1024) }));
    const response = await send(path, body);
    expect(response.status).toBe(413);
    expect(total()).toBe(0);
  });

  it.each(endpoints)('%s: script tags are stored as plain text, untouched', async (path) => {
    const text = '<script>alert("x")</script> Когда починят фонтан?';
    const payload =
      path === '/webhooks/whatsapp'
        ? { object: 'whatsapp_business_account', entry: [{ changes: [{ value: { metadata: { phone_number_id: '1' }, messages: [{ from: '77012223344', id: 'wamid.script', type: 'text', text: { body: text } }] } }] }] }
        : { name: '<b>Bob</b>', senderName: '<b>Bob</b>', externalId: 'script-1', text };
    const response = await send(path, Buffer.from(JSON.stringify(payload)));
    expect(response.status).toBeLessThan(300);
    expect((core.db.prepare('SELECT original_text FROM question').get() as any).original_text).toBe(text);
  });
});
