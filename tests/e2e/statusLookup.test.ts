import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../helpers/browser';
import { startTestCore, type TestCore } from '../helpers/core';

let core: TestCore;
let browser: Browser;

beforeAll(async () => {
  ensureUiBuilt();
  core = await startTestCore({ staticDir: STATIC_DIR, publicPort: 0 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

/** The public form as a citizen opens it: on the public listener, no sign-in. */
async function openAsk(lang: string): Promise<Page> {
  const context = await browser.newContext({ locale: lang });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${core.publicUrl}/ask`);
  return page;
}

describe('looking up a reference from /ask', () => {
  it('asks, then opens the status page of the reference it got — status only, no name, phone or text', async () => {
    const ask = await openAsk('ru');
    await ask.getByLabel('Ваше имя').fill('Айгүл Серікқызы');
    await ask.getByLabel('Ваш вопрос').fill('Когда починят лифт в доме на Абая 150? Звоните +7 701 555 12 34');
    await ask.getByRole('button', { name: 'Отправить вопрос' }).click();
    const shown = await ask.getByTestId('ask-reference').textContent();
    const reference = /\d{4}-\d{4,}/.exec(shown ?? '')![0];

    // The look-up form under the thanks holds the new reference.
    await ask.getByRole('button', { name: 'Проверить' }).click();
    await ask.waitForURL(new RegExp(`/status/${reference}\\?lang=ru$`));
    expect(await ask.getByTestId('status-reference').textContent()).toBe(reference);
    expect(await ask.getByTestId('status-stage').textContent()).toBe('Получен — редакция его рассматривает');
    const body = (await ask.locator('body').textContent()) ?? '';
    for (const secret of ['Айгүл', 'Серікқызы', '555 12 34', 'лифт']) expect(body).not.toContain(secret);

    // A mistyped reference is answered plainly, from the page's own form.
    await ask.getByLabel('Номер обращения').fill('2026-99999');
    await ask.getByRole('button', { name: 'Проверить' }).click();
    await ask.getByTestId('status-not-found').waitFor();
    expect(await ask.locator('h1').textContent()).toBe('Номер не найден');
  });

  it('looks a reference up from the empty form too, in the language the form is in', async () => {
    const ask = await openAsk('kk');
    await ask.getByLabel('Өтініш нөмірі').fill('2026-0001');
    await ask.getByRole('button', { name: 'Тексеру' }).click();
    await ask.waitForURL(/\/status\/2026-0001\?lang=kk$/);
    expect(await ask.locator('html').getAttribute('lang')).toBe('kk');
    expect(await ask.getByTestId('status-reference').textContent()).toBe('2026-0001');
  });
});
