import { useTranslation } from 'react-i18next';
import { formatCityTime } from '../../../shared/time';
import type { ChannelState } from '../../../shared/protocol';

/**
 * One row per channel: health (with the reason of an error), questions received, last arrival;
 * during a flood, how many accepted messages are still on their way to the console.
 */
export function ChannelStatusPanel({ states, waiting }: { states: ChannelState[]; waiting: number }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="intake-panel" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('intake.channels.title')}</h2>
      <table className="channel-table" data-testid="channel-table">
        <thead>
          <tr>
            <th scope="col">{t('intake.channels.channel')}</th>
            <th scope="col">{t('intake.channels.state')}</th>
            <th scope="col">{t('intake.channels.count')}</th>
            <th scope="col">{t('intake.channels.lastMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s.channel} data-channel={s.channel} data-status={s.status}>
              <th scope="row">{t(`channel.${s.channel}`)}</th>
              <td>
                <span className={`channel-status channel-status-${s.status}`}>{t(`intake.status.${s.status}`)}</span>
                {s.error && <span className="channel-error"> — {s.error}</span>}
              </td>
              <td className="channel-count">{s.count}</td>
              <td>{s.lastMessageAt === null ? t('intake.channels.never') : formatCityTime(s.lastMessageAt, 'DD.MM HH:mm:ss')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {waiting > 0 && (
        <p className="channel-waiting" role="status" data-testid="intake-waiting">
          {t('intake.channels.waiting', { n: waiting })}
        </p>
      )}
    </section>
  );
}
