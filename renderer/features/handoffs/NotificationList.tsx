import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESENDABLE_STATES, type Notification } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { CommandError, type DeskClient } from '../../api';

/**
 * Each message to a citizen: which step, to whom, by which channel, its words and where it stands;
 * one that did not surely arrive can be resent (the outbox never does that on its own).
 */
export function NotificationList({ client, items, testId }: { client: DeskClient; items: Notification[]; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const resend = (id: number): void => {
    setError(null);
    client.send('notification.resend', { id }).catch((e: unknown) => setError(e instanceof CommandError ? e.message : String(e)));
  };
  if (items.length === 0) return <p className="hint">{t('notifications.empty')}</p>;
  return (
    <div className="table-scroll">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table className="handoff-table notification-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('notifications.queued')}</th>
            <th scope="col">{t('notifications.step')}</th>
            <th scope="col">{t('notifications.to')}</th>
            <th scope="col">{t('notifications.text')}</th>
            <th scope="col">{t('notifications.state')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id} data-state={n.state} data-notice={n.notice}>
              <td className="due">{formatCityTime(n.createdAt, 'YYYY-MM-DD HH:mm')}</td>
              <td>
                {t(`notifications.notice.${n.notice}`)}
                <div className="hint">{n.questionReference}</div>
              </td>
              <td>
                {n.recipientReference} · {t(`channel.${n.channel}`)} · {n.language}
              </td>
              <td className="handoff-answer">{n.text}</td>
              <td>
                <span className={`badge notification-${n.state}`}>{t(`notifications.stateName.${n.state}`)}</span>
                {n.state === 'sent' && n.sentAt !== null && (
                  <div className="hint">
                    {formatCityTime(n.sentAt, 'HH:mm')}
                    {n.sentAs === 'template' && ` · ${t('notifications.sentAsTemplate')}`}
                  </div>
                )}
                {(n.state === 'uncertain' || n.state === 'window_closed') && <div className="hint">{t(`notifications.stateHint.${n.state}`)}</div>}
                {n.lastError && n.state !== 'sent' && <div className="hint">{n.lastError}</div>}
                {RESENDABLE_STATES.includes(n.state) && (
                  <button type="button" onClick={() => resend(n.id)} data-testid="notification-resend">
                    {t('notifications.resend')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
