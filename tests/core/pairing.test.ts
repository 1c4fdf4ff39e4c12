import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, TOKEN_HEADER } from '../../electron/core/http/access';
import { PAIRING_TTL_MS } from '../../electron/core/pairing';
import { listAudit } from '../../electron/core/store/audit';
import { postJson, startTestCore, type TestCore } from '../helpers/core';
import { TestWsClient, trySocket } from '../helpers/wsClient';

let core: TestCore;
let admin: TestWsClient;
let clock = Date.UTC(2026, 11, 1, 12);
beforeAll(async () => {
  core = await startTestCore({ now: () => clock });
  admin = await TestWsClient.connect(core.url, 'producer');
});
afterAll(async () => {
  admin.close();
  await core.stop();
});

const origin = (): string => new URL(core.url).origin;
const codeOf = (url: string): string => new URL(url).searchParams.get('code')!;
const redeem = (code: string, accept = 'application/json') =>
  fetch(`${core.url}/pair?code=${encodeURIComponent(code)}`, { headers: { accept }, redirect: 'manual' });
const pairAs = async (name: string, role: 'producer' | 'speaker' | 'press'): Promise<string> => {
  const { urls } = await admin.send('devices.pair', { name, role });
  const response = await redeem(codeOf(urls[0]!));
  return ((await response.json()) as { value: { token: string } }).value.token;
};
const closed = (socket: WebSocket): Promise<number> =>
  new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve(-1);
    socket.once('close', (code) => resolve(code));
  });

