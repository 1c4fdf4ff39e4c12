import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Integration } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { CommandError, type DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

/** API keys for the generic webhook: created here (shown once), listed by last 4 characters, revoked. */
export function WebhookKeys({ client }: { client: DeskClient }): React.JSX.Element {
  const { t } = useTranslation();
  const [items, setItems] = useState<Integration[]>([]);
  const [name, setName] = useState('');
  const [newKey, setNewKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    client.send('integration.list', {}).then((r) => setItems(r.items), () => {});
  }, [client]);
  useOnConnect(client, load);
  const fail = (e: unknown): void => setError(e instanceof CommandError ? e.message : t('error.network'));

  return (
    <section className="intake-panel" aria-labelledby="webhook-title">
      <h2 id="webhook-title">{t('intake.webhook.title')}</h2>
      <p className="hint">{t('intake.webhook.endpoint', { url: `${window.location.origin}/api/intake/webhook` })}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          client.send('integration.create', { name }).then((r) => {
            setNewKey(r.key);
            setName('');
            load();
          }, fail);
        }}
      >
        <label>
          {t('intake.webhook.name')}
          <input value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('intake.webhook.create')}</button>
      </form>
      {newKey && (
        <p className="new-key" role="status">
          {t('intake.webhook.keyOnce')} <code data-testid="new-key">{newKey}</code>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="hint">{t('intake.webhook.none')}</p>
      ) : (
        <ul className="integration-list">
          {items.map((i) => (
            <li key={i.id}>
              <strong>{i.name}</strong> · {t('intake.webhook.key', { last4: i.keyLast4 })}
              {i.lastUsedAt !== null && <> · {t('intake.webhook.lastUsed', { time: formatCityTime(i.lastUsedAt, 'DD.MM HH:mm') })}</>}
              {i.revokedAt !== null ? (
                <em> · {t('intake.webhook.revoked')}</em>
              ) : (
                <button type="button" onClick={() => client.send('integration.revoke', { id: i.id }).then(load, fail)}>
                  {t('intake.webhook.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
