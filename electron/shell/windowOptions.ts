import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/** Renderer hardening shared by every window: the UI is a web client of the core, nothing more. */
export function secureWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: true,
  };
}

export function consoleWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Akimat LIVE Desk',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
}

/**
 * The display the producer chose for the teleprompter while it is connected; otherwise the first
 * display that is not the main one; with a single display, a window beside the console.
 */
export function pickPrompterDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
  preferredId: number | null = null,
): DisplayInfo | null {
  const preferred = displays.find((d) => d.id === preferredId);
  if (preferred && preferred.id !== primaryId) return preferred;
  if (preferred) return null;
  return displays.find((d) => d.id !== primaryId) ?? null;
}

export function prompterWindowOptions(
  preloadPath: string,
  display: DisplayInfo | null,
): BrowserWindowConstructorOptions {
  const base: BrowserWindowConstructorOptions = {
    title: 'Akimat LIVE — Teleprompter',
    backgroundColor: '#000000',
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
  if (!display) return { ...base, width: 1024, height: 640 };
  const { x, y, width, height } = display.bounds;
  return { ...base, x, y, width, height, fullscreen: true };
}
