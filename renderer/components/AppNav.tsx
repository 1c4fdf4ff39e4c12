import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOME_ROUTE, ROUTES } from '../../shared/routes';
import { BackupsPanel } from '../features/backups/BackupsPanel';
import { DevicesPanel } from '../features/devices/DevicesPanel';
import { StorageBanner } from './StorageBanner';

/** The staff screens, in the route table's order (the order producers use them). */
const NAV_ROUTES = ROUTES.filter((route) => route.nav);

/** Shown on producer screens only, so the devices panel (which shows secret links) is too. */
export function AppNav(): React.JSX.Element {
  const { t } = useTranslation();
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [backupsOpen, setBackupsOpen] = useState(false);
  return (
    <nav className="app-nav" aria-label={t('app.title')}>
      {NAV_ROUTES.map((route) => (
        <a
          key={route.path}
          href={route.path}
          aria-current={window.location.pathname === route.path ? 'page' : undefined}
          target={route === HOME_ROUTE ? undefined : '_blank'}
          rel="noreferrer"
        >
          {t(`nav.${route.screen}`)}
        </a>
      ))}
      <button type="button" aria-haspopup="dialog" onClick={() => setDevicesOpen(true)}>
        {t('nav.devices')}
      </button>
      {devicesOpen && <DevicesPanel onClose={() => setDevicesOpen(false)} />}
      <button type="button" aria-haspopup="dialog" onClick={() => setBackupsOpen(true)}>
        {t('nav.backups')}
      </button>
      {backupsOpen && <BackupsPanel onClose={() => setBackupsOpen(false)} />}
      <StorageBanner />
    </nav>
  );
}
