import { describe, expect, it } from 'vitest';
import { handoffDueDate } from '../../electron/core/handoffs/dueDates';
import { useBrowserDesk } from '../helpers/browserDesk';
import { approvedQuestion, questionVersion, saveEpisode } from '../helpers/episodes';

const desk = useBrowserDesk();

async function approvedId(name: string, text: string): Promise<number> {
  return (await approvedQuestion(desk.core, desk.producer, { name, text, district: 'zhetysu' })).id;
}

function queueOrder(speakerName: string): number[] {
  return (
    desk.core.db
      .prepare(
        `SELECT qi.question_id AS id FROM queue_item qi JOIN speaker s ON s.id = qi.speaker_id
         WHERE s.name = ? ORDER BY qi.position`,
      )
      .all(speakerName) as Array<{ id: number }>
  ).map((r) => r.id);
}

describe('running an episode from the rundown', () => {
  it('builds an episode, queues, reorders by keyboard, airs, records outcomes and ends with nothing left', async () => {
    const q1 = await approvedId('Аружан Сейітова', 'Когда отремонтируют дорогу на Райымбека?');
    const q2 = await approvedId('Болат Ахметов', 'Почему нет горячей воды в Жетысу?');
    const q3 = await approvedId('Вера Ким', 'Когда пустят автобус 92 по новому маршруту?');
    const q4 = await approvedId('Гани Омаров', 'Где будет новый парк?');

    const page = await desk.openPage('/rundown');
    const prompter = await desk.openPage('/prompter');
    await page.getByText('No episode yet', { exact: false }).waitFor();

    // Build the episode with two speakers.
    await page.getByRole('button', { name: 'New episode' }).click();
    await page.getByLabel('Title').fill('Akimat LIVE — May');
    await page.getByLabel('Date').fill('2026-05-20');
    await page.getByLabel('Date').blur();
    expect(await page.getByLabel('Date').inputValue()).toBe('20 May 2026');
    // A 24-hour picker with one field for hours and one for minutes, in every language.
    await page.getByLabel('Planned start (Almaty time): hours').pressSequentially('19');
    await page.getByLabel('Planned start (Almaty time): minutes').pressSequentially('00');
    await page.getByLabel('Duration, minutes').fill('45');
    await page.getByLabel('Speaker 1: name').fill('Ерболат Досаев');
    await page.getByLabel('Speaker 1: portfolio').fill('Аким города');
    await page.getByRole('button', { name: 'Add speaker' }).click();
    await page.getByLabel('Speaker 2: name').fill('Айдар Нұрланұлы');
    await page.getByLabel('Speaker 2: portfolio').fill('Энергетика');
    await page.getByRole('button', { name: 'Save episode' }).click();
    await page.getByTestId('episode-title').getByText('Akimat LIVE — May').waitFor();
    const episode = desk.core.db.prepare('SELECT id, duration_min AS duration, status FROM episode').get() as any;
    expect(episode).toMatchObject({ duration: 45, status: 'planned' });

    // Queue: three for the akim, one for the energy department.
    const approved = page.locator('.approved-list');
    for (const id of [q1, q2, q3]) {
      await approved.locator(`li[data-question-id="${id}"]`).getByRole('button', { name: 'Queue for Ерболат Досаев' }).click();
      await page.locator(`li.queue-item[data-question-id="${id}"]`).waitFor();
    }
    await approved.locator(`li[data-question-id="${q4}"]`).getByRole('button', { name: 'Queue for Айдар Нұрланұлы' }).click();
    await page.locator(`li.queue-item[data-question-id="${q4}"]`).waitFor();
    expect(queueOrder('Ерболат Досаев')).toEqual([q1, q2, q3]);
    // Each card says what it is planned to take.
    expect(await page.locator(`li.queue-item[data-question-id="${q1}"]`).getByTestId('planned-time').textContent()).toBe(' · ≈ 3:00 planned');
    // Four queued at a planned three minutes each, against the 45-minute show.
    expect(await page.getByTestId('queue-budget').textContent()).toBe('Queued: 4 questions ≈ 12:00 · 33:00 to spare');
    // The queues and the list to queue from sit side by side, not one below the other.
    const board = await page.locator('.queue-board').boundingBox();
    const list = await approved.boundingBox();
    expect(list!.x).toBeGreaterThanOrEqual(board!.x + board!.width);
    expect(list!.y).toBeLessThan(board!.y + board!.height);

    // Reorder by keyboard: Alt+↓ on the focused question.
    await page.locator(`li.queue-item[data-question-id="${q1}"]`).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => queueOrder('Ерболат Досаев')).toEqual([q2, q1, q3]);
    // Focus stays on the moved question, so the producer can keep moving it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-question-id'))).toBe(String(q1));

    // Start the show; one keystroke takes the next question on air.
    await page.getByRole('button', { name: 'Start the show' }).click();
    await page.getByTestId('episode-status').getByText('Live').waitFor();
    await page.getByTestId('clock-elapsed').waitFor();
    await page.locator('body').press('n');
    await page.getByTestId('rundown-on-air').getByText('горячей воды').waitFor();
    // The question on air is the largest text on the page.
    const sizes = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      const onAir = px(document.querySelector('[data-testid="rundown-on-air"]')!);
      const others = [...document.querySelectorAll('.rundown h1, .rundown h2, .rundown p, .rundown li, .rundown button')].filter((el) => !el.closest('[data-testid="rundown-on-air"]'));
      return { onAir, largestOther: Math.max(...others.map(px)) };
    });
    expect(sizes.onAir).toBeGreaterThan(sizes.largestOther);
    await prompter.getByTestId('prompter-current').getByText('Почему нет горячей воды в Жетысу?').waitFor();
    expect(await prompter.getByTestId('prompter-current').locator('.prompter-asker').textContent()).toBe('Болат, Zhetysu');
    await prompter.getByTestId('prompter-next').getByText('Райымбека', { exact: false }).waitFor();

    // N again asks for the outcome of the current question first: answered, with a summary.
    await page.locator('body').press('n');
    const dialog = page.locator('dialog.outcome-dialog');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Answered on air').isChecked()).toBe(true);
    await dialog.getByLabel('Short summary of the answer (optional)').fill('Воду дадут до пятницы');
    await dialog.getByRole('button', { name: 'Add commitment' }).click();
    await dialog.getByLabel('What').fill('Заменить трубу на Абылай хана');
    await dialog.getByLabel('Who').fill('Алматы Су');
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await prompter.getByTestId('prompter-current').getByText('Райымбека', { exact: false }).waitFor();
    await page.locator(`tr[data-question-id="${q2}"][data-outcome="answered"]`).getByText('Воду дадут до пятницы').waitFor();

    // Hand one off to a department.
    await page.locator(`li.queue-item[data-question-id="${q3}"]`).getByRole('button', { name: 'Outcome…' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('Handed off to a department').check();
    await dialog.locator('select').selectOption({ label: 'Department of Mobility' });
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await page.locator(`tr[data-question-id="${q3}"][data-outcome="handed_off"]`).waitFor();

    // End the show: the producer is walked through what is left (on air first, then the queue).
    await page.getByRole('button', { name: 'End the show…' }).click();
    await dialog.getByText('2 questions still need an outcome', { exact: false }).waitFor();
    expect(await dialog.locator('.outcome-question').textContent()).toContain('Райымбека');
    await dialog.getByLabel('Deferred to another episode').check();
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await dialog.getByText('1 question still needs an outcome', { exact: false }).waitFor();
    expect(await dialog.locator('.outcome-question').textContent()).toContain('новый парк');
    await dialog.getByLabel('Dropped').check();
    await dialog.getByLabel('Reason').fill('Не успели по времени');
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await page.getByTestId('episode-status').getByText('Done').waitFor();
    await prompter.getByText('Waiting for the next question…').waitFor();

    // Every question that was queued or on air has an outcome in the database.
    const outcomes = desk.core.db
      .prepare('SELECT question_id AS id, kind, summary, reason FROM outcome WHERE episode_id = ? ORDER BY question_id')
      .all(episode.id);
    expect(outcomes).toEqual([
      { id: q1, kind: 'deferred', summary: '', reason: '' },
      { id: q2, kind: 'answered', summary: 'Воду дадут до пятницы', reason: '' },
      { id: q3, kind: 'handed_off', summary: '', reason: '' },
      { id: q4, kind: 'dropped', summary: '', reason: 'Не успели по времени' },
    ]);
    const commitments = desk.core.db.prepare('SELECT commitments FROM outcome WHERE question_id = ?').get(q2) as any;
    expect(JSON.parse(commitments.commitments)).toEqual([{ what: 'Заменить трубу на Абылай хана', who: 'Алматы Су', due: null }]);
    const handoff = desk.core.db
      .prepare('SELECT d.code, h.due_date AS due FROM handoff h JOIN department d ON d.id = h.department_id WHERE h.question_id = ?')
      .get(q3) as any;
    expect(handoff.code).toBe('mobility');
    // Left at its default, the due date is 15 working days by the desk's holiday calendar.
    expect(handoff.due).toBe(handoffDueDate(desk.core.db, Date.now()));
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM queue_item').get()).toEqual({ n: 0 });
    expect(desk.core.db.prepare('SELECT status FROM episode WHERE id = ?').get(episode.id)).toEqual({ status: 'done' });
    const aired = desk.core.db.prepare('SELECT COUNT(*) AS n FROM air_segment WHERE ended_at IS NULL').get();
    expect(aired).toEqual({ n: 0 });
  });
});

