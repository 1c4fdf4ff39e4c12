import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';

/** Each message to a citizen: which step, to whom, by which channel, its words and where it stands. */
export function NotificationList({ items, testId }: { items: Notification[]; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="hint">{t('notifications.empty')}</p>;
  return (
    <div className="table-scroll">
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
                {n.state === 'sent' && n.sentAt !== null && <div className="hint">{formatCityTime(n.sentAt, 'HH:mm')}</div>}
                {n.lastError && n.state !== 'sent' && <div className="hint">{n.lastError}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
