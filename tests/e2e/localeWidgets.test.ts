import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DISTRICTS, QUESTION_STATUSES } from '../../shared/domain';
import { SUGGESTION_SPEAKERS } from '../../shared/suggestionRules';
import { TOPICS } from '../../shared/vocabulary';
import { useBrowserDesk } from '../helpers/browserDesk';

const desk = useBrowserDesk();

/** A screen in `lang` in a browser whose own locale is US English, the worst case for native widgets. */
async function openIn(lang: 'kk' | 'ru', path: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await desk.browser.newContext({ locale: 'en-US', viewport });
  await context.addInitScript((l) => window.localStorage.setItem('desk.lang', l), lang);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(desk.core.loginUrl(path));
  return page;
}

describe('widgets in the UI language, not the browser’s', () => {
  it('writes the episode date out in Kazakh and Russian and takes a 24-hour time', async () => {
    for (const [lang, button, month] of [
      ['kk', 'Жаңа шығарылым', /^\d{1,2} [а-яәғқңөұүһі]+ \d{4}$/i],
      ['ru', 'Новый выпуск', /^\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}$/],
    ] as const) {
      const page = await openIn(lang, '/rundown');
      await page.getByRole('button', { name: button }).click();
      const form = page.locator('form.episode-form');
      const date = form.locator('input').nth(1);
      expect(await date.inputValue()).toMatch(month);
      expect(await form.locator('input[type="date"], input[type="time"], input[type="datetime-local"]').count()).toBe(0);
      expect(await form.textContent()).not.toMatch(/AM|PM|mm\/dd\/yyyy/);
      await page.screenshot({ path: `test-results/rundown-form-${lang}.png` });
      await page.context().close();
    }
  });

  it('offers the CSV import as a drop zone in Russian, on a phone-sized screen too, with no "Choose File"', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await openIn('ru', '/intake', viewport);
      const zone = page.locator('.file-drop').first();
      await zone.getByText('Перетащите файл сюда или нажмите, чтобы выбрать').waitFor();
      expect(await page.locator('body').textContent()).not.toMatch(/Choose File|No file chosen/);
      expect(await zone.locator('input[type="file"]').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `test-results/intake-ru-${viewport.width}.png` });
      await page.context().close();
    }
  });

  // Ten screens, each opened in a fresh context: 30 s held on an idle machine, not on a clean-clone CI's busy one.
  it('shows no internal code (topic, speaker, district, status, department) on the staff screens in Kazakh or Russian', { timeout: 120_000 }, async () => {
    const departments = (await desk.producer.send('department.list', {})).items.map((d) => d.code);
    const codes = new Set<string>([...TOPICS, ...SUGGESTION_SPEAKERS, ...DISTRICTS, ...QUESTION_STATUSES, ...departments]);
    for (const lang of ['kk', 'ru'] as const) {
      for (const path of ['/console', '/rundown', '/intake', '/handoffs', '/press']) {
        const page = await openIn(lang, path);
        await page.locator('h1').first().waitFor();
        // Lists arrive over the socket after the page is drawn.
        await page.waitForTimeout(800);
        const words = (await page.evaluate(() => document.body.innerText)).match(/[A-Za-z_]+/g) ?? [];
        expect({ lang, path, leaked: words.filter((w) => codes.has(w)) }).toEqual({ lang, path, leaked: [] });
        await page.screenshot({ path: `test-results/${path.slice(1)}-${lang}.png` });
        await page.context().close();
      }
    }
  });
});
