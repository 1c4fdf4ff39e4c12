import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DevicesPanel } from '../features/devices/DevicesPanel';

/** The staff screens, in the order producers use them. Add a screen here and in App.tsx. */
const STAFF_SCREENS = [
  { path: '/console', label: 'nav.console' },
  { path: '/rundown', label: 'nav.rundown' },
  { path: '/prompter', label: 'nav.prompter' },
  { path: '/ask', label: 'nav.ask' },
  { path: '/intake', label: 'nav.intake' },
] as const;

/** Shown on producer screens only, so the devices panel (which shows secret links) is too. */
export function AppNav(): React.JSX.Element {
  const { t } = useTranslation();
  const [devicesOpen, setDevicesOpen] = useState(false);
  return (
    <nav className="app-nav" aria-label={t('app.title')}>
      {STAFF_SCREENS.map((screen) => (
        <a
          key={screen.path}
          href={screen.path}
          aria-current={window.location.pathname === screen.path ? 'page' : undefined}
          target={screen.path === '/console' ? undefined : '_blank'}
          rel="noreferrer"
        >
          {t(screen.label)}
        </a>
      ))}
      <button type="button" aria-haspopup="dialog" onClick={() => setDevicesOpen(true)}>
        {t('nav.devices')}
      </button>
      {devicesOpen && <DevicesPanel onClose={() => setDevicesOpen(false)} />}
    </nav>
  );
}
