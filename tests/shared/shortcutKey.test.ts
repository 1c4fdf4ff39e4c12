import { describe, expect, it } from 'vitest';
import { shortcutKey } from '../../shared/shortcutKey';

const press = (key: string, code: string, shiftKey = false) => shortcutKey({ key, code, shiftKey });

describe('shortcuts by physical key', () => {
  it('reads letters by their place on the keyboard in Latin, Russian and Kazakh layouts', () => {
    expect(press('a', 'KeyA')).toBe('a');
    expect(press('A', 'KeyA', true)).toBe('a');
    expect(press('ф', 'KeyA')).toBe('a');
    expect(press('т', 'KeyN')).toBe('n');
    expect(press('Т', 'KeyN', true)).toBe('n');
    expect(press('о', 'KeyJ')).toBe('j');
    expect(press('л', 'KeyK')).toBe('k');
    expect(press('я', 'KeyZ')).toBe('z');
  });

  it('reads the digit row as digits even where the Kazakh layout types letters on it', () => {
    expect(press('ә', 'Digit2')).toBe('2');
    expect(press('і', 'Digit3')).toBe('3');
    expect(press('1', 'Numpad1')).toBe('1');
  });

  it('reads punctuation by its US label and ? from any layout', () => {
    expect(press('?', 'Slash', true)).toBe('?');
    expect(press(',', 'Slash', true)).toBe('?');
    expect(press('.', 'Slash')).toBe('/');
    expect(press('?', 'Digit7', true)).toBe('?');
    expect(press('+', 'Equal', true)).toBe('+');
    expect(press('=', 'Equal')).toBe('=');
    expect(press('-', 'Minus')).toBe('-');
    expect(press(' ', 'Space')).toBe(' ');
  });

  it('keeps named keys and falls back to the Russian key map when an event has no code', () => {
    expect(press('Escape', 'Escape')).toBe('Escape');
    expect(press('ArrowDown', 'ArrowDown')).toBe('ArrowDown');
    expect(press('Enter', 'NumpadEnter')).toBe('Enter');
    expect(press('т', '')).toBe('n');
    expect(press('Ф', '')).toBe('a');
    expect(press('x', '')).toBe('x');
  });
});
