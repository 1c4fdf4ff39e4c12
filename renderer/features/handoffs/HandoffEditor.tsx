import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/pickers';
import type { Handoff, HandoffStatus } from '../../../shared/protocol';
import { CommandError, type DeskClient } from '../../api';
import { NotificationList } from './NotificationList';
import { useNotifications } from './useNotifications';

/** Where a hand-off may go from each status (the core refuses anything else). */
const NEXT: Record<HandoffStatus, readonly HandoffStatus[]> = {
  handed_off: ['handed_off', 'in_progress', 'answered'],
  in_progress: ['in_progress', 'answered'],
  answered: ['answered'],
};

/** Status, the department's answer and the due date of one hand-off; a modal dialog (Escape cancels). */
export function HandoffEditor({
  client,
  handoff,
  departmentName,
  today,
  onSaved,
  onClose,
}: {
  client: DeskClient;
  handoff: Handoff;
  departmentName: string;
  today: string;
  onSaved: (h: Handoff) => void;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState<HandoffStatus>(handoff.status);
  const [answer, setAnswer] = useState(handoff.answer);
  const [dueDate, setDueDate] = useState(handoff.dueDate);
  const [error, setError] = useState<string | null>(null);
  const messages = useNotifications(client, handoff.questionId);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    client
      .send('handoff.update', {
        id: handoff.id,
        version: handoff.version,
        status,
        ...(answer.trim() !== handoff.answer ? { answer } : {}),
        ...(dueDate !== handoff.dueDate ? { dueDate } : {}),
      })
      .then(onSaved, (err: unknown) => setError(err instanceof CommandError ? err.message : String(err)));
  };

  return (
    <dialog ref={ref} className="handoff-editor" aria-labelledby="handoff-editor-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="handoff-editor-title">
          {handoff.reference} · {departmentName}
        </h2>
        <p className="handoff-question">{handoff.questionText}</p>
        <label>
          {t('handoffs.board.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as HandoffStatus)} autoFocus>
            {NEXT[handoff.status].map((s) => (
              <option key={s} value={s}>
                {t(`handoffs.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('handoffs.board.answer')}
          <textarea value={answer} rows={5} maxLength={4000} onChange={(e) => setAnswer(e.target.value)} />
        </label>
        <DateField label={t('handoffs.board.dueDate')} value={dueDate} minDate={today} required onChange={setDueDate} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <details className="handoff-messages" open={messages.items.length > 0}>
          <summary>
            {t('notifications.forQuestion')} ({messages.items.length})
          </summary>
          <NotificationList client={client} items={messages.items} testId="handoff-messages" />
        </details>
        <div className="inline-form">
          <button type="submit" className="primary">
            {t('handoffs.board.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('handoffs.board.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
