import { contextBridge, ipcRenderer } from 'electron';
import type { AppInfo, DeskBridge, DeskIpcChannel } from './shell/preloadApi';

// Sandboxed preloads cannot require our own modules: only type imports from ./shell above.
const invoke = <T>(channel: DeskIpcChannel): Promise<T> => ipcRenderer.invoke(channel) as Promise<T>;

const bridge: DeskBridge = {
  isDesktop: true,
  openPrompter: () => invoke<void>('desk:open-prompter'),
  appInfo: () => invoke<AppInfo>('desk:app-info'),
};

contextBridge.exposeInMainWorld('desk', bridge);
