import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useBrowserDesk } from '../helpers/browserDesk';
import { handedOffQuestion } from '../helpers/handoffs';

const desk = useBrowserDesk();

describe('the department sheet on the hand-off board', () => {
  it('downloads a department’s sheet, takes it back with an answer, previews it and records it', async () => {
    const h = await handedOffQuestion(desk.core, desk.producer, 'Когда починят светофор на Абая — Сейфуллина?');
    const mobility = (await desk.producer.send('department.list', {})).items.find((d) => d.code === 'mobility')!;
    const page = await desk.openPage('/handoffs');
    await page.waitForFunction(() => document.body.dataset.screen === 'handoffs');
    const row = page.getByTestId(`handoff-${h.reference}`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('handed_off');

    await page.getByTestId('sheet-department').selectOption(String(mobility.id));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.sheet-downloads a[data-format="xlsx"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^handoffs-mobility-\d{4}-\d{2}-\d{2}-en\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe(h.reference);
    sheet.getRow(2).getCell(5).value = 'The lights were replaced on 25 May.';
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.getByTestId('sheet-file').setInputFiles({
      name: 'mobility-answers.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: filled,
    });
    const preview = page.getByTestId('sheet-preview');
    await expect.poll(() => preview.locator('tbody tr[data-outcome="answer"]').count()).toBe(1);
    expect(await preview.locator('tbody tr').first().textContent()).toContain('The lights were replaced on 25 May.');
    expect(await page.getByTestId('sheet-summary').textContent()).toBe('1 to answer, 0 already recorded, 0 with problems');
    // The preview recorded nothing.
    expect(await row.getAttribute('data-status')).toBe('handed_off');

    await page.getByRole('button', { name: 'Record 1 answers' }).click();
    await page.getByTestId('sheet-applied').waitFor();
    await page.locator('label.board-view', { has: page.locator('input[value="answered"]') }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('answered');
    expect(await row.locator('.handoff-answer').textContent()).toBe('The lights were replaced on 25 May.');
    await page.context().close();
  }, 120_000);
});
