import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../helpers/browser';
import { startTestCore, type TestCore } from '../helpers/core';

let lan: TestCore;
let local: TestCore;
let browser: Browser;

beforeAll(async () => {
  ensureUiBuilt();
  lan = await startTestCore({ staticDir: STATIC_DIR, host: '0.0.0.0' });
  local = await startTestCore({ staticDir: STATIC_DIR });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await lan?.stop();
  await local?.stop();
});

async function openDevices(core: TestCore, lang = 'ru'): Promise<Page> {
  const context = await browser.newContext({ locale: lang });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: core.url });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
  await page.goto(core.loginUrl('/console'));
  await page.getByRole('button', { name: 'Подключить устройства' }).click();
  await page.getByRole('dialog', { name: 'Подключить устройства' }).waitFor();
  return page;
}

describe('the devices panel', () => {
  it('shows each LAN link with a QR code and its token, copies it, and follows the language switch', async () => {
    const page = await openDevices(lan);
    const panel = page.getByRole('dialog');
    const prompterUrl = panel.getByTestId('device-url-speaker').first();
    await expect(prompterUrl.inputValue()).resolves.toMatch(
      new RegExp(`^http://[\\d.]+:${new URL(lan.url).port}/prompter\\?token=${lan.accessTokens.speaker}$`),
    );
    await expect(panel.getByTestId('device-url-producer').first().inputValue()).resolves.toContain(
      `/console?token=${lan.accessTokens.producer}`,
    );
    const qr = panel.getByRole('img', { name: 'QR-код ссылки «Суфлёр»' }).first();
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    const card = panel.locator('li[data-kind="speaker"]').first();
    await card.getByRole('button', { name: 'Копировать ссылку' }).click();
    await card.getByText('Скопировано').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await prompterUrl.inputValue());

    await panel.locator('button[data-lang="kk"]').click();
    await panel.getByRole('heading', { name: 'Құрылғыларды қосу' }).waitFor();
    await panel.getByRole('img', { name: '«Суфлер» сілтемесінің QR-коды' }).first().waitFor();
    await panel.locator('button[data-lang="en"]').click();
    await panel.getByRole('heading', { name: 'Connect devices' }).waitFor();
    await card.getByRole('heading', { name: 'Teleprompter' }).waitFor();
    await page.context().close();
  });

  it('renews the teleprompter link after a confirm, and the panel shows the new token', async () => {
    const page = await openDevices(lan);
    const panel = page.getByRole('dialog');
    const old = lan.accessTokens.speaker;
    const card = panel.locator('li[data-kind="speaker"]').first();
    await card.getByRole('button', { name: 'Обновить ссылку' }).click();
    await card.getByText('Все устройства со старой ссылкой сразу отключатся', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Обновить', exact: true }).click();
    await card.getByText('Новая ссылка «Суфлёр» готова, старая больше не работает.').waitFor();
    expect(lan.accessTokens.speaker).not.toBe(old);
    await expect(card.getByTestId('device-url-speaker').inputValue()).resolves.toContain(
      `/prompter?token=${lan.accessTokens.speaker}`,
    );
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('says plainly when LAN access is off and how to turn it on', async () => {
    const page = await openDevices(local);
    const off = page.getByTestId('devices-off');
    await off.getByText('Доступ по локальной сети выключен').waitFor();
    await off.getByText('npm run serve -- --host 0.0.0.0').waitFor();
    await off.getByText('«Разрешить ПК суфлёра и прессы в локальной сети»', { exact: false }).waitFor();
    expect(await page.getByRole('dialog').locator('img').count()).toBe(0);
    await page.context().close();
  });
});
