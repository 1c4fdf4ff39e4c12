import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, REPO_ROOT, startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

const fixture = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/webhook', name), 'utf8'));

let core: TestCore;
let producer: TestWsClient;
let key: string;
const url = () => `${core.url}/api/intake/webhook`;
const auth = () => ({ authorization: `Bearer ${key}` });
const stored = () => core.db.prepare("SELECT external_id, sender_name, district, original_text, meta FROM question WHERE channel = 'webhook' ORDER BY id").all() as any[];

beforeEach(async () => {
  core = await startTestCore();
  producer = await TestWsClient.connect(core.url);
  const created = await producer.send('integration.create', { name: 'City portal' });
  key = created.key;
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

describe('generic JSON webhook with API keys', () => {
  it('stores a message once per external id and answers with its reference', async () => {
    const first = await postJson(url(), fixture('single.json'), auth());
    expect(first.status).toBe(201);
    expect(first.json.value).toMatchObject({ created: true, reference: expect.stringMatching(/^\d{4}-\d{4,}$/) });
    const again = await postJson(url(), fixture('single.json'), { 'x-api-key': key });
    expect(again.status).toBe(200);
    expect(again.json.value).toEqual({ created: false, reference: first.json.value.reference });
    const [row] = stored();
    expect(row).toMatchObject({ sender_name: 'Сергей К.', district: 'almaly' });
    expect(JSON.parse(row.meta)).toMatchObject({ integration: 'City portal' });
  });

  it('answers a batch per message, with a reason for each one refused', async () => {
    const reply = await postJson(url(), fixture('batch.json'), { ...auth(), 'accept-language': 'ru' });
    expect(reply.status).toBe(200);
    const results = reply.json.value.results;
    expect(results.map((r: any) => [r.externalId, r.ok])).toEqual([
      ['ig-comment-1790001', true],
      ['ig-comment-1790002', true],
      ['ig-comment-1790003', false],
      ['ig-comment-1790004', false],
    ]);
    expect(results[2].error).toMatchObject({ code: 'empty_text', message: 'Пожалуйста, напишите вопрос.' });
    expect(results[3].error).toMatchObject({ code: 'validation', field: 'district' });
    expect(stored()).toHaveLength(2);
  });

  it('refuses missing, wrong and revoked keys without storing anything', async () => {
    expect((await postJson(url(), fixture('single.json'))).status).toBe(403);
    expect((await postJson(url(), fixture('single.json'), { authorization: 'Bearer akd_wrong' })).status).toBe(403);
    const [integration] = (await producer.send('integration.list', {})).items;
    await producer.send('integration.revoke', { id: integration!.id });
    expect((await postJson(url(), fixture('single.json'), auth())).status).toBe(403);
    expect(stored()).toEqual([]);
  });

  it('stores only the key’s hash and shows only its last four characters', async () => {
    const row = core.db.prepare('SELECT key_hash, key_last4 FROM integration').get() as any;
    expect(row.key_hash).not.toContain(key);
    expect(row.key_last4).toBe(key.slice(-4));
    const list = await producer.send('integration.list', {});
    expect(JSON.stringify(list)).not.toContain(key.slice(0, -4));
  });
});
