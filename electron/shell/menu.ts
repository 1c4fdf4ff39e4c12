import type { MenuItemConstructorOptions } from 'electron';
import type { DisplayInfo } from './windowOptions';

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface MenuActions {
  openConsole(): void;
  openPrompter(): void;
  choosePrompterDisplay(displayId: number): void;
  /** Restarts the core listening on every address (true) or on this machine only (false). */
  setAllowLan(allow: boolean): void;
  quit(): void;
}

/** The native menu, built from plain data so it is tested without Electron. */
export function buildMenuTemplate(
  t: Translate,
  displays: readonly DisplayInfo[],
  primaryId: number,
  chosenDisplayId: number | null,
  actions: MenuActions,
  allowLan: boolean,
): MenuItemConstructorOptions[] {
  const displayItems: MenuItemConstructorOptions[] = displays.map((d, i) => {
    const label = t('desktop.menu.display', { n: i + 1, width: d.bounds.width, height: d.bounds.height });
    return {
      label: d.id === primaryId ? t('desktop.menu.primary', { label }) : label,
      type: 'radio',
      checked: chosenDisplayId === null ? d.id !== primaryId && i === displays.findIndex((x) => x.id !== primaryId) : d.id === chosenDisplayId,
      click: () => actions.choosePrompterDisplay(d.id),
    };
  });
  return [
    {
      label: t('desktop.menu.desk'),
      submenu: [
        { label: t('desktop.menu.openConsole'), accelerator: 'CmdOrCtrl+1', click: () => actions.openConsole() },
        { label: t('desktop.menu.openPrompter'), accelerator: 'CmdOrCtrl+2', click: () => actions.openPrompter() },
        { label: t('desktop.menu.prompterDisplay'), submenu: displayItems },
        {
          label: t('desktop.menu.allowLan'),
          type: 'checkbox',
          checked: allowLan,
          click: (item) => actions.setAllowLan(item.checked),
        },
        { type: 'separator' },
        { label: t('desktop.menu.quit'), accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    { role: 'editMenu' },
    {
      label: t('desktop.menu.view'),
      submenu: [{ role: 'reload' }, { role: 'togglefullscreen' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }],
    },
  ];
}
