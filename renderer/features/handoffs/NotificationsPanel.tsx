import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandError, type DeskClient } from '../../api';
import { NotificationList } from './NotificationList';
import { useNotifications } from './useNotifications';

/** Every message to citizens as it is queued and goes, and the switch that holds them all. */
export function NotificationsPanel({ client }: { client: DeskClient }): React.JSX.Element {
  const { t } = useTranslation();
  const { items, settings } = useNotifications(client);
  const [error, setError] = useState<string | null>(null);
  const toggle = (): void => {
    setError(null);
    client
      .send('notification.pause', { paused: !settings.paused })
      .catch((e: unknown) => setError(e instanceof CommandError ? e.message : String(e)));
  };
  return (
    <section className="intake-panel" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('notifications.title')}</h2>
      <p className="hint">{t('notifications.hint')}</p>
      <div className="inline-form">
        <p role="status" data-testid="notifications-status" className={settings.paused ? 'notice paused' : 'notice'}>
          {settings.paused ? t('notifications.paused') : t('notifications.running')}
        </p>
        <button type="button" onClick={toggle} data-testid="notifications-toggle">
          {settings.paused ? t('notifications.resume') : t('notifications.pause')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <NotificationList client={client} items={items} testId="notifications-all" />
    </section>
  );
}
