import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECT_REASONS, type Question } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { CommandError } from '../../api';
import { AppNav } from '../../components/AppNav';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { useConnectionStatus, useDeskClient } from '../../components/useDeskClient';
import { useInbox } from './useInbox';

export function ConsolePage(): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const status = useConnectionStatus(client);
  const questions = useInbox(client);
  const [error, setError] = useState<string | null>(null);
  const onAir = questions.find((q) => q.status === 'on_air') ?? null;

  const run = (action: Promise<unknown>): void => {
    setError(null);
    action.catch((e: unknown) => setError(e instanceof CommandError ? e.message : t('error.internal')));
  };

  return (
    <div className="console">
      <header className="topbar">
        <h1>{t('console.title')}</h1>
        <ConnectionBadge status={status} />
        <AppNav />
        <LanguageSwitcher />
      </header>
      <section className="on-air-panel" aria-label={t('console.onAirNow')}>
        <h2>{t('console.onAirNow')}</h2>
        <p data-testid="console-on-air">{onAir ? onAir.airText : t('console.nothingOnAir')}</p>
      </section>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <section className="inbox" aria-label={t('console.inbox')}>
        <h2>
          {t('console.inbox')} <small>{t('console.count', { count: questions.length })}</small>
        </h2>
        {questions.length === 0 ? (
          <p className="empty">{t('console.empty')}</p>
        ) : (
          <ul className="question-list">
            {questions.map((q) => (
              <QuestionRow key={q.id} question={q} run={run} client={client} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function QuestionRow({
  question: q,
  run,
  client,
}: {
  question: Question;
  run: (action: Promise<unknown>) => void;
  client: ReturnType<typeof useDeskClient>;
}): React.JSX.Element {
  const { t } = useTranslation();
  const ref = { id: q.id, version: q.version };
  return (
    <li className={`question status-${q.status}`} data-question-id={q.id} data-status={q.status}>
      <div className="question-meta">
        <span className="reference">{q.reference}</span>
        <span className="status-badge">{t(`status.${q.status}`)}</span>
        <span>{t(`channel.${q.channel}`)}</span>
        <span>{t('console.from', { name: q.senderName })}</span>
        <span>{q.district ? t(`district.${q.district}`) : t('district.none')}</span>
        <time dateTime={new Date(q.receivedAt).toISOString()}>
          {t('console.receivedAt', { time: formatCityTime(q.receivedAt) })}
        </time>
      </div>
      <p className="question-text">{q.airText}</p>
      <div className="question-actions">
        {q.status === 'new' && (
          <button type="button" onClick={() => run(client.send('question.approve', ref))}>
            {t('console.approve')}
          </button>
        )}
        {(q.status === 'new' || q.status === 'approved') && (
          <select
            aria-label={t('console.reject')}
            value=""
            onChange={(e) => {
              const reason = REJECT_REASONS.find((r) => r === e.target.value);
              if (reason) run(client.send('question.reject', { ...ref, reason }));
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
        {(q.status === 'approved' || q.status === 'queued') && (
          <button type="button" className="primary" onClick={() => run(client.send('question.putOnAir', ref))}>
            {t('console.putOnAir')}
          </button>
        )}
      </div>
    </li>
  );
}
