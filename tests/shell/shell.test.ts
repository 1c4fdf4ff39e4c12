import { describe, expect, it } from 'vitest';
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
