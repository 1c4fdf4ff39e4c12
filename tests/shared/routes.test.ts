import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedNavigation, openTarget } from '../../electron/shell/navigation';
import { DEVICE_LINK_KINDS } from '../../shared/protocol';
import { linkRoute, ROUTES, SCREENS, routeForPath } from '../../shared/routes';
import { startTestCore, type TestCore } from '../helpers/core';

const origin = 'http://127.0.0.1:4310';

describe('the route table is the one list of screens', () => {
  it('has exactly one route per screen, each at its own path', () => {
    expect(ROUTES.map((r) => r.screen).sort()).toEqual([...SCREENS].sort());
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
  });

  it('lets the desktop windows show every screen, rundown and intake in an app window', () => {
    for (const route of ROUTES) {
      expect(isAllowedNavigation(`${origin}${route.path}?lang=kk`, origin), route.path).toBe(true);
      const target = openTarget(`${origin}${route.path}`, origin);
      expect(target.kind, route.path).toBe(route.screen === 'prompter' ? 'prompter' : 'screen');
    }
    expect(openTarget(`${origin}/rundown`, origin)).toEqual({ kind: 'screen', path: '/rundown', url: `${origin}/rundown` });
    expect(openTarget(`${origin}/intake`, origin)).toMatchObject({ kind: 'screen', path: '/intake' });
    // The core's files (exports) are not screens: the user's browser downloads them.
    expect(openTarget(`${origin}/api/questions`, origin).kind).toBe('external');
    expect(openTarget('https://almaty.gov.kz/', origin)).toEqual({ kind: 'external', url: 'https://almaty.gov.kz/' });
    expect(openTarget('file:///etc/passwd', origin)).toEqual({ kind: 'deny' });
  });

  it('gives every paired role and the public a screen that lists them', () => {
    for (const kind of DEVICE_LINK_KINDS) expect(routeForPath(linkRoute(kind).path)?.roles, kind).toContain(kind);
  });
});

describe('the core serves every screen of the route table', () => {
  let core: TestCore;
  beforeAll(async () => {
    // No built UI: every screen answers 503 "not built", anything else 404 — so a route missing
    // from the server shows as 404 here.
    core = await startTestCore({ staticDir: '/nonexistent-ui' });
  });
  afterAll(async () => {
    await core?.stop();
  });

  it('answers each route and only those', async () => {
    for (const route of ROUTES) {
      const response = await fetch(`${core.url}${route.path}`);
      expect(response.status, route.path).toBe(503);
    }
    expect((await fetch(`${core.url}/not-a-screen`)).status).toBe(404);
    const home = await fetch(`${core.url}/`, { redirect: 'manual' });
    expect(home.headers.get('location')).toBe(ROUTES[0]!.path);
  });
});
