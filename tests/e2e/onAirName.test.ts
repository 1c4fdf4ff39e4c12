import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserDesk } from '../helpers/browserDesk';
import { postJson } from '../helpers/core';
import { saveEpisode } from '../helpers/episodes';

const desk = useBrowserDesk();

const row = (page: Page, id: number) => page.locator(`li.question[data-question-id="${id}"]`);
const idOf = (where: string, value: string): number =>
  (desk.core.db.prepare(`SELECT id FROM question WHERE ${where} = ?`).get(value) as { id: number }).id;

/** A call-centre export, names written surname first (ФИО). */
function callCentreCsv(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'desk-csv-')), 'calls.csv');
  writeFileSync(
    file,
    '\uFEFF№;Дата;ФИО;Телефон;Район;Текст обращения\n' +
      'CC-9001;21.11.2026 18:05;Сейткали Айгерим Болатовна;+7 701 111 22 33;Медеуский район;"Когда починят лифт в доме 12? Мой ИИН 9001 0130 0126"\n',
  );
  return file;
}

describe('the on-air name', () => {
  it('reads a CSV caller named surname first by her first name on the teleprompter, never the surname', { timeout: 120_000 }, async () => {
    const intake = await desk.openPage('/intake');
    await intake.getByTestId('csv-file').setInputFiles(callCentreCsv());
    await intake.getByRole('button', { name: /^Import 1 rows?/ }).click();
    await intake.getByTestId('csv-result').getByText('Imported: 1 new', { exact: false }).waitFor();
    const id = idOf('external_id', 'id:CC-9001');

    // The producer sees the on-air name the desk chose, and it needs no check.
    const consolePage = await desk.openPage('/console');
    await row(consolePage, id).click();
    const field = consolePage.getByTestId('air-name');
    expect(await field.getByRole('textbox').inputValue()).toBe('Айгерим');
    expect(await consolePage.getByTestId('air-name-to-check').count()).toBe(0);

    const rundown = await saveEpisode(desk.producer, { speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким города' }] });
    await desk.producer.send('episode.start', { id: rundown.episode.id });
    const approved = await desk.producer.send('question.approve', { id, version: 1 });
    const queued = await desk.producer.send('queue.add', { id, version: approved.version });
    await desk.producer.send('question.putOnAir', { id, version: queued.question.version });

    const prompter = await desk.openPage('/prompter');
    await prompter.getByRole('button', { name: 'Got it' }).click();
    const current = prompter.getByTestId('prompter-current');
    await current.getByText('Когда починят лифт', { exact: false }).waitFor();
    expect(await current.locator('.prompter-asker').textContent()).toBe('Айгерим, Medeu');
    expect(await current.locator('.prompter-text').textContent()).toBe('Когда починят лифт в доме 12? Мой ИИН •••');
    const html = await prompter.content();
    expect(html).not.toContain('Сейткали');
    expect(html).not.toContain('Болатовна');
  });

  it('asks the producer to check an unclear name, and the correction is what goes on air', async () => {
    const { json } = await postJson(`${desk.core.url}/api/questions`, { name: 'Сейткали Айгерим', text: 'Когда откроют каток на Медеу?', district: 'medeu' });
    const id = idOf('reference', json.value.reference);
    const page = await desk.openPage('/console');
    await row(page, id).getByTestId('row-air-name-to-check').waitFor();
    await row(page, id).click();
    const field = page.getByTestId('air-name');
    await field.getByTestId('air-name-to-check').waitFor();
    await field.getByRole('textbox').fill('Айгерим');
    await field.getByRole('button', { name: 'Save' }).click();
    await row(page, id).getByTestId('row-air-name-to-check').waitFor({ state: 'detached' });
    expect(desk.core.db.prepare('SELECT air_name, air_name_check FROM question WHERE id = ?').get(id)).toEqual({
      air_name: 'Айгерим',
      air_name_check: 0,
    });
    const state = await desk.producer.send('question.history', { id });
    expect(state.audit.map((a) => a.action)).toContain('question.setAirName');
  });
});
