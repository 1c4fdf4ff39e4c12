import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_AKIMAT_NAME_CHARS } from '../../../shared/forms';
import type { IntakeSettingsUpdate, IntakeSettingsView } from '../../../shared/protocol';
import { CommandError, type DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';
import { SecretField } from './SecretField';

type Secrets = { token: string; appSecret: string; verifyToken: string; accessToken: string };
/** Served by the public listener only (electron/core/channels/whatsapp/route.ts). */
const WHATSAPP_WEBHOOK_PATH = '/webhooks/whatsapp';
const EMPTY: Secrets = { token: '', appSecret: '', verifyToken: '', accessToken: '' };

/** Telegram, WhatsApp, limits and the public form's texts; secrets are typed in, never shown back. */
export function SettingsPanel({ client }: { client: DeskClient }): React.JSX.Element {
  const { t } = useTranslation();
  const [view, setView] = useState<IntakeSettingsView | null>(null);
  const [secrets, setSecrets] = useState<Secrets>(EMPTY);
  const [tg, setTg] = useState({ enabled: false, apiRoot: '' });
  const [wa, setWa] = useState({ enabled: false, graphApiRoot: '', notificationTemplate: '' });
  const [perSender, setPerSender] = useState(0);
  const [publicForm, setPublicForm] = useState({ akimatName: '', privacyUrl: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const show = useCallback((v: IntakeSettingsView) => {
    setView(v);
    setTg({ enabled: v.telegram.enabled, apiRoot: v.telegram.apiRoot });
    setWa({ enabled: v.whatsapp.enabled, graphApiRoot: v.whatsapp.graphApiRoot, notificationTemplate: v.whatsapp.notificationTemplate ?? '' });
    setPerSender(v.limits.perSenderPerMinute);
    setPublicForm({ akimatName: v.publicForm.akimatName ?? '', privacyUrl: v.publicForm.privacyUrl ?? '' });
  }, []);
  const load = useCallback(() => {
    client.send('intake.getSettings', {}).then(show, () => {});
  }, [client, show]);
  useOnConnect(client, load);

  const save = (update: IntakeSettingsUpdate): void => {
    client.send('intake.updateSettings', update).then(
      (v) => {
        show(v);
        setSecrets(EMPTY);
        setMessage({ ok: true, text: t('intake.saved') });
      },
      (error: unknown) => setMessage({ ok: false, text: error instanceof CommandError ? error.message : t('error.network') }),
    );
  };
  const onlySet = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

  if (!view) return <section className="intake-panel" aria-busy="true" />;
  const setSecret = (key: keyof Secrets) => (value: string) => setSecrets((s) => ({ ...s, [key]: value }));
  return (
    <section className="intake-panel" aria-labelledby="settings-title">
      <form
        className="intake-settings"
        onSubmit={(e) => {
          e.preventDefault();
          save({
            telegram: { enabled: tg.enabled, apiRoot: tg.apiRoot, token: onlySet(secrets.token) },
            whatsapp: {
              enabled: wa.enabled,
              graphApiRoot: wa.graphApiRoot,
              notificationTemplate: wa.notificationTemplate.trim(),
              appSecret: onlySet(secrets.appSecret),
              verifyToken: onlySet(secrets.verifyToken),
              accessToken: onlySet(secrets.accessToken),
            },
            limits: { perSenderPerMinute: perSender },
            publicForm: { akimatName: publicForm.akimatName.trim(), privacyUrl: publicForm.privacyUrl.trim() },
          });
        }}
      >
        <fieldset>
          <legend id="settings-title">{t('intake.telegram.title')}</legend>
          <p className="hint">{t('intake.telegram.hint')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={tg.enabled} onChange={(e) => setTg({ ...tg, enabled: e.target.checked })} />
            {t('intake.enabled')}
          </label>
          <SecretField label={t('intake.telegram.token')} view={view.telegram.token} value={secrets.token} onChange={setSecret('token')} onClear={() => save({ telegram: { token: '' } })} />
          <label>
            {t('intake.telegram.apiRoot')}
            <input type="url" value={tg.apiRoot} onChange={(e) => setTg({ ...tg, apiRoot: e.target.value })} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('intake.whatsapp.title')}</legend>
          <p className="hint webhook-address">
            {t('intake.whatsapp.callback')} <code data-testid="whatsapp-callback">https://…{WHATSAPP_WEBHOOK_PATH}</code>
          </p>
          <p className="hint" data-testid="whatsapp-https-note">
            {t('intake.whatsapp.httpsNote')}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={wa.enabled} onChange={(e) => setWa({ ...wa, enabled: e.target.checked })} />
            {t('intake.enabled')}
          </label>
          <SecretField label={t('intake.whatsapp.appSecret')} view={view.whatsapp.appSecret} value={secrets.appSecret} onChange={setSecret('appSecret')} onClear={() => save({ whatsapp: { appSecret: '' } })} />
          <SecretField label={t('intake.whatsapp.verifyToken')} view={view.whatsapp.verifyToken} value={secrets.verifyToken} onChange={setSecret('verifyToken')} onClear={() => save({ whatsapp: { verifyToken: '' } })} />
          <SecretField label={t('intake.whatsapp.accessToken')} view={view.whatsapp.accessToken} value={secrets.accessToken} onChange={setSecret('accessToken')} onClear={() => save({ whatsapp: { accessToken: '' } })} />
          <label>
            {t('intake.whatsapp.graphApiRoot')}
            <input type="url" value={wa.graphApiRoot} onChange={(e) => setWa({ ...wa, graphApiRoot: e.target.value })} />
          </label>
          <label>
            {t('intake.whatsapp.notificationTemplate')}
            <input
              value={wa.notificationTemplate}
              pattern="[a-z0-9_]*"
              onChange={(e) => setWa({ ...wa, notificationTemplate: e.target.value })}
              data-testid="whatsapp-template"
            />
          </label>
          <p className="hint">{t('intake.whatsapp.notificationTemplateHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('intake.limits.title')}</legend>
          <label>
            {t('intake.limits.perSender')}
            <input type="number" min={0} max={100000} value={perSender} onChange={(e) => setPerSender(Number(e.target.value))} />
          </label>
        </fieldset>
        <fieldset data-testid="public-form-settings">
          <legend>{t('askSettings.title')}</legend>
          <label>
            {t('askSettings.akimatName')}
            <input
              value={publicForm.akimatName}
              maxLength={MAX_AKIMAT_NAME_CHARS}
              placeholder={t('ask.defaultAkimat')}
              onChange={(e) => setPublicForm({ ...publicForm, akimatName: e.target.value })}
            />
          </label>
          <p className="hint">{t('askSettings.akimatNameHint')}</p>
          <label>
            {t('askSettings.privacyUrl')}
            <input type="url" value={publicForm.privacyUrl} placeholder="https://" onChange={(e) => setPublicForm({ ...publicForm, privacyUrl: e.target.value })} />
          </label>
          <p className="hint">{t('askSettings.privacyUrlHint')}</p>
        </fieldset>
        <button type="submit" className="primary">
          {t('intake.save')}
        </button>
        {message && (
          <p className={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
