import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/domain';
import type { GraphicsState, GraphicsVariant } from '../../shared/protocol';
import { useBrowserDesk } from '../helpers/browserDesk';
import { postJson, REPO_ROOT } from '../helpers/core';
import { approvedQuestion, saveEpisode } from '../helpers/episodes';

const desk = useBrowserDesk();

/** Screenshots are kept for a person to look at (git-ignored). */
const ARTIFACTS = join(REPO_ROOT, 'tests', 'artifacts');

const PRIMARY = '#0b3d91';

/**
 * Opens the vision mixer's browser source as the README tells a studio to: the one pairing link
 * of a device paired as `graphics` with its variant and language, which leaves the device's
 * cookie and lands on the graphics page with both. No desk session.
 */
async function browserSource(variant: GraphicsVariant | undefined, lang: Language): Promise<Page> {
  const context = await desk.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pairing = await desk.producer.send('devices.pair', { name: `Vision mixer ${variant ?? ''} ${lang}`, role: 'graphics', lang, ...(variant ? { variant } : {}) });
  await page.goto(pairing.urls[0]!);
  await page.waitForURL((url) => url.pathname === '/graphics');
  expect(new URL(page.url()).search).toBe(variant ? `?lang=${lang}&variant=${variant}` : `?lang=${lang}`);
  await page.getByTestId('graphics-stage').waitFor({ state: 'attached' });
  return page;
}

/** Waits until the box's entry (or exit) animation has finished, so the screenshot shows where it rests. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

interface Pixels {
  /** Pixels drawn at all (alpha > 0). */
  opaque: number;
  /** RGBA at each point asked for. */
  at: Array<[number, number, number, number]>;
}

/**
 * Saves the screenshot, then decodes it in a blank page's canvas: the PNG's own pixels, alpha
 * included, counted there (eight million numbers stay in the browser).
 */
async function shoot(page: Page, name: string, points: ReadonlyArray<readonly [number, number]> = []): Promise<Pixels> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const png = await page.screenshot({ omitBackground: true });
  writeFileSync(join(ARTIFACTS, `graphics-${name}.png`), png);
  const blank = await page.context().newPage();
  const pixels = await blank.evaluate(
    async ({ b64, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const rgba = ctx.getImageData(0, 0, image.width, image.height).data;
      let opaque = 0;
      for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! > 0) opaque++;
      const at = points.map(([x, y]) => {
        const i = (y * image.width + x) * 4;
        return [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, rgba[i + 3]!] as [number, number, number, number];
      });
      return { opaque, at };
    },
    { b64: png.toString('base64'), points: points.map(([x, y]) => [x, y] as [number, number]) },
  );
  await blank.close();
  return pixels;
}

