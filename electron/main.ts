import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, safeStorage, screen, session, shell, utilityProcess, type UtilityProcess } from 'electron';
import { createI18n, pickLanguage } from '../shared/i18n';
import { coreArgs, parseDesktopSettings, updateDesktopSettings, type DesktopSettings } from './shell/desktopSettings';
import { buildMenuTemplate } from './shell/menu';
import { isAllowedNavigation, openTarget } from './shell/navigation';
import { safeStorageKey } from './shell/secretKey';
import type { AppInfo, DeskIpcChannel } from './shell/preloadApi';
import { consoleWindowOptions, pickPrompterDisplay, prompterWindowOptions } from './shell/windowOptions';

/**
 * The desktop shell stays thin: the core (HTTP + WebSocket + SQLite) runs in a utilityProcess,
 * so a heavy report query can never freeze window management, and the windows are plain clients
 * of the core exactly like a browser on the studio LAN.
 */
// Compiled to dist/electron/electron/main.js.
const repoRoot = join(__dirname, '..', '..', '..');
const preloadPath = join(__dirname, 'preload.js');
let core: UtilityProcess | null = null;
let coreUrl = '';
/**
 * This run's secret: the core lets in only windows that present it (a cookie set by `/login`),
 * never "anything from 127.0.0.1", which any web page on this machine can reach.
 */
const deskSecret = randomBytes(32).toString('base64url');
/** A desk screen's address through the login that sets the secret's cookie in this session. */
const signedIn = (path: string): string =>
  `${coreUrl}/login?${new URLSearchParams({ secret: deskSecret, next: path }).toString()}`;
let consoleWindow: BrowserWindow | null = null;
let prompterWindow: BrowserWindow | null = null;
/** Other screens (rundown, intake, the public form) opened from the console: one window each. */
const screenWindows = new Map<string, BrowserWindow>();

/** The producer's choices (teleprompter display, LAN access), kept between runs. */
const shellSettingsFile = (): string => join(app.getPath('userData'), 'desktop-settings.json');
function readSettingsText(): string | null {
  try {
    return readFileSync(shellSettingsFile(), 'utf8');
  } catch {
    return null;
  }
}
const readSettings = (): DesktopSettings => parseDesktopSettings(readSettingsText());
function saveSetting(change: Partial<DesktopSettings>): void {
  writeFileSync(shellSettingsFile(), updateDesktopSettings(readSettingsText(), change));
}

/** Starts the core with `args`; rejects if it exits before it is ready (e.g. its port is taken). */
function startCore(args: string[]): Promise<string> {
  const dataDir = process.env.DESK_DATA_DIR ?? app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  const keychainKey = safeStorageKey(safeStorage, dataDir);
  return new Promise((resolve, reject) => {
    let ready = false;
    // The core as bundled by `npm start` (scripts/buildCore.mjs): plain JavaScript, nothing compiled at launch.
    const child = utilityProcess.fork(join(repoRoot, 'dist', 'core', 'serve.mjs'), args, {
      cwd: repoRoot,
      serviceName: 'Akimat LIVE Desk core',
      stdio: 'inherit',
      env: {
        ...process.env,
        DESK_DATA_DIR: dataDir,
        DESK_SECRET: deskSecret,
        ...(keychainKey ? { DESK_SAFE_STORAGE_KEY: keychainKey } : {}),
        // Built for Electron's ABI by `npm start`; the Node build stays for tests and `serve`.
        DESK_NATIVE_BINDING: join(repoRoot, '.electron-native', 'better_sqlite3.node'),
      },
    });
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'ready' && message.url) {
        ready = true;
        resolve(message.url);
      }
    });
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`The desk core exited with code ${code}`));
      // A core stopped on purpose (quit, or a restart for LAN access) is not a crash.
      else if (child === core && !quitting) app.quit();
    });
    core = child;
  });
}

/** On the LAN the usual port is tried first; if it is taken, any free one. */
async function startCoreFor(allowLan: boolean): Promise<string> {
  try {
    return await startCore(coreArgs(allowLan));
  } catch (error) {
    if (!allowLan) throw error;
    return startCore(coreArgs(allowLan, true));
  }
}

