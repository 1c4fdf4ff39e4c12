import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../helpers/browser';
import { postJson, startTestCore, type TestCore } from '../helpers/core';
import { startLiveEpisode } from '../helpers/episodes';
import { ROAD_GROUP } from '../helpers/questions';

let core: TestCore;
let browser: Browser;

beforeAll(async () => {
  ensureUiBuilt();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  core = await startTestCore({ staticDir: STATIC_DIR });
});
afterEach(async () => {
  await core?.stop();
});

/** A producer's console in its own browser context (own storage, own connection). */
async function openConsole(name: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru', viewport: { width: 1400, height: 900 } });
  await context.addInitScript((producer) => {
    window.localStorage.setItem('desk.producerName', producer);
    window.localStorage.setItem('desk.lang', 'ru');
  }, name);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
  await page.goto(core.loginUrl('/console'));
  await page.locator('.connection-online').waitFor();
  return page;
}

async function ask(text: string, name = 'Сұраушы'): Promise<number> {
  const { json } = await postJson(`${core.url}/api/questions`, { name, text });
  const row = core.db.prepare('SELECT id FROM question WHERE reference = ?').get(json.value.reference) as { id: number };
  return row.id;
}

const row = (page: Page, id: number) => page.locator(`li.question[data-question-id="${id}"]`);

describe('two producers on the same question', () => {
  it('shows each what the other is doing; the second save is refused with the reason and the fresh text', async () => {
    const id = await ask('Почему не работает светофор на Абая — Сейфуллина?');
    const aigerim = await openConsole('Айгерим');
    const bekzat = await openConsole('Бекзат');

    await row(aigerim, id).click();
    await row(bekzat, id).getByTestId('presence-badge').getByText('Айгерим смотрит этот вопрос').waitFor();
    await row(bekzat, id).click();
    await bekzat.keyboard.press('e');
    await aigerim.keyboard.press('e');
    await row(bekzat, id).getByText('Айгерим редактирует этот вопрос').waitFor();
    await row(aigerim, id).getByText('Бекзат редактирует этот вопрос').waitFor();
    await bekzat.getByTestId('detail').locator('.presence-warning').getByText('Айгерим редактирует этот вопрос').waitFor();

    // Both started editing version 1; Aigerim saves first.
    await aigerim.getByLabel('Текст для эфира').fill('Когда починят светофор на пересечении Абая и Сейфуллина?');
    await aigerim.getByLabel('Текст для эфира').press('Control+Enter');
    await aigerim.getByTestId('air-text').getByText('Когда починят светофор на пересечении Абая и Сейфуллина?').waitFor();

    await bekzat.getByLabel('Текст для эфира').fill('Светофор на Абая не работает');
    await bekzat.getByLabel('Текст для эфира').press('Control+Enter');
    const notice = bekzat.getByTestId('console-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('Этот вопрос только что изменил другой продюсер. Показана свежая версия.');
    expect(await bekzat.getByTestId('air-text').textContent()).toBe('Когда починят светофор на пересечении Абая и Сейфуллина?');
    // Bekzat's draft is still there to reuse.
    expect(await bekzat.getByLabel('Текст для эфира').inputValue()).toBe('Светофор на Абая не работает');

    const stored = core.db.prepare('SELECT air_text, original_text, version FROM question WHERE id = ?').get(id);
    expect(stored).toEqual({
      air_text: 'Когда починят светофор на пересечении Абая и Сейфуллина?',
      original_text: 'Почему не работает светофор на Абая — Сейфуллина?',
      version: 2,
    });
    const audit = core.db.prepare("SELECT actor, action FROM audit WHERE entity_id = ? AND action = 'question.edit'").all(id);
    expect(audit).toEqual([{ actor: 'Айгерим', action: 'question.edit' }]);
    // The history on screen names who changed what.
    await bekzat.getByTestId('history').getByText('Айгерим', { exact: false }).first().waitFor();
  });
});

describe('search', () => {
  it('finds a Kazakh question whatever the case of its Kazakh letters and highlights the hit as text', async () => {
    const kk = await ask('Әкімдік <b>қашан</b> жауап береді?');
    await ask('Когда отремонтируют дорогу на Абая?');
    const page = await openConsole('Айгерим');
    await row(page, kk).waitFor();
    await page.keyboard.press('/');
    for (const query of ['ӘКІМДІК', 'әкімдік', 'ӘкіМд']) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(query);
      await page.locator('li.question').filter({ hasNotText: 'Әкімдік' }).waitFor({ state: 'detached' });
      await page.locator(`li.question[data-question-id="${kk}"] mark`).waitFor();
      expect(await page.locator('li.question').count()).toBe(1);
      expect(await row(page, kk).locator('mark').first().textContent()).toBe('Әкімдік');
    }
    // The question's own markup is shown as text, never as HTML.
    expect(await row(page, kk).locator('b').count()).toBe(0);
    expect(await row(page, kk).locator('.question-text').textContent()).toBe('Әкімдік <b>қашан</b> жауап береді?');
  });
});

