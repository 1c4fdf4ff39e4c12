import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_COOKIE, isOwnOrigin, isSafeHost } from '../../electron/core/http/access';
import { insertDevice } from '../../electron/core/store/devices';
import type { LinkRole } from '../../shared/protocol';
import { deskHeaders, deviceHeaders, postJson, startTestCore, type TestCore } from '../helpers/core';
import { trySocket, type SocketAttempt } from '../helpers/wsClient';

let core: TestCore;
beforeAll(async () => {
  core = await startTestCore();
});
afterAll(async () => {
  await core.stop();
});

const connect = (query: string, headers?: Record<string, string>): Promise<SocketAttempt> =>
  trySocket(core.url, query, headers);
const own = (): string => new URL(core.url).origin;
const port = (): string => new URL(core.url).port;
/** fetch() will not send a Host of our choosing; node:http will. */
const statusWithHost = (path: string, host: string): Promise<number | undefined> =>
  new Promise((resolve, reject) => {
    request(`${core.url}${path}`, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    })
      .on('error', reject)
      .end();
  });
const deskCookie = (): string => `${DESK_COOKIE}=${encodeURIComponent(core.deskSecret)}`;

describe('the desk machine is not trusted for being the desk machine', () => {
  it('refuses a socket from this machine that has neither the desk secret nor a token', async () => {
    expect((await connect('role=producer', { origin: own() })).status).toBe(401);
    expect((await connect('role=producer', { origin: own(), cookie: `${DESK_COOKIE}=guess` })).status).toBe(401);
  });

  it('refuses the cross-site hijack: another page on this machine, even holding the desk cookie', async () => {
    // What a browser sends when a page from another site opens ws://127.0.0.1:<port>/ws.
    expect((await connect('role=producer', { origin: 'http://evil.example', cookie: deskCookie() })).status).toBe(401);
    expect((await connect('role=producer', { origin: 'http://127.0.0.1:9999', cookie: deskCookie() })).status).toBe(401);
    expect((await connect('role=producer', { origin: 'null', cookie: deskCookie() })).status).toBe(401);
    expect((await connect('role=producer', { cookie: deskCookie() })).status).toBe(401);
  });

  it('refuses a DNS-rebinding page whose own name resolves to this machine', async () => {
    const host = `rebind.example:${port()}`;
    const attempt = await connect('role=producer', { host, origin: `http://${host}`, cookie: deskCookie() });
    expect(attempt.status).toBe(401);
    expect(await statusWithHost(`/login?secret=${encodeURIComponent(core.deskSecret)}`, host)).toBe(403);
  });

  it('lets in the desk window (own origin, desk secret) as admin for the console, as the role asked otherwise', async () => {
    const admin = await connect('role=producer', deskHeaders(core.url));
    expect(admin.role).toBe('admin');
    const prompter = await connect('role=speaker', deskHeaders(core.url));
    expect(prompter.role).toBe('speaker');
    admin.socket?.close();
    prompter.socket?.close();
  });

  it('signs a browser in only with the secret, with an HttpOnly SameSite=Strict cookie', async () => {
    const wrong = await fetch(`${core.url}/login?secret=nope&next=/console`, { redirect: 'manual' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await fetch(core.loginUrl('/prompter'), { redirect: 'manual' });
    expect(right.status).toBe(302);
    expect(right.headers.get('location')).toBe('/prompter');
    expect(right.headers.get('set-cookie')).toBe(`${deskCookie()}; Path=/; HttpOnly; SameSite=Strict`);
    // Never an open redirect to another site.
    const away = await fetch(`${core.url}/login?secret=${encodeURIComponent(core.deskSecret)}&next=https://evil.example/`, { redirect: 'manual' });
    expect(away.headers.get('location')).toBe('/console');
  });
});

describe('paired device tokens', () => {
  const tokenOf = (name: string, role: LinkRole): string => insertDevice(core.db, name, role, Date.now()).token;

  it('gives a device exactly its own role, whatever role is asked for, and only from the desk origin', async () => {
    const speakerToken = tokenOf('Prompter PC', 'speaker');
    const producerToken = tokenOf('Second console', 'producer');
    const speaker = await connect(`role=producer&token=${speakerToken}`);
    expect(speaker.role).toBe('speaker');
    const producer = await connect(`role=producer&token=${producerToken}`);
    expect(producer.role).toBe('producer');
    const elsewhere = await connect(`role=producer&token=${producerToken}`, { origin: 'http://evil.example' });
    expect(elsewhere.status).toBe(401);
    speaker.socket?.close();
    producer.socket?.close();
  });

  it('keeps the public form open and the CSV import closed without a producer identity from the desk origin', async () => {
    const form = await postJson(`${core.url}/api/questions`, { name: 'Дина', text: 'Когда откроют парк?' });
    expect(form.status).toBe(201);
    const csv = { fileName: 'a.csv', contentBase64: Buffer.from('name,text\nA,B').toString('base64'), commit: false };
    const url = `${core.url}/api/intake/csv`;
    expect((await postJson(url, csv)).status).toBe(403);
    expect((await postJson(url, csv, { origin: own() })).status).toBe(403);
    expect((await postJson(url, csv, deviceHeaders(core.url, 'Prompter PC 2', 'speaker'))).status).toBe(403);
    expect((await postJson(url, csv, { origin: 'http://evil.example', cookie: deskCookie() })).status).toBe(403);
    expect((await postJson(url, csv, deviceHeaders(core.url, 'Console 2', 'producer'))).status).toBe(200);
    expect((await postJson(url, csv, deskHeaders(core.url))).status).toBe(200);
  });

  it('keeps paired devices across restarts of the same desk, but not the desk secret', async () => {
    const token = tokenOf('Press laptop', 'press');
    const secretBefore = core.deskSecret;
    await core.close();
    core = await startTestCore({ dataDir: core.dataDir });
    const press = await connect(`role=press&token=${token}`);
    expect(press.role).toBe('press');
    press.socket?.close();
    expect((await connect('role=producer', { origin: own(), cookie: `${DESK_COOKIE}=${encodeURIComponent(secretBefore)}` })).status).toBe(401);
  });
});

describe('host and origin rules', () => {
  it('accepts IP literals, localhost and configured names only', () => {
    expect(isSafeHost('127.0.0.1:4310')).toBe(true);
    expect(isSafeHost('[::1]:4310')).toBe(true);
    expect(isSafeHost('localhost:4310')).toBe(true);
    expect(isSafeHost('192.168.1.20:4310')).toBe(true);
    expect(isSafeHost('evil.example:4310')).toBe(false);
    expect(isSafeHost('desk.studio.lan:4310', ['desk.studio.lan'])).toBe(true);
    expect(isSafeHost(undefined)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:4310', '127.0.0.1:4310')).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:4311', '127.0.0.1:4310')).toBe(false);
    expect(isOwnOrigin(undefined, '127.0.0.1:4310')).toBe(false);
  });
});
