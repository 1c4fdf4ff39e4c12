import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskHeaders, postJson, REPO_ROOT, startTestCore, type TestCore } from '../../helpers/core';

let core: TestCore;
const file = (name: string) => readFileSync(join(REPO_ROOT, 'tests/fixtures/csv', name)).toString('base64');
const csv = (body: unknown) => postJson(`${core.url}/api/intake/csv`, body, { 'accept-language': 'ru', ...deskHeaders(core.url) });
const count = () => (core.db.prepare("SELECT COUNT(*) AS n FROM question WHERE channel = 'csv'").get() as any).n;

beforeEach(async () => {
  core = await startTestCore();
});
afterEach(async () => {
  await core.stop();
});

describe('CSV import', () => {
  it('previews with a suggested mapping and per-row errors, storing nothing', async () => {
    const { status, json } = await csv({ fileName: 'call-centre.csv', contentBase64: file('call-centre.csv') });
    expect(status).toBe(200);
    expect(json.value).toMatchObject({ total: 6, valid: 3, delimiter: ';', encoding: 'utf-8' });
    expect(json.value.errors.map((e: any) => [e.line, e.error])).toEqual([
      [4, 'Неизвестный район «Калкаман».'],
      [5, 'Пожалуйста, напишите вопрос.'],
      [6, 'Не удалось прочитать дату «32.13.2026 25:00».'],
    ]);
    expect(count()).toBe(0);
  });

  it('imports the valid rows, and re-importing the same file adds nothing', async () => {
    const first = await csv({ fileName: 'call-centre.csv', contentBase64: file('call-centre.csv'), commit: true });
    expect(first.json.value).toMatchObject({ created: 3, duplicates: 0 });
    const again = await csv({ fileName: 'call-centre.csv', contentBase64: file('call-centre.csv'), commit: true });
    expect(again.json.value).toMatchObject({ created: 0, duplicates: 3 });
    expect(count()).toBe(3);
    const script = core.db.prepare("SELECT original_text FROM question WHERE original_text LIKE '%script%'").get() as any;
    expect(script.original_text).toBe('Когда построят школу в мкр. Шугыла? <script>alert(1)</script>');
  });

  it('follows the producer’s mapping over the suggestion', async () => {
    const cp = file('social-cp1251.csv');
    const result = await csv({ fileName: 's.csv', contentBase64: cp, mapping: { text: 1, district: 2 }, commit: true });
    expect(result.json.value).toMatchObject({ created: 2, encoding: 'windows-1251' });
    const names = core.db.prepare("SELECT sender_name, district FROM question WHERE channel = 'csv' ORDER BY id").all();
    expect(names).toEqual([
      { sender_name: 'Аноним', district: 'bostandyk' },
      { sender_name: 'Аноним', district: 'almaly' },
    ]);
  });

  it('refuses a request without a file or with an empty one', async () => {
    expect((await csv({ fileName: 'x.csv' })).status).toBe(400);
    const empty = await csv({ fileName: 'x.csv', contentBase64: '' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toBe('Файл пуст.');
  });
});