describe('search in Kazakh typed on a Russian keyboard, and by reference number', () => {
  it('finds Шуғыла by «шугыла», Төле by «толе», and a question by its reference with or without the year', async () => {
    const shugyla = await ask('Шуғыла шағын ауданында су қашан болады?');
    const tole = await ask('Төле би көшесінде бағдаршам істемейді');
    const page = await openConsole('Айгерим');
    await row(page, tole).waitFor();
    const search = async (query: string, only: number) => {
      await page.keyboard.press('/');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(query);
      await page.locator(`li.question:not([data-question-id="${only}"])`).first().waitFor({ state: 'detached' });
      await row(page, only).waitFor();
      expect(await page.locator('li.question').count()).toBe(1);
    };
    await search('шугыла', shugyla);
    expect(await row(page, shugyla).locator('mark').first().textContent()).toBe('Шуғыла');
    await search('толе би', tole);
    const reference = (core.db.prepare('SELECT reference FROM question WHERE id = ?').get(tole) as { reference: string }).reference;
    await search(reference, tole);
    await search(`№${reference.slice(5)}`, tole);
  });
});

describe('keyboard only', () => {
  it('moderates 20 questions without touching the mouse', async () => {
    const topics = [
      'светофор', 'автобус 92', 'отопление в школе', 'парк Горького', 'мусор во дворе', 'лифт в доме',
      'поликлиника', 'бродячие собаки', 'арык на Сейфуллина', 'пенсия', 'детский сад', 'метро',
      'смог зимой', 'велодорожки', 'парковка у рынка', 'самокаты на тротуаре', 'снос домов', 'освещение улицы',
      'вода в Алатау', 'трамвай',
    ];
    const ids: number[] = [];
    for (const [i, topic] of topics.entries()) ids.push(await ask(`Вопрос номер ${i + 1}: ${topic}?`));
    const newestFirst = [...ids].reverse();
    const page = await openConsole('Айгерим');
    await row(page, newestFirst[0]!).waitFor();
    const focusedIs = (id: number) => page.locator(`li.question[data-question-id="${id}"][aria-current="true"]`).waitFor();
    const statusIs = (id: number, status: string) =>
      page.locator(`li.question[data-question-id="${id}"][data-status="${status}"]`).waitFor();

    await page.keyboard.press('j');
    await focusedIs(newestFirst[0]!);
    // 1–8: approve; each approval moves on to the next question.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('a');
      await statusIs(newestFirst[i]!, 'approved');
      await focusedIs(newestFirst[i + 1]!);
    }
    // 9–12: reject as spam (r, then 1).
    for (let i = 8; i < 12; i++) {
      await page.keyboard.press('r');
      await page.getByTestId('reject-chooser').waitFor();
      await page.keyboard.press('1');
      await statusIs(newestFirst[i]!, 'rejected');
    }
    // 13: edit the wording, then approve.
    await focusedIs(newestFirst[12]!);
    await page.keyboard.press('e');
    await page.keyboard.press('End');
    await page.keyboard.type(' Просим ответить.');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('air-text').getByText('Просим ответить.', { exact: false }).waitFor();
    await page.keyboard.press('a');
    await statusIs(newestFirst[12]!, 'approved');
    // 14: approve by mistake, undo, then reject as off topic (r, 3).
    await page.keyboard.press('a');
    await statusIs(newestFirst[13]!, 'approved');
    await page.keyboard.press('u');
    await statusIs(newestFirst[13]!, 'new');
    await page.keyboard.press('k');
    await focusedIs(newestFirst[13]!);
    await page.keyboard.press('r');
    await page.keyboard.press('3');
    await statusIs(newestFirst[13]!, 'rejected');
    // 15–16 are duplicates of 17: select both, go to 17, merge, approve 17.
    await focusedIs(newestFirst[14]!);
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByTestId('selection-bar').getByText('Выбрано: 2').waitFor();
    await page.keyboard.press('j');
    await focusedIs(newestFirst[16]!);
    await page.keyboard.press('m');
    await statusIs(newestFirst[14]!, 'merged');
    await row(page, newestFirst[16]!).getByTestId('group-size').getByText('Спросили 3 человека').waitFor();
    await page.keyboard.press('a');
    await statusIs(newestFirst[16]!, 'approved');
    // 18–20: the help overlay lists every shortcut; Escape closes it; approve the rest.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Клавиши' });
    await help.waitFor();
    expect(await help.locator('tr').count()).toBe(15);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    for (let i = 17; i < 20; i++) {
      await focusedIs(newestFirst[i]!);
      await page.keyboard.press('a');
      await statusIs(newestFirst[i]!, 'approved');
    }

    const statuses = Object.fromEntries(
      (core.db.prepare('SELECT id, status FROM question').all() as Array<{ id: number; status: string }>).map((r) => [r.id, r.status]),
    );
    const expected = newestFirst.map((_, i) =>
      i < 8 || i === 12 || i === 16 || i >= 17 ? 'approved' : i < 12 || i === 13 ? 'rejected' : 'merged',
    );
    expect(newestFirst.map((id) => statuses[id])).toEqual(expected);
    const reasons = core.db.prepare("SELECT reject_reason AS r FROM question WHERE status = 'rejected' ORDER BY id DESC").pluck().all();
    expect(reasons).toEqual(['spam', 'spam', 'spam', 'spam', 'off_topic']);
    const edited = core.db.prepare('SELECT air_text, original_text FROM question WHERE id = ?').get(newestFirst[12]!) as { air_text: string; original_text: string };
    expect(edited.air_text).toBe(`${edited.original_text} Просим ответить.`);
  });
});

