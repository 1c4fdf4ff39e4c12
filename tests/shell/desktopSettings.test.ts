import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { coreArgs, parseDesktopSettings, updateDesktopSettings } from '../../electron/shell/desktopSettings';
import { buildMenuTemplate } from '../../electron/shell/menu';

describe('desktop settings', () => {
  it('falls back to this machine only and the automatic display when the file is missing or damaged', () => {
    const defaults = { prompterDisplayId: null, allowLan: false };
    expect(parseDesktopSettings(null)).toEqual(defaults);
    expect(parseDesktopSettings('{not json')).toEqual(defaults);
    expect(parseDesktopSettings('[1,2]')).toEqual(defaults);
    expect(parseDesktopSettings('{"allowLan":"yes","prompterDisplayId":"7"}')).toEqual(defaults);
    // A file written before LAN access existed keeps its display choice.
    expect(parseDesktopSettings('{"prompterDisplayId":7}')).toEqual({ prompterDisplayId: 7, allowLan: false });
  });

  it('saves one choice without dropping the other', () => {
    const withDisplay = updateDesktopSettings(null, { prompterDisplayId: 7 });
    const withLan = updateDesktopSettings(withDisplay, { allowLan: true });
    expect(parseDesktopSettings(withLan)).toEqual({ prompterDisplayId: 7, allowLan: true });
    const display2 = updateDesktopSettings(withLan, { prompterDisplayId: 2 });
    expect(parseDesktopSettings(display2)).toEqual({ prompterDisplayId: 2, allowLan: true });
  });

  it('starts the core on this machine only, or on every address at the usual port when LAN access is on', () => {
    expect(coreArgs(false)).toEqual(['--host', '127.0.0.1', '--port', '0']);
    expect(coreArgs(true)).toEqual(['--host', '0.0.0.0', '--port', '4310']);
    expect(coreArgs(true, true)).toEqual(['--host', '0.0.0.0', '--port', '0']);
  });

  it('offers LAN access as a checkbox in the Desk menu, in the chosen language', () => {
    const calls: string[] = [];
    const actions = {
      openConsole: () => {},
      openPrompter: () => {},
      choosePrompterDisplay: () => {},
      setAllowLan: (allow: boolean) => calls.push(`lan ${allow}`),
      quit: () => {},
    };
    for (const [lang, label] of [
      ['en', 'Allow teleprompter and press PCs on the LAN'],
      ['ru', 'Разрешить ПК суфлёра и прессы в локальной сети'],
      ['kk', 'Жергілікті желідегі суфлер мен баспасөз компьютерлеріне рұқсат беру'],
    ] as const) {
      const i18n = createI18n(lang);
      for (const allowLan of [false, true]) {
        const desk = buildMenuTemplate((k, v) => i18n.t(k, v), [], 1, null, actions, allowLan)[0]!
          .submenu as MenuItemConstructorOptions[];
        const item = desk.find((i) => i.label === label)!;
        expect(item).toMatchObject({ type: 'checkbox', checked: allowLan });
        // Electron flips a checkbox before calling click: the new state is on the item.
        item.click!({ checked: !allowLan } as MenuItem, undefined, {} as never);
      }
    }
    expect(calls).toEqual(['lan true', 'lan false', 'lan true', 'lan false', 'lan true', 'lan false']);
  });
});
