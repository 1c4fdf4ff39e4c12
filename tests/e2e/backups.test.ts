import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../helpers/browser';
import { postJson, startTestCore, type TestCore } from '../helpers/core';

let core: TestCore;
let browser: Browser;
let restarted: Promise<void>;

/** As `serve` does: the restore's restart stops the core and starts it on the same port, data and secret. */
async function start(port = 0, deskSecret?: string, dataDir?: string): Promise<TestCore> {
  let done: () => void = () => {};
  restarted = new Promise((resolve) => (done = resolve));
  const started: TestCore = await startTestCore({
    staticDir: STATIC_DIR,
    port,
    ...(deskSecret ? { deskSecret } : {}),
    ...(dataDir ? { dataDir } : {}),
    restart: () => {
      void (async () => {
        await started.close();
        core = await start(Number(new URL(started.url).port), started.deskSecret, started.dataDir);
        done();
      })();
    },
  });
  return started;
}

beforeAll(async () => {
  ensureUiBuilt();
  core = await start();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await core?.stop();
});

const texts = (c: TestCore): string[] =>
  (c.db.prepare('SELECT original_text AS t FROM question ORDER BY id').all() as Array<{ t: string }>).map((r) => r.t);

describe('the backups panel', () => {
  it('backs up now, and restores a backup only after a confirm, the console reconnecting on it', async () => {
    await postJson(`${core.url}/api/questions`, { name: 'Асель', text: 'До копии: ремонт дороги на Абая' });
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(core.loginUrl('/console'));
    await page.getByRole('button', { name: 'Backups' }).click();
    const panel = page.getByRole('dialog', { name: 'Backups' });
    await panel.getByText('No backups yet.').waitFor();
    await panel.getByRole('button', { name: 'Back up now' }).click();
    await panel.getByText('Backup made.').waitFor();
    const row = panel.getByTestId('backups-table').locator('tbody tr');
    expect(await row.count()).toBe(1);
    await row.getByText('By hand').waitFor();

    await postJson(`${core.url}/api/questions`, { name: 'Болат', text: 'После копии: автобус 32' });
    await row.getByRole('button', { name: 'Restore…' }).click();
    const confirm = panel.getByRole('alertdialog');
    await confirm.getByText('The desk restarts on it', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(texts(core)).toHaveLength(2);

    await row.getByRole('button', { name: 'Restore…' }).click();
    // Taken before the click: the restart makes a new `restarted` for the next one, often before this line resumes.
    const thisRestart = restarted;
    await panel.getByRole('button', { name: 'Restore and restart' }).click();
    await thisRestart;
    expect(texts(core)).toEqual(['До копии: ремонт дороги на Абая']);
    // The same page, reconnected to the restarted desk: the list now has the copy of the replaced database.
    await panel.getByText('Before a restore').waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('shows a banner on producer screens while the disk is full, gone once writes succeed', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(core.loginUrl('/rundown'));
    await page.getByRole('button', { name: 'Backups' }).waitFor();
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    for (let i = 0; i < 50 && core.storage.current().state === 'ok'; i++) {
      await postJson(`${core.url}/api/questions`, { name: 'Асель', text: `Вопрос ${i} про свет во дворе `.repeat(20) });
    }
    await page.getByTestId('storage-banner').getByText('The disk is full', { exact: false }).waitFor();
    core.db.pragma('max_page_count = 1073741823');
    expect(core.storage.probe()).toBe(true);
    await page.getByTestId('storage-banner').waitFor({ state: 'detached' });
    await context.close();
  });
});
