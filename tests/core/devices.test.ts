import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses, lanLinkSet, lanLinks } from '../../electron/core/lanLinks';
import { listAudit } from '../../electron/core/store/audit';
import { startTestCore, type TestCore } from '../helpers/core';
import { TestWsClient, trySocket, type SocketAttempt } from '../helpers/wsClient';

const connect = (core: TestCore, query: string): Promise<SocketAttempt> => trySocket(core.url, query);

const closed = (socket: WebSocket): Promise<number> =>
  new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve(-1);
    socket.once('close', (code) => resolve(code));
  });

describe('devices.links', () => {
  let lan: TestCore;
  let local: TestCore;
  beforeAll(async () => {
    lan = await startTestCore({ host: '0.0.0.0' });
    local = await startTestCore();
  });
  afterAll(async () => {
    await lan.stop();
    await local.stop();
  });

  it('gives every role its link with its own token on each LAN address the core listens on', async () => {
    const producer = await TestWsClient.connect(lan.url, 'producer');
    const devices = await producer.send('devices.links', {});
    producer.close();
    const port = new URL(lan.url).port;
    const expected = lanAddresses('0.0.0.0').map((address) => ({
      address,
      links: [
        { kind: 'producer', url: `http://${address}:${port}/console?token=${lan.accessTokens.producer}` },
        { kind: 'speaker', url: `http://${address}:${port}/prompter?token=${lan.accessTokens.speaker}` },
        { kind: 'press', url: `http://${address}:${port}/press?token=${lan.accessTokens.press}` },
        { kind: 'public', url: `http://${address}:${port}/ask` },
      ],
    }));
    expect(devices).toEqual({ lan: true, addresses: expected });
  });

  it('says LAN access is off when the core listens on this machine only', async () => {
    const producer = await TestWsClient.connect(local.url, 'producer');
    expect(await producer.send('devices.links', {})).toEqual({ lan: false });
    producer.close();
  });

  it('refuses the links and renewing to a speaker or press connection', async () => {
    for (const role of ['speaker', 'press'] as const) {
      const client = await TestWsClient.connect(lan.url, role);
      const links = await client.request('devices.links', {});
      const renew = await client.request('devices.renew', { role: 'producer' });
      client.close();
      expect(links).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(renew).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('lists every external IPv4 address when listening on all of them, and prints the same links', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.0.2.10', family: 'IPv4', internal: false },
        { address: 'fd00::2', family: 'IPv6', internal: false },
      ],
      wlan0: [{ address: '198.51.100.7', family: 'IPv4', internal: false }],
    } as unknown as Parameters<typeof lanAddresses>[1];
    const tokens = { producer: 'p', speaker: 's', press: 'x' };
    expect(lanAddresses('0.0.0.0', interfaces)).toEqual(['192.0.2.10', '198.51.100.7']);
    expect(lanLinkSet('127.0.0.1', 4310, tokens)).toEqual({ lan: false });
    const set = lanLinkSet('0.0.0.0', 4310, tokens, interfaces);
    expect(set.lan && set.addresses.map((a) => a.links[1]!.url)).toEqual([
      'http://192.0.2.10:4310/prompter?token=s',
      'http://198.51.100.7:4310/prompter?token=s',
    ]);
    const printed = lanLinks('192.0.2.10', 'http://192.0.2.10:4310', tokens);
    expect(printed).toContain('  Teleprompter:     http://192.0.2.10:4310/prompter?token=s');
    expect(printed).toContain('  Press:            http://192.0.2.10:4310/press?token=x');
  });
});

