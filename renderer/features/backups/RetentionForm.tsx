import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandError, type DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

/** How long senders' names and contacts are kept; only the desk machine's console may change it. */
export function RetentionForm({ client }: { client: DeskClient }): React.JSX.Element | null {
  const { t } = useTranslation();
  const [days, setDays] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const load = useCallback(() => {
    client.send('privacy.get', {}).then((s) => setDays(String(s.retentionDays)), () => undefined);
  }, [client]);
  useOnConnect(client, load);
  if (days === null) return null;
  return (
    <form
      className="backups-schedule"
      onSubmit={(e) => {
        e.preventDefault();
        client.send('privacy.configure', { retentionDays: Number(days) }).then(
          () => setStatus(t('backups.privacy.saved')),
          (error: unknown) =>
            setStatus(error instanceof CommandError && error.error.code === 'forbidden' ? t('backups.privacy.adminOnly') : String((error as Error).message)),
        );
      }}
    >
      <h3>{t('backups.privacy.title')}</h3>
      <p className="device-hint">{t('backups.privacy.hint')}</p>
      <label>
        {t('backups.privacy.days')}
        <input type="number" min={0} max={3650} required value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button type="submit">{t('backups.settings.save')}</button>
      <p role="status">{status}</p>
    </form>
  );
}
