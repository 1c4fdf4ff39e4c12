import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISTRICTS, type District } from '../../../shared/domain';
import { CommandError, type DeskClient } from '../../api';
import { currentLanguage } from '../../i18n';
import { shortcutKey } from '../../../shared/shortcutKey';

const newEntryId = (): string => crypto.randomUUID();

/** The producer types a caller's question during the show; one entry id per form, so a double submit stores once. */
export function PhoneInForm({ client }: { client: DeskClient }): React.JSX.Element {
  const { t } = useTranslation();
  const [entryId, setEntryId] = useState(newEntryId);
  const [name, setName] = useState('');
  const [district, setDistrict] = useState<District | ''>('');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    client
      .send('phone.add', { entryId, name, district: district || null, phone: phone || null, text, language: currentLanguage() })
      .then(
        (reply) => {
          setMessage({ ok: true, text: t('intake.phone.added', { reference: reply.reference }) });
          setEntryId(newEntryId());
          setName('');
          setPhone('');
          setText('');
          setDistrict('');
        },
        (error: unknown) => setMessage({ ok: false, text: error instanceof CommandError ? error.message : t('error.network') }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section className="intake-panel" aria-labelledby="phone-title">
      <h2 id="phone-title">{t('intake.phone.title')}</h2>
      <form className="intake-form" onSubmit={submit}>
        <label>
          {t('intake.phone.name')}
          <input value={name} required maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('district.label')}
          <select value={district} onChange={(e) => setDistrict(e.target.value as District | '')}>
            <option value="">{t('district.none')}</option>
            {DISTRICTS.map((d) => (
              <option key={d} value={d}>
                {t(`district.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('intake.phone.phone')}
          <input type="tel" value={phone} maxLength={40} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <label className="wide">
          {t('intake.phone.text')}
          <textarea
            value={text}
            required
            rows={3}
            aria-keyshortcuts="Control+Enter"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // During a call the producer types and sends without reaching for the mouse.
              if (shortcutKey(e) === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('intake.phone.add')}
        </button>
        {message && (
          <p className={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="phone-result">
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
