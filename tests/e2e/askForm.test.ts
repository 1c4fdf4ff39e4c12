import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEpisode } from '../../electron/core/store/episodes';
import { formatCityTime } from '../../shared/time';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../helpers/browser';
import { startTestCore, type TestCore } from '../helpers/core';

let core: TestCore;
let browser: Browser;

beforeAll(async () => {
  ensureUiBuilt();
  core = await startTestCore({ staticDir: STATIC_DIR });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

const SIZES = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];

async function openPage(path: string, lang: string, viewport = SIZES[0]!): Promise<Page> {
  const context = await browser.newContext({ locale: lang, viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(core.loginUrl(path));
  return page;
}

/** The gap between a field's label (holding the field) and its error: "next to it" means a few pixels, below it. */
async function gapBelow(page: Page, fieldName: string, errorTestId: string): Promise<number> {
  const field = await page.locator('label', { has: page.locator(`[name="${fieldName}"]`) }).boundingBox();
  const error = await page.getByTestId(errorTestId).boundingBox();
  if (!field || !error) throw new Error(`${fieldName} or ${errorTestId} is not on screen`);
  return error.y - (field.y + field.height);
}

const countQuestions = (): number => (core.db.prepare('SELECT COUNT(*) AS n FROM question').get() as { n: number }).n;

describe('the public form', () => {
  it('names the city akimat by default, in the chosen language, and says no air date when none is planned', async () => {
    const page = await openPage('/ask', 'kk');
    expect(await page.getByTestId('ask-akimat').textContent()).toBe('Алматы қаласының әкімдігі');
    await page.getByTestId('ask-next-air').getByText(/Келесі эфирдің күні/).waitFor();
    expect(await page.getByTestId('ask-privacy').count()).toBe(0);
    await page.locator('.lang-switcher button[data-lang="ru"]').click();
    expect(await page.getByTestId('ask-akimat').textContent()).toBe('Акимат города Алматы');
    await page.context().close();
  });

  for (const size of SIZES) {
    it(`shows every error at once beside its field, in Russian, at ${size.width}×${size.height}`, async () => {
      const before = countQuestions();
      const page = await openPage('/ask', 'ru', size);
      await page.getByLabel('Телефон (необязательно)').fill('+7 701 123 45 67');
      await page.getByRole('button', { name: 'Отправить вопрос' }).click();

      expect(await page.getByTestId('ask-error-name').textContent()).toBe('Пожалуйста, укажите имя.');
      expect(await page.getByTestId('ask-error-text').textContent()).toBe('Пожалуйста, напишите вопрос.');
      expect(await page.getByTestId('ask-error-consent').textContent()).toBe('Отметьте согласие, чтобы оставить телефон, или оставьте поле пустым.');
      for (const field of ['name', 'text', 'consent']) {
        const input = page.locator(`[name="${field}"]`);
        expect(await input.getAttribute('aria-invalid'), field).toBe('true');
        expect(await input.getAttribute('aria-describedby'), field).toContain(`ask-error-${field}`);
        const gap = await gapBelow(page, field, `ask-error-${field}`);
        expect(gap, field).toBeGreaterThanOrEqual(-2);
        expect(gap, field).toBeLessThan(16);
      }
      expect(await page.locator('[name="phone"]').getAttribute('aria-invalid')).toBe('false');
      // Keyboard users land on the first field with a problem.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
      await page.screenshot({ path: `test-results/ask-errors-ru-${size.width}x${size.height}.png`, fullPage: true });

      // Fixing one field clears only its error on the next try.
      await page.getByLabel('Ваше имя').fill('Айгерим');
      await page.getByRole('button', { name: 'Отправить вопрос' }).click();
      await page.getByTestId('ask-error-name').waitFor({ state: 'detached' });
      expect(await page.getByTestId('ask-error-text').isVisible()).toBe(true);
      expect(await page.getByTestId('ask-error-consent').isVisible()).toBe(true);
      expect(countQuestions()).toBe(before);
      await page.context().close();
    });
  }

  it('counts characters, warns past 500 without blocking, and sends a long question', async () => {
    const page = await openPage('/ask', 'ru');
    const counter = page.getByTestId('ask-length');
    const text = page.getByLabel('Ваш вопрос');
    await page.getByLabel('Ваше имя').fill('Данияр');
    await text.fill('а'.repeat(500));
    expect(await counter.getAttribute('data-state')).toBe('ok');
    expect(await counter.textContent()).toBe('Символов: 500 из рекомендуемых 500');
    await text.fill('Когда отремонтируют дорогу? '.repeat(22));
    expect(await counter.getAttribute('data-state')).toBe('long');
    expect(await counter.textContent()).toMatch(/^Символов: 616\. Длинный вопрос трудно зачитать в эфире/);
    expect(await text.getAttribute('aria-describedby')).toContain('ask-length');
    expect(await text.getAttribute('aria-invalid')).toBe('false');
    await page.screenshot({ path: 'test-results/ask-long-ru-390x844.png', fullPage: true });
    await page.getByRole('button', { name: 'Отправить вопрос' }).click();
    const reference = (await page.getByTestId('ask-reference').textContent()) ?? '';
    const stored = core.db.prepare('SELECT length(original_text) AS n FROM question WHERE reference = ?').get(reference.replace(/^.*: /, ''));
    expect(stored).toEqual({ n: 615 });
    await page.context().close();
  });

  it('shows the akimat name and privacy link a producer set on /intake, and when the show next airs', async () => {
    const start = Date.now() + 3 * 24 * 3_600_000;
    insertEpisode(core.db, { title: 'Akimat LIVE', airDate: '2026-12-05', startTime: '19:00', plannedStart: start, durationMin: 60, rehearsal: false }, Date.now());

    const intake = await openPage('/intake', 'ru', SIZES[1]);
    await intake.getByRole('tab', { name: 'Настройки' }).click();
    const settings = intake.getByTestId('public-form-settings');
    await settings.getByLabel('Название акимата на форме').fill('Акимат Медеуского района');
    await settings.getByLabel('Ссылка на политику конфиденциальности').fill('https://medeu.example.kz/privacy');
    await intake.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await intake.locator('.intake-settings').getByRole('status').waitFor();
    await intake.screenshot({ path: 'test-results/intake-public-form-settings-1440x900.png', fullPage: true });
    await intake.context().close();

    for (const size of SIZES) {
      const page = await openPage('/ask', 'ru', size);
      await page.getByTestId('ask-akimat').getByText('Акимат Медеуского района').waitFor();
      const link = page.getByTestId('ask-privacy');
      expect(await link.textContent()).toBe('Политика конфиденциальности');
      expect(await link.getAttribute('href')).toBe('https://medeu.example.kz/privacy');
      expect(await link.getAttribute('rel')).toContain('noopener');
      const next = (await page.getByTestId('ask-next-air').textContent()) ?? '';
      expect(next).toContain('Ближайший эфир:');
      expect(next).toContain(formatCityTime(start));
      expect(next).toContain('(время Алматы)');
      expect(await page.getByTestId('ask-when').textContent()).toContain('номер обращения');
      expect(await page.getByTestId('ask-lookup').isVisible()).toBe(true);
      await page.screenshot({ path: `test-results/ask-configured-ru-${size.width}x${size.height}.png`, fullPage: true });
      await page.context().close();
    }
  });
});