describe('drag and drop in the rundown', () => {
  it('reorders with the mouse and with the drag handle’s keyboard mode (Space, arrows, Space)', async () => {
    const saved = await saveEpisode(desk.producer, {
      title: 'Next week',
      airDate: '2026-05-27',
      speakers: [{ name: 'Аким', portfolio: 'Город' }],
    });
    const ids: number[] = [];
    // Three different questions: near-duplicates would be one item.
    for (const text of ['Когда починят лифты в доме 12', 'Будет ли новая школа в Алатау', 'Почему не вывозят мусор на Сатпаева']) {
      const id = await approvedId('Жанна', text);
      await desk.producer.send('queue.add', { id, version: questionVersion(desk.core, id), speakerId: saved.speakers[0]!.id });
      ids.push(id);
    }
    const [a, b, c] = ids as [number, number, number];
    const page = await desk.openPage('/rundown');
    await page.getByRole('button', { name: /Next week/ }).click();
    await page.locator(`li.queue-item[data-question-id="${c}"]`).waitFor();

    // Mouse: drag the third question's handle onto the first one.
    const handle = page.locator(`li.queue-item[data-question-id="${c}"] .drag-handle`);
    const target = page.locator(`li.queue-item[data-question-id="${a}"]`);
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 5, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => queueOrder('Аким')).toEqual([c, a, b]);
    // The screen shows the new order only when the server's reply arrives; a keyboard drag started
    // before that moves from the old places.
    const shown = (): Promise<number[]> =>
      page.locator('li.queue-item').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-question-id'))));
    await expect.poll(shown).toEqual([c, a, b]);

    // Keyboard on the handle: Space picks up, ↓ moves, Space drops.
    await page.locator(`li.queue-item[data-question-id="${c}"] .drag-handle`).focus();
    // Each key waits for the screen-reader announcement of the previous one, as a listener would.
    const live = page.locator('[id^="DndLiveRegion"]');
    const ref = (id: number): string =>
      (desk.core.db.prepare('SELECT reference FROM question WHERE id = ?').get(id) as { reference: string }).reference;
    await page.keyboard.press('Space');
    await live.getByText(`Question ${ref(c)} is over ${ref(c)}.`).waitFor();
    // dnd-kit starts listening for the next keys from a timer it sets at pick-up, and Chromium runs
    // input before timers: let the page run its pending timers first, or the arrow can be lost.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    await page.keyboard.press('ArrowDown');
    await live.getByText(`Question ${ref(c)} is over ${ref(a)}.`).waitFor();
    await page.keyboard.press('Space');
    await expect.poll(() => queueOrder('Аким')).toEqual([a, c, b]);
  });
});

