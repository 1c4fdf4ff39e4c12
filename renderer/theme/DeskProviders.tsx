import '@mantine/core/styles.layer.css';
import '@mantine/dates/styles.layer.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../shared/i18n';
import { DEFAULT_LANGUAGE } from '../../shared/domain';
import type { Screen } from '../../shared/routes';
import { colorSchemeManager, defaultColorScheme, deskTheme } from './theme';
import { dayjsLocale } from './dayjsLocales';

/** Pickers follow the UI language (and its first day of week), not the browser's locale. */
function LocalizedDates({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return <DatesProvider settings={{ locale: dayjsLocale(lang), firstDayOfWeek: lang === 'en' ? 0 : 1 }}>{children}</DatesProvider>;
}

export function DeskProviders({ screen, children }: { screen: Screen; children: React.ReactNode }): React.JSX.Element {
  return (
    <MantineProvider theme={deskTheme} defaultColorScheme={defaultColorScheme(screen)} colorSchemeManager={colorSchemeManager(screen)}>
      <LocalizedDates>{children}</LocalizedDates>
    </MantineProvider>
  );
}
