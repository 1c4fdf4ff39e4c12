import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, type District } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { MAX_QUESTION_CHARS, publicQuestionSchema, type PublicQuestionInput } from '../../../shared/forms';
import { TOPICS, type Topic } from '../../../shared/vocabulary';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { currentLanguage, errorText } from '../../i18n';
import { StatusLookup } from './StatusLookup';
import { submitQuestion } from './submitQuestion';

interface FormState {
  name: string;
  district: District | '';
  topic: Topic | '';
  text: string;
  phone: string;
  consent: boolean;
  website: string;
}

const EMPTY: FormState = { name: '', district: '', topic: '', text: '', phone: '', consent: false, website: '' };

/** The public, mobile-first form citizens use; works without any desk screen being open. */
export function AskPage(): React.JSX.Element {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  // Kept as the error itself, not its text, so a language switch re-translates it.
  const [error, setError] = useState<{ shape: AppErrorShape; field?: string } | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Keyboard and screen-reader users land on the field the error is about.
  useEffect(() => {
    if (!error?.field) return;
    formRef.current?.querySelector<HTMLElement>(`[name="${error.field}"]`)?.focus();
  }, [error]);

  const update = <K extends keyof FormState>(key: K, value: FormState[K]): void =>
    setForm((f) => ({ ...f, [key]: value }));

  const onSubmit = (e: React.FormEvent): void => {
    e.preventDefault();
    const payload: PublicQuestionInput = {
      name: form.name,
      district: form.district || null,
      topic: form.topic || null,
      text: form.text,
      phone: form.phone || null,
      consent: form.consent,
      language: currentLanguage(),
      submissionId,
      website: form.website,
    };
    const local = publicQuestionSchema.safeParse(payload);
    if (!local.success) {
      const issue = local.error.issues[0];
      const key = issue?.message ?? 'error.validation';
      setError({ shape: { code: 'validation', message: key, messageKey: key }, field: String(issue?.path[0] ?? '') });
      return;
    }
    if (form.phone && !form.consent) {
      setError({ shape: { code: 'validation', message: 'ask.consentRequired', messageKey: 'ask.consentRequired' }, field: 'consent' });
      return;
    }
    setSending(true);
    setError(null);
    submitQuestion(payload).then(
      (ref) => setReference(ref),
      (err: AppErrorShape) => setError({ shape: err, ...(err.field ? { field: err.field } : {}) }),
    ).finally(() => setSending(false));
  };

  if (reference) {
    return (
      <div className="ask">
        <header className="ask-header">
          <h1>{t('ask.title')}</h1>
          <LanguageSwitcher />
        </header>
        <div className="ask-done" role="status">
          <p>{t('ask.thanks')}</p>
          <p className="ask-reference" data-testid="ask-reference">
            {t('ask.reference', { reference })}
          </p>
          <button
            type="button"
            onClick={() => {
              setForm(EMPTY);
              setReference(null);
              setSubmissionId(crypto.randomUUID());
            }}
          >
            {t('ask.another')}
          </button>
        </div>
        <StatusLookup reference={reference} />
      </div>
    );
  }

  const left = MAX_QUESTION_CHARS - form.text.length;
  const invalid = (field: string): boolean => error?.field === field;
  const describedBy = (field: string, extra?: string): string | undefined =>
    [invalid(field) ? 'ask-error' : null, extra].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ask">
      <header className="ask-header">
        <h1>{t('ask.title')}</h1>
        <LanguageSwitcher />
      </header>
      <p className="ask-intro">{t('ask.intro')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <label>
          {t('ask.name')}
          <input
            name="name"
            autoComplete="given-name"
            required
            maxLength={120}
            value={form.name}
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
            onChange={(e) => update('name', e.target.value)}
          />
        </label>
        <label>
          {t('ask.district')}
          <select name="district" value={form.district} onChange={(e) => update('district', e.target.value as District | '')}>
            <option value="">{t('district.none')}</option>
            {DISTRICTS.map((d) => (
              <option key={d} value={d}>
                {t(`district.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('topic.label')}
          <select name="topic" value={form.topic} onChange={(e) => update('topic', e.target.value as Topic | '')}>
            <option value="">{t('topic.none')}</option>
            {TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`topic.${topic}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ask.text')}
          <textarea
            name="text"
            rows={6}
            required
            value={form.text}
            aria-invalid={invalid('text')}
            aria-describedby={describedBy('text', 'ask-chars-left')}
            onChange={(e) => update('text', e.target.value)}
          />
        </label>
        <p id="ask-chars-left" className={left < 0 ? 'chars-left over' : 'chars-left'} aria-live="polite">
          {t('ask.charsLeft', { count: left })}
        </p>
        <label>
          {t('ask.phone')}
          <input
            name="phone"
            type="tel"
            autoComplete="tel"
            value={form.phone}
            aria-invalid={invalid('phone')}
            aria-describedby={describedBy('phone')}
            onChange={(e) => update('phone', e.target.value)}
          />
        </label>
        <label className="checkbox">
          <input
            name="consent"
            type="checkbox"
            checked={form.consent}
            aria-invalid={invalid('consent')}
            aria-describedby={describedBy('consent')}
            onChange={(e) => update('consent', e.target.checked)}
          />
          {t('ask.consent')}
        </label>
        <label className="honeypot" aria-hidden="true">
          {t('ask.website')}
          <input
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={form.website}
            onChange={(e) => update('website', e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert" id="ask-error" data-testid="ask-error">
            {errorText(error.shape)}
          </p>
        )}
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('ask.sending') : t('ask.submit')}
        </button>
      </form>
      <StatusLookup />
    </div>
  );
}