describe('suggestions, flags, saved views and rules', () => {
  it('confirms suggestions only when asked, shows flags, saves a view and edits a rule', async () => {
    const heating = await ask('В Медеуском районе в школе нет отопления');
    const withPhone = await ask('Когда откроют бассейн? Мой номер +7 701 555 12 34');
    const page = await openConsole('Айгерим');
    await row(page, withPhone).locator('.flag[data-flag="phone"]').getByText('Телефон').waitFor();

    // Suggested, not applied, until the producer presses s.
    const stored = () => core.db.prepare('SELECT topic, district, speaker, suggestions FROM question WHERE id = ?').get(heating) as any;
    const suggested = JSON.parse(stored().suggestions);
    expect(suggested.district).toBe('medeu');
    expect(stored()).toMatchObject({ topic: null, district: null, speaker: null });
    await row(page, heating).click();
    await page.getByTestId('suggestions').getByText('Район: Медеуский', { exact: false }).waitFor();
    await page.keyboard.press('s');
    await page.getByTestId('suggestions').getByText('Предложений нет.').waitFor();
    expect(stored()).toMatchObject({ topic: suggested.topic, district: 'medeu', speaker: suggested.speaker });

    // A saved view brings its filter back.
    // The rarer filters fold out; a long list is searched by typing.
    await page.getByRole('button', { name: 'Ещё фильтры' }).click();
    const district = page.locator('.filter-panel').getByLabel('Район', { exact: true });
    await district.click();
    await district.fill('Медеу');
    await page.getByRole('listbox', { name: 'Район' }).getByRole('option', { name: 'Медеуский' }).click();
    await page.getByRole('button', { name: 'Убрать фильтр: Район — Медеуский' }).waitFor();
    await row(page, withPhone).waitFor({ state: 'detached' });
    await page.getByLabel('Название вида').fill('Медеу');
    await page.getByRole('button', { name: 'Сохранить вид' }).click();
    await page.getByLabel('Сохранённые виды').locator('option', { hasText: 'Медеу' }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await row(page, withPhone).waitFor();
    await page.getByLabel('Сохранённые виды').selectOption({ label: 'Медеу' });
    await row(page, withPhone).waitFor({ state: 'detached' });
    await row(page, heating).waitFor();

    // A new rule applies to the next question.
    await page.getByRole('button', { name: 'Правила подсказок' }).click();
    const dialog = page.getByRole('dialog', { name: 'Правила подсказок' });
    await dialog.getByRole('button', { name: 'Добавить правило' }).click();
    await dialog.getByLabel('Значение').last().fill('zoo');
    await dialog.getByLabel('Ключевые слова').last().fill('зоопарк, хайуанаттар');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByText('Правила сохранены', { exact: false }).waitFor();
    const zoo = await ask('Қашан хайуанаттар бағы ашылады?');
    const row_ = core.db.prepare('SELECT suggestions FROM question WHERE id = ?').get(zoo) as { suggestions: string };
    expect(JSON.parse(row_.suggestions).topic).toBe('zoo');
  });
});

describe('bulk actions by mouse', () => {
  it('tags a selection at once and approves it', async () => {
    const a = await ask('Когда уберут сугробы во дворе?');
    const b = await ask('Почему не чистят снег на остановке?');
    const page = await openConsole('Айгерим');
    await row(page, a).getByRole('checkbox').check();
    await row(page, b).getByRole('checkbox').check();
    const bar = page.getByTestId('selection-bar');
    await bar.getByText('Выбрано: 2').waitFor();
    await bar.getByLabel('Задать район').selectOption('auezov');
    await bar.waitFor({ state: 'detached' });
    expect(core.db.prepare('SELECT district FROM question WHERE id IN (?, ?)').pluck().all(a, b)).toEqual(['auezov', 'auezov']);
    await row(page, a).getByRole('checkbox').check();
    await row(page, b).getByRole('checkbox').check();
    await bar.getByRole('button', { name: 'Одобрить выбранные' }).click();
    await row(page, a).and(page.locator('[data-status="approved"]')).waitFor();
    await row(page, b).and(page.locator('[data-status="approved"]')).waitFor();
    expect(core.db.prepare('SELECT status FROM question WHERE id IN (?, ?)').pluck().all(a, b)).toEqual(['approved', 'approved']);

    // What is on air stays in view whatever the inbox is filtered to.
    await startLiveEpisode(core.url);
    await row(page, a).getByRole('button', { name: 'В эфир' }).click();
    await page.getByTestId('console-on-air').getByText('Когда уберут сугробы во дворе?').waitFor();
    // Review is the console's to-do list: an approved question leaves it when the list is reloaded.
    await page.getByRole('tab', { name: 'На проверке' }).click();
    await row(page, a).waitFor({ state: 'detached' });
    expect(await page.getByTestId('console-on-air').textContent()).toBe('Когда уберут сугробы во дворе?');
  });
});

describe('the history of a question', () => {
  it('names actions, fields, statuses and reject reasons in the producer’s language, never the raw keys', async () => {
    const id = await ask('Когда откроют новую школу в Алатау?');
    const { reference } = core.db.prepare('SELECT reference FROM question WHERE id = ?').get(id) as { reference: string };
    const page = await openConsole('Айгерим');
    await row(page, id).click();
    await page.keyboard.press('e');
    await page.getByLabel('Текст для эфира').fill('Когда откроют школу в Алатауском районе?');
    await page.getByLabel('Текст для эфира').press('Control+Enter');
    await page.getByTestId('air-text').getByText('Когда откроют школу в Алатауском районе?').waitFor();
    // r, then 2: rejected as abuse.
    await page.keyboard.press('r');
    await page.getByTestId('reject-chooser').waitFor();
    await page.keyboard.press('2');
    await page.locator(`li.question[data-question-id="${id}"][data-status="rejected"]`).waitFor();
    expect(core.db.prepare('SELECT reject_reason AS reason FROM question WHERE id = ?').get(id)).toEqual({ reason: 'abuse' });

    await row(page, id).click();
    const detail = page.getByTestId('detail');
    expect(await detail.locator('h2').textContent()).toBe(`${reference} · Отклонён (Оскорбление)`);
    const history = page.getByTestId('history').locator('ol > li');
    await expect.poll(() => history.count()).toBe(2);
    const [edited, rejected] = await history.allInnerTexts();
    expect(edited).toContain('Айгерим');
    expect(edited).toContain('изменил текст');
    expect(edited).toContain('Текст для эфира');
    expect(edited).toContain('Когда откроют новую школу в Алатау? → Когда откроют школу в Алатауском районе?');
    expect(rejected).toContain('отклонил');
    expect(rejected).toContain('Статус');
    expect(rejected).toContain('Новый → Отклонён');
    expect(rejected).toContain('Причина отклонения');
    expect(rejected).toContain('— → Оскорбление');
    const shown = await detail.innerText();
    for (const raw of ['abuse', 'rejectReason', 'airText', 'status', 'question.', 'new →', 'rejected']) {
      expect(shown).not.toContain(raw);
    }
  });
});

describe('sorting the inbox', () => {
  const ROAD = ROAD_GROUP.slice(0, 3);
  const listedIds = async (page: Page): Promise<number[]> =>
    (await page.locator('li.question').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-question-id')))));
  const sortBy = async (page: Page, label: string): Promise<void> => {
    await page.getByRole('combobox', { name: 'Порядок' }).click();
    await page.getByRole('option', { name: label }).click();
  };

  it('sorts by newest, oldest or group size, keeps the group one row, and places live arrivals by the order', async () => {
    const first = await ask('Будет ли новая школа в микрорайоне Алатау в следующем году?');
    const group: number[] = [];
    for (const text of ROAD) group.push(await ask(text));
    const last = await ask('Почему в Наурызбайском районе вечером нет автобусов номер 99?');
    const page = await openConsole('Айгерим');
    await row(page, first).waitFor();
    expect(await listedIds(page)).toEqual([last, group[0], first]);

    await sortBy(page, 'Сначала старые');
    await expect.poll(() => listedIds(page)).toEqual([first, group[0], last]);
    const late = await ask('Когда откроют новый каток в парке Первого Президента?');
    await row(page, late).waitFor();
    expect(await listedIds(page)).toEqual([first, group[0], last, late]);

    await sortBy(page, 'Сначала самые частые');
    await expect.poll(() => listedIds(page)).toEqual([group[0], late, last, first]);
    await page.getByTestId('sort-hint').getByText('Показаны только первые 500', { exact: false }).waitFor();
    expect(await row(page, group[0]!).getByTestId('group-size').textContent()).toMatch(/\b3\b/);

    // Another tab keeps the order.
    await page.getByRole('tab', { name: 'Отклонённые' }).click();
    await page.getByRole('tab', { name: 'На проверке' }).click();
    await expect.poll(() => listedIds(page)).toEqual([group[0], late, last, first]);

    await sortBy(page, 'Сначала новые');
    await expect.poll(() => listedIds(page)).toEqual([late, last, group[0], first]);
    const newest = await ask('Где получить справку о составе семьи в выходные дни?');
    await expect.poll(() => listedIds(page)).toEqual([newest, late, last, group[0], first]);
  });
});
