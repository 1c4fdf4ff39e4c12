import './storageBanner.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageHealth } from '../../shared/protocol';
import { useDeskClient, useOnConnect } from './useDeskClient';

/** Across the top of every producer screen while the disk refuses writes; gone once it takes them again. */
export function StorageBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const [health, setHealth] = useState<StorageHealth>({ state: 'ok', since: null });
  const load = useCallback(() => {
    client.send('storage.status', {}).then(setHealth, () => undefined);
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => client.on('storage.changed', setHealth), [client]);
  if (health.state === 'ok') return null;
  return (
    <p className="storage-banner" role="alert" data-testid="storage-banner">
      {t(`storage.banner.${health.state}`)}
    </p>
  );
}