describe('deferring to another episode', () => {
  it('offers every other episode not yet done, even one with the same planned start, and defers to the chosen one', async () => {
    const speakers = [{ name: 'Сабина Оспанова', portfolio: 'Экология' }];
    const june3 = await saveEpisode(desk.producer, { title: 'Akimat LIVE — June 3', airDate: '2026-06-03', speakers });
    const june10 = await saveEpisode(desk.producer, { title: 'Akimat LIVE — June 10', airDate: '2026-06-10', speakers });
    // Made with the form's defaults: the same date and start as June 10.
    const twin = await saveEpisode(desk.producer, { title: 'Akimat LIVE — June 10, part 2', airDate: '2026-06-10', speakers });
    await saveEpisode(desk.producer, { title: 'Akimat LIVE — June 17', airDate: '2026-06-17', speakers });
    // An ended episode is never offered.
    await desk.producer.send('episode.start', { id: june3.episode.id });
    await desk.producer.send('episode.end', { id: june3.episode.id });
    await saveEpisode(desk.producer, { title: 'Akimat LIVE — June 1', airDate: '2026-06-01', speakers });
    const waiting = await approvedId('Ержан', 'Когда уберут мусор у Сайрана?');
    const id = await approvedId('Лаура', 'Когда высадят деревья на Толе би?');
    await desk.producer.send('queue.add', { id, version: questionVersion(desk.core, id), speakerId: june10.speakers[0]!.id });

    const page = await desk.openPage('/rundown');
    await page.getByRole('button', { name: /Akimat LIVE — June 10 / }).click();
    await page.locator(`li.queue-item[data-question-id="${id}"]`).getByRole('button', { name: 'Outcome…' }).click();
    const dialog = page.locator('dialog.outcome-dialog');
    await dialog.getByLabel('Deferred to another episode').check();
    // "No episode yet", then the episodes from this one's start on, then earlier ones not yet done
    // (episodes made by the tests above are left out of the comparison).
    const target = dialog.getByLabel('Episode it goes to');
    const offered = await target.locator('option').allTextContents();
    expect(offered.filter((o) => o === 'No episode yet' || o.startsWith('Akimat LIVE — June'))).toEqual([
      'No episode yet',
      'Akimat LIVE — June 10, part 2 (10 June 2026, 19:00)',
      'Akimat LIVE — June 17 (17 June 2026, 19:00)',
      'Akimat LIVE — June 1 (1 June 2026, 19:00)',
    ]);
    await target.selectOption({ label: 'Akimat LIVE — June 10, part 2 (10 June 2026, 19:00)' });
    await dialog.getByLabel('Note (optional)').fill('Ждём ответа экологов');
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await page
      .locator(`tr[data-question-id="${id}"][data-outcome="deferred"]`)
      .getByText('Deferred to Akimat LIVE — June 10, part 2 (10 June 2026)')
      .waitFor();
    const outcome = desk.core.db.prepare('SELECT episode_id AS episodeId, deferred_to AS deferredTo, reason FROM outcome WHERE question_id = ?').get(id);
    expect(outcome).toEqual({ episodeId: june10.episode.id, deferredTo: twin.episode.id, reason: 'Ждём ответа экологов' });

    // In the target episode it comes first among the questions to queue, marked with where it came from.
    await page.getByRole('button', { name: /Akimat LIVE — June 10, part 2/ }).click();
    const approved = page.locator('.approved-list li');
    await approved.first().getByText('Deferred from Akimat LIVE — June 10 (10 June 2026)').waitFor();
    expect(await approved.first().getAttribute('data-question-id')).toBe(String(id));
    expect(await approved.locator(`[data-question-id="${waiting}"] .deferred-from`).count()).toBe(0);
    await approved.first().getByRole('button', { name: 'Queue for Сабина Оспанова' }).click();
    await page.locator(`li.queue-item[data-question-id="${id}"]`).waitFor();
    expect(desk.core.db.prepare('SELECT episode_id AS episodeId FROM queue_item WHERE question_id = ?').get(id)).toEqual({
      episodeId: twin.episode.id,
    });
  });
});

