import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/core/store/audit';
import { HANDOFF_SHEET_PATH, type HandoffSheetResult } from '../../../shared/protocol';
import { deskHeaders, deviceHeaders, postJson, startTestCore, type TestCore } from '../../helpers/core';
import { handedOffQuestion, type HandedOff } from '../../helpers/handoffs';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
let mobility: number;
let first: HandedOff;
let second: HandedOff;

beforeEach(async () => {
  const clock = Date.UTC(2026, 4, 20, 14, 30); // Wednesday 20 May 2026 in Almaty
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url, 'producer', 'en', 'Данияр');
  const departments = (await producer.send('department.list', {})).items;
  mobility = departments.find((d) => d.code === 'mobility')!.id;
  first = await handedOffQuestion(core, producer, 'Когда починят светофор? Мой телефон +7 701 234 56 78');
  second = await handedOffQuestion(core, producer, '=HYPERLINK("http://evil") когда уберут остановку?');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

async function download(query: string): Promise<{ status: number; type: string | null; name: string | null; body: Buffer }> {
  const response = await fetch(`${core.url}${HANDOFF_SHEET_PATH}?${query}`, { headers: { cookie: deskHeaders(core.url).cookie! } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    name: response.headers.get('content-disposition'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

async function upload(body: Buffer, commit: boolean, departmentId = mobility): Promise<{ status: number; json: any }> {
  return postJson(
    `${core.url}${HANDOFF_SHEET_PATH}`,
    { departmentId, fileName: 'answers.xlsx', contentBase64: body.toString('base64'), commit },
    deskHeaders(core.url),
  );
}

/** What a department does: opens the workbook, types answers into the "Answer" column by reference, saves. */
async function fillXlsx(body: Buffer, answers: Record<string, string>, extraRows: string[][] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row, n) => {
    const reference = String(row.getCell(1).value);
    if (n > 1 && reference in answers) row.getCell(5).value = answers[reference]!;
  });
  for (const row of extraRows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function boardStatus(handoffId: number) {
  return (await producer.send('handoff.board', {})).items.find((h) => h.id === handoffId)!;
}

describe('the department sheet: export', () => {
  it('writes a CSV a spreadsheet opens safely: BOM, CRLF, headers in the chosen language, masked text, no formulas', async () => {
    const file = await download(`department=${mobility}&format=csv&lang=ru`);
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^text\/csv/);
    expect(file.name).toMatch(/handoffs-mobility-2026-05-20-ru\.csv/);
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.body.toString('utf8');
    expect(text).toContain('\r\n');
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Номер', 'Вопрос', 'Срок', 'Статус', 'Ответ']);
    expect(rows).toHaveLength(3);
    const byRef = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byRef.get(first.reference)).toEqual([first.reference, expect.stringContaining('•••'), '2026-06-11', 'Передано', '']);
    expect(byRef.get(first.reference)![1]).not.toContain('234 56 78');
    expect(byRef.get(second.reference)![1]).toMatch(/^'=HYPERLINK/);
  });

  it('writes an XLSX with the open hand-offs only, the answer column empty', async () => {
    await producer.send('handoff.update', { id: first.handoffId, version: 1, answer: 'Починили 1 июня.' });
    const file = await download(`department=${mobility}&format=xlsx&lang=en`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Reference', 'Question', 'Due date', 'Status', 'Answer']);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(second.reference);
    // A string, never a formula, even though the question starts with "=".
    expect(sheet.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it('refuses an unknown department, a bad format and a stranger', async () => {
    expect((await download('department=9999&format=csv')).status).toBe(404);
    expect((await download(`department=${mobility}&format=docx`)).status).toBe(400);
    const stranger = await fetch(`${core.url}${HANDOFF_SHEET_PATH}?department=${mobility}`);
    expect(stranger.status).toBe(403);
    const press = await fetch(`${core.url}${HANDOFF_SHEET_PATH}?department=${mobility}`, {
      headers: deviceHeaders(core.url, 'Press laptop', 'press'),
    });
    expect(press.status).toBe(403);
  });
});

describe('the department sheet: import', () => {
  it('round-trips an XLSX: preview names the rows that change, apply answers them through the lifecycle, audited', async () => {
    const sheet = await download(`department=${mobility}&format=xlsx&lang=kk`);
    const filled = await fillXlsx(sheet.body, { [first.reference]: 'Светофор заменён 25 мая.' });

    const preview = await upload(filled, false);
    expect(preview.status).toBe(200);
    const value = preview.json.value as HandoffSheetResult;
    expect(value).toMatchObject({ applied: false, changes: 1, unchanged: 0, errors: 1 });
    expect(value.rows.find((r) => r.reference === first.reference)).toMatchObject({ outcome: 'answer', answer: 'Светофор заменён 25 мая.' });
    expect(value.rows.find((r) => r.reference === second.reference)).toMatchObject({ outcome: 'error', error: 'emptyAnswer' });
    expect((await boardStatus(first.handoffId)).status).toBe('handed_off'); // a preview changes nothing

    const applied = (await upload(filled, true)).json.value as HandoffSheetResult;
    expect(applied).toMatchObject({ applied: true, changes: 1 });
    expect(await boardStatus(first.handoffId)).toMatchObject({ status: 'answered', answer: 'Светофор заменён 25 мая.' });
    expect((await boardStatus(second.handoffId)).status).toBe('handed_off');
    const audit = listAudit(core.db, 'handoff', first.handoffId).map((a) => a.action);
    expect(audit).toEqual(['handoff.create', 'handoff.update']);
    expect(listAudit(core.db, 'department', mobility).map((a) => a.action)).toEqual(['handoff.sheet_import']);
  });

  it('is idempotent: the same sheet imported twice changes nothing the second time', async () => {
    const sheet = await download(`department=${mobility}&format=xlsx&lang=ru`);
    const filled = await fillXlsx(sheet.body, { [first.reference]: 'Ответ 1', [second.reference]: 'Ответ 2' });
    expect((await upload(filled, true)).json.value).toMatchObject({ changes: 2, errors: 0 });
    const version = (await boardStatus(first.handoffId)).version;
    const again = (await upload(filled, true)).json.value as HandoffSheetResult;
    expect(again).toMatchObject({ applied: true, changes: 0, unchanged: 2, errors: 0 });
    expect((await boardStatus(first.handoffId)).version).toBe(version);
    expect(listAudit(core.db, 'department', mobility)).toHaveLength(1);
  });

  it('round-trips the CSV as Excel saves it back', async () => {
    const sheet = await download(`department=${mobility}&format=csv&lang=en`);
    const rows = parse(sheet.body.toString('utf8'), { bom: true }) as string[][];
    for (const row of rows.slice(1)) if (row[0] === second.reference) row[4] = 'Остановку перенесут,\n"в июне".';
    const back = Buffer.from(stringify(rows, { bom: true, record_delimiter: 'windows' }), 'utf8');
    expect((await upload(back, true)).json.value).toMatchObject({ changes: 1 });
    expect(await boardStatus(second.handoffId)).toMatchObject({ status: 'answered', answer: 'Остановку перенесут,\n"в июне".' });
  });

  it('names each row that cannot be used and why, and applies the rest', async () => {
    const other = await handedOffQuestion(core, producer, 'Когда дадут горячую воду?', 'energy');
    await producer.send('handoff.update', { id: first.handoffId, version: 1, answer: 'Уже ответили по телефону.' });
    const sheet = await download(`department=${mobility}&format=xlsx&lang=en`);
    const filled = await fillXlsx(sheet.body, { [second.reference]: 'Перенесут в июне.' }, [
      [first.reference, '', '', '', 'Другой ответ'],
      ['2026-9999/mobility', '', '', '', 'Ответ'],
      [other.reference, '', '', '', 'Ответ'],
      [second.reference, '', '', '', 'Ещё раз'],
      ['', '', '', '', 'Ответ без номера'],
      [first.reference.replace('mobility', 'x'), '', '', '', 'x'.repeat(10)],
    ]);
    const value = (await upload(filled, false)).json.value as HandoffSheetResult;
    expect(value.rows.map((r) => [r.row, r.outcome, r.error])).toEqual([
      [2, 'answer', null],
      [3, 'error', 'answeredDifferently'],
      [4, 'error', 'unknownReference'],
      [5, 'error', 'otherDepartment'],
      [6, 'error', 'duplicateReference'],
      [7, 'error', 'noReference'],
      [8, 'error', 'unknownReference'],
    ]);
    expect(value.rows[1]!.currentAnswer).toBe('Уже ответили по телефону.');
    const applied = (await upload(filled, true)).json.value as HandoffSheetResult;
    expect(applied).toMatchObject({ changes: 1, errors: 6 });
    expect((await boardStatus(first.handoffId)).answer).toBe('Уже ответили по телефону.');
    expect((await boardStatus(other.handoffId)).status).toBe('handed_off');
  });

  it('refuses a file that is not a hand-off sheet, with a message', async () => {
    const csv = Buffer.from('\uFEFFname,text\r\nАйжан,вопрос\r\n', 'utf8');
    const { status, json } = await upload(csv, false);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'validation', field: 'file', messageKey: 'handoffs.sheet.error.notSheet' });
  });

  it('lets only producers import', async () => {
    const body = { departmentId: mobility, contentBase64: '', commit: true };
    expect((await postJson(`${core.url}${HANDOFF_SHEET_PATH}`, body)).status).toBe(403);
    const press = await postJson(`${core.url}${HANDOFF_SHEET_PATH}`, body, deviceHeaders(core.url, 'Press', 'press'));
    expect(press.status).toBe(403);
  });
});
