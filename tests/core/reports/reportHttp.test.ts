import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../electron/core/reports/csvExport';
import { insertDevice } from '../../../electron/core/store/devices';
import type { LinkRole } from '../../../shared/protocol';
import { deskHeaders, startTestCore, type TestCore } from '../../helpers/core';
import { FIXTURE_NOW, seedReportWeek } from '../../helpers/reportFixture';

let core: TestCore;
let lan: TestCore;
beforeAll(async () => {
  core = await startTestCore({ now: () => FIXTURE_NOW });
  seedReportWeek(core.db);
  lan = await startTestCore({ now: () => FIXTURE_NOW });
});
afterAll(async () => {
  await core.stop();
  await lan.stop();
});

const WEEK = 'from=2026-11-23&to=2026-11-29';
/** As the desk's own screen (its cookie) on `core`; as a LAN device with no cookie on `lan`. */
const get = (query: string, base = core.url) =>
  fetch(`${base}/api/reports?${query}`, base === core.url ? { headers: { cookie: deskHeaders(base).cookie! } } : {});
const bytes = async (query: string) => {
  const response = await get(query);
  expect(response.status).toBe(200);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
};

describe('GET /api/reports: bad requests', () => {
  it.each([
    ['to=2026-11-29', 'from'],
    ['from=2026-11-23', 'to'],
    ['from=2026-02-30&to=2026-03-01', 'from'],
    ['from=23.11.2026&to=2026-11-29', 'from'],
    ['from=2026-11-29&to=2026-11-23', 'to'],
    ['from=2024-01-01&to=2026-11-29', 'to'],
    [`${WEEK}&format=docx`, 'format'],
    [`${WEEK}&lang=de`, 'lang'],
    [`${WEEK}&colour=red`, 'colour'],
    [`${WEEK}&episode=1`, 'episode'],
  ])('answers 400 naming the problem for ?%s', async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { ok: boolean; error: { code: string; field: string; message: string } };
    expect(json).toMatchObject({ ok: false, error: { code: 'validation', field } });
    expect(json.error.message.length).toBeGreaterThan(10);
  });

  it('answers 404 for an episode that does not exist', async () => {
    expect((await get('episode=999')).status).toBe(404);
  });

  it('lets a LAN client in only as a paired press or producer device', async () => {
    const token = (role: LinkRole): string => insertDevice(lan.db, `${role} device`, role, Date.now()).token;
    expect((await get(WEEK, lan.url)).status).toBe(403);
    expect((await get(`${WEEK}&token=${token('speaker')}`, lan.url)).status).toBe(403);
    expect((await get(`${WEEK}&token=${token('press')}`, lan.url)).status).toBe(200);
    expect((await get(`${WEEK}&token=${token('producer')}`, lan.url)).status).toBe(200);
  });
});

