// Installs the project's packages when they are missing or stale. Plain Node, no dependencies:
// it runs straight after `git clone`, before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'node_modules', '.desk-install-stamp');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function installStamp() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  return createHash('sha256').update(lock).update(process.version).digest('hex');
}

export function electronBinaryPresent() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  return existsSync(join(root, 'node_modules', 'electron', 'dist', relative));
}

/**
 * The Electron runtime is a separate download from a host outside the npm registry. Packages are
 * installed without it, so a machine that cannot reach that host still gets a working install
 * (browser mode); then the runtime download is tried once on its own.
 */
function tryElectronDownload() {
  if (electronBinaryPresent()) return;
  if (process.env.CI) {
    console.log('[desk] CI: not downloading the Electron runtime (tests never start it).');
    return;
  }
  console.log('[desk] Downloading the Electron runtime…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, ['install.js'], {
    cwd: join(root, 'node_modules', 'electron'),
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status === 0 && electronBinaryPresent()) {
    console.log('[desk] Electron runtime installed.');
    return;
  }
  const reason = (result.stderr || result.error?.message || 'unknown error').split('\n').find((l) => l.trim()) ?? '';
  console.log(`[desk] The Electron runtime could not be downloaded (${reason.trim()}); the desk will run in browser mode.`);
}

export function ensureInstalled() {
  const stamp = installStamp();
  const upToDate = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (upToDate) return;
  console.log('[desk] Installing packages (the first time this builds better-sqlite3, about 2 minutes)…');
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('[desk] npm ci failed; see the output above.');
    process.exit(result.status ?? 1);
  }
  tryElectronDownload();
  writeFileSync(stampFile, stamp);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureInstalled();
