import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../electron/core/http/access';
import { CONTROL_PATH } from '../../electron/core/http/controlRoutes';
import { REPORT_EPISODES_PATH, REPORTS_PATH } from '../../electron/core/http/reportRoutes';
import { STAFF_API } from '../../electron/core/http/server';
import { HANDOFF_SHEET_PATH } from '../../shared/protocol/handoffSheet';
import { UI_PATHS } from '../../shared/routes';
import { commands, events, ROLES, type CommandName, type EventName, type Role } from '../../shared/protocol';
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

  it('delivers every event to exactly the roles it declares', async () => {
    const names = Object.keys(events) as EventName[];
    const marker = `matrix-${Date.now()}`;
    for (const name of names) core.hub.broadcast(name, { marker } as never);
    const got = (role: Role) => new Set(clients.get(role)!.events.filter((e) => (e.payload as { marker?: string })?.marker === marker).map((e) => e.name));
    const expected = (role: Role) => new Set(names.filter((name) => events[name].roles.includes(role)));
    // All were flushed in one go: once a role has as many as it should, a leak would be among them.
    const deadline = Date.now() + 10_000;
    while (ROLES.some((role) => got(role).size < expected(role).size) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const role of ROLES) expect(got(role), role).toEqual(expected(role));
    expect(expected('speaker').size).toBeLessThan(names.length);
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

  it('places every route the desk serves: a new route fails here until it says who may use it', () => {
    const placed = new Set([...Object.keys(STAFF_ROUTES), ...PUBLIC_ROUTES, ...TOKEN_ONLY_ROUTES, 'GET /ws', ...UI_PATHS.map((path) => `GET ${path}`)]);
    const served = servedRoutes(core.http.printRoutes({ commonPrefix: false }));
    expect(served.length).toBeGreaterThan(15);
    for (const route of served) expect(placed.has(route), `${route} is not in the role matrix`).toBe(true);
  });

  it.each(Object.keys(STAFF_ROUTES))('%s: through only for its roles, never without a credential or from a wrong origin', async (route) => {
    const roles = STAFF_ROUTES[route]!;
    const [method, path] = route.split(' ') as [string, string];
    const call = (headers: Record<string, string>) =>
      fetch(`${core.url}${path}${method === 'GET' ? '?from=2026-11-23&to=2026-11-29&department=1' : ''}`, {
        method,
        headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
    const asRole = (role: Role): Record<string, string> => (role === 'admin' ? deskHeaders(core.url) : deviceHeaders(core.url, `HTTP ${role}`, role));
    for (const role of ROLES) {
      const status = (await call(asRole(role))).status;
      if (roles.includes(role)) expect([403, 401], `${route} as ${role}`).not.toContain(status);
      else expect(status, `${route} as ${role}`).toBe(403);
      expect(status, `${route} as ${role}`).toBeLessThan(500);
    }
    expect((await call({ origin: new URL(core.url).origin })).status, `${route} with no credential`).toBe(403);
    expect((await call({})).status, `${route} with nothing at all`).toBe(403);
    const token = asRole('producer')[TOKEN_HEADER]!;
    expect((await call({ origin: 'http://evil.example', [TOKEN_HEADER]: token })).status, `${route} wrong origin, producer token`).toBe(403);
    expect((await call({ ...deskHeaders(core.url), origin: 'http://evil.example' })).status, `${route} wrong origin, desk cookie`).toBe(403);
  });
});

/** Staff HTTP routes and the roles each lets through (the socket's commands are matrixed above). */
const REPORT_READERS: readonly Role[] = ['admin', 'producer', 'press'];
const STAFF_ROUTES: Record<string, readonly Role[]> = {
  ...Object.fromEntries(Object.entries(STAFF_API).flatMap(([path, roles]) => [[`POST ${path}`, roles]])),
  [`GET ${HANDOFF_SHEET_PATH}`]: STAFF_API[HANDOFF_SHEET_PATH]!,
  [`GET ${REPORTS_PATH}`]: REPORT_READERS,
  [`GET ${REPORT_EPISODES_PATH}`]: REPORT_READERS,
};
/** Open to anyone by design: intake with its own checks, health, the form's public info (next air time, akimat name), sign-in and pairing (they check the secret or code). */
const PUBLIC_ROUTES = ['GET /', 'GET /api/health', 'POST /api/questions', 'POST /api/intake/webhook', 'GET /webhooks/whatsapp', 'POST /webhooks/whatsapp', 'GET /login', 'GET /pair', 'GET /status', 'GET /status/*', 'GET /api/ask/info'];
/** Button panels' door: a device token only; its role × action matrix is tests/core/http/control.test.ts. */
const TOKEN_ONLY_ROUTES = [`GET ${CONTROL_PATH}/state`, `POST ${CONTROL_PATH}/:action`];

/** `METHOD /path` of every route in Fastify's printed route tree (HEAD is GET's shadow). */
function servedRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match || !match[2]) continue;
    const depth = match[1]!.length / 4 - 1;
    const parent = depth <= 0 ? '' : stack[depth - 1]!;
    const path = parent.endsWith('/') || match[2].startsWith('/') ? `${parent}${match[2]}` : `${parent}/${match[2]}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) routes.push(`${method} ${path}`);
  }
  return routes;
}
