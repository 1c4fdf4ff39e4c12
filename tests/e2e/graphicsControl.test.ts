import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getGraphicsStyle } from '../../electron/core/store/graphics';
import { useBrowserDesk } from '../helpers/browserDesk';
import { approvedQuestion, saveEpisode } from '../helpers/episodes';

const desk = useBrowserDesk();

/** What a Russian or Kazakh keyboard sends for the key labelled G: a Cyrillic `key` on `KeyG`. */
async function pressG(page: Page, shiftKey = false): Promise<void> {
  await page.evaluate((shiftKey) => {
    const key = shiftKey ? 'П' : 'п';
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code: 'KeyG', shiftKey, bubbles: true, cancelable: true }));
  }, shiftKey);
}

/** A live episode with `texts` queued for one speaker, in order; returns their ids. */
async function liveShow(title: string, texts: readonly string[]): Promise<number[]> {
  const rundown = await saveEpisode(desk.producer, { title, speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким города' }] });
  await desk.producer.send('episode.start', { id: rundown.episode.id });
  const ids: number[] = [];
  for (const text of texts) {
    const { id, version } = await approvedQuestion(desk.core, desk.producer, { name: 'Данияр Сапаров', text, district: 'medeu' });
    await desk.producer.send('queue.add', { id, version });
    ids.push(id);
  }
  return ids;
}

function endShow(): void {
  // Each test starts its own live episode: end any left live so the next one can start.
  desk.core.db.prepare("UPDATE episode SET status = 'done' WHERE status = 'live'").run();
}

describe('graphics from the rundown', () => {
  it('takes the on-air question to the graphics with G (any layout) or the button, and clears them with Shift+G or the button', { timeout: 60_000 }, async () => {
    const [first, second] = await liveShow('Graphics from the rundown', [
      'Позвоните 8 701 555 12 34: когда починят лифт на Сейфуллина?',
      'Когда откроют каток в парке?',
    ]);
    const rundown = await desk.openPage('/rundown');
    const graphics = await desk.openPage('/graphics');
    await graphics.getByTestId('graphics-stage').waitFor({ state: 'attached' });
    const panel = rundown.getByRole('region', { name: 'Graphics' });
    const box = graphics.getByTestId('graphics-box');

    await rundown.getByTestId('episode-status').getByText('Live').waitFor();
    await rundown.locator('body').press('n');
    await rundown.getByTestId('rundown-on-air').getByText('лифт', { exact: false }).waitFor();
    // On air is not on screen: the graphics stay empty until the producer takes them.
    await panel.getByText('Not on screen').waitFor();
    expect(await box.count()).toBe(0);

    // G in the Russian layout (п on the same key).
    await pressG(rundown);
    await box.waitFor();
    const masked = 'Позвоните •••: когда починят лифт на Сейфуллина?';
    expect(await graphics.getByTestId('graphics-text').textContent()).toBe(masked);
    expect(await graphics.getByTestId('graphics-name').textContent()).toBe('Данияр');
    await panel.getByText('On screen: Данияр').waitFor();
    expect(await panel.getByTestId('graphics-shown').getAttribute('data-shown')).toBe(String(first));
    expect(await panel.getByTestId('graphics-shown').textContent()).toContain(masked);
    expect(await panel.getByRole('button', { name: 'Take to graphics (G)' }).isDisabled()).toBe(true);

    // Shift+G clears; the question stays on air.
    await pressG(rundown, true);
    await box.waitFor({ state: 'detached' });
    await panel.getByText('Not on screen').waitFor();
    expect(desk.core.db.prepare('SELECT status FROM question WHERE id = ?').get(first)).toEqual({ status: 'on_air' });

    // The buttons do the same.
    await panel.getByRole('button', { name: 'Take to graphics (G)' }).click();
    await graphics.getByTestId('graphics-text').getByText(masked).waitFor();
    await panel.getByRole('button', { name: 'Clear graphics (Shift+G)' }).click();
    await box.waitFor({ state: 'detached' });

    // Auto-take: the next question put on air is on screen without a take.
    // The switch shows the desk's setting: it flips when the core has saved it.
    const autoTake = panel.getByLabel('Show each question on screen as soon as it is on air');
    await autoTake.click();
    await expect.poll(() => autoTake.isChecked()).toBe(true);
    await expect.poll(() => getGraphicsStyle(desk.core.db).autoTake).toBe(true);
    await graphics.getByTestId('graphics-text').getByText(masked).waitFor();
    // Shortcuts are not taken from a focused input (the checkbox just clicked).
    await rundown.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await rundown.locator('body').press('n');
    const dialog = rundown.locator('dialog.outcome-dialog');
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await graphics.getByTestId('graphics-text').getByText('Когда откроют каток в парке?').waitFor();
    await panel.getByText('On screen: Данияр').waitFor();
    expect(await panel.getByTestId('graphics-shown').getAttribute('data-shown')).toBe(String(second));

    // Turned off from the panel; the station settings form does not bring it back.
    await autoTake.click();
    await expect.poll(() => autoTake.isChecked()).toBe(false);
    await expect.poll(() => getGraphicsStyle(desk.core.db).autoTake).toBe(false);
    await rundown.getByRole('button', { name: 'Graphics settings' }).click();
    await rundown.getByLabel('Station name').fill('Almaty TV');
    await rundown.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => getGraphicsStyle(desk.core.db).stationName).toBe('Almaty TV');
    expect(getGraphicsStyle(desk.core.db).autoTake).toBe(false);

    await rundown.context().close();
    await graphics.context().close();
    endShow();
  });
});