describe('devices.renew', () => {
  /** A LAN client's view: loopback is not trusted, so only tokens open sockets. */
  let core: TestCore;
  beforeAll(async () => {
    core = await startTestCore({ host: '0.0.0.0' });
  });
  afterAll(async () => {
    await core.stop();
  });

  it('closes the sockets of the old link at once, refuses the old token and accepts the new one', async () => {
    const oldSpeaker = core.accessTokens.speaker;
    const producerToken = core.accessTokens.producer;
    const prompter = await connect(core, `role=speaker&token=${oldSpeaker}`);
    const press = await connect(core, `role=press&token=${core.accessTokens.press}`);
    expect(prompter.role).toBe('speaker');
    const producer = await connect(core, `role=producer&token=${producerToken}`);
    const prompterClosed = closed(prompter.socket!);
    // Another producer's open Devices panel, and the press laptop: who hears of the new links.
    const other = await connect(core, `role=producer&token=${producerToken}`);
    const heard = new Map<string, any[]>([['other', []], ['press', []]]);
    other.socket!.on('message', (data) => heard.get('other')!.push(JSON.parse(String(data))));
    press.socket!.on('message', (data) => heard.get('press')!.push(JSON.parse(String(data))));

    const reply = await new Promise<any>((resolve) => {
      producer.socket!.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'reply') resolve(message);
      });
      producer.socket!.send(JSON.stringify({ type: 'command', id: 1, name: 'devices.renew', payload: { role: 'speaker' } }));
    });

    expect(await prompterClosed).toBe(1008);
    const newSpeaker = core.accessTokens.speaker;
    expect(newSpeaker).not.toBe(oldSpeaker);
    expect(reply.ok).toBe(true);
    const urls: string[] = reply.value.addresses.flatMap((a: any) => a.links.map((l: any) => l.url));
    expect(urls.some((url) => url.endsWith(`/prompter?token=${newSpeaker}`))).toBe(true);
    expect(urls.some((url) => url.includes(oldSpeaker))).toBe(false);

    const changed = (who: string) => heard.get(who)!.filter((m) => m.type === 'event' && m.name === 'devices.changed');
    await expect.poll(() => changed('other').length).toBe(1);
    expect(JSON.stringify(changed('other')[0].payload)).toContain(`/prompter?token=${newSpeaker}`);
    expect(changed('press')).toEqual([]);

    expect((await connect(core, `role=speaker&token=${oldSpeaker}`)).status).toBe(401);
    const again = await connect(core, `role=speaker&token=${newSpeaker}`);
    expect(again.role).toBe('speaker');

    // Other roles' links keep working; the new token is what is stored for the next start.
    expect(press.socket!.readyState).toBe(WebSocket.OPEN);
    expect(producer.socket!.readyState).toBe(WebSocket.OPEN);
    const stored = core.db.prepare("SELECT value FROM setting WHERE key = 'access.tokens'").get() as { value: string };
    expect(JSON.parse(stored.value).speaker).toBe(newSpeaker);

    const audit = listAudit(core.db, 'access_token', 1);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'producer@127.0.0.1', action: 'access_token.renew', after: { role: 'speaker' } });
    expect(JSON.stringify(audit)).not.toContain(newSpeaker);
    for (const c of [again, press, producer, other]) c.socket!.close();
  });
});

describe('renewing the link a LAN console came in with', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await startTestCore({ host: '0.0.0.0' });
  });
  afterAll(async () => {
    await core.stop();
  });

  it('still answers with the new link, then closes that console too', async () => {
    const old = core.accessTokens.producer;
    const producer = await connect(core, `role=producer&token=${old}`);
    const messages: any[] = [];
    producer.socket!.on('message', (data) => messages.push(JSON.parse(String(data))));
    const done = closed(producer.socket!);
    producer.socket!.send(JSON.stringify({ type: 'command', id: 1, name: 'devices.renew', payload: { role: 'producer' } }));
    expect(await done).toBe(1008);
    const reply = messages.find((m) => m.type === 'reply');
    expect(reply.ok).toBe(true);
    expect(JSON.stringify(reply.value)).toContain(`/console?token=${core.accessTokens.producer}`);
    expect((await connect(core, `role=producer&token=${old}`)).status).toBe(401);
  });
});
