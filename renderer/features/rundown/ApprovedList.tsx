import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../theme/dayjsLocales';
import type { DeferredHere, Question, Rundown } from '../../../shared/protocol';

/**
 * Approved and deferred questions, each with a button per speaker to queue it. Those deferred to
 * this episode come first, marked with where they came from, so the producer takes them up first.
 */
export function ApprovedList({
  questions,
  rundown,
  add,
}: {
  questions: readonly Question[];
  rundown: Rundown;
  add: (question: Question, speakerId: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const deferred = new Map(rundown.deferredHere.map((d, i) => [d.questionId, { ...d, order: i }]));
  const ordered = [...questions].sort(
    (a, b) => (deferred.get(a.id)?.order ?? Infinity) - (deferred.get(b.id)?.order ?? Infinity) || a.id - b.id,
  );
  const from = (d: DeferredHere): string =>
    d.fromTitle !== null && d.fromAirDate !== null
      ? t('rundown.approved.deferredFrom', {
          episode: t('rundown.episodeLabel', { title: d.fromTitle, date: fmt.date(d.fromAirDate) }),
        })
      : t('rundown.approved.deferredHere');
  return (
    <section className="approved-list" aria-label={t('rundown.approved.title')}>
      <h2>{t('rundown.approved.title')}</h2>
      {questions.length === 0 ? (
        <p className="empty">{t('rundown.approved.empty')}</p>
      ) : (
        <ul>
          {ordered.map((q) => {
            const here = deferred.get(q.id);
            return (
              <li key={q.id} data-question-id={q.id} className={here ? 'deferred-here' : undefined}>
                {here && <p className="deferred-from">{from(here)}</p>}
                <p className="question-text">{q.airText}</p>
                <p className="queue-item-meta">
                  <span className="reference">{q.reference}</span> {q.senderName} · {t(`status.${q.status}`)}
                </p>
                <div className="queue-item-actions">
                  {rundown.speakers.map((s) => (
                    <button key={s.id} type="button" onClick={() => add(q, s.id)}>
                      {t('rundown.approved.addTo', { name: s.name })}
                    </button>
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
