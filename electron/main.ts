import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, screen, session, shell, utilityProcess, type UtilityProcess } from 'electron';
import { createI18n, pickLanguage } from '../shared/i18n';
import { buildMenuTemplate } from './shell/menu';
import { isAllowedNavigation, isExternalHttpLink } from './shell/navigation';
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
let consoleWindow: BrowserWindow | null = null;
let prompterWindow: BrowserWindow | null = null;

/** The producer's choice of teleprompter display, kept between runs. */
const shellSettingsFile = (): string => join(app.getPath('userData'), 'desktop-settings.json');
function readPrompterDisplayId(): number | null {
  try {
    const value = (JSON.parse(readFileSync(shellSettingsFile(), 'utf8')) as { prompterDisplayId?: unknown }).prompterDisplayId;
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}
function savePrompterDisplayId(id: number): void {
  writeFileSync(shellSettingsFile(), JSON.stringify({ prompterDisplayId: id }));
}

function startCore(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = utilityProcess.fork(join(repoRoot, 'electron', 'core', 'serve.ts'), ['--port', '0'], {
      execArgv: ['--import', 'tsx'],
      cwd: repoRoot,
      serviceName: 'Akimat LIVE Desk core',
      stdio: 'inherit',
      env: {
        ...process.env,
        DESK_DATA_DIR: process.env.DESK_DATA_DIR ?? app.getPath('userData'),
        // Built for Electron's ABI by `npm start`; the Node build stays for tests and `serve`.
        DESK_NATIVE_BINDING: join(repoRoot, '.electron-native', 'better_sqlite3.node'),
      },
    });
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'ready' && message.url) resolve(message.url);
    });
    child.on('exit', (code) => {
      if (!coreUrl) reject(new Error(`The desk core exited with code ${code}`));
      else if (!quitting) app.quit();
    });
    core = child;
  });
}

function lockDown(window: BrowserWindow): void {
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, new URL(coreUrl).origin)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedNavigation(url, new URL(coreUrl).origin)) {
      if (new URL(url).pathname === '/prompter') openPrompter();
      else void shell.openExternal(url);
      return { action: 'deny' };
    }
    if (isExternalHttpLink(url)) void shell.openExternal(url);
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
  void consoleWindow.loadURL(`${coreUrl}/console`);
}

function openPrompter(): void {
  if (prompterWindow) {
    prompterWindow.focus();
    return;
  }
  const display = pickPrompterDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id, readPrompterDisplayId());
  prompterWindow = new BrowserWindow(prompterWindowOptions(preloadPath, display));
  lockDown(prompterWindow);
  prompterWindow.on('closed', () => {
    prompterWindow = null;
  });
  void prompterWindow.loadURL(`${coreUrl}/prompter`);
}

function installMenu(): void {
  const i18n = createI18n(pickLanguage(app.getLocale()));
  const template = buildMenuTemplate(
    (key, vars) => i18n.t(key, vars),
    screen.getAllDisplays(),
    screen.getPrimaryDisplay().id,
    readPrompterDisplayId(),
    {
      openConsole: () => (consoleWindow ? consoleWindow.focus() : openConsole()),
      openPrompter,
      choosePrompterDisplay: (id) => {
        savePrompterDisplayId(id);
        // Reopen on the chosen display so the speaker's screen changes at once.
        prompterWindow?.close();
        prompterWindow = null;
        openPrompter();
        installMenu();
      },
      quit: () => app.quit(),
    },
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
  coreUrl = await startCore();
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
