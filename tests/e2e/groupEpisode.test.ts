import { describe, expect, it } from 'vitest';
import { useBrowserDesk } from '../helpers/browserDesk';
import { approvedQuestion, questionVersion, saveEpisode } from '../helpers/episodes';
import { askedId, ROAD_GROUP } from '../helpers/questions';

const desk = useBrowserDesk();

const ask = (name: string, text: string): Promise<number> => askedId(desk.core, name, text);

const statuses = (ids: readonly number[]): string[] =>
  ids.map((id) => (desk.core.db.prepare('SELECT status FROM question WHERE id = ?').get(id) as { status: string }).status);

describe('a whole episode with a group of four', () => {
  it('is one row in the console, one card in the rundown, "asked by N" on air and in the outcomes, and a late asker joins it', async () => {
    const rundown = await saveEpisode(desk.producer, { title: 'Akimat LIVE — group', speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    const group: number[] = [];
    for (const [i, text] of ROAD_GROUP.entries()) group.push(await ask(['Асель', 'Болат', 'Dana', 'Ерлан'][i]!, text));
    const school = await ask('Гульнара', 'Будет ли новая школа в микрорайоне Алатау в следующем году?');

    // The console: the four are one row (the oldest), asked by 4; approving it with the keyboard approves the group.
    const consolePage = await desk.openPage('/console');
    const rows = consolePage.locator('li.question');
    await consolePage.locator(`li.question[data-question-id="${school}"]`).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    const groupRow = consolePage.locator(`li.question[data-question-id="${group[0]}"]`);
    expect(await groupRow.getByTestId('group-size').textContent()).toBe('Asked by 4 people');
    await groupRow.click();
    await consolePage.locator('body').press('a');
    await consolePage.locator(`li.question[data-question-id="${group[0]}"][data-status="approved"]`).waitFor();
    expect(statuses(group)).toEqual(['approved', 'merged', 'merged', 'merged']);
    await expect.poll(() => rows.count()).toBe(2);

    // The rundown: one card to queue, the show goes live, N takes it on air.
    const page = await desk.openPage('/rundown');
    const prompter = await desk.openPage('/prompter');
    await page.getByTestId('episode-title').getByText('Akimat LIVE — group').waitFor();
    const approved = page.locator('.approved-list');
    await approved.locator(`li[data-question-id="${group[0]}"]`).getByRole('button', { name: 'Queue for Аким' }).click();
    const card = page.locator(`li.queue-item[data-question-id="${group[0]}"]`);
    await card.getByText('Asked by 4 people').waitFor();
    expect(await approved.locator(`li[data-question-id="${group[1]}"]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Start the show' }).click();
    await page.getByTestId('episode-status').getByText('Live').waitFor();
    await page.locator('body').press('n');
    await prompter.getByTestId('prompter-current').getByText('Asked by 4 people', { exact: false }).waitFor();
    expect(await prompter.getByTestId('prompter-current').locator('.prompter-asker').textContent()).toBe('Асель, Almaly · Asked by 4 people');

    // A fifth viewer asks while it is on air: no new row, the count grows on the teleprompter and the card.
    const late = await ask('Жанар', 'Когда отремонтируют дорогу на Толе би у дома 45? Ямы огромные');
    await prompter.getByTestId('prompter-current').getByText('Asked by 5 people', { exact: false }).waitFor();
    await page.getByTestId('rundown-on-air').getByText('Asked by 5 people', { exact: false }).waitFor();
    expect(await consolePage.locator(`li.question[data-question-id="${late}"]`).count()).toBe(0);

    // N asks for its outcome; the show ends; the outcome counts everyone who asked.
    await page.locator('body').press('n');
    const dialog = page.locator('dialog.outcome-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Short summary of the answer (optional)').fill('Ремонт начнётся в июне');
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    const outcomeRow = page.locator(`tr[data-question-id="${group[0]}"][data-outcome="answered"]`);
    await outcomeRow.getByText('Asked by 5 people', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'End the show…' }).click();
    await page.getByTestId('episode-status').getByText('Done').waitFor();
    expect(statuses([...group, late])).toEqual(['answered', 'merged', 'merged', 'merged', 'merged']);
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM outcome WHERE episode_id = ?').get(rundown.episode.id)).toEqual({ n: 1 });
    await Promise.all([consolePage.context().close(), page.context().close(), prompter.context().close()]);
  });
});

describe('rules of air on screen', () => {
  it('asks before replacing what is on air, and takes an on-air change back with Z', async () => {
    const rundown = await saveEpisode(desk.producer, { title: 'Akimat LIVE — air', speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    await desk.producer.send('episode.start', { id: rundown.episode.id });
    const first = await approvedQuestion(desk.core, desk.producer, { name: 'Айгерим', text: 'Когда откроют бассейн в Ауэзовском районе?' });
    const second = await approvedQuestion(desk.core, desk.producer, { name: 'Бауыржан', text: 'Почему отключают свет в Наурызбайском районе по ночам?' });
    await desk.producer.send('question.putOnAir', { id: first.id, version: questionVersion(desk.core, first.id) });
    const onAir = (): number | null =>
      (desk.core.db.prepare("SELECT id FROM question WHERE status = 'on_air'").get() as { id: number } | undefined)?.id ?? null;

    const page = await desk.openPage('/console');
    await page.getByTestId('console-on-air').getByText('бассейн', { exact: false }).waitFor();
    // The console opens on Review; approved questions are under their own tab.
    await page.getByRole('tab', { name: 'Approved' }).click();
    await page.locator(`li.question[data-question-id="${second.id}"]`).click();
    await page.locator('body').press('o');
    const confirm = page.getByRole('alertdialog', { name: 'Replace the question on air?' });
    await confirm.getByText('бассейн', { exact: false }).waitFor();
    // The console's shortcuts wait while the producer decides: `r` `1` rejects nothing, Escape cancels.
    await page.keyboard.press('r');
    await page.keyboard.press('1');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(statuses([second.id])).toEqual(['approved']);
    await page.locator(`li.question[data-question-id="${second.id}"]`).click();
    await page.locator('body').press('o');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(onAir()).toBe(first.id);

    await page.locator('body').press('o');
    await confirm.getByRole('button', { name: 'Replace it' }).click();
    await page.getByTestId('console-on-air').getByText('свет', { exact: false }).waitFor();
    expect(onAir()).toBe(second.id);
    // Not lost: back at the front of the queue, its outcome still to be recorded.
    expect(statuses([first.id])).toEqual(['queued']);

    // Within a few seconds, Z puts back what was on air.
    await page.getByRole('status').getByText('On air changed.').waitFor();
    await page.locator('body').press('z');
    await page.getByTestId('console-on-air').getByText('бассейн', { exact: false }).waitFor();
    expect(onAir()).toBe(first.id);
    for (const item of (await desk.producer.send('episode.pending', { id: rundown.episode.id })).items) {
      await desk.producer.send('outcome.record', { id: item.questionId, version: item.version, outcome: { kind: 'dropped', reason: 'Тест' } });
    }
    await desk.producer.send('episode.end', { id: rundown.episode.id });
    await page.context().close();
  });
});

describe('a cue on the teleprompter', () => {
  it('belongs to the question it was sent for: taking the next question clears it', async () => {
    const rundown = await saveEpisode(desk.producer, { title: 'Akimat LIVE — cue', speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    await desk.producer.send('episode.start', { id: rundown.episode.id });
    for (const [name, text] of [
      ['Алия', 'Когда заработает фонтан у театра Ауэзова?'],
      ['Нурлан', 'Почему в Турксибском районе нет тротуаров у школы 120?'],
    ] as const) {
      const q = await approvedQuestion(desk.core, desk.producer, { name, text });
      await desk.producer.send('queue.add', { id: q.id, version: q.version });
    }
    const prompter = await desk.openPage('/prompter');
    await desk.producer.send('show.next', {});
    await prompter.getByTestId('prompter-current').getByText('фонтан', { exact: false }).waitFor();
    await desk.producer.send('prompter.cue', { cue: { kind: 'preset', preset: 'thirtySeconds' } });
    await prompter.getByTestId('prompter-cue').waitFor();

    await desk.producer.send('show.next', { outcome: { kind: 'answered', summary: '', commitments: [] } });
    await prompter.getByTestId('prompter-current').getByText('тротуаров', { exact: false }).waitFor();
    await prompter.getByTestId('prompter-cue').waitFor({ state: 'detached' });
    await desk.producer.send('show.next', { outcome: { kind: 'answered', summary: '', commitments: [] } });
    await desk.producer.send('episode.end', { id: rundown.episode.id });
    await prompter.context().close();
  });
});

describe('the end of a show', () => {
  it('defers all the rest in one click and ends the episode', async () => {
    const rundown = await saveEpisode(desk.producer, { title: 'Akimat LIVE — rest', speakers: [{ name: 'Аким', portfolio: 'Город' }] });
    await desk.producer.send('episode.start', { id: rundown.episode.id });
    const left: number[] = [];
    for (const [name, text] of [
      ['Сая', 'Когда построят подземный переход у рынка Алтын Орда?'],
      ['Тимур', 'Почему в Бостандыкском районе нет велодорожек до университета?'],
    ] as const) {
      const q = await approvedQuestion(desk.core, desk.producer, { name, text });
      await desk.producer.send('queue.add', { id: q.id, version: q.version });
      left.push(q.id);
    }
    const page = await desk.openPage('/rundown');
    await page.getByTestId('episode-title').getByText('Akimat LIVE — rest').waitFor();
    await page.getByRole('button', { name: 'End the show…' }).click();
    await page.locator('dialog.outcome-dialog').getByRole('button', { name: 'Defer all the rest and end the show' }).click();
    await page.getByTestId('episode-status').getByText('Done').waitFor();
    expect(statuses(left)).toEqual(['deferred', 'deferred']);
    await page.context().close();
  });
});
