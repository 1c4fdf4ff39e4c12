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
  // Mantine's dark shades, set to the desk's dark greys (styles.css) so its inputs and dropdowns
  // sit on the same panels as the plain ones.
  colors: {
    dark: ['#e6e9ee', '#c1c7d0', '#9aa4b1', '#6b7585', '#4a525e', '#323842', '#252a31', '#1f2329', '#16181c', '#101215'],
  },
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
