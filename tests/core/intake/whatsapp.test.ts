import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';
import { until } from './until';

const APP_SECRET = 'meta-app-secret-0123456789';
const VERIFY_TOKEN = 'verify-me-please';
const ACCESS_TOKEN = 'EAAG-access-token-abcdef123456';
const raw = (name: string) => readFileSync(join(REPO_ROOT, 'tests/fixtures/whatsapp', name));
const sign = (body: Buffer, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

let core: TestCore;
let graph: Server;
let graphUrl: string;
const graphCalls: Array<{ url: string; auth: string | undefined; body: any }> = [];

const post = (body: Buffer | string, headers: Record<string, string> = {}) =>
  fetch(`${core.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
const stored = () => core.db.prepare("SELECT external_id, sender_name, sender_contact, original_text FROM question WHERE channel = 'whatsapp' ORDER BY id").all() as any[];

beforeEach(async () => {
  graphCalls.length = 0;
  graph = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      graphCalls.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(data) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [], messages: [{ id: `wamid.out-${graphCalls.length}` }] }));
    });
  });
  await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
  graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}/v21.0`;
  core = await startTestCore();
  const producer = await TestWsClient.connect(core.url);
  await producer.send('intake.updateSettings', {
    whatsapp: { enabled: true, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, accessToken: ACCESS_TOKEN, graphApiRoot: graphUrl },
  });
  producer.close();
});
afterEach(async () => {
  await core.stop();
  graph.closeAllConnections();
  await new Promise((r) => graph.close(r));
});

describe('WhatsApp Cloud API webhook', () => {
  it('answers the verification handshake only with the right token', async () => {
    const ok = await fetch(`${core.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const bad = await fetch(`${core.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain('1');
  });

  it('stores a signed message and replies through the Graph API after the commit', async () => {
    const body = raw('text.json');
    const response = await post(body, { 'x-hub-signature-256': sign(body) });
    expect(response.status).toBe(200);
    expect(stored()).toEqual([
      {
        external_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        sender_name: 'Гүлнар Әбенова',
        sender_contact: '+77011234567',
        original_text: 'Сәлеметсіз бе! Медеу ауданында қоқыс қашан шығарылады?',
      },
    ]);
    await until(() => graphCalls.length === 1, 'reply sent');
    const reference = (core.db.prepare('SELECT reference FROM question').get() as any).reference;
    expect(graphCalls[0]).toMatchObject({
      url: '/v21.0/106540352242922/messages',
      auth: `Bearer ${ACCESS_TOKEN}`,
      body: { messaging_product: 'whatsapp', to: '77011234567', type: 'text', text: { body: `Рахмет! Сұрағыңыз қабылданды. Өтініш нөмірі: ${reference}` } },
    });
    expect(core.channels.states.get('whatsapp').status).toBe('connected');
  });

  it('rejects unsigned and badly signed posts and stores nothing', async () => {
    const body = raw('text.json');
    expect((await post(body)).status).toBe(403);
    expect((await post(body, { 'x-hub-signature-256': sign(body, 'wrong-secret') })).status).toBe(403);
    expect((await post(body, { 'x-hub-signature-256': 'sha256=zz' })).status).toBe(403);
    // Signed over different bytes (re-serialised JSON) is not the same body.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect((await post(body, { 'x-hub-signature-256': sign(reserialised) })).status).toBe(403);
    expect(stored()).toEqual([]);
    expect(core.channels.states.get('whatsapp')).toMatchObject({ status: 'error' });
    expect(core.channels.states.get('whatsapp').error).toContain('signature');
  });

  it('stores every message of several entries, skips statuses, dedupes Meta’s retries by wamid', async () => {
    const body = raw('multi.json');
    const headers = { 'x-hub-signature-256': sign(body) };
    expect((await post(body, headers)).status).toBe(200);
    expect((await post(body, headers)).status).toBe(200);
    expect(stored().map((q) => q.external_id)).toEqual(['wamid.multi-1', 'wamid.multi-2', 'wamid.multi-4']);
    const status = raw('status.json');
    expect((await post(status, { 'x-hub-signature-256': sign(status) })).status).toBe(200);
    expect(stored()).toHaveLength(3);
    // 3 "received" replies and 1 "text only" for the voice note, each once despite the retry.
    await until(() => graphCalls.length === 4, 'four replies');
    await core.channels.outbox.drain();
    expect(graphCalls).toHaveLength(4);
    const voice = graphCalls.find((c) => c.body.context?.message_id === 'wamid.multi-3');
    expect(voice?.body.text.body).toContain('мәтін');
    expect(voice?.body.text.body).toContain('текстом');
  });

  it('refuses bad bodies that are correctly signed', async () => {
    for (const text of ['{"object": ', '[]', '{"object":"x","entry":"nope"}']) {
      const body = Buffer.from(text);
      const response = await post(body, { 'x-hub-signature-256': sign(body) });
      expect(response.status).toBe(400);
    }
    const broken = Buffer.concat([Buffer.from('{"object":"whatsapp_business_account","entry":[],"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    expect((await post(broken, { 'x-hub-signature-256': sign(broken) })).status).toBe(400);
    const huge = Buffer.alloc(10 * 1024 * 1024, 0x20);
    expect((await post(huge, { 'x-hub-signature-256': sign(huge) })).status).toBe(413);
    expect(stored()).toEqual([]);
  });
});
