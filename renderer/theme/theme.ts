import { createTheme, localStorageColorSchemeManager, type MantineColorScheme } from '@mantine/core';
import type { Screen } from '../../shared/routes';

/** Screens watched in a darkened gallery or studio: dark unless the user switches it off. */
const GALLERY_SCREENS: readonly Screen[] = ['console', 'rundown', 'prompter'];

/** The desk's Mantine theme: the same accent and focus ring the plain CSS uses. */
export const deskTheme = createTheme({
  primaryColor: 'blue',
  fontFamily: "system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: 'sm',
  focusRing: 'auto',
});

export function defaultColorScheme(screen: Screen): MantineColorScheme {
  return GALLERY_SCREENS.includes(screen) ? 'dark' : 'light';
}

/**
 * The choice is remembered per kind of screen: switching the console to light must not light up
 * the teleprompter's default, nor a dark console darken the public-facing and office screens.
 */
export function colorSchemeManager(screen: Screen) {
  const kind = GALLERY_SCREENS.includes(screen) ? 'gallery' : 'office';
  return localStorageColorSchemeManager({ key: `desk.colorScheme.${kind}` });
}
