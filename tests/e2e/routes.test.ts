import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/routes';
import { useBrowserDesk } from '../helpers/browserDesk';

const desk = useBrowserDesk();

describe('the React router and the navigation come from the route table', () => {
  it('opens each screen at its path and lists the navigation routes in order', { timeout: 120_000 }, async () => {
    for (const route of ROUTES) {
      const page = await desk.openPage(route.path);
      await page.waitForFunction((screen) => document.body.dataset.screen === screen, route.screen);
      await page.context().close();
    }
    const console_ = await desk.openPage('/console');
    const nav = console_.locator('nav.app-nav a');
    await nav.first().waitFor();
    const hrefs = await nav.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(ROUTES.filter((r) => r.nav).map((r) => r.path));
    await console_.context().close();
  });
});