describe('pairing a LAN device', () => {
  it('pairs with a one-time link, keeps only the token’s SHA-256, and lists the device with its role and last use', async () => {
    const pairing = await admin.send('devices.pair', { name: 'Studio prompter', role: 'speaker' });
    expect(pairing.expiresAt).toBe(clock + PAIRING_TTL_MS);
    const code = codeOf(pairing.urls[0]!);
    const first = await redeem(code);
    expect(first.status).toBe(200);
    const { value } = (await first.json()) as { value: { token: string; role: string } };
    expect(value.role).toBe('speaker');
    expect((await redeem(code)).status).toBe(403);

    const rows = core.db.prepare('SELECT * FROM device').all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(value.token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(value.token);

    const socket = await trySocket(core.url, 'role=producer', { origin: origin(), [TOKEN_HEADER]: value.token });
    expect(socket.role).toBe('speaker');
    socket.socket?.close();
    const listed = await admin.send('devices.list', {});
    expect(listed).toEqual([{ id: rows[0]!.id, name: 'Studio prompter', role: 'speaker', createdAt: clock, lastUsedAt: clock }]);
    expect(JSON.stringify(listed)).not.toContain(value.token);
  });

  it('refuses an expired pairing link', async () => {
    const { urls } = await admin.send('devices.pair', { name: 'Late laptop', role: 'press' });
    clock += PAIRING_TTL_MS;
    expect((await redeem(codeOf(urls[0]!))).status).toBe(403);
  });

  it('sets an HttpOnly cookie in a browser and opens the role’s screen; the cookie then opens a socket from the desk origin only', async () => {
    const { urls } = await admin.send('devices.pair', { name: 'Press laptop', role: 'press' });
    const response = await redeem(codeOf(urls[0]!), 'text/html');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/press');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${DEVICE_COOKIE}=[\\w-]+; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Strict$`));
    const value = cookie.split(';')[0]!;
    expect((await trySocket(core.url, 'role=producer', { origin: origin(), cookie: value })).role).toBe('press');
    expect((await trySocket(core.url, 'role=producer', { origin: 'http://evil.example', cookie: value })).status).toBe(401);
  });

  it('carries a graphics output\'s variant and language from the link to its screen, and nothing else', async () => {
    const { urls } = await admin.send('devices.pair', { name: 'OBS gallery', role: 'graphics', variant: 'quote', lang: 'kk' });
    const link = new URL(urls[0]!);
    expect([link.pathname, [...link.searchParams.keys()]]).toEqual(['/pair', ['code', 'lang', 'variant']]);
    expect(link.searchParams.get('variant')).toBe('quote');
    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe('/graphics?lang=kk&variant=quote');

    // Unknown values and any other parameter are dropped; a variant means nothing to a teleprompter.
    const sent = async (role: 'graphics' | 'speaker', extra: string): Promise<string | null> => {
      const { urls: [url] } = await admin.send('devices.pair', { name: `${role} ${extra}`, role });
      return (await fetch(`${url}&${extra}`, { redirect: 'manual' })).headers.get('location');
    };
    expect(await sent('graphics', 'variant=marquee&lang=de&next=http://evil.example')).toBe('/graphics');
    expect(await sent('graphics', 'variant=ticker')).toBe('/graphics?variant=ticker');
    expect(await sent('speaker', 'variant=quote&lang=ru')).toBe('/prompter?lang=ru');
    const teleprompter = await admin.send('devices.pair', { name: 'Prompter', role: 'speaker', variant: 'quote', lang: 'en' });
    expect(new URL(teleprompter.urls[0]!).searchParams.get('variant')).toBeNull();
    // A variant the graphics page does not have is refused when the link is made.
    expect((await admin.request('devices.pair', { name: 'x', role: 'graphics', variant: 'marquee' as 'quote' })).ok).toBe(false);
  });

  it('names the device in the audit trail, never what the client claims with ?name=', async () => {
    const token = await pairAs('Aigerim’s laptop', 'producer');
    const { json } = await postJson(`${core.url}/api/questions`, { name: 'Асель', text: 'Когда починят лифт в доме 5?' });
    const { id, version } = core.db.prepare('SELECT id, version FROM question WHERE reference = ?').get(json.value.reference) as {
      id: number;
      version: number;
    };
    const device = await TestWsClient.open(core.url, 'role=producer&name=Mallory', { origin: origin(), [TOKEN_HEADER]: token });
    await device.send('question.approve', { id, version });
    expect(listAudit(core.db, 'question', id).map((a) => a.actor)).toContain('Aigerim’s laptop');
    expect(JSON.stringify(listAudit(core.db, 'question', id))).not.toContain('Mallory');
    // A producer device moderates, but pairing and revoking stay on the desk machine.
    for (const name of ['devices.pair', 'devices.list', 'devices.revoke'] as const) {
      const reply = await device.request(name, name === 'devices.pair' ? { name: 'x', role: 'producer' } : name === 'devices.revoke' ? { id: 1 } : {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    device.close();
  });

  it('revokes at once: the device’s open sockets close and its token stops working; both are audited', async () => {
    const token = await pairAs('Teleprompter 2', 'speaker');
    const other = await pairAs('Teleprompter 3', 'speaker');
    const open = await trySocket(core.url, 'role=speaker', { origin: origin(), [TOKEN_HEADER]: token });
    const keeps = await trySocket(core.url, 'role=speaker', { origin: origin(), [TOKEN_HEADER]: other });
    const id = (await admin.send('devices.list', {})).find((d) => d.name === 'Teleprompter 2')!.id;
    const done = closed(open.socket!);
    const left = await admin.send('devices.revoke', { id });
    expect(await done).toBe(1008);
    expect(left.map((d) => d.name)).not.toContain('Teleprompter 2');
    expect((await trySocket(core.url, 'role=speaker', { origin: origin(), [TOKEN_HEADER]: token })).status).toBe(401);
    expect(keeps.socket!.readyState).toBe(WebSocket.OPEN);
    keeps.socket!.close();
    expect(listAudit(core.db, 'device', id).map((a) => [a.action, a.actor])).toEqual([
      ['device.paired', 'Teleprompter 2'],
      ['device.revoke', 'desk'],
    ]);
    expect((await admin.request('devices.revoke', { id })).ok).toBe(false);
  });
});
