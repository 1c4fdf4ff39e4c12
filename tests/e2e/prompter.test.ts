import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserDesk } from '../helpers/browserDesk';
import { approvedQuestion, saveEpisode } from '../helpers/episodes';

const desk = useBrowserDesk();

/** Puts a question on air in a live episode, through the same commands the rundown uses. */
async function onAir(name: string, text: string): Promise<number> {
  const { id, version } = await approvedQuestion(desk.core, desk.producer, { name, text, district: 'turksib' });
  const queued = await desk.producer.send('queue.add', { id, version });
  await desk.producer.send('question.putOnAir', { id, version: queued.question.version });
  return id;
}

const stageTransform = (page: Page): Promise<string> =>
  page.getByTestId('prompter-stage').evaluate((el) => getComputedStyle(el).transform);

describe('the teleprompter', () => {
  it('masks personal data, mirrors, shows cues and survives a restart of the core', async () => {
    const rundown = await saveEpisode(desk.producer, { speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким города' }] });
    await desk.producer.send('episode.start', { id: rundown.episode.id });
    await onAir('Данияр Сапаров', 'Позвоните мне 8 701 555 12 34, когда починят лифт на Сейфуллина?');

    const page = await desk.openPage('/prompter');
    // The key mapping for remotes and pedals is shown at first open, once per device.
    await page.getByTestId('prompter-help').getByText('PageDown / ↓').waitFor();
    await page.getByRole('button', { name: 'Got it' }).click();
    await page.getByTestId('prompter-help').waitFor({ state: 'detached' });

    const current = page.getByTestId('prompter-current');
    await current.getByText('когда починят лифт', { exact: false }).waitFor();
    const shown = await current.locator('.prompter-text').textContent();
    expect(shown).toBe('Позвоните мне •••, когда починят лифт на Сейфуллина?');
    expect(await current.locator('.prompter-asker').textContent()).toBe('Данияр, Turksib');
    expect(await page.getByTestId('prompter-speaker').textContent()).toBe('Ерболат Досаев · Аким города');
    expect(await page.content()).not.toContain('Сапаров');
    const fontSize = await current.locator('.prompter-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(48);

    // Mirroring flips the rendered text; the choice is kept on this device.
    expect(await stageTransform(page)).toBe('none');
    await page.keyboard.press('m');
    expect(await stageTransform(page)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    await page.keyboard.press('v');
    expect(await stageTransform(page)).toBe('matrix(-1, 0, 0, -1, 0, 0)');
    await page.keyboard.press('t');
    await page.reload();
    await current.getByText('когда починят лифт', { exact: false }).waitFor();
    expect(await stageTransform(page)).toBe('matrix(-1, 0, 0, -1, 0, 0)');
    expect(await page.locator('.prompter').getAttribute('data-theme')).toBe('light');
    expect(await page.getByTestId('prompter-help').count()).toBe(0);
    await page.keyboard.press('v');
    await page.keyboard.press('m');
    expect(await stageTransform(page)).toBe('none');

    // A cue from the producer appears, then disappears when cleared; a countdown runs.
    await desk.producer.send('prompter.cue', { cue: { kind: 'preset', preset: 'wrapUp' } });
    await page.getByTestId('prompter-cue').getByText('Wrap up').waitFor();
    await desk.producer.send('prompter.cue', { cue: { kind: 'text', text: 'Далее: Жетысу' } });
    await page.getByTestId('prompter-cue').getByText('Далее: Жетысу').waitFor();
    await desk.producer.send('prompter.countdown', { seconds: 90 });
    await page.getByTestId('prompter-countdown').getByText(/^1:(30|29|28)$/).waitFor();
    await desk.producer.send('prompter.cue', { cue: null });
    await page.getByTestId('prompter-cue').waitFor({ state: 'detached' });

    // Restart: the page shows plainly that it is offline, reconnects by itself and reloads the state.
    await desk.restartCore(() => page.getByTestId('prompter-offline').waitFor());
    await page.getByTestId('prompter-offline').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.locator('.connection').getAttribute('data-status')).toBe('online');
    expect(await current.locator('.prompter-text').textContent()).toBe('Позвоните мне •••, когда починят лифт на Сейфуллина?');
    await page.getByTestId('prompter-countdown').waitFor();

    // And it follows live changes from the new core.
    await desk.producer.send('prompter.cue', { cue: { kind: 'preset', preset: 'thirtySeconds' } });
    await page.getByTestId('prompter-cue').getByText('30 seconds').waitFor();
  });
});

/** True when what is drawn at the centre of the element is the element itself or inside it (nothing covers it). */
const visibleAtCentre = (page: Page, testId: string): Promise<boolean> =>
  page.getByTestId(testId).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && el.contains(top);
  });

describe('the teleprompter at 1280×720', () => {
  it('keeps the offline banner whole and the cue and countdown above the key map', async () => {
    await desk.producer.send('prompter.cue', { cue: { kind: 'text', text: 'Далее: Жетысу, потом реклама' } });
    await desk.producer.send('prompter.countdown', { seconds: 600 });
    const page = await desk.openPage('/prompter');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('prompter-help').waitFor();
    await page.getByTestId('prompter-cue').getByText('Далее: Жетысу').waitFor();
    await page.getByTestId('prompter-countdown').waitFor();
    expect(await visibleAtCentre(page, 'prompter-cue')).toBe(true);
    expect(await visibleAtCentre(page, 'prompter-countdown')).toBe(true);

    // Mirrored (the stage is transformed), with the key map shown again by H.
    await page.keyboard.press('m');
    await page.keyboard.press('v');
    await page.keyboard.press('h');
    await page.getByTestId('prompter-help').waitFor();
    expect(await visibleAtCentre(page, 'prompter-cue')).toBe(true);
    expect(await visibleAtCentre(page, 'prompter-countdown')).toBe(true);
    await page.keyboard.press('v');
    await page.keyboard.press('m');
    await page.keyboard.press('h');
    await page.getByTestId('prompter-help').waitFor();

    await desk.restartCore(async () => {
      const banner = page.getByTestId('prompter-offline');
      await banner.waitFor();
      const fit = await banner.evaluate((el) => ({
        scroll: el.scrollHeight,
        client: el.clientHeight,
        bottom: el.getBoundingClientRect().bottom,
      }));
      expect(fit.scroll).toBeLessThanOrEqual(fit.client);
      expect(fit.bottom).toBeLessThanOrEqual(720);
      expect(await banner.textContent()).toBe('OFFLINE — reconnecting. The text shown may be out of date.');
      expect(await visibleAtCentre(page, 'prompter-offline')).toBe(true);
      expect(await visibleAtCentre(page, 'prompter-cue')).toBe(true);
      expect(await visibleAtCentre(page, 'prompter-countdown')).toBe(true);
    });
    await page.getByTestId('prompter-offline').waitFor({ state: 'detached', timeout: 15_000 });
  });
  it('keeps its controls out of sight until the pointer moves or H, marks the reading line, shows a clock and question timer on request, and colours the countdown', async () => {
    const page = await desk.openPage('/prompter');
    await page.getByRole('button', { name: 'Got it' }).click();
    const bar = page.getByTestId('prompter-bar');
    const opacity = () => bar.evaluate((el) => getComputedStyle(el).opacity);
    // Clicking "Got it" moved the pointer: the bar fades a few seconds later.
    await expect.poll(opacity, { timeout: 6000 }).toBe('0');
    await page.mouse.move(200, 200);
    await page.mouse.move(260, 240);
    await expect.poll(opacity).toBe('1');
    await expect.poll(opacity, { timeout: 6000 }).toBe('0');
    await page.keyboard.press('h');
    await page.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(opacity).toBe('1');
    await page.keyboard.press('h');
    await page.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(opacity, { timeout: 6000 }).toBe('0');

    await page.getByTestId('prompter-reading-line').waitFor({ state: 'attached' });
    expect(await page.getByTestId('prompter-clock').count()).toBe(0);
    await page.keyboard.press('c');
    expect(await page.getByTestId('prompter-time').textContent()).toMatch(/^\d{2}:\d{2}$/);
    await page.keyboard.press('c');
    expect(await page.getByTestId('prompter-clock').count()).toBe(0);

    // A question on air to time: the one the test above left there, or one of this test's own.
    if (!desk.core.db.prepare("SELECT 1 FROM question WHERE status = 'on_air'").get()) {
      const rundown = await saveEpisode(desk.producer, { speakers: [{ name: 'Аким', portfolio: 'Город' }] });
      await desk.producer.send('episode.start', { id: rundown.episode.id });
      await onAir('Айгуль Серикова', 'Когда откроют каток в парке Горького?');
    }
    await page.getByTestId('prompter-current').locator('.prompter-text').waitFor();
    await page.keyboard.press('q');
    await page.getByTestId('prompter-question-timer').getByText(/^0:0[1-9]$/).waitFor();

    const countdown = page.getByTestId('prompter-countdown');
    await desk.producer.send('prompter.countdown', { seconds: 120 });
    await countdown.getByText(/^(2:00|1:59|1:58)$/).waitFor();
    expect(await countdown.getAttribute('class')).toBe('prompter-countdown');
    await desk.producer.send('prompter.countdown', { seconds: 25 });
    await countdown.getByText(/^(0:25|0:24|0:23)$/).waitFor();
    expect(await countdown.getAttribute('class')).toBe('prompter-countdown warning');
    await desk.producer.send('prompter.countdown', { seconds: 8 });
    await countdown.getByText(/^0:0[5-8]$/).waitFor();
    expect(await countdown.getAttribute('class')).toBe('prompter-countdown urgent');
    await desk.producer.send('prompter.countdown', { seconds: null });
  });
});
