import { useTranslation } from 'react-i18next';
import type { Question, Rundown } from '../../../shared/protocol';

/** Approved and deferred questions, each with a button per speaker to queue it. */
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
  return (
    <section className="approved-list" aria-label={t('rundown.approved.title')}>
      <h2>{t('rundown.approved.title')}</h2>
      {questions.length === 0 ? (
        <p className="empty">{t('rundown.approved.empty')}</p>
      ) : (
        <ul>
          {questions.map((q) => (
            <li key={q.id} data-question-id={q.id}>
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
          ))}
        </ul>
      )}
    </section>
  );
}
