import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../helpers/browser';
import { postJson, startTestCore, type TestCore } from '../helpers/core';

let core: TestCore;
let browser: Browser;

beforeAll(async () => {
  ensureUiBuilt();
  browser = await launchChromium();
  core = await startTestCore({ staticDir: STATIC_DIR });
});
afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

/** A Russian-speaking producer's console; `name` null leaves the producer name unset. */
async function openConsole(name: string | null): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru', viewport: { width: 1400, height: 900 } });
  await context.addInitScript((producer) => {
    if (producer) window.localStorage.setItem('desk.producerName', producer);
    window.localStorage.setItem('desk.lang', 'ru');
  }, name);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(core.loginUrl('/console'));
  await page.locator('.connection-online').waitFor();
  return page;
}

async function ask(text: string): Promise<number> {
  const { json } = await postJson(`${core.url}/api/questions`, { name: 'Сұраушы', text });
  const row = core.db.prepare('SELECT id FROM question WHERE reference = ?').get(json.value.reference) as { id: number };
  return row.id;
}

const row = (page: Page, id: number) => page.locator(`li.question[data-question-id="${id}"]`);

describe('the console layout', () => {
  it('clamps a very long question in its row and shows all of it in the detail panel', async () => {
    const words = 'Когда отремонтируют дорогу и тротуар на улице Толе би возле школы номер сорок? ';
    const text = words.repeat(Math.ceil(4000 / words.length)).slice(0, 4000).trim();
    const id = await ask(text);
    const page = await openConsole('Айгерим');
    await row(page, id).waitFor();
    const height = await row(page, id).evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(200);

    await row(page, id).click();
    expect(await page.getByTestId('air-text').textContent()).toBe(text);
    expect(await page.getByTestId('original-text').textContent()).toBe(text);
  });

  it('names a new console in its language', async () => {
    const page = await openConsole(null);
    const input = page.locator('.producer-name input');
    expect(await input.inputValue()).toMatch(/^Продюсер \d{3}$/);
    expect(await page.evaluate(() => window.localStorage.getItem('desk.producerName'))).toBe(await input.inputValue());
  });

  it('clears an error notice when the producer searches on, or after a few seconds', async () => {
    await ask('Когда уберут сугробы во дворе на Абая?');
    const page = await openConsole('Айгерим');
    const notice = page.getByTestId('console-notice');
    await page.locator('body').click();
    await page.keyboard.press('m');
    await notice.getByText('Сначала выберите дубликаты', { exact: false }).waitFor();
    await page.locator('#console-search').fill('сугробы');
    await notice.waitFor({ state: 'detached', timeout: 2000 });

    await page.locator('body').click();
    await page.keyboard.press('m');
    await notice.waitFor();
    await page.waitForTimeout(1000);
    expect(await notice.count()).toBe(1);
    await notice.waitFor({ state: 'detached', timeout: 8000 });
  });
});

describe('a screenful of questions', () => {
  it('shows at least 12 whole rows at 1440×900, each with a coloured status chip, dark by default', async () => {
    for (let i = 0; i < 30; i++) await ask(`Вопрос номер ${i + 1}: когда починят освещение во дворе дома ${i + 10} на улице Жандосова?`);
    const context = await browser.newContext({ locale: 'ru', viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => {
      window.localStorage.setItem('desk.producerName', 'Айгерим');
      window.localStorage.setItem('desk.lang', 'ru');
    });
    const page = await context.newPage();
    await page.goto(core.loginUrl('/console'));
    await page.locator('.connection-online').waitFor();
    await page.locator('li.question').nth(11).waitFor();
    const visible = await page.evaluate(() => {
      const list = document.querySelector('[data-testid="inbox-scroll"]')!.getBoundingClientRect();
      const bottom = Math.min(list.bottom, window.innerHeight);
      return [...document.querySelectorAll('li.question')].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.top >= list.top - 1 && r.bottom <= bottom + 1;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(12);
    expect(await page.getByRole('tab', { name: 'На проверке' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark');
    const chip = page.locator('li.question').first().getByTestId('status-chip');
    expect(await chip.textContent()).toBe('Новый');
    expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: 'test-results/console-1440x900-dark.png' });

    // The switch to light is remembered on the next visit.
    await page.getByTestId('theme-toggle').click();
    await page.reload();
    await page.locator('.connection-online').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('light');
    await page.screenshot({ path: 'test-results/console-1440x900-light.png' });
    await context.close();
  });
});

describe('a reload of the console', () => {
  it('comes back to the question in focus with its unsaved edit, saved afterwards on the version it started from', async () => {
    const id = await ask('Когда откроют новую поликлинику в Алатауском районе, жители ждут уже два года?');
    const page = await openConsole('Айгерим');
    await row(page, id).click();
    await page.keyboard.press('e');
    const editor = page.locator('.air-editor textarea');
    await editor.fill('Когда откроют поликлинику в Алатау?');

    await page.reload();
    await page.locator('.connection-online').waitFor();
    expect(await editor.inputValue()).toBe('Когда откроют поликлинику в Алатау?');
    await editor.press('Control+Enter');
    await expect
      .poll(() => (core.db.prepare('SELECT air_text AS t, version FROM question WHERE id = ?').get(id) as { t: string }).t)
      .toBe('Когда откроют поликлинику в Алатау?');

    // Saved: nothing is brought back by the next reload.
    await page.reload();
    await page.locator('.connection-online').waitFor();
    await row(page, id).waitFor();
    expect(await page.locator('.air-editor').count()).toBe(0);
    await page.context().close();
  });
});
