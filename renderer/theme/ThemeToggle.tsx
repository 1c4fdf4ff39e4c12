import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Dark-theme switch (pressed = dark) for the top bar; Mantine's manager remembers the choice in localStorage. */
export function ThemeToggle(): React.JSX.Element {
  const { t } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('dark');
  const dark = scheme === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={dark}
      data-testid="theme-toggle"
      onClick={() => setColorScheme(dark ? 'light' : 'dark')}
    >
      {t('theme.dark')}
    </button>
  );
}
