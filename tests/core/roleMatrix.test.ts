import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../electron/core/http/access';
import { STAFF_API } from '../../electron/core/http/server';
import { commands, ROLES, type CommandName, type Role } from '../../shared/protocol';
import { deskHeaders, deviceHeaders, startTestCore, type TestCore } from '../helpers/core';
import { TestWsClient, trySocket } from '../helpers/wsClient';

/**
 * Every command and every staff HTTP route, asked by every role, by no one and from a wrong
 * origin. A role the protocol does not list gets `forbidden`; a listed role gets past the door
 * (its empty payload may still fail validation, which is the handler's business, not the door's).
 */
let core: TestCore;
const clients = new Map<Role, TestWsClient>();
beforeAll(async () => {
  core = await startTestCore();
  for (const role of ROLES) {
    // The desk's own window asking for the console is the admin; a producer is a paired device.
    const client =
      role === 'producer'
        ? await TestWsClient.open(core.url, 'role=producer', deviceHeaders(core.url, 'Matrix producer', 'producer'))
        : await TestWsClient.open(core.url, `role=${role === 'admin' ? 'producer' : role}`, deskHeaders(core.url));
    clients.set(role, client);
  }
});
afterAll(async () => {
  for (const client of clients.values()) client.close();
  await core.stop();
});

const NAMES = Object.keys(commands) as CommandName[];

describe('the role matrix', () => {
  it('greets each connection as the role it holds', () => {
    for (const [role, client] of clients) expect(client.hello, role).not.toBeNull();
  });

  it.each(NAMES)('%s: refused to every role it does not list, let through for every role it lists', async (name) => {
    for (const role of ROLES) {
      const reply = await clients.get(role)!.request(name, {} as never);
      const refused = !reply.ok && reply.error.code === 'forbidden';
      expect(refused, `${name} as ${role}`).toBe(!commands[name].roles.includes(role));
    }
  });

  it('opens no socket without a credential, or from a wrong origin even with one', async () => {
    const own = new URL(core.url).origin;
    const device = deviceHeaders(core.url, 'Matrix speaker', 'speaker');
    for (const role of ROLES) {
      expect((await trySocket(core.url, `role=${role}`, { origin: own })).status, role).toBe(401);
      expect((await trySocket(core.url, `role=${role}`, { ...deskHeaders(core.url), origin: 'http://evil.example' })).status, role).toBe(401);
      expect((await trySocket(core.url, `role=${role}`, { ...device, origin: 'http://evil.example' })).status, role).toBe(401);
    }
  });

  it('lets each staff HTTP route through only for its roles, and never without a credential or from a wrong origin', async () => {
    const staff: Record<string, { method: string; roles: readonly Role[] }> = {
      ...Object.fromEntries(Object.entries(STAFF_API).map(([path, roles]) => [path, { method: 'POST', roles }])),
      '/api/reports': { method: 'GET', roles: ['admin', 'producer', 'press'] },
    };
    const asRole = (role: Role): Record<string, string> =>
      role === 'admin' ? deskHeaders(core.url) : deviceHeaders(core.url, `HTTP ${role}`, role as 'producer');
    for (const [path, { method, roles }] of Object.entries(staff)) {
      const call = (headers: Record<string, string>) =>
        fetch(`${core.url}${path}${method === 'GET' ? '?from=2026-11-23&to=2026-11-29' : ''}`, {
          method,
          headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
      for (const role of ['admin', 'producer', 'speaker', 'press'] as const) {
        const status = (await call(asRole(role))).status;
        if (roles.includes(role)) expect(status, `${path} as ${role}`).not.toBe(403);
        else expect(status, `${path} as ${role}`).toBe(403);
      }
      expect((await call({ origin: new URL(core.url).origin })).status, `${path} with no credential`).toBe(403);
      const token = asRole('producer')[TOKEN_HEADER]!;
      if (method === 'POST') {
        expect((await call({ origin: 'http://evil.example', [TOKEN_HEADER]: token })).status, `${path} wrong origin`).toBe(403);
        expect((await call({ ...deskHeaders(core.url), origin: 'http://evil.example' })).status, `${path} wrong origin`).toBe(403);
      } else {
        expect((await call({ ...deskHeaders(core.url), origin: 'http://evil.example' })).status, `${path} wrong origin`).toBe(403);
      }
    }
  });
});
