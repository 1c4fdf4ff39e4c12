import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(async () => {
  await core.stop();
});

const form = (phone: string, submissionId: string) => ({
  name: 'Айгүл',
  district: 'medeu',
  text: 'Когда починят светофор на Абая?',
  phone,
  consent: true,
  submissionId,
});
const contacts = () => (core.db.prepare('SELECT sender_contact AS c FROM question ORDER BY id').all() as Array<{ c: string }>).map((r) => r.c);

describe('a phone number typed by hand', () => {
  it('is refused on the form when it is not a phone, in the sender’s language, and nothing is stored', async () => {
    const reply = await postJson(`${core.url}/api/questions`, form('12ab', 'phone-bad-0001'), { 'accept-language': 'ru' });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatchObject({ code: 'validation', field: 'phone', messageKey: 'ask.phoneInvalid' });
    expect(reply.json.error.message).toMatch(/^Это не похоже на номер телефона/);
    expect(contacts()).toEqual([]);
  });

  it('is kept in international form, so "8 701…" and "+7 701…" are the same caller', async () => {
    expect((await postJson(`${core.url}/api/questions`, form('8 (701) 123-45-67', 'phone-ok-0001'))).status).toBe(201);
    const producer = await TestWsClient.connect(core.url);
    const reply = await producer.request('phone.add', {
      entryId: 'phone-in-0001',
      name: 'Ерлан',
      district: 'auezov',
      phone: '+7 701 123 45 67',
      text: 'Когда откроют школу в Аксае?',
    });
    expect(reply.ok).toBe(true);
    const refused = await producer.request('phone.add', { entryId: 'phone-in-0002', name: 'Ерлан', district: null, phone: 'позвоню позже', text: 'Вопрос' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ field: 'phone' });
    producer.close();
    expect(contacts()).toEqual(['+77011234567', '+77011234567']);
  });
});
