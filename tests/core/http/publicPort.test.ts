import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../electron/core/config';
import { DESK_COOKIE } from '../../../electron/core/http/access';
import { deskHeaders, postJson, startTestCore, type TestCore } from '../../helpers/core';
import { trySocket } from '../../helpers/wsClient';

const question = (n: number) => ({ name: 'Асель', text: `Когда починят фонарь у дома ${n}?` });
const senderOf = (core: TestCore, reference: string): string =>
  (core.db.prepare('SELECT sender_user_id AS ip FROM question WHERE reference = ?').get(reference) as { ip: string }).ip;

describe('the public listener', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await startTestCore({ publicPort: 0 });
  });
  afterAll(async () => {
    await core.stop();
  });

  it('takes questions and webhooks on a port of its own', async () => {
    expect(core.publicUrl).not.toBeNull();
    expect(core.publicUrl).not.toBe(core.url);
    const form = await postJson(`${core.publicUrl}/api/questions`, question(1));
    expect(form.status).toBe(201);
    // The generic webhook is there (refused for want of a key, not missing).
    expect((await postJson(`${core.publicUrl}/api/intake/webhook`, {})).status).not.toBe(404);
    expect((await fetch(`${core.publicUrl}/`, { redirect: 'manual' })).headers.get('location')).toBe('/ask');
  });

  it('has nothing of the staff’s: no socket, sign-in, pairing, reports, CSV import or staff screens — even with the desk secret', async () => {
    const pub = core.publicUrl!;
    // What a desk window would send there: its own origin and the secret's cookie.
    const asDesk = { origin: new URL(pub).origin, cookie: `${DESK_COOKIE}=${encodeURIComponent(core.deskSecret)}` };
    for (const path of ['/console', '/prompter', '/rundown', '/intake', '/press', `/login?secret=${encodeURIComponent(core.deskSecret)}`, '/pair?code=x', '/api/reports?from=2026-11-30&to=2026-12-06']) {
      expect((await fetch(`${pub}${path}`, { headers: asDesk, redirect: 'manual' })).status, path).toBe(404);
    }
    expect((await postJson(`${pub}/api/intake/csv`, {}, asDesk)).status).toBe(404);
    expect((await trySocket(pub, 'role=producer', asDesk)).status).toBe(404);
    // The desk's own port still has them all.
    expect((await trySocket(core.url, 'role=producer', deskHeaders(core.url))).role).toBe('admin');
  });
});

describe('X-Forwarded-For', () => {
  const headers = (client: string) => ({ 'x-forwarded-for': client });

  it('is believed only from a listed proxy, so each real client gets its own per-IP limit', async () => {
    const core = await startTestCore({ intakePerIpPerMinute: 2, trustedProxies: ['127.0.0.1'] });
    try {
      const first = await postJson(`${core.url}/api/questions`, question(1), headers('203.0.113.7'));
      expect(first.status).toBe(201);
      expect(senderOf(core, first.json.value.reference)).toBe('203.0.113.7');
      expect((await postJson(`${core.url}/api/questions`, question(2), headers('203.0.113.7'))).status).toBe(201);
      expect((await postJson(`${core.url}/api/questions`, question(3), headers('203.0.113.7'))).status).toBe(429);
      // A client that writes its own header gets the address the proxy added, not its choice.
      expect((await postJson(`${core.url}/api/questions`, question(5), headers('192.0.2.99, 203.0.113.7'))).status).toBe(429);
      // Another citizen behind the same proxy is not in that bucket.
      expect((await postJson(`${core.url}/api/questions`, question(4), headers('198.51.100.20'))).status).toBe(201);
    } finally {
      await core.stop();
    }
  });

  it('is ignored by default and from an unlisted peer: a stranger cannot pick a fresh address for each request', async () => {
    for (const trustedProxies of [[], ['10.0.0.1']]) {
      const core = await startTestCore({ intakePerIpPerMinute: 2, trustedProxies });
      try {
        const first = await postJson(`${core.url}/api/questions`, question(1), headers('203.0.113.1'));
        expect(senderOf(core, first.json.value.reference)).toBe('127.0.0.1');
        expect((await postJson(`${core.url}/api/questions`, question(2), headers('203.0.113.2'))).status).toBe(201);
        expect((await postJson(`${core.url}/api/questions`, question(3), headers('203.0.113.3'))).status).toBe(429);
      } finally {
        await core.stop();
      }
    }
  });
});

describe('serve options for the public listener', () => {
  it('reads --public-port, --public-host and --trusted-proxy (repeatable, or DESK_TRUSTED_PROXIES) and refuses nonsense', () => {
    expect(parseServeArgs(['--public-port', '4320', '--public-host', '127.0.0.1', '--trusted-proxy', '127.0.0.1', '--trusted-proxy', '10.0.0.0/8'], {})).toMatchObject({
      publicPort: 4320,
      publicHost: '127.0.0.1',
      trustedProxies: ['127.0.0.1', '10.0.0.0/8'],
    });
    expect(parseServeArgs([], { DESK_PUBLIC_PORT: '4321', DESK_TRUSTED_PROXIES: '::1, 192.168.0.0/16' })).toMatchObject({
      publicPort: 4321,
      trustedProxies: ['::1', '192.168.0.0/16'],
    });
    expect(parseServeArgs([], {})).toMatchObject({ publicPort: null, trustedProxies: [] });
    expect(() => parseServeArgs(['--trusted-proxy', 'nginx'], {})).toThrow(/Invalid --trusted-proxy nginx/);
    expect(() => parseServeArgs(['--trusted-proxy', '10.0.0.0/33'], {})).toThrow(/Invalid --trusted-proxy/);
    expect(() => parseServeArgs(['--port', '4310', '--public-port', '4310'], {})).toThrow(/must differ/);
    expect(() => parseServeArgs(['--public-port', 'x'], {})).toThrow(/Invalid port/);
  });
});
