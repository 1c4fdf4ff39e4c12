import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentEntry, DepartmentInput } from '../../../shared/protocol';
import { CommandError, type DeskClient } from '../../api';
import { currentLanguage } from '../../i18n';

const EMPTY: DepartmentInput = { code: '', names: { kk: '', ru: '', en: '' }, contactPerson: '', email: '', active: true };

function DepartmentForm({
  client,
  initial,
  onDone,
}: {
  client: DeskClient;
  initial: DepartmentInput;
  onDone: (saved: boolean) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const names = (lang: keyof DepartmentInput['names'], value: string): void =>
    setDraft({ ...draft, names: { ...draft.names, [lang]: value } });
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    client.send('department.save', draft).then(
      () => onDone(true),
      (err: unknown) => setError(err instanceof CommandError ? err.message : String(err)),
    );
  };
  return (
    <form className="department-form" onSubmit={submit} aria-label={t('handoffs.departments.edit')}>
      <label>
        {t('handoffs.departments.code')}
        <input
          value={draft.code}
          required
          readOnly={initial.id !== undefined}
          pattern="[a-z][a-z0-9_]{1,39}"
          onChange={(e) => setDraft({ ...draft, code: e.target.value })}
        />
        <span className="hint">{t('handoffs.departments.codeHint')}</span>
      </label>
      <label>
        {t('handoffs.departments.nameKk')}
        <input value={draft.names.kk} required onChange={(e) => names('kk', e.target.value)} />
      </label>
      <label>
        {t('handoffs.departments.nameRu')}
        <input value={draft.names.ru} required onChange={(e) => names('ru', e.target.value)} />
      </label>
      <label>
        {t('handoffs.departments.nameEn')}
        <input value={draft.names.en} required onChange={(e) => names('en', e.target.value)} />
      </label>
      <label>
        {t('handoffs.departments.contactPerson')}
        <input value={draft.contactPerson} onChange={(e) => setDraft({ ...draft, contactPerson: e.target.value })} />
      </label>
      <label>
        {t('handoffs.departments.email')}
        <input type="email" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
        {t('handoffs.departments.active')}
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="inline-form">
        <button type="submit" className="primary">
          {t('handoffs.departments.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('handoffs.departments.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The directory of departments a question can be handed to; producers edit it here. */
export function DepartmentsPanel({ client, departments }: { client: DeskClient; departments: DepartmentEntry[] }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [editing, setEditing] = useState<DepartmentInput | null>(null);
  const [saved, setSaved] = useState(false);
  const done = (ok: boolean): void => {
    setEditing(null);
    setSaved(ok);
  };
  return (
    <section className="intake-panel" aria-labelledby="departments-title">
      <h2 id="departments-title">{t('handoffs.departments.title')}</h2>
      {editing ? (
        <DepartmentForm key={editing.id ?? 'new'} client={client} initial={editing} onDone={done} />
      ) : (
        <button
          type="button"
          onClick={() => {
            setSaved(false);
            setEditing(EMPTY);
          }}
        >
          {t('handoffs.departments.add')}
        </button>
      )}
      {saved && <p className="notice">{t('handoffs.departments.saved')}</p>}
      <ul className="department-list">
        {departments.map((d) => (
          <li key={d.id} data-testid={`department-${d.code}`}>
            {/* The code is the department's key in sheet file names, set in the form; the list shows names only. */}
            <strong>{d.names[lang]}</strong>
            {!d.active && <em> ({t('handoffs.departments.archived')})</em>}
            {(d.contactPerson || d.email) && (
              <span className="hint">
                {' '}
                {[d.contactPerson, d.email].filter(Boolean).join(' · ')}
              </span>
            )}
            <button
              type="button"
              onClick={() => {
                setSaved(false);
                setEditing({ id: d.id, code: d.code, names: d.names, contactPerson: d.contactPerson, email: d.email, active: d.active });
              }}
            >
              {t('handoffs.departments.edit')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
