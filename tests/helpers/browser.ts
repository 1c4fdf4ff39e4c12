import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from './core';

/** DESK_UI_DIR lets parallel runs each test their own build. */
export const STATIC_DIR = process.env.DESK_UI_DIR ?? join(REPO_ROOT, 'dist', 'renderer');

/** Debian's Chromium; `npx playwright install` cannot download browsers here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureUiBuilt(): void {
  if (existsSync(join(STATIC_DIR, 'index.html'))) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', STATIC_DIR], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
