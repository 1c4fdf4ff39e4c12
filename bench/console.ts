/**
 * Benchmark (not a test): the producer console in Chromium over 100,000 questions.
 *
 *   node --import tsx bench/console.ts [--rows 100000] [--pages 100] [--out bench/results/console.json]
 *
 * Measures the time until the first question is on screen and the first keystroke is answered,
 * against loading the public form (same bundle, no data) in the same run; then scrolls through
 * `--pages` pages of the inbox and counts long tasks (> 50 ms, PerformanceObserver) and the rows
 * present in the DOM, which the virtual list keeps small. Target (shared/design.md): interactive
 * ≤ 1.5 s, scrolling without long tasks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../electron/core/createCore';
import { openDatabase } from '../electron/core/store/db';
import { ensureUiBuilt, launchChromium, STATIC_DIR } from '../tests/helpers/browser';
import { generateQuestions } from './questionData';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    pages: { type: 'string', default: '100' },
    out: { type: 'string', default: 'bench/results/console.json' },
  },
});
const ROWS = Number(args.rows);
const PAGES = Number(args.pages);

declare global {
  interface Window {
    longTasks: number[];
  }
}

async function main(): Promise<void> {
  ensureUiBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-console-'));
  const db = openDatabase(join(dataDir, 'desk.sqlite'));
  const generateMs = generateQuestions(db, ROWS);
  db.close();
  console.log(`generated ${ROWS.toLocaleString('en')} questions in ${(generateMs / 1000).toFixed(1)} s`);
  const core = await createCore({ dataDir, host: '127.0.0.1', port: 0, staticDir: STATIC_DIR, log: () => {} });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'ru' });
    await context.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();

    // The baseline is the public form (same bundle, no data), loaded warm like the console.
    await page.goto(`${core.url}/ask`);
    await page.locator('form').waitFor();
    let t0 = performance.now();
    await page.goto(`${core.url}/ask`);
    await page.locator('form').waitFor();
    const baselineMs = performance.now() - t0;

    t0 = performance.now();
    await page.goto(`${core.url}/console`);
    await page.locator('li.question').first().waitFor();
    const firstRowMs = performance.now() - t0;
    await page.keyboard.press('j');
    await page.locator('li.question[aria-current="true"]').waitFor();
    const interactiveMs = performance.now() - t0;
    const longTasksAtLoad = await page.evaluate(() => window.longTasks.length);

    // Scroll to the bottom again and again: each time the next page is fetched and appended.
    const scroll = page.getByTestId('inbox-scroll');
    t0 = performance.now();
    let loaded = 0;
    for (let i = 0; i < PAGES; i++) {
      await scroll.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      const want = Math.min(ROWS, (i + 2) * 100);
      await page.waitForFunction(
        (min) => Number(document.querySelector('.inbox h2 small')?.textContent?.replace(/\D/g, '') ?? 0) >= min,
        want,
        { polling: 'raf' },
      );
      loaded = want;
    }
    const scrollMs = performance.now() - t0;
    // Keyboard travel through the loaded list.
    t0 = performance.now();
    for (let i = 0; i < 200; i++) await page.keyboard.press('j');
    await page.locator('li.question[aria-current="true"]').waitFor();
    const keyboardMs = performance.now() - t0;
    const domRows = await page.locator('li.question').count();
    const longTasks = await page.evaluate(() => window.longTasks);
    const scrollingLongTasks = longTasks.slice(longTasksAtLoad);

    const results = {
      bench: 'console',
      rows: ROWS,
      generateMs,
      baselineFormLoadMs: baselineMs,
      firstRowMs,
      interactiveMs,
      interactiveRatio: interactiveMs / baselineMs,
      pagesScrolled: PAGES,
      questionsLoaded: loaded,
      scrollMsPerPage: scrollMs / PAGES,
      keyboardMsPerStep: keyboardMs / 200,
      rowsInDom: domRows,
      longTasksDuringLoad: longTasksAtLoad,
      longTasksWhileScrolling: scrollingLongTasks.length,
      longestTaskWhileScrollingMs: Math.max(0, ...scrollingLongTasks),
    };
    console.table({
      'public form load (baseline)': `${baselineMs.toFixed(0)} ms`,
      'console: first question on screen': `${firstRowMs.toFixed(0)} ms`,
      'console: interactive (first keystroke answered)': `${interactiveMs.toFixed(0)} ms (${results.interactiveRatio.toFixed(1)}× baseline)`,
      'scroll: per page of 100 (fetch + render)': `${results.scrollMsPerPage.toFixed(1)} ms`,
      'keyboard: per j step': `${results.keyboardMsPerStep.toFixed(1)} ms`,
      'questions loaded after scrolling': loaded,
      'rows in the DOM': domRows,
      'long tasks while scrolling': `${scrollingLongTasks.length} (longest ${results.longestTaskWhileScrollingMs.toFixed(0)} ms)`,
    });
    console.log(`interactive ${interactiveMs.toFixed(0)} ms — target ≤ 1500 ms`);
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`results written to ${args.out}`);
  } finally {
    await browser.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
