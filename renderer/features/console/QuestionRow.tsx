import { useTranslation } from 'react-i18next';
import { REJECT_REASONS, type Presence, type Question } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { Highlighted } from './Highlighted';
import type { Actions } from './useActions';
import { useGroupSize } from './useInbox';

interface Props {
  question: Question;
  terms: readonly string[];
  selected: boolean;
  others: readonly Presence[];
  actions: Actions;
  onToggle: () => void;
}

/** The class and data attributes of a row's <li>, which the virtual list owns and measures. */
export function rowAttributes(q: Question, focused: boolean, selected: boolean) {
  return {
    className: `question status-${q.status}${focused ? ' focused' : ''}${selected ? ' selected' : ''}`,
    'data-question-id': q.id,
    'data-status': q.status,
    'aria-current': focused ? ('true' as const) : undefined,
  };
}

/** What a row shows: everything about the question a producer decides on, and its actions. */
export function QuestionRow({ question: q, terms, selected, others, actions, onToggle }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const groupSize = useGroupSize(q);
  return (
    <>
      <div className="question-meta">
        <input
          type="checkbox"
          checked={selected}
          aria-label={`${t('console.select')} ${q.reference}`}
          onChange={onToggle}
          onClick={(e) => e.stopPropagation()}
        />
        <span className="reference">{q.reference}</span>
        <span className={`status-chip status-chip-${q.status}`} data-testid="status-chip">
          {t(`status.${q.status}`)}
        </span>
        <span>{t(`channel.${q.channel}`)}</span>
        <span>{t('console.from', { name: q.senderName })}</span>
        <span>{q.district ? t(`district.${q.district}`) : t('district.none')}</span>
        <time dateTime={new Date(q.receivedAt).toISOString()}>
          {t('console.receivedAt', { time: formatCityTime(q.receivedAt) })}
        </time>
        {groupSize > 1 && (
          <span className="group-size" data-testid="group-size">
            {t('console.askedBy', { count: groupSize })}
          </span>
        )}
        {q.flags.map((f) => (
          <span key={f} className={`flag flag-${f}`} data-flag={f}>
            {t(`console.flag.${f}`)}
          </span>
        ))}
        {q.airNameToCheck && (
          <span className="flag flag-air-name" data-testid="row-air-name-to-check">
            {t('console.airNameToCheck')}
          </span>
        )}
        {q.airText !== q.originalText && <span className="edited-badge">{t('console.edited')}</span>}
        {others.map((p) => (
          <span key={p.session} className="presence-badge" data-testid="presence-badge">
            {t(`console.presence.${p.activity}`, { name: p.name })}
          </span>
        ))}
      </div>
      <div className="question-body">
        <p className="question-text">
          <Highlighted text={q.airText} terms={terms} />
        </p>
        <div className="question-actions" onClick={(e) => e.stopPropagation()}>
          {q.status === 'new' && (
            <button type="button" onClick={() => void actions.approve(q)}>
              {t('console.approve')}
            </button>
          )}
          {(q.status === 'new' || q.status === 'approved') && (
            <select
              aria-label={t('console.reject')}
              value=""
              onChange={(e) => {
                const reason = REJECT_REASONS.find((r) => r === e.target.value);
                if (reason) void actions.reject(q, reason);
              }}
            >
              <option value="">{t('console.reject')}…</option>
              {REJECT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`console.rejectReason.${r}`)}
                </option>
              ))}
            </select>
          )}
          {q.status === 'approved' && (
            <button type="button" onClick={() => void actions.queue(q)}>
              {t('console.queue')}
            </button>
          )}
          {(q.status === 'approved' || q.status === 'queued') && (
            <button type="button" className="primary" onClick={() => void actions.putOnAir(q)}>
              {t('console.putOnAir')}
            </button>
          )}
        </div>
      </div>
    </>
  );
}
