import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n';
import { buildMenuTemplate } from '../../electron/shell/menu';
import { isAllowedNavigation, isExternalHttpLink } from '../../electron/shell/navigation';
import { IPC_CHANNELS } from '../../electron/shell/preloadApi';
import {
  consoleWindowOptions,
  pickPrompterDisplay,
  prompterWindowOptions,
} from '../../electron/shell/windowOptions';

const origin = 'http://127.0.0.1:4310';

describe('desktop shell', () => {
  it('keeps every window sandboxed and isolated from Node', () => {
    for (const options of [consoleWindowOptions('/p.js'), prompterWindowOptions('/p.js', null)]) {
      expect(options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: '/p.js',
      });
    }
  });

  it('locks navigation to the core’s own screens', () => {
    expect(isAllowedNavigation(`${origin}/console`, origin)).toBe(true);
    expect(isAllowedNavigation(`${origin}/prompter?lang=kk`, origin)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/console', origin)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:9999/console', origin)).toBe(false);
    expect(isAllowedNavigation(`${origin}/api/questions`, origin)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', origin)).toBe(false);
    expect(isAllowedNavigation('not a url', origin)).toBe(false);
    expect(isExternalHttpLink('https://almaty.gov.kz')).toBe(true);
    expect(isExternalHttpLink('javascript:alert(1)')).toBe(false);
  });

  it('puts the teleprompter full screen on the second display when there is one', () => {
    const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
    const second = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
    expect(pickPrompterDisplay([primary], 1)).toBeNull();
    expect(pickPrompterDisplay([primary, second], 1)).toBe(second);
    expect(prompterWindowOptions('/p.js', second)).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720, fullscreen: true });
    expect(prompterWindowOptions('/p.js', null).fullscreen).toBeUndefined();
  });

  it('exposes a small preload API', () => {
    expect(IPC_CHANNELS).toEqual(['desk:open-prompter', 'desk:app-info']);
  });
});

describe('native menu', () => {
  const displays = [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 720 } },
  ];
  const calls: string[] = [];
  const actions = {
    openConsole: () => calls.push('console'),
    openPrompter: () => calls.push('prompter'),
    choosePrompterDisplay: (id: number) => calls.push(`display ${id}`),
    setAllowLan: (allow: boolean) => calls.push(`lan ${allow}`),
    quit: () => calls.push('quit'),
  };

  it('lists every display for the teleprompter, in the chosen language, with the choice checked', () => {
    const i18n = createI18n('ru');
    const template = buildMenuTemplate((k, v) => i18n.t(k, v), displays, 1, 7, actions, false);
    const desk = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(desk.map((i) => i.label)).toContain('Открыть суфлёр');
    const choices = desk.find((i) => i.label === 'Экран суфлёра')!.submenu as MenuItemConstructorOptions[];
    expect(choices.map((c) => [c.label, c.checked])).toEqual([
      ['Экран 1 — 1920×1080 (основной)', false],
      ['Экран 2 — 1280×720', true],
    ]);
    choices[0]!.click!({} as never, undefined, {} as never);
    expect(calls).toEqual(['display 1']);
  });

  it('keeps the teleprompter on the display the producer chose', () => {
    expect(pickPrompterDisplay(displays, 1, 7)?.id).toBe(7);
    expect(pickPrompterDisplay(displays, 1, null)?.id).toBe(7);
    // Chose the main display: a window beside the console, not full screen over it.
    expect(pickPrompterDisplay(displays, 1, 1)).toBeNull();
    // A chosen display that was unplugged falls back to any second display.
    expect(pickPrompterDisplay(displays, 1, 99)?.id).toBe(7);
  });
});
