import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../helpers/browser';
import { startTestCore, type TestCore } from '../helpers/core';
import { startLiveEpisode } from '../helpers/episodes';

let core: TestCore;
let browser: Browser;

beforeAll(async () => {
  ensureUiBuilt();
  core = await startTestCore({ staticDir: STATIC_DIR });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

/** Fails the test if any page ever runs a script from question text. */
async function openPage(path: string, lang = 'ru'): Promise<Page> {
  const context = await browser.newContext({ locale: lang });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()} — question text was executed`);
  });
  await page.goto(core.loginUrl(path));
  return page;
}

describe('a question travels from the web form to the console and the teleprompter', () => {
  it('is asked, appears live, is approved, goes on air and shows on the teleprompter', async () => {
    const console_ = await openPage('/console');
    const prompter = await openPage('/prompter');
    await console_.getByText('Вопросов пока нет', { exact: false }).waitFor();
    await prompter.getByText('Ожидаем следующий вопрос').waitFor();

    const ask = await openPage('/ask');
    const text = 'Қашан Абай даңғылы жөнделеді? <script>alert("x")</script> Позвоните: +7 701 555 12 34';
    await ask.getByLabel('Ваше имя').fill('Айгүл Серікқызы');
    await ask.getByLabel('Район').selectOption('bostandyk');
    await ask.getByLabel('Ваш вопрос').fill(text);
    await ask.getByRole('button', { name: 'Отправить вопрос' }).click();
    const reference = await ask.getByTestId('ask-reference').textContent();
    expect(reference).toMatch(/Номер обращения: \d{4}-\d{4,}/);

    // Live, with no reload: the console shows the exact text, as text.
    const row = console_.locator('li.question', { hasText: 'Абай даңғылы' });
    await row.waitFor();
    expect(await row.locator('.question-text').textContent()).toBe(text);
    expect(await console_.locator('li.question script').count()).toBe(0);

    await row.getByRole('button', { name: 'Одобрить' }).click();
    await console_.locator('li.question[data-status="approved"]').waitFor();
    await startLiveEpisode(core.url);
    await row.getByRole('button', { name: 'В эфир' }).click();
    await console_.locator('li.question[data-status="on_air"]').waitFor();

    const current = prompter.getByTestId('prompter-current');
    await current.getByText('Абай даңғылы', { exact: false }).waitFor();
    const shown = await current.locator('.prompter-text').textContent();
    expect(shown).toContain('<script>alert("x")</script>');
    expect(shown).not.toContain('555 12 34');
    expect(await current.locator('.prompter-asker').textContent()).toBe('Айгүл, Бостандыкский район');
    const fontSize = await current.locator('.prompter-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(32);

    const stored = core.db.prepare('SELECT status, original_text FROM question').all();
    expect(stored).toEqual([{ status: 'on_air', original_text: text }]);
  });

  it('switches every screen between Kazakh, Russian and English', async () => {
    const expectations: Array<[string, Record<string, string>]> = [
      ['/console', { kk: 'Продюсер пульті', ru: 'Пульт продюсера', en: 'Producer console' }],
      ['/ask', { kk: 'Әкімге сұрақ', ru: 'Вопрос акиму', en: 'Ask the akim' }],
      ['/prompter', { kk: 'Телесуфлер', ru: 'Телесуфлёр', en: 'Teleprompter' }],
    ];
    for (const [path, titles] of expectations) {
      const page = await openPage(path, 'en-US');
      for (const lang of ['kk', 'ru', 'en'] as const) {
        await page.locator(`.lang-switcher button[data-lang="${lang}"]`).click();
        await page.getByText(titles[lang]!, { exact: true }).first().waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      }
      // The choice is remembered across a reload.
      await page.locator('.lang-switcher button[data-lang="kk"]').click();
      await page.reload();
      await page.getByText(titles.kk!, { exact: true }).first().waitFor();
      await page.context().close();
    }
  });

  it('shows the form’s errors in the chosen language and sends nothing invalid', async () => {
    const ask = await openPage('/ask');
    await ask.locator('.lang-switcher button[data-lang="kk"]').click();
    await ask.getByLabel('Атыңыз').fill('Асан');
    await ask.getByRole('button', { name: 'Сұрақты жіберу' }).click();
    expect(await ask.getByTestId('ask-error-text').textContent()).toBe('Сұрағыңызды жазыңыз.');
    await ask.getByLabel('Сұрағыңыз').fill('ә'.repeat(4001));
    await ask.getByRole('button', { name: 'Сұрақты жіберу' }).click();
    expect(await ask.getByTestId('ask-error-text').textContent()).toBe('Сұрақ тым ұзын: ең көбі 4000 таңба.');
    // A phone only the server can judge: its answer follows a later switch of language too.
    await ask.getByLabel('Сұрағыңыз').fill('Бағдаршам қашан жөнделеді?');
    await ask.getByLabel('Телефон (міндетті емес)').fill('12ab');
    await ask.getByLabel(/Телефон нөмірім тек/).check();
    await ask.getByRole('button', { name: 'Сұрақты жіберу' }).click();
    await ask.getByText(/^Бұл телефон нөміріне ұқсамайды/).waitFor();
    await ask.locator('.lang-switcher button[data-lang="ru"]').click();
    expect(await ask.getByTestId('ask-error-phone').textContent()).toMatch(/^Это не похоже на номер телефона/);
    const count = core.db.prepare("SELECT COUNT(*) AS n FROM question WHERE sender_name = 'Асан'").get();
    expect(count).toEqual({ n: 0 });
  });
});