describe('who acted from the rundown', () => {
  it('signs the audit trail with the producer’s name, as the console does', async () => {
    const saved = await saveEpisode(desk.producer, {
      title: 'Signed episode',
      airDate: '2026-07-01',
      speakers: [{ name: 'Ерлан Жакупов', portfolio: 'Транспорт' }],
    });
    const id = await approvedId('Нурлан', 'Когда починят светофор на Абая?');
    const page = await desk.openPage('/rundown');
    await page.evaluate(() => window.localStorage.setItem('desk.producerName', 'Айгерим'));
    await page.reload();
    await page.getByRole('button', { name: /Signed episode/ }).click();
    await page
      .locator(`.approved-list li[data-question-id="${id}"]`)
      .getByRole('button', { name: 'Queue for Ерлан Жакупов' })
      .click();
    await page.locator(`li.queue-item[data-question-id="${id}"]`).waitFor();
    await page.getByRole('button', { name: 'Start the show' }).click();
    await page.getByTestId('episode-status').getByText('Live').waitFor();

    const actor = (entity: string, entityId: number, action: string): unknown =>
      desk.core.db
        .prepare('SELECT actor FROM audit WHERE entity = ? AND entity_id = ? AND action = ?')
        .get(entity, entityId, action);
    expect(actor('question', id, 'question.queued')).toEqual({ actor: 'Айгерим' });
    expect(actor('episode', saved.episode.id, 'episode.start')).toEqual({ actor: 'Айгерим' });
  });
});
