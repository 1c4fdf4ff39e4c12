import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../helpers/browser';
import { postJson, REPO_ROOT, startTestCore, type TestCore } from '../helpers/core';
import { FakeTelegram } from '../helpers/fakeTelegram';

let core: TestCore;
let browser: Browser;
let fake: FakeTelegram;

beforeAll(async () => {
  ensureUiBuilt();
  fake = await new FakeTelegram().start();
  core = await startTestCore({ staticDir: STATIC_DIR });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await core?.stop();
  await fake?.stop();
});

async function openPage(path: string, lang = 'ru'): Promise<Page> {
  const context = await browser.newContext({ locale: lang });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
  await page.goto(core.loginUrl(path));
  return page;
}

const row = (page: Page, channel: string) => page.locator(`tr[data-channel="${channel}"]`);

describe('the intake screen', () => {
  it('shows every channel live, takes a phone-in question by keyboard, and the console gets it', async () => {
    const intake = await openPage('/intake');
    const consolePage = await openPage('/console');
    await row(intake, 'web').locator('.channel-status', { hasText: 'Готов' }).waitFor();
    await expect(row(intake, 'telegram').textContent()).resolves.toContain('Выключен');

    await postJson(`${core.url}/api/questions`, { name: 'Асель', text: 'Вопрос с веб-формы для счётчика' });
    await row(intake, 'web').locator('.channel-count', { hasText: '1' }).waitFor();

    // Keyboard only: focus the name field, type, tab through, submit with Enter.
    await intake.getByLabel('Имя звонящего').focus();
    await intake.keyboard.type('Гүлмира апай');
    await intake.keyboard.press('Tab');
    await intake.keyboard.press('ArrowDown');
    const question = intake.locator('textarea[aria-keyshortcuts="Control+Enter"]');
    await question.fill('Когда проведут газ в Турксибский район?');
    await question.press('Control+Enter');
    const result = await intake.getByTestId('phone-result').textContent();
    expect(result).toMatch(/Добавлен: номер \d{4}-\d{4,}/);
    await row(intake, 'phone').locator('.channel-count', { hasText: '1' }).waitFor();
    await consolePage.getByText('Когда проведут газ в Турксибский район?').first().waitFor();
    const stored = core.db.prepare("SELECT sender_name, district FROM question WHERE channel = 'phone'").get();
    expect(stored).toEqual({ sender_name: 'Гүлмира апай', district: 'alatau' });
  });

  it('imports a CSV file with a preview, per-row errors and no duplicates on re-import', async () => {
    const page = await openPage('/intake');
    const file = join(REPO_ROOT, 'tests/fixtures/csv/call-centre.csv');
    await page.getByTestId('csv-file').setInputFiles(file);
    // The preview table gets the whole width of the screen, not half of it.
    const csvWidth = await page.locator('.csv-import').evaluate((el) => el.getBoundingClientRect().width);
    const mainWidth = await page.locator('.intake-tabs').evaluate((el) => el.getBoundingClientRect().width);
    expect(csvWidth).toBeGreaterThan(mainWidth * 0.95);
    await page.getByTestId('csv-summary').getByText('Строк: 6; готовы: 3, с ошибками: 3', { exact: false }).waitFor();
    await page.getByTestId('csv-errors').getByText('Неизвестный район «Калкаман».', { exact: false }).waitFor();
    expect(await page.getByLabel('Текст вопроса').inputValue()).toBe('6');
    await page.getByRole('button', { name: 'Импортировать строк: 3' }).click();
    await page.getByTestId('csv-result').getByText('Импортировано: новых 3, уже были 0, с ошибками 3.').waitFor();
    await page.getByRole('button', { name: 'Импортировать строк: 3' }).click();
    await page.getByTestId('csv-result').getByText('Импортировано: новых 0, уже были 3, с ошибками 3.').waitFor();
    expect((core.db.prepare("SELECT COUNT(*) AS n FROM question WHERE channel = 'csv'").get() as any).n).toBe(3);
  });

  it('shows the WhatsApp webhook address with the public-HTTPS note, in Kazakh too', async () => {
    const page = await openPage('/intake', 'kk');
    await page.getByRole('tab', { name: 'Баптаулар' }).click();
    await page.reload();
    await page.getByRole('tab', { name: 'Баптаулар', selected: true }).waitFor();
    expect(await page.getByTestId('whatsapp-callback').textContent()).toBe('https://…/webhooks/whatsapp');
    const note = (await page.getByTestId('whatsapp-https-note').textContent()) ?? '';
    expect(note).toContain('HTTPS');
    expect(note).toContain('--public-port');
    await page.getByRole('tab', { name: 'Жұмыс' }).click();
    await page.getByTestId('csv-file').waitFor({ state: 'attached' });
    expect(await page.getByTestId('whatsapp-callback').count()).toBe(0);
  });

  it('connects the Telegram bot from the settings without ever showing the token, and its questions reach the console', async () => {
    const page = await openPage('/intake');
    const consolePage = await openPage('/console');
    // Operations are the default; settings wait behind their own tab.
    expect(await page.getByLabel('Токен бота', { exact: false }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Настройки' }).click();
    await page.getByLabel('Токен бота', { exact: false }).fill(fake.token);
    await page.getByLabel('Адрес Bot API').fill(fake.url);
    await page.locator('fieldset', { hasText: 'Telegram-бот' }).getByLabel('Включён').check();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await row(page, 'telegram').locator('.channel-status', { hasText: 'Подключён' }).waitFor();
    await page.getByText(`задан (…${fake.token.slice(-4)})`).waitFor();
    expect(await page.content()).not.toContain(fake.token);
    await page.reload();
    expect(await page.getByLabel('Токен бота', { exact: false }).inputValue()).toBe('');
    // Pointing the bot elsewhere without typing the token again would send the stored token there.
    await page.getByLabel('Адрес Bot API').fill('https://collector.example.com');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('alert').getByText('Чтобы сменить адрес Bot API, введите токен бота заново').waitFor();
    await page.reload();
    expect(await page.getByLabel('Адрес Bot API').inputValue()).toBe(fake.url);

    fake.push(fake.textUpdate(123321, 'Сұрақ Telegram арқылы: жол қашан жөнделеді?'));
    await consolePage.getByText('Сұрақ Telegram арқылы: жол қашан жөнделеді?').first().waitFor();
    await row(page, 'telegram').locator('.channel-count', { hasText: '1' }).waitFor();
  });

  it('creates a webhook key shown once, which then works', async () => {
    const page = await openPage('/intake');
    await page.getByRole('tab', { name: 'Настройки' }).click();
    await page.getByLabel('Название интеграции').fill('Городской портал');
    await page.getByRole('button', { name: 'Создать ключ' }).click();
    const key = (await page.getByTestId('new-key').textContent()) ?? '';
    expect(key).toMatch(/^akd_/);
    await row(page, 'webhook').locator('.channel-status', { hasText: 'Готов' }).waitFor();
    const reply = await postJson(`${core.url}/api/intake/webhook`, { externalId: 'e2e-1', text: 'Вопрос с портала', senderName: 'Портал' }, { authorization: `Bearer ${key}` });
    expect(reply.status).toBe(201);
    await row(page, 'webhook').locator('.channel-count', { hasText: '1' }).waitFor();
    await page.reload();
    expect(await page.content()).not.toContain(key);
  });
});

describe('the public form', () => {
  it('offers topics and moves focus to the field an error is about', async () => {
    const page = await openPage('/ask', 'kk');
    await page.getByLabel('Атыңыз').fill('Ерлан');
    await page.getByRole('button', { name: 'Сұрақты жіберу' }).click();
    await page.getByTestId('ask-error-text').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('text');
    expect(await page.getByLabel('Сұрағыңыз').getAttribute('aria-describedby')).toContain('ask-error');
    await page.getByLabel('Тақырып (міндетті емес)').selectOption('transport');
    await page.getByLabel('Сұрағыңыз').fill('Автобус неге кешігеді?');
    await page.getByRole('button', { name: 'Сұрақты жіберу' }).click();
    await page.getByTestId('ask-reference').waitFor();
    const stored = core.db.prepare("SELECT topic FROM question WHERE original_text = 'Автобус неге кешігеді?'").get();
    expect(stored).toEqual({ topic: 'transport' });
  });
});
