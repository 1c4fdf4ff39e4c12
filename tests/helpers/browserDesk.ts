import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from './browser';
import { startTestCore, type TestCore } from './core';
import { TestWsClient } from './wsClient';

/** One e2e file's desk: a core serving the built UI, Chromium, and a producer's socket for setup. */
export interface BrowserDesk {
  readonly core: TestCore;
  readonly browser: Browser;
  readonly producer: TestWsClient;
  /** Opens a screen in a fresh English browser context, signed in as the desk's own window. */
  openPage(path: string): Promise<Page>;
  /** Stops the core, runs `whileDown`, then starts it again on the same port, data and desk secret, with a new producer socket. */
  restartCore(whileDown: () => Promise<void>): Promise<void>;
}

/** Registers the file's beforeAll/afterAll; read the fields inside tests, once the hooks have run. */
export function useBrowserDesk(): BrowserDesk {
  let core: TestCore | undefined;
  let browser: Browser | undefined;
  let producer: TestWsClient | undefined;

  beforeAll(async () => {
    ensureUiBuilt();
    core = await startTestCore({ staticDir: STATIC_DIR });
    browser = await launchChromium();
    producer = await TestWsClient.connect(core.url, 'producer');
  });
  afterAll(async () => {
    producer?.close();
    await browser?.close();
    await core?.stop();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The desk is not started: use it inside a test.');
    return value;
  };

  return {
    get core() {
      return started(core);
    },
    get browser() {
      return started(browser);
    },
    get producer() {
      return started(producer);
    },
    async openPage(path) {
      const context = await started(browser).newContext({ locale: 'en-US' });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(started(core).loginUrl(path));
      return page;
    },
    async restartCore(whileDown) {
      const { url, dataDir, deskSecret } = started(core);
      started(producer).close();
      await started(core).close();
      await whileDown();
      // As the desktop shell does when it restarts its core: the same run, the same secret, so open windows stay signed in.
      core = await startTestCore({ staticDir: STATIC_DIR, dataDir, deskSecret, port: Number(new URL(url).port) });
      producer = await TestWsClient.connect(core.url, 'producer');
    },
  };
}
