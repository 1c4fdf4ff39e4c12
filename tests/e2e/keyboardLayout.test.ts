import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { postJson } from '../helpers/core';
import { useBrowserDesk } from '../helpers/browserDesk';

const desk = useBrowserDesk();

/** What a Russian (ЙЦУКЕН) keyboard sends: a Cyrillic `key` on the physical Latin `code`. */
async function pressRussian(page: Page, key: string, code: string, shiftKey = false): Promise<void> {
  await page.evaluate(
    ({ key, code, shiftKey }) => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code, shiftKey, bubbles: true, cancelable: true }));
    },
    { key, code, shiftKey },
  );
}

describe('shortcuts in the Russian keyboard layout', () => {
  it('moves, approves and opens help in the console with Cyrillic keys', async () => {
    const { json } = await postJson(`${desk.core.url}/api/questions`, { name: 'Айгерім', text: 'Когда откроют каток в парке Горького?' });
    const { id } = desk.core.db.prepare('SELECT id FROM question WHERE reference = ?').get(json.value.reference) as { id: number };
    const page = await desk.openPage('/console');
    await page.locator('.connection-online').waitFor();
    const row = page.locator(`li.question[data-question-id="${id}"]`);
    await row.waitFor();

    await pressRussian(page, 'о', 'KeyJ'); // j: next question
    await pressRussian(page, 'ф', 'KeyA'); // a: approve
    await page.locator(`li.question[data-question-id="${id}"][data-status="approved"]`).waitFor();
    expect(desk.core.db.prepare('SELECT status FROM question WHERE id = ?').get(id)).toEqual({ status: 'approved' });

    await pressRussian(page, '?', 'Digit7', true); // ? is Shift+7 in the Russian layout
    const help = page.locator('.help-overlay');
    await help.waitFor();
    // Help prints the Latin letters: the same physical keys in every layout.
    expect(await help.locator('kbd').allTextContents()).toContain('a');
    await pressRussian(page, 'Escape', 'Escape');
    await help.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('drives the teleprompter with Cyrillic keys', async () => {
    const page = await desk.openPage('/prompter');
    await page.getByTestId('prompter-stage').waitFor();
    await pressRussian(page, 'ы', 'KeyS'); // s: settings
    await page.locator('section.prompter-settings').waitFor();
    await pressRussian(page, 'р', 'KeyH'); // h: help
    await page.getByTestId('prompter-help').waitFor();
    await page.context().close();
  });
});