/** Restarts the core on the new address and points the open windows at it. */
async function restartCore(allowLan: boolean): Promise<void> {
  const old = core;
  core = null;
  if (old) {
    const exited = new Promise<void>((resolve) => old.once('exit', () => resolve()));
    old.kill();
    await exited;
  }
  coreUrl = await startCoreFor(allowLan);
  void consoleWindow?.loadURL(signedIn('/console'));
  void prompterWindow?.loadURL(signedIn('/prompter'));
  for (const [path, window] of screenWindows) void window.loadURL(signedIn(path));
}

function lockDown(window: BrowserWindow): void {
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, new URL(coreUrl).origin)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    const target = openTarget(url, new URL(coreUrl).origin);
    if (target.kind === 'prompter') openPrompter();
    else if (target.kind === 'screen') openScreen(target.path, target.url);
    else if (target.kind === 'external') void shell.openExternal(target.url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
}

function openConsole(): void {
  consoleWindow = new BrowserWindow(consoleWindowOptions(preloadPath));
  lockDown(consoleWindow);
  consoleWindow.on('closed', () => {
    consoleWindow = null;
  });
  void consoleWindow.loadURL(signedIn('/console'));
}

function openScreen(path: string, url: string): void {
  const open = screenWindows.get(path);
  if (open) {
    open.focus();
    return;
  }
  const window = new BrowserWindow(consoleWindowOptions(preloadPath));
  lockDown(window);
  screenWindows.set(path, window);
  window.on('closed', () => screenWindows.delete(path));
  void window.loadURL(url);
}

function openPrompter(): void {
  if (prompterWindow) {
    prompterWindow.focus();
    return;
  }
  const display = pickPrompterDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id, readSettings().prompterDisplayId);
  prompterWindow = new BrowserWindow(prompterWindowOptions(preloadPath, display));
  lockDown(prompterWindow);
  prompterWindow.on('closed', () => {
    prompterWindow = null;
  });
  void prompterWindow.loadURL(signedIn('/prompter'));
}

function installMenu(): void {
  const i18n = createI18n(pickLanguage(app.getLocale()));
  const template = buildMenuTemplate(
    (key, vars) => i18n.t(key, vars),
    screen.getAllDisplays(),
    screen.getPrimaryDisplay().id,
    readSettings().prompterDisplayId,
    {
      openConsole: () => (consoleWindow ? consoleWindow.focus() : openConsole()),
      openPrompter,
      choosePrompterDisplay: (id) => {
        saveSetting({ prompterDisplayId: id });
        // Reopen on the chosen display so the speaker's screen changes at once.
        prompterWindow?.close();
        prompterWindow = null;
        openPrompter();
        installMenu();
      },
      setAllowLan: (allow) => {
        saveSetting({ allowLan: allow });
        restartCore(allow).then(installMenu, (error: unknown) => {
          console.error('Akimat LIVE Desk core could not restart:', error);
          app.exit(1);
        });
      },
      quit: () => app.quit(),
    },
    readSettings().allowLan,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function handle(channel: DeskIpcChannel, fn: () => unknown): void {
  ipcMain.handle(channel, (event) => {
    if (!isAllowedNavigation(event.senderFrame?.url ?? '', new URL(coreUrl).origin)) {
      throw new Error('IPC refused: sender is not a desk screen');
    }
    return fn();
  });
}

let quitting = false;

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  coreUrl = await startCoreFor(readSettings().allowLan);
  handle('desk:open-prompter', openPrompter);
  handle('desk:app-info', (): AppInfo => ({ version: app.getVersion(), platform: process.platform, coreUrl }));
  installMenu();
  screen.on('display-added', installMenu);
  screen.on('display-removed', installMenu);
  openConsole();
  if (screen.getAllDisplays().length > 1) openPrompter();
}).catch((error: unknown) => {
  console.error('Akimat LIVE Desk could not start:', error);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  quitting = true;
  core?.kill();
});
