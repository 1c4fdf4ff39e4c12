import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, type District } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { MAX_QUESTION_CHARS, publicQuestionSchema, SOFT_QUESTION_CHARS, type PublicQuestionInput } from '../../../shared/forms';
import { TOPICS, type Topic } from '../../../shared/vocabulary';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { currentLanguage, errorText } from '../../i18n';
import { AirSchedule } from './AirSchedule';
import { StatusLookup } from './StatusLookup';
import { submitQuestion } from './submitQuestion';
import { useFormInfo } from './useFormInfo';

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

/** Fields an error can be shown beside, in the order they appear: focus goes to the first. */
const FIELDS = ['name', 'text', 'phone', 'consent'] as const;
type Field = (typeof FIELDS)[number];
const isField = (name: unknown): name is Field => (FIELDS as readonly unknown[]).includes(name);

const validation = (key: string): AppErrorShape => ({ code: 'validation', message: key, messageKey: key });

/** Every problem the browser can see at once, one per field (the first zod says of it). */
function localErrors(payload: PublicQuestionInput): Partial<Record<Field, AppErrorShape>> {
  const errors: Partial<Record<Field, AppErrorShape>> = {};
  const parsed = publicQuestionSchema.safeParse(payload);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0];
    if (isField(field) && !errors[field]) errors[field] = validation(issue.message);
  }
  if (payload.phone && !payload.consent && !errors.consent) errors.consent = validation('ask.consentRequired');
  return errors;
}

/** The public, mobile-first form citizens use; works without any desk screen being open. */
export function AskPage(): React.JSX.Element {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  // Kept as the errors themselves, not their text, so a language switch re-translates them.
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, AppErrorShape>>>({});
  const [error, setError] = useState<AppErrorShape | null>(null);
  // Bumped on each failed submit, so focus moves again even when the same fields are wrong.
  const [attempt, setAttempt] = useState(0);
  const [reference, setReference] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const info = useFormInfo();

  // Keyboard and screen-reader users land on the first field with an error.
  useEffect(() => {
    const first = FIELDS.find((field) => fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }, [fieldErrors, attempt]);

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
    const local = localErrors(payload);
    setFieldErrors(local);
    setError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(local).length > 0) return;
    setSending(true);
    submitQuestion(payload).then(
      (ref) => setReference(ref),
      (err: AppErrorShape) => (isField(err.field) ? setFieldErrors({ [err.field]: err }) : setError(err)),
    ).finally(() => setSending(false));
  };

  const header = (
    <header className="ask-header">
      <div>
        <p className="ask-akimat" data-testid="ask-akimat">
          {info?.akimatName ?? t('ask.defaultAkimat')}
        </p>
        <h1>{t('ask.title')}</h1>
      </div>
      <LanguageSwitcher />
    </header>
  );
  const privacy = info?.privacyUrl ? (
    <a className="ask-privacy" href={info.privacyUrl} target="_blank" rel="noopener noreferrer" data-testid="ask-privacy">
      {t('ask.privacy')}
    </a>
  ) : null;

  if (reference) {
    return (
      <div className="ask">
        {header}
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
        <AirSchedule info={info} />
        <StatusLookup reference={reference} />
      </div>
    );
  }

  const length = form.text.length;
  const lengthState = length > MAX_QUESTION_CHARS ? 'over' : length > SOFT_QUESTION_CHARS ? 'long' : 'ok';
  const lengthKey = ({ ok: 'ask.length', long: 'ask.lengthLong', over: 'ask.lengthOver' } as const)[lengthState];
  const invalid = (field: Field): boolean => !!fieldErrors[field];
  const describedBy = (field: Field, extra?: string): string | undefined =>
    [invalid(field) ? `ask-error-${field}` : null, extra].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field): React.JSX.Element | null => {
    const shape = fieldErrors[field];
    return shape ? (
      <span className="field-error" role="alert" id={`ask-error-${field}`} data-testid={`ask-error-${field}`}>
        {errorText(shape)}
      </span>
    ) : null;
  };
  return (
    <div className="ask">
      {header}
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
        {fieldError('name')}
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
            aria-describedby={describedBy('text', 'ask-length')}
            onChange={(e) => update('text', e.target.value)}
          />
        </label>
        {fieldError('text')}
        <p id="ask-length" className={`chars-left ${lengthState}`} data-testid="ask-length" data-state={lengthState} aria-live="polite">
          {t(lengthKey, { count: length, soft: SOFT_QUESTION_CHARS, max: MAX_QUESTION_CHARS })}
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
        {fieldError('phone')}
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
        {fieldError('consent')}
        {privacy}
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
            {errorText(error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('ask.sending') : t('ask.submit')}
        </button>
      </form>
      <AirSchedule info={info} />
      <StatusLookup />
    </div>
  );
}
