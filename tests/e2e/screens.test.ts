import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/domain';
import { ROUTES } from '../../shared/routes';
import { REPO_ROOT } from '../helpers/core';
import { useBrowserDesk } from '../helpers/browserDesk';
import { approvedQuestion, saveEpisode } from '../helpers/episodes';

const desk = useBrowserDesk();
const SHOTS = join(REPO_ROOT, 'test-results', 'screens');

// What a native widget would print in a US-English browser, whatever the UI language.
const BROWSER_LOCALE_TEXT = /Choose File|No file chosen|mm\/dd\/yyyy|--:-- --/;

async function open(path: string, lang: Language, scheme: 'dark' | 'light', viewport: { width: number; height: number }): Promise<Page> {
  const context = await desk.browser.newContext({ locale: 'en-US', viewport });
  await context.addInitScript(
    ([l, s]) => {
      window.localStorage.setItem('desk.lang', l!);
      window.localStorage.setItem('desk.colorScheme.gallery', s!);
      window.localStorage.setItem('desk.colorScheme.office', s!);
    },
    [lang, scheme],
  );
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(path === '/ask' ? `${desk.core.url}/ask` : desk.core.loginUrl(path));
  return page;
}

describe('every screen', () => {
  it('opens in Kazakh, Russian and English, dark and light, on a 1440×900 and a 390×844 screen, with no browser-locale widget', { timeout: 600_000 }, async () => {
    mkdirSync(SHOTS, { recursive: true });
    const rundown = await saveEpisode(desk.producer, { speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    await desk.producer.send('episode.start', { id: rundown.episode.id });
    const q = await approvedQuestion(desk.core, desk.producer, { name: 'Әсел Нұрланқызы', text: 'Қашан Төле би көшесіндегі жол жөнделеді?' });
    await desk.producer.send('queue.add', { id: q.id, version: q.version });
    await desk.producer.send('show.next', {});

    const screens = ROUTES.filter((r) => r.path !== '/graphics');
    const cases = [
      { scheme: 'dark', viewport: { width: 1440, height: 900 } },
      { scheme: 'light', viewport: { width: 1440, height: 900 } },
      { scheme: 'dark', viewport: { width: 390, height: 844 } },
    ] as const;
    for (const route of screens) {
      for (const lang of LANGUAGES) {
        for (const { scheme, viewport } of cases) {
          const page = await open(route.path, lang, scheme, viewport);
          await page.locator('h1, main').first().waitFor();
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await page.locator('input[type="date"], input[type="time"], input[type="datetime-local"]').count(), route.path).toBe(0);
          expect(await page.locator('body').innerText(), `${route.path} ${lang}`).not.toMatch(BROWSER_LOCALE_TEXT);
          // The scheme chosen is the one drawn: a dark gallery is not lit up.
          expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme')), route.path).toBe(scheme);
          await page.screenshot({ path: join(SHOTS, `${route.screen}-${lang}-${scheme}-${viewport.width}.png`) });
          await page.context().close();
        }
      }
    }
  });
});
