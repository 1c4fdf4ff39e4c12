import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../theme/dayjsLocales';
import { DateField } from '../../components/pickers';
import {
  OUTCOME_KINDS,
  type Commitment,
  type Department,
  type Episode,
  type OutcomeInput,
  type OutcomeKind,
  type RundownItem,
} from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { addWorkingDays, HANDOFF_WORKING_DAYS, type WorkingCalendar } from '../../../shared/workingDays';
import { currentLanguage } from '../../i18n';
import { FormActions } from './FormActions';

/** Records what happened to a question; a modal dialog, so Escape cancels and focus stays inside. */
export function OutcomeDialog({
  item,
  departments,
  calendar,
  deferTargets,
  heading,
  initialKind,
  canAnswer,
  onSubmit,
  onCancel,
  onDeferRest,
}: {
  item: RundownItem;
  departments: readonly Department[];
  /** Holidays and transferred days off, for the default due date. */
  calendar: WorkingCalendar;
  /** Episodes a deferred question can go to: any other one not yet done, later ones first. */
  deferTargets: readonly Episode[];
  heading: string;
  initialKind: OutcomeKind;
  /** Only a question that has been on air can be answered on air. */
  canAnswer: boolean;
  onSubmit: (outcome: OutcomeInput) => void;
  onCancel: () => void;
  /** At the end of a show: defer this and every question left (to the episode and with the note chosen here) and end it. */
  onDeferRest?: (rest: { toEpisodeId: number | null; note: string }) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  const ref = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<OutcomeKind>(canAnswer ? initialKind : initialKind === 'answered' ? 'deferred' : initialKind);
  const [summary, setSummary] = useState('');
  const [commitments, setCommitments] = useState<Commitment[]>([]);
  const [departmentId, setDepartmentId] = useState<number | null>(null);
  const [today] = useState(() => formatCityTime(Date.now(), 'YYYY-MM-DD'));
  const defaultDue = addWorkingDays(today, HANDOFF_WORKING_DAYS, calendar);
  // Until the producer picks a date, the default follows the calendar and the core computes it.
  const [pickedDue, setDueDate] = useState<string | null>(null);
  const dueDate = pickedDue ?? defaultDue;
  const [text, setText] = useState('');
  const [toEpisodeId, setToEpisodeId] = useState<number | null>(null);
  const lang = currentLanguage();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (): void => {
    switch (kind) {
      case 'answered':
        onSubmit({ kind, summary, commitments: commitments.filter((c) => c.what.trim() && c.who.trim()) });
        return;
      case 'handed_off':
        if (departmentId !== null) onSubmit(pickedDue === null ? { kind, departmentId } : { kind, departmentId, dueDate: pickedDue });
        return;
      case 'deferred':
        onSubmit({ kind, note: text, toEpisodeId });
        return;
      case 'dropped':
        if (text.trim()) onSubmit({ kind, reason: text });
        return;
    }
  };

  return (
    <dialog
      ref={ref}
      className="outcome-dialog"
      aria-labelledby="outcome-heading"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="outcome-heading">{heading}</h2>
        <p className="outcome-question">
          <span className="reference">{item.reference}</span> {item.airText}
        </p>
        <fieldset className="outcome-kinds">
          <legend>{t('rundown.outcome.kind')}</legend>
          {OUTCOME_KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                disabled={k === 'answered' && !canAnswer}
                onChange={() => setKind(k)}
                autoFocus={kind === k}
              />
              {t(`rundown.outcome.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'answered' && (
          <>
            <label>
              {t('rundown.outcome.summary')}
              <textarea value={summary} maxLength={2000} onChange={(e) => setSummary(e.target.value)} />
            </label>
            <fieldset>
              <legend>{t('rundown.outcome.commitments')}</legend>
              {commitments.map((c, i) => (
                <div className="commitment-row" key={i}>
                  {(['what', 'who'] as const).map((field) => (
                    <label key={field}>
                      {t(`rundown.outcome.commitment.${field}`)}
                      <input
                        required
                        value={c[field]}
                        onChange={(e) =>
                          setCommitments((list) => list.map((x, j) => (j === i ? { ...x, [field]: e.target.value } : x)))
                        }
                      />
                    </label>
                  ))}
                  <DateField
                    label={t('rundown.outcome.commitment.due')}
                    value={c.due ?? ''}
                    clearable
                    onChange={(due) => setCommitments((list) => list.map((x, j) => (j === i ? { ...x, due: due || null } : x)))}
                  />
                  <button type="button" onClick={() => setCommitments((list) => list.filter((_, j) => j !== i))}>
                    {t('rundown.outcome.commitment.remove')}
                  </button>
                </div>
              ))}
              <button type="button" onClick={() => setCommitments((list) => [...list, { what: '', who: '', due: null }])}>
                {t('rundown.outcome.commitment.add')}
              </button>
            </fieldset>
          </>
        )}
        {kind === 'handed_off' && (
          <>
            <label>
              {t('rundown.outcome.department')}
              <select
                required
                value={departmentId ?? ''}
                onChange={(e) => setDepartmentId(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">{t('rundown.outcome.chooseDepartment')}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.names[lang]}
                  </option>
                ))}
              </select>
            </label>
            <DateField label={t('rundown.outcome.dueDate')} required value={dueDate} onChange={setDueDate} />
            <p className="hint">{t('rundown.outcome.dueHint', { days: HANDOFF_WORKING_DAYS, date: fmt.date(defaultDue) })}</p>
          </>
        )}
        {kind === 'deferred' && (
          <label>
            {t('rundown.outcome.deferTo')}
            <select
              value={toEpisodeId ?? ''}
              onChange={(e) => setToEpisodeId(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">{t('rundown.outcome.noEpisodeYet')}</option>
              {deferTargets.map((e) => (
                <option key={e.id} value={e.id}>
                  {t('rundown.episodeOption', { title: e.title, date: fmt.date(e.airDate), time: e.startTime })}
                </option>
              ))}
            </select>
          </label>
        )}
        {(kind === 'deferred' || kind === 'dropped') && (
          <label>
            {t(kind === 'dropped' ? 'rundown.outcome.reason' : 'rundown.outcome.note')}
            <input required={kind === 'dropped'} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
          </label>
        )}
        <FormActions saveLabel={t('rundown.outcome.save')} onCancel={onCancel} />
        {onDeferRest && (
          <button type="button" className="defer-rest" onClick={() => onDeferRest({ toEpisodeId, note: text })}>
            {t('rundown.walkthrough.deferRest')}
          </button>
        )}
      </form>
    </dialog>
  );
}
