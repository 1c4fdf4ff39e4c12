import dayjs from 'dayjs';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { DEVICE_COOKIE } from '../../electron/core/http/access';
import { insertDevice } from '../../electron/core/store/devices';
import { describe, expect, it } from 'vitest';
import { weekOf } from '../../shared/protocol';
import { formatCityTime } from '../../shared/time';
import { useBrowserDesk } from '../helpers/browserDesk';
import { FIXTURE_WEEK, seedReportWeek } from '../helpers/reportFixture';

const desk = useBrowserDesk();

describe('the press screen', () => {
  it('shows the week’s figures with charts, switches language and downloads each file', async () => {
    seedReportWeek(desk.core.db);
    // A press officer's laptop: a paired press device, not the desk's own window.
    const { token } = insertDevice(desk.core.db, 'Press laptop', 'press', Date.now());
    const context = await desk.browser.newContext({ locale: 'en-US' });
    await context.addCookies([{ name: DEVICE_COOKIE, value: token, url: desk.core.url }]);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${desk.core.url}/press`);
    await page.waitForFunction(() => document.body.dataset.screen === 'press');
    // It opens on this week in Almaty.
    const thisWeek = weekOf(formatCityTime(Date.now(), 'YYYY-MM-DD'));
    // Dates are written out in the UI language, never as 2026-12-01.
    const long = (date: string) => dayjs(date).locale('en').format('D MMMM YYYY');
    expect(await page.getByTestId('press-week').textContent()).toBe(`${long(thisWeek.from)} – ${long(thisWeek.to)}`);

    await page.getByRole('button', { name: 'Dates', exact: true }).click();
    await page.getByLabel('From').fill(FIXTURE_WEEK.from);
    await page.getByLabel('To').fill(FIXTURE_WEEK.to);
    const received = page.locator('[data-testid="press-totals"] tr[data-total="received"] td');
    // The first report starts the report thread (compiled from TypeScript in tests: a second or more).
    await expect.poll(() => received.allTextContents(), { timeout: 30_000 }).toEqual(['9', '3', '+6']);
    expect(await page.locator('[data-testid="press-totals"] tr[data-total="answered"] td').allTextContents()).toEqual(['2', '1', '+1']);
    // A chart (echarts, SVG) with its numbers beside it.
    const topics = page.getByTestId('press-byTopic');
    await topics.locator('svg').first().waitFor();
    expect(await topics.locator('tr', { hasText: 'Roads' }).locator('td').textContent()).toBe('4');
    expect(await page.getByTestId('press-answered').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('press-answered').textContent()).not.toContain('123 45 67');
    // Names only when asked for, and then the first name alone.
    expect(await page.getByTestId('press-answered').textContent()).not.toContain('Айгерім');
    await page.getByLabel('Include askers’ first names (masked)').check();
    await page.getByTestId('press-answered').getByText('Айгерім', { exact: true }).waitFor();
    expect(await page.getByTestId('press-answered').textContent()).not.toContain('Сейітқызы');
    await page.getByLabel('Include askers’ first names (masked)').uncheck();
    await expect.poll(() => page.getByTestId('press-answered').textContent()).not.toContain('Айгерім');

    await page.locator('.lang-switcher button[data-lang="kk"]').click();
    await page.getByText('Эфирде жауап берілген сұрақтар').waitFor();
    await expect.poll(() => topics.locator('tr', { hasText: 'Жолдар' }).locator('td').textContent()).toBe('4');

    const download = async (format: string) => {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator(`.press-files a[data-format="${format}"]`).click()]);
      expect(file.suggestedFilename()).toBe(`akimat-live-${FIXTURE_WEEK.from}_${FIXTURE_WEEK.to}-kk.${format}`);
      return readFileSync((await file.path())!);
    };
    expect((await download('pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await download('csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Түсті,9,3,6');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Қорытынды')!.getRow(2).values).toEqual([undefined, 'Түсті', 9, 3, 6]);
    await context.close();
  }, 180_000);
});
