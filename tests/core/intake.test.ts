import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startTestCore, type TestCore } from '../helpers/core';
import { TestWsClient } from '../helpers/wsClient';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(async () => {
  await core.stop();
});

const rows = () =>
  core.db.prepare('SELECT reference, channel, sender_name, district, original_text, status FROM question').all() as any[];

describe('public form intake', () => {
  it('stores a posted question and pushes it to a connected producer', async () => {
    const producer = await TestWsClient.connect(core.url, 'producer');
    const text = 'Қашан Абай даңғылы жөнделеді? Когда закончат ремонт?';
    const { status, json } = await postJson(`${core.url}/api/questions`, {
      name: 'Айгүл Серікқызы',
      district: 'medeu',
      text,
    });
    expect(status).toBe(201);
    expect(json.value.reference).toMatch(/^\d{4}-\d{4,}$/);

    expect(rows()).toEqual([
      {
        reference: json.value.reference,
        channel: 'web',
        sender_name: 'Айгүл Серікқызы',
        district: 'medeu',
        original_text: text,
        status: 'new',
      },
    ]);
    const event = await producer.waitForEvent('question.created');
    expect(event.payload.reference).toBe(json.value.reference);
    expect(event.payload.originalText).toBe(text);
    producer.close();
  });

  it('answers a retried submission with the first reference and stores it once', async () => {
    const body = { name: 'Марат', text: 'Будет ли метро до Калкамана?', submissionId: 'retry-abcdef-01' };
    const first = await postJson(`${core.url}/api/questions`, body);
    const second = await postJson(`${core.url}/api/questions`, body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.json.value.reference).toBe(first.json.value.reference);
    expect(rows()).toHaveLength(1);
  });

  it('commits concurrent arrivals together and acknowledges each one', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postJson(`${core.url}/api/questions`, { name: `Житель ${i}`, text: `Вопрос номер ${i} про отопление` }),
      ),
    );
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(new Set(replies.map((r) => r.json.value.reference)).size).toBe(40);
    expect(rows()).toHaveLength(40);
  });

  it('keeps HTML and script as plain text, untouched', async () => {
    const text = '<script>alert("x")</script><img src=x onerror=alert(1)> Robert\'); DROP TABLE question;--';
    const { status } = await postJson(`${core.url}/api/questions`, { name: '<b>Bob</b>', text });
    expect(status).toBe(201);
    expect(rows()[0].original_text).toBe(text);
    expect(rows()[0].sender_name).toBe('<b>Bob</b>');
  });

  it('normalises text: NFC, zero-width and control characters removed, trimmed', async () => {
    const decomposed = 'и\u0306'; // й as и + combining breve
    await postJson(`${core.url}/api/questions`, { name: 'Ая', text: `  Ма\u200bй${decomposed}\u0007 вопрос \n` });
    expect(rows()[0].original_text).toBe('Май\u0439 вопрос');
  });
});

describe('public form rejects bad input with a clear message and stores nothing', () => {
  const url = () => `${core.url}/api/questions`;

  it.each([
    ['empty text', { name: 'Айдос', text: '   ' }, 400, 'empty_text'],
    ['missing name', { text: 'Вопрос' }, 400, 'name_required'],
    ['text over 4000 characters', { name: 'Айдос', text: 'ә'.repeat(4001) }, 400, 'text_too_long'],
    ['wrong types', { name: 42, text: ['x'] }, 400, 'name_required'],
    ['unknown district', { name: 'Айдос', text: 'Вопрос', district: 'moscow' }, 400, 'validation'],
    ['phone without consent', { name: 'Айдос', text: 'Вопрос', phone: '+77011234567' }, 400, 'validation'],
    ['honeypot filled', { name: 'Bot', text: 'Buy now', website: 'http://spam' }, 400, 'validation'],
  ])('%s', async (_label, body, status, code) => {
    const reply = await postJson(url(), body);
    expect(reply.status).toBe(status);
    expect(reply.json.ok).toBe(false);
    expect(reply.json.error.code).toBe(code);
    expect(reply.json.error.message.length).toBeGreaterThan(5);
    expect(rows()).toHaveLength(0);
  });

  it('does not tell a bot which field gave it away', async () => {
    const reply = await postJson(url(), { name: 'Bot', text: 'Buy now', website: 'http://spam' });
    expect(reply.json.error.field).toBeUndefined();
    expect(JSON.stringify(reply.json)).not.toContain('website');
  });

  it('malformed JSON', async () => {
    const reply = await postJson(url(), '{"name": "A", "text": ');
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe('malformed');
  });

  it('broken UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"A","text":"'), Buffer.from([0xd0, 0x28, 0xff]), Buffer.from('"}')]);
    const reply = await postJson(url(), new Uint8Array(bytes));
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe('malformed');
  });

  it('a 10 MB body', async () => {
    const reply = await postJson(url(), JSON.stringify({ name: 'A', text: 'x'.repeat(10 * 1024 * 1024) }));
    expect(reply.status).toBe(413);
    expect(reply.json.error.code).toBe('payload_too_large');
  });

  it('a non-JSON content type', async () => {
    const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(response.status).toBe(415);
  });

  it('answers in the asker’s language', async () => {
    const kk = await postJson(url(), { name: 'Айдос', text: '' }, { 'accept-language': 'kk-KZ,kk;q=0.9' });
    const ru = await postJson(url(), { name: 'Айдос', text: '', language: 'ru' });
    const en = await postJson(url(), { name: 'Aidos', text: '' }, { 'accept-language': 'en-US' });
    expect(kk.json.error.message).toBe('Сұрағыңызды жазыңыз.');
    expect(ru.json.error.message).toBe('Пожалуйста, напишите вопрос.');
    expect(en.json.error.message).toBe('Please write your question.');
  });

  it('keeps what was accepted before a flood of bad requests', async () => {
    const good = await postJson(url(), { name: 'Асель', text: 'Когда уберут снег в Алатауском районе?' });
    await Promise.all(Array.from({ length: 30 }, () => postJson(url(), '{"broken')));
    expect(good.status).toBe(201);
    expect(rows().map((r) => r.reference)).toEqual([good.json.value.reference]);
  });
});

describe('per-IP limit on the public form', () => {
  it('answers 429 with a clear message past the limit, keeping what was accepted', async () => {
    const limited = await startTestCore({ intakePerIpPerMinute: 5 });
    try {
      const replies = [];
      for (let i = 0; i < 8; i++) {
        replies.push(await postJson(`${limited.url}/api/questions`, { name: 'Спамер', text: `Сообщение ${i}` }));
      }
      expect(replies.slice(0, 5).every((r) => r.status === 201)).toBe(true);
      expect(replies.slice(5).every((r) => r.status === 429 && r.json.error.code === 'rate_limited')).toBe(true);
      expect(limited.db.prepare('SELECT COUNT(*) AS n FROM question').get()).toEqual({ n: 5 });
    } finally {
      await limited.stop();
    }
  });
});