const hex = ([r, g, b]: readonly number[]): string => `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;

describe('the graphics output', () => {
  it('shows exactly the projection on a transparent 1920×1080 page, in and out, in every variant and language', { timeout: 120_000 }, async () => {
    const rundown = await saveEpisode(desk.producer, { speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким города' }] });
    await desk.producer.send('episode.start', { id: rundown.episode.id });
    const asked = [
      ['Данияр Сапаров', 'Позвоните мне 8 701 555 12 34 или danik@mail.kz, когда починят лифт на Сейфуллина 15?'],
      ['Болат Ахметов', 'Когда откроют каток в парке?'],
      ['Вера Ким', 'Где остановка автобуса 32?'],
    ] as const;
    const ids: number[] = [];
    for (const [name, text] of asked) {
      const { id, version } = await approvedQuestion(desk.core, desk.producer, { name, text, district: 'turksib', phone: '+7 777 123 45 67', consent: true });
      await desk.producer.send('queue.add', { id, version });
      ids.push(id);
    }
    // A second viewer asked the same: it joins the queued question, and the audience's vote shows as "asked by 2".
    await postJson(`${desk.core.url}/api/questions`, { name: 'Айгерим Нурланова', text: 'Лифт на Сейфуллина 15 когда починят?' });
    await desk.producer.send('show.next', {});

    const lower = await browserSource(undefined, 'en');
    const quote = await browserSource('quote', 'ru');
    const ticker = await browserSource('ticker', 'kk');

    // On air but not taken: nothing at all is drawn.
    const empty = await shoot(lower, 'empty');
    expect(empty.opaque).toBe(0);
    expect(await lower.getByTestId('graphics-box').count()).toBe(0);

    const state: GraphicsState = await desk.producer.send('graphics.take', { id: ids[0]! });
    const shown = state.shown!;
    expect(shown).toMatchObject({ askerFirstName: 'Данияр', district: 'turksib', askedBy: 2 });

    const box = lower.getByTestId('graphics-box');
    await box.waitFor();
    await settled(lower);
    expect(await lower.getByTestId('graphics-name').textContent()).toBe(shown.askerFirstName);
    expect(await lower.getByTestId('graphics-district').textContent()).toBe('Turksib');
    expect(await lower.getByTestId('graphics-text').textContent()).toBe(shown.text);
    expect(shown.text).toBe('Позвоните мне ••• или •••, когда починят лифт на Сейфуллина 15?');
    expect(await lower.getByTestId('graphics-asked-by').textContent()).toBe('Asked by 2 viewers');
    for (const page of [lower, quote, ticker]) {
      const html = await page.content();
      for (const secret of ['Сапаров', 'Ахметов', 'Ким', 'Нурланова', '555', 'mail.kz', '123 45 67', '+7']) expect(html).not.toContain(secret);
    }

    const size = await lower.getByTestId('graphics-stage').boundingBox();
    expect([size?.width, size?.height]).toEqual([1920, 1080]);
    const band = (await box.boundingBox())!;
    expect(band.y).toBeGreaterThan(700);
    const inBand = [Math.round(band.x + band.width - 30), Math.round(band.y + band.height - 8)] as const;
    const drawn = await shoot(lower, 'lower-third', [[20, 20], [960, 400], inBand]);
    // Above the band the video shows through; the band itself is the station's colour.
    expect(drawn.at[0]![3]).toBe(0);
    expect(drawn.at[1]![3]).toBe(0);
    expect(drawn.at[2]![3]).toBe(255);
    expect(hex(drawn.at[2]!)).toBe(PRIMARY);
    // Nothing is drawn beyond the band and its shadow (a 30-px blur, 8 px down).
    expect(drawn.opaque).toBeLessThan((band.width + 100) * (band.height + 100));

    // The quote in Russian, the ticker in Kazakh with the questions still to come.
    await quote.getByTestId('graphics-text').waitFor();
    expect(await quote.getByTestId('graphics-text').textContent()).toBe(shown.text);
    expect(await quote.getByTestId('graphics-district').textContent()).toBe('Турксибский');
    expect(await quote.getByTestId('graphics-asked-by').textContent()).toBe('Этот вопрос задали 2 зрителей');
    await settled(quote);
    const full = await shoot(quote, 'quote', [[20, 20]]);
    expect(full.at[0]![3]).toBe(255);
    await ticker.getByTestId('graphics-ticker').waitFor();
    const items = await ticker.getByTestId('graphics-ticker').locator('li').allTextContents();
    expect(items).toEqual(state.upcoming.map((item) => `${item.askerFirstName}, Түрксіб ${item.text}`));
    expect(items).toEqual(['Болат, Түрксіб Когда откроют каток в парке?', 'Вера, Түрксіб Где остановка автобуса 32?']);
    await settled(ticker);
    const strip = await shoot(ticker, 'ticker', [[960, 300], [960, 1000]]);
    expect(strip.at[0]![3]).toBe(0);
    expect(strip.at[1]![3]).toBe(255);

    // Cleared: each variant animates out and leaves a fully transparent page.
    await desk.producer.send('graphics.clear', {});
    for (const page of [lower, quote, ticker]) await page.getByTestId('graphics-box').waitFor({ state: 'detached' });
    expect((await shoot(lower, 'cleared')).opaque).toBe(0);
    expect((await shoot(ticker, 'ticker-cleared')).opaque).toBe(0);
  });
});
