import { useEffect, useState } from 'react';

/** How this device shows the teleprompter; kept per device in localStorage. */
export interface PrompterSettings {
  fontSizePx: number;
  lineHeight: number;
  marginPct: number;
  theme: 'dark' | 'light';
  mirrorX: boolean;
  mirrorY: boolean;
  /** Auto-scroll speed, pixels per second. */
  speed: number;
  /** A marker at the line the speaker reads from. */
  readingLine: boolean;
  /** The time of day and how long the current question has been up, for speakers who want them. */
  showClock: boolean;
  showTimer: boolean;
}

export const DEFAULT_PROMPTER_SETTINGS: PrompterSettings = {
  fontSizePx: 72,
  lineHeight: 1.35,
  marginPct: 8,
  theme: 'dark',
  mirrorX: false,
  mirrorY: false,
  speed: 40,
  readingLine: true,
  showClock: false,
  showTimer: false,
};

export const LIMITS = {
  fontSizePx: [24, 240],
  lineHeight: [1, 2.5],
  marginPct: [0, 30],
  speed: [5, 400],
} as const;

const STORAGE_KEY = 'desk.prompter.settings';
const HELP_SEEN_KEY = 'desk.prompter.helpSeen';

function clamp(value: unknown, [min, max]: readonly [number, number], fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Validated on read: a damaged or older stored value falls back to defaults field by field. */
export function readSettings(raw: string | null): PrompterSettings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const d = DEFAULT_PROMPTER_SETTINGS;
  return {
    fontSizePx: clamp(stored.fontSizePx, LIMITS.fontSizePx, d.fontSizePx),
    lineHeight: clamp(stored.lineHeight, LIMITS.lineHeight, d.lineHeight),
    marginPct: clamp(stored.marginPct, LIMITS.marginPct, d.marginPct),
    theme: stored.theme === 'light' ? 'light' : 'dark',
    mirrorX: stored.mirrorX === true,
    mirrorY: stored.mirrorY === true,
    speed: clamp(stored.speed, LIMITS.speed, d.speed),
    readingLine: stored.readingLine !== false,
    showClock: stored.showClock === true,
    showTimer: stored.showTimer === true,
  };
}

export function usePrompterSettings(): [PrompterSettings, (patch: Partial<PrompterSettings>) => void] {
  const [settings, setSettings] = useState(() => readSettings(window.localStorage.getItem(STORAGE_KEY)));
  useEffect(() => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  }, [settings]);
  return [settings, (patch) => setSettings((s) => readSettings(JSON.stringify({ ...s, ...patch })))];
}

/** The key mapping is shown once per device, at first open; H shows it again. */
export function useHelpSeen(): [boolean, (seen: boolean) => void] {
  const [seen, setSeen] = useState(() => window.localStorage.getItem(HELP_SEEN_KEY) === '1');
  return [
    seen,
    (value) => {
      window.localStorage.setItem(HELP_SEEN_KEY, value ? '1' : '0');
      setSeen(value);
    },
  ];
}

/** Beam-splitter rigs show the screen through a mirror: flip it back horizontally and/or vertically. */
export function mirrorTransform(s: Pick<PrompterSettings, 'mirrorX' | 'mirrorY'>): string | undefined {
  const parts = [s.mirrorX ? 'scaleX(-1)' : '', s.mirrorY ? 'scaleY(-1)' : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