describe('GET /api/reports: the exports', () => {
  it('lists the episodes a report can be made for, newest first', async () => {
    const json = (await (await fetch(`${core.url}/api/reports/episodes`, { headers: { cookie: deskHeaders(core.url).cookie! } })).json()) as { value: Array<{ id: number; airDate: string }> };
    expect(json.value.map((e) => [e.id, e.airDate])).toEqual([[1, '2026-11-26'], [2, '2026-11-19']]);
    expect((await fetch(`${lan.url}/api/reports/episodes`)).status).toBe(403);
  });

  it('gives the figures as JSON', async () => {
    const json = (await (await get(`${WEEK}&format=json`)).json()) as { value: { totals: { received: number; answered: number } } };
    expect(json.value.totals).toMatchObject({ received: 9, answered: 2 });
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+7 701', '-2', '@SUM(A1)', '\tx', '\rx', 'Алматы'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+7 701",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'Алматы',
    ]);
  });

  it('writes CSV as RFC 4180 in UTF-8 with a BOM, quoting where needed and no live formulas', async () => {
    const { response, body } = await bytes(`${WEEK}&lang=kk&format=csv`);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="akimat-live-2026-11-23_2026-11-29-kk.csv"');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text).toContain('\r\n');
    const rows = parse(body, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    const totals = rows.findIndex((r) => r[0] === 'Қорытынды');
    expect(rows[totals + 1]).toEqual(['Көрсеткіш', 'Саны', 'Алдыңғы кезең', 'Өзгеріс']);
    expect(rows[totals + 2]).toEqual(['Түсті', '9', '3', '6']);
    const answered = rows.filter((r) => r[0] === '2026-0003')[0]!;
    expect(answered[1]).toBe('2026-11-26 19:20');
    // The commitment starts with "=": kept as text, never as a formula.
    expect(answered[8]).toMatch(/^'=HYPERLINK\("http:\/\/evil"\) — Әкімдік$/);
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    // A cell with a newline (two commitments) is quoted and comes back whole.
    const first = rows.filter((r) => r[0] === '2026-0002')[0]!;
    expect(first[8]!.split('\n')).toHaveLength(2);
    expect(text).toContain('"Отремонтировать улицу Төле би');
  });

  it('heads an episode’s CSV with the show it is compared with', async () => {
    const { response, body } = await bytes('episode=1&lang=ru&format=csv');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="akimat-live-episode-1-2026-11-26-ru.csv"');
    const rows = parse(body, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows.slice(1, 3).map((r) => r[0])).toEqual(['Әкімдік LIVE №47 (2026-11-26)', 'В сравнении с выпуском «Әкімдік LIVE №46» (2026-11-19)']);
    const totals = rows.findIndex((r) => r[0] === 'Итоги');
    expect(rows.find((r, i) => i > totals && r[0] === 'Отвечено в эфире')).toEqual(['Отвечено в эфире', '2', '1', '1']);
  });

  it('writes XLSX with a sheet per section, real numbers and dates, frozen headers and widths', async () => {
    const { body } = await bytes(`${WEEK}&lang=ru&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Отчёт',
      'Итоги',
      'Отклонено, по причинам',
      'По каналам',
      'По темам',
      'По районам',
      'По языкам',
      'Отвечено в эфире, по спикерам',
      'Передано, по управлениям',
      'Переданные вопросы ответ в срок',
      'Обещания, данные в эфире',
      'Вопросы, отвеченные в эфире',
      'Переданные вопросы',
    ]);
    // The first sheet says what the file is.
    const about = workbook.worksheets[0]!;
    expect([1, 2, 3].map((n) => about.getRow(n).getCell(1).value)).toEqual([
      'Акимат LIVE: вопросы и ответы',
      '2026-11-23 – 2026-11-29',
      'В сравнении с 2026-11-16 – 2026-11-22',
    ]);
    expect(String(about.getRow(4).getCell(1).value)).toMatch(/^Составлен 2026-12-01 15:00$/);
    for (const sheet of workbook.worksheets.slice(1)) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(8);
    }
    const totals = workbook.getWorksheet('Итоги')!;
    expect(totals.getRow(2).values).toEqual([undefined, 'Поступило', 9, 3, 6]);
    const answered = workbook.getWorksheet('Вопросы, отвеченные в эфире')!;
    const decided = answered.getRow(2).getCell(2).value;
    expect(decided).toBeInstanceOf(Date);
    // Almaty wall-clock time: 14:10 UTC is 19:10 in Almaty.
    expect((decided as Date).toISOString()).toBe('2026-11-26T19:10:00.000Z');
    expect(answered.getRow(2).getCell(8).value).toBe(3);
    const handoffs = workbook.getWorksheet('Переданные вопросы')!;
    expect(handoffs.getRow(2).getCell(5).value).toEqual(new Date('2026-11-30T00:00:00Z'));
  });

  it('writes a PDF whose text has every Kazakh letter and page numbers', async () => {
    const { response, body } = await bytes(`${WEEK}&lang=kk&format=pdf`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(core.dataDir, 'report.pdf');
    writeFileSync(file, body);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Әкімдік LIVE: сұрақтар мен жауаптар');
    expect(text).toContain('Эфирде жауап берілген сұрақтар');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і']) expect(text).toContain(letter);
    const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`${pages} беттің ${page}-беті`);
    // Rendering charts and subsetting the font takes seconds on a loaded machine.
  }, 120_000);
});
