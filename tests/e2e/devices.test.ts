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

/** In the device's page: whether a teleprompter socket to the desk opens (a refused upgrade never does). */
const socketOpens = (): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new WebSocket(`ws://${location.host}/ws?role=speaker`);
    socket.onopen = () => {
      socket.close();
      resolve(true);
    };
    socket.onerror = () => resolve(false);
  });

describe('the devices panel', () => {
  it('pairs a teleprompter PC with a one-time link, lists it with role and last use, and revokes it: the device is shut out', async () => {
    const page = await openDevices(lan);
    const panel = page.getByRole('dialog');
    await panel.getByText('Пока ни одно устройство не подключено.').waitFor();
    await panel.getByLabel('Имя устройства').fill('ПК суфлёра, студия 2');
    await panel.getByLabel('Роль').selectOption('speaker');
    await panel.getByRole('button', { name: 'Создать ссылку' }).click();
    const pairing = panel.getByTestId('pairing');
    await pairing.getByText('Откройте эту ссылку один раз на «ПК суфлёра, студия 2» (Суфлёр)', { exact: false }).waitFor();
    const link = await pairing.getByTestId('pairing-url').first().inputValue();
    expect(link).toMatch(new RegExp(`^http://[\\d.]+:${new URL(lan.url).port}/pair\\?code=[\\w-]+$`));
    const qr = pairing.getByRole('img', { name: 'QR-код ссылки для «ПК суфлёра, студия 2»' }).first();
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await pairing.getByRole('button', { name: 'Копировать ссылку' }).first().click();
    await pairing.getByText('Скопировано').first().waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // The teleprompter PC: another browser, opening the link on this desk's address.
    const deviceContext = await browser.newContext({ locale: 'ru' });
    const device = await deviceContext.newPage();
    device.setDefaultTimeout(10_000);
    await device.goto(`${lan.url}/pair?${new URL(link).searchParams.toString()}`);
    expect(new URL(device.url()).pathname).toBe('/prompter');
    await device.locator('.connection-online').waitFor();
    expect(await device.evaluate(socketOpens)).toBe(true);
    const row = panel.locator('tr[data-device="ПК суфлёра, студия 2"]');
    await row.getByText('Суфлёр', { exact: true }).waitFor();
    expect(await row.getByText('Ещё нет').count()).toBe(0); // its socket was its first use
    // The link pairs once: opened again by the device it paired, it goes back to its screen; any other browser is refused.
    const again = await deviceContext.request.get(`${lan.url}/pair?${new URL(link).searchParams.toString()}`, { maxRedirects: 0 });
    expect(again.status()).toBe(302);
    expect(again.headers().location).toBe('/prompter');
    const stranger = await browser.newContext();
    const second = await stranger.request.get(`${lan.url}/pair?${new URL(link).searchParams.toString()}`, { maxRedirects: 0 });
    expect(second.status()).toBe(403);
    await stranger.close();

    await row.getByRole('button', { name: 'Отозвать' }).click();
    await panel.getByRole('alertdialog').getByText('Отозвать «ПК суфлёра, студия 2»?', { exact: false }).waitFor();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Отозвать' }).click();
    await panel.getByText('«ПК суфлёра, студия 2» отозвано.').waitFor();
    await row.waitFor({ state: 'detached' });
    // Shut out at once: its socket closes and a new one is refused before it opens (401).
    await device.locator('.connection-offline').waitFor();
    expect(await device.evaluate(socketOpens)).toBe(false);
    await device.reload();
    await device.locator('.connection-offline').waitFor();
    await deviceContext.close();
    await page.context().close();
  });

  it('pairs a vision mixer\'s browser source with the variant and language chosen, in one link that lands on them', async () => {
    const page = await openDevices(lan);
    const panel = page.getByRole('dialog');
    await panel.getByLabel('Имя устройства').fill('OBS gallery');
    // Only a graphics output is asked for its look.
    expect(await panel.getByLabel('Вид графики').count()).toBe(0);
    await panel.getByLabel('Роль').selectOption('graphics');
    await panel.getByLabel('Вид графики').selectOption({ label: 'Цитата на весь экран' });
    // The console's own language is proposed.
    expect(await panel.getByLabel('Язык на экране').inputValue()).toBe('ru');
    await panel.getByLabel('Язык на экране').selectOption({ label: 'Қазақша' });
    await panel.getByRole('button', { name: 'Создать ссылку' }).click();
    const link = new URL(await panel.getByTestId('pairing').getByTestId('pairing-url').first().inputValue());
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ lang: 'kk', variant: 'quote' });

    const source = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    source.setDefaultTimeout(10_000);
    await source.goto(`${lan.url}/pair?${link.searchParams.toString()}`);
    expect(new URL(source.url()).pathname + new URL(source.url()).search).toBe('/graphics?lang=kk&variant=quote');
    expect(await source.getByTestId('graphics-stage').getAttribute('data-variant')).toBe('quote');
    expect(await source.evaluate(() => document.documentElement.lang)).toBe('kk');
    await panel.locator('tr[data-device="OBS gallery"]').getByText('Графика в эфир', { exact: true }).waitFor();
    await source.context().close();
    await page.context().close();
  });

  it('says plainly when LAN access is off and how to turn it on', async () => {
    const page = await openDevices(local);
    const off = page.getByTestId('devices-off');
    await off.getByText('Доступ по локальной сети выключен').waitFor();
    await off.getByText('npm run serve -- --host 0.0.0.0').waitFor();
    await off.getByText('«Разрешить ПК суфлёра и прессы в локальной сети»', { exact: false }).waitFor();
    expect(await page.getByRole('dialog').getByRole('button', { name: 'Создать ссылку' }).count()).toBe(0);
    await page.context().close();
  });
});
