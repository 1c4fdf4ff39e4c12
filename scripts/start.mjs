// `npm start`: installs what is missing, builds the UI, then opens the desktop app — or, where the
// Electron runtime cannot start, says so in one line and serves the same app to a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync, copyFileSync, cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { electronBinaryPresent, ensureInstalled, root } from './bootstrap.mjs';
import { buildCoreIfStale, CORE_BUNDLE } from './buildCore.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (cmd, args, opts = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...opts });

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildUiIfStale() {
  const index = join(root, 'dist', 'renderer', 'index.html');
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('[desk] Building the UI…');
  if (run(npx, ['vite', 'build', '--logLevel', 'warn']).status !== 0) process.exit(1);
}

function npmNodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp;
  const prefix = dirname(dirname(process.execPath));
  const lib = process.platform === 'win32' ? dirname(process.execPath) : join(prefix, 'lib');
  return join(lib, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
}

/** better-sqlite3 built for Electron's ABI, kept apart so the Node build used by tests stays. */
function ensureElectronNativeSqlite() {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const target = join(root, '.electron-native', 'better_sqlite3.node');
  const stamp = join(root, '.electron-native', 'electron-version');
  if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) return true;
  console.log(`[desk] Building better-sqlite3 for Electron ${electronVersion}…`);
  const work = join(root, '.electron-native', 'better-sqlite3');
  mkdirSync(work, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  // npm's own node-gyp (the one that built the Node binary); its headers are Electron's here,
  // so npm's `nodedir` setting (which points at Node's headers) must not leak in.
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  const result = run(process.execPath, [
    npmNodeGyp(), 'rebuild', '--release',
    `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers',
  ], { cwd: work, env });
  if (result.status !== 0) return false;
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stamp, electronVersion);
  return true;
}

function buildShell() {
  if (run(npx, ['tsc', '-p', 'tsconfig.electron.json']).status !== 0) return false;
  // The shell compiles to CommonJS (sandboxed preloads must be) inside an ESM package.
  writeFileSync(join(root, 'dist', 'electron', 'package.json'), '{ "type": "commonjs" }\n');
  return true;
}

function whyNoDesktop() {
  if (!electronBinaryPresent()) return 'the Electron runtime is not installed (its download is not reachable from this machine)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display';
  if (!buildShell()) return 'the desktop shell did not compile';
  if (!ensureElectronNativeSqlite()) return 'better-sqlite3 could not be built for Electron';
  return null;
}

/** A core that has not stopped this long after the signal is stopped by force. */
const STOP_GRACE_MS = 15_000;

/**
 * The launcher lives exactly as long as the desk: a signal to it stops the desk (a second one, or
 * the grace running out, by force) and it exits once the desk has, so the port is free when it is gone.
 */
function forward(child) {
  let forced = null;
  const stop = (signal) => {
    if (child.exitCode !== null || child.signalCode !== null) process.exit(0);
    if (forced) {
      child.kill('SIGKILL');
      return;
    }
    child.kill(signal);
    forced = setTimeout(() => {
      console.log('[desk] The desk did not stop in time; stopping it by force.');
      child.kill('SIGKILL');
    }, STOP_GRACE_MS);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
  whenNpmHasGone(() => {
    console.log('[desk] npm has stopped: closing the desk…');
    stop('SIGTERM');
  });
  child.on('exit', (code, signal) => {
    clearTimeout(forced);
    process.exit(code ?? (signal ? 1 : 0));
  });
}

/**
 * Under `npm start` this launcher is the child of a shell (`sh -c`) that npm starts: a SIGTERM or
 * SIGINT sent to npm's own process reaches that shell, which dies without passing it on. Being
 * handed to another parent is then the only sign, so the parent is checked twice a second.
 * (Windows keeps the old parent id; there Ctrl+C reaches every process of the console anyway.)
 */
function whenNpmHasGone(then) {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    then();
  }, 500);
}

function startBrowserMode(extraArgs) {
  // The IPC channel closes when this launcher dies, even by SIGKILL: the core then stops itself
  // instead of holding the port as an orphan.
  const child = spawn(process.execPath, [CORE_BUNDLE, ...extraArgs], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  forward(child);
}

ensureInstalled();
buildUiIfStale();
await buildCoreIfStale();
// `--browser` serves the app to a browser even where the desktop app could start; the rest is the core's.
const args = process.argv.slice(2).filter((arg) => arg !== '--browser');
const reason = process.argv.includes('--browser') ? 'browser mode was asked for (--browser)' : whyNoDesktop();
if (reason) {
  console.log(`[desk] Desktop app unavailable: ${reason}. Starting in browser mode instead.`);
  startBrowserMode(['--open', ...args]);
} else {
  const { default: electronPath } = await import('electron');
  const child = spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => {
    console.log(`[desk] Desktop app could not start (${error.message}). Starting in browser mode instead.`);
    startBrowserMode(['--open', ...args]);
  });
  child.once('spawn', () => forward(child));
}
