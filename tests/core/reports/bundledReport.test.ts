import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/createCore';
import { DESK_COOKIE } from '../../../electron/core/http/access';
import { openDatabase } from '../../../electron/core/store/db';
import { REPO_ROOT } from '../../helpers/core';
import { FIXTURE_WEEK, seedReportWeek } from '../../helpers/reportFixture';
// @ts-expect-error: a plain ES module script without type declarations
import { buildCoreIfStale, CORE_BUNDLE } from '../../../scripts/buildCore.mjs';

const SECRET = 'bundled-report-test-secret';
let dataDir: string;
let core: ChildProcess;
let url: string;

/** The core as `npm run serve` and the desktop app start it: the esbuild bundle, plain Node. */
beforeAll(async () => {
  await (buildCoreIfStale as () => Promise<void>)();
  dataDir = mkdtempSync(join(tmpdir(), 'desk-bundled-report-'));
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  seedReportWeek(db);
  db.close();
  core = spawn(process.execPath, [CORE_BUNDLE as string, '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, DESK_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    core.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Producer console: +(http:\/\/[^/\s]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    core.once('exit', (code) => reject(new Error(`the bundled core exited (${code}) before listening`)));
  });
}, 120_000);
afterAll(async () => {
  if (core.exitCode === null) {
    const exited = new Promise((resolve) => core.once('exit', resolve));
    core.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (query: string) => fetch(`${url}/api/reports?${query}`, { headers: { cookie: `${DESK_COOKIE}=${SECRET}` } });

describe('the bundled core', () => {
  it('makes reports on its report thread, started from dist/core/reportWorker.mjs', async () => {
    expect(existsSync(join(REPO_ROOT, 'dist', 'core', 'reportWorker.mjs'))).toBe(true);
    const week = `from=${FIXTURE_WEEK.from}&to=${FIXTURE_WEEK.to}&lang=kk`;
    const json = (await (await get(`${week}&format=json`)).json()) as { ok: boolean; value: { totals: { received: number; answered: number } } };
    expect(json.ok).toBe(true);
    expect(json.value.totals).toMatchObject({ received: 9, answered: 2 });
    const pdf = await get(`${week}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('episode=999&format=json')).status).toBe(404);
  }, 60_000);
});
