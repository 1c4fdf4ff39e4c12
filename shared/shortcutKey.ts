/** What a shortcut handler needs from a DOM or React keyboard event. */
export interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
}

/** Punctuation keys by physical position (US labels, as the help overlays print them). */
const PUNCTUATION: Readonly<Record<string, readonly [plain: string, shifted: string]>> = {
  Slash: ['/', '?'],
  Equal: ['=', '+'],
  Minus: ['-', '_'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backquote: ['`', '~'],
  Backslash: ['\\', '|'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadDivide: ['/', '/'],
};

/**
 * Russian ЙЦУКЕН letters on the Latin key at the same place, for events that carry no `code`
 * (some remote controls and virtual keyboards). Kazakh letters sit on the digit row and on keys
 * that already have a `code` on every real keyboard.
 */
const RUSSIAN_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  [...'йцукенгшщзфывапролджэячсмитьбю'].map((c, i) => [c, 'qwertyuiopasdfghjkl;\'zxcvbnm,.'[i]!]),
);

/**
 * The shortcut a key press means, by the physical key (`event.code`), so one key does the same
 * thing in the Latin, Russian and Kazakh layouts: letters as lower-case Latin (`KeyN` is `n`
 * whether it typed n, N, т or Т), digits as digits (the Kazakh layout types ә і ң ғ on them),
 * punctuation by its US label; named keys (`Escape`, `ArrowDown`, `Enter`, `Delete`) as they are.
 * A `?` typed in any layout (Shift+7 in Russian) is `?` too, so help opens from every layout.
 */
export function shortcutKey(event: KeyPress): string {
  const { key, code, shiftKey } = event;
  if (key === '?') return '?';
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (/^(Digit|Numpad)[0-9]$/.test(code)) return code.slice(-1);
  if (code === 'Space') return ' ';
  const punctuation = PUNCTUATION[code];
  if (punctuation) return shiftKey ? punctuation[1] : punctuation[0];
  if (key.length !== 1) return key;
  const lower = key.toLowerCase();
  return RUSSIAN_TO_LATIN[lower] ?? lower;
}
