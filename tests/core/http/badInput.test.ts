import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskHeaders, postJson, startTestCore, type TestCore } from '../../helpers/core';

let core: TestCore;
let ui: string;

beforeAll(async () => {
  ui = mkdtempSync(join(tmpdir(), 'desk-ui-'));
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>desk</title>');
  mkdirSync(join(ui, 'assets'));
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
  core = await startTestCore({ staticDir: ui });
});
afterAll(async () => {
  await core.stop();
  rmSync(ui, { recursive: true, force: true });
});

describe('bad input gets a 4xx naming the problem (issue 12)', () => {
  it('answers 404 not_found for a folder of the built UI and for misses, and still serves files', async () => {
    for (const path of ['/assets/', '/assets', '/assets/nope.js', '/assets/app.js/', '/api/nope', '/nope/']) {
      const response = await fetch(`${core.url}${path}`, { headers: { 'accept-language': 'en' } });
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Not found.' } });
    }
    const file = await fetch(`${core.url}/assets/app.js`);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('console.log(1)');
  });

  it('answers 400 for a CSV with an unclosed quote, naming the line where it opened, and imports nothing', async () => {
    const csv = 'id;text\n1;Когда починят дорогу?\n\n2;"Где автобус №32?\n3;Когда уберут снег?\n';
    const { status, json } = await postJson(
      `${core.url}/api/intake/csv`,
      { fileName: 'broken.csv', contentBase64: Buffer.from(csv).toString('base64'), commit: true },
      { 'accept-language': 'ru', ...deskHeaders(core.url) },
    );
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'validation', field: 'file', messageKey: 'intake.csv.errorQuote' });
    expect(json.error.message).toBe('Кавычка, открытая в строке 4, не закрыта: дальше файл прочитать нельзя.');
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM inbound WHERE channel = 'csv'").get()).toEqual({ n: 0 });
  });
});
