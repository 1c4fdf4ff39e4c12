/** IPC channels between the preload and the main process; the preload repeats these literals. */
export type DeskIpcChannel = 'desk:open-prompter' | 'desk:app-info';

export interface AppInfo {
  version: string;
  platform: string;
  coreUrl: string;
}

/** Everything the renderer can ask of the desktop shell; in a browser `window.desk` is absent. */
export interface DeskBridge {
  readonly isDesktop: true;
  openPrompter(): Promise<void>;
  appInfo(): Promise<AppInfo>;
}

/** The main process answers only these channels and only from windows on the core's origin. */
export const IPC_CHANNELS: readonly DeskIpcChannel[] = ['desk:open-prompter', 'desk:app-info'];
