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

describe('per-sender limit', () => {
  it('keeps a 50-message webhook burst from one sender to the limit, with a clear answer, and lets them in again a minute later', async () => {
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
    const accepted = burst.filter((r) => r.status === 201);
    const limited = burst.filter((r) => r.status === 429);
    expect(accepted).toHaveLength(5);
    expect(limited).toHaveLength(45);
    expect(limited[0]!.json.error).toMatchObject({ code: 'rate_limited', message: 'Too many messages. Please try again in a minute.' });
    expect(count('webhook')).toBe(5);

    // A redelivery of something already stored still gets its reference, even over the limit.
    const first = accepted[0]!.json.value.reference;
    const storedIds = (core.db.prepare("SELECT external_id AS id, reference FROM question").all() as any[]);
    const redelivered = storedIds.find((r) => r.reference === first).id.split(':')[1];
    const again = await postJson(`${core.url}/api/intake/webhook`, { externalId: redelivered, text: 'x', senderName: 'Flooder', senderId: 'u-1' }, { authorization: `Bearer ${key}` });
    expect(again.json.value).toEqual({ reference: first, created: false });

    // Another sender is not affected; the same sender is welcome again after a minute.
    const other = await postJson(`${core.url}/api/intake/webhook`, { externalId: 'other-1', text: 'Вопрос', senderName: 'Other', senderId: 'u-2' }, { authorization: `Bearer ${key}` });
    expect(other.status).toBe(201);
    clock += 61_000;
    const later = await postJson(`${core.url}/api/intake/webhook`, { externalId: 'burst-later', text: 'Снова я', senderName: 'Flooder', senderId: 'u-1' }, { authorization: `Bearer ${key}` });
    expect(later.status).toBe(201);
  });

  it('answers a Telegram flood with “too many messages” and stores only the allowed ones', async () => {
    const fake = await new FakeTelegram().start();
    try {
      await producer.send('intake.updateSettings', { telegram: { enabled: true, token: fake.token, apiRoot: fake.url }, limits: { perSenderPerMinute: 3 } });
      const updates = fake.push(...Array.from({ length: 50 }, (_, i) => fake.textUpdate(990001, `Сообщение ${i}`)));
      await until(() => fake.confirmedUpTo === updates.at(-1).update_id, 'burst confirmed');
      expect(count('telegram')).toBe(3);
      await until(() => fake.sent.length === 50, 'fifty replies', 15_000);
      expect(fake.sent.filter((m) => m.text.startsWith('Бір минуттан') || m.text.includes('Хабарлама тым көп'))).toHaveLength(47);
    } finally {
      await fake.stop();
    }
  });

  it('limits WhatsApp senders too', async () => {
    const secret = 'wa-secret-for-limits';
    await producer.send('intake.updateSettings', { whatsapp: { enabled: true, appSecret: secret, verifyToken: 'v' }, limits: { perSenderPerMinute: 2 } });
    const messages = Array.from({ length: 5 }, (_, i) => ({ from: '77010000000', id: `wamid.lim-${i}`, timestamp: '1763700000', type: 'text', text: { body: `Вопрос ${i}` } }));
    const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1' }, messages } }] }] }));
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const response = await fetch(`${core.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: new Uint8Array(body) });
    expect(response.status).toBe(200);
    expect(count('whatsapp')).toBe(2);
    const replies = core.db.prepare("SELECT body FROM outbox WHERE channel = 'whatsapp'").all() as any[];
    expect(replies.filter((r) => JSON.parse(r.body).text.includes('Слишком много сообщений'))).toHaveLength(3);
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
