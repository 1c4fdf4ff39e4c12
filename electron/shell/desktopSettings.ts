import { DEFAULT_PORT } from '../core/config';

/** The desktop app's own choices, kept in userData/desktop-settings.json between runs. */
export interface DesktopSettings {
  /** The display the teleprompter window opens on; null picks a second display if there is one. */
  prompterDisplayId: number | null;
  /** Whether the core listens on every address, so LAN PCs can open their role links. */
  allowLan: boolean;
}

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = { prompterDisplayId: null, allowLan: false };

/** Reads the file's text; anything missing, damaged or of the wrong type falls back to the default. */
export function parseDesktopSettings(text: string | null): DesktopSettings {
  let stored: unknown = null;
  try {
    stored = text === null ? null : JSON.parse(text);
  } catch {
    stored = null;
  }
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    prompterDisplayId:
      typeof value.prompterDisplayId === 'number' ? value.prompterDisplayId : DEFAULT_DESKTOP_SETTINGS.prompterDisplayId,
    allowLan: typeof value.allowLan === 'boolean' ? value.allowLan : DEFAULT_DESKTOP_SETTINGS.allowLan,
  };
}

/** One setting changed, the others kept: each writer must not drop what another saved. */
export function updateDesktopSettings(text: string | null, change: Partial<DesktopSettings>): string {
  return JSON.stringify({ ...parseDesktopSettings(text), ...change });
}

/**
 * Arguments for the core (`serve.ts`). This machine only: any free port, the windows follow it.
 * On the LAN: the usual port, so the links on the teleprompter PC still work after a restart;
 * `portTaken` (the usual port was busy) falls back to any free port rather than not starting.
 */
export function coreArgs(allowLan: boolean, portTaken = false): string[] {
  if (!allowLan) return ['--host', '127.0.0.1', '--port', '0'];
  return ['--host', '0.0.0.0', '--port', portTaken ? '0' : String(DEFAULT_PORT)];
}
