import './devices.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain';
import { GRAPHICS_VARIANTS, LINK_ROLES, type GraphicsVariant, type LinkRole, type PairedDevice, type Pairing } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { Modal } from '../../components/Modal';
import { useDeskClient } from '../../components/useDeskClient';
import { currentLanguage } from '../../i18n';
import { PairingLinkCard } from './PairingLinkCard';
import { useDevices, type PairedScreen } from './useDevices';

/** The serve command that opens the desk to the LAN, shown as typed (not translated). */
const SERVE_COMMAND = 'npm run serve -- --host 0.0.0.0';

const when = (at: number): string => formatCityTime(at, 'YYYY-MM-DD HH:mm');

/** "Connect devices": pair a teleprompter PC, a press laptop or a second console by name and role; list and revoke them. */
export function DevicesPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const { network, devices, error, adminOnly, pair, revoke } = useDevices(client);
  const [pairing, setPairing] = useState<(Pairing & { name: string; role: LinkRole }) | null>(null);
  const [confirming, setConfirming] = useState<PairedDevice | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  return (
    <Modal title={t('devices.title')} titleId="devices-title" onClose={onClose}>
      {error && (
        <p className="error" role="alert">
          {t('devices.error', { message: error })}
        </p>
      )}
      {adminOnly && <p data-testid="devices-admin-only">{t('devices.adminOnly')}</p>}
      {!adminOnly && !devices && !error && <p>{t('devices.loading')}</p>}
      {network && !network.lan && (
        <section className="devices-off" data-testid="devices-off">
          <h3>{t('devices.off.title')}</h3>
          <p>{t('devices.off.body')}</p>
          <p>
            {t('devices.off.serve')} <code>{SERVE_COMMAND}</code>
          </p>
          <p>{t('devices.off.desktop')}</p>
        </section>
      )}
      {network?.lan && (
        <section className="devices-pair">
          <p>{t('devices.intro')}</p>
          {network.addresses.length === 0 && <p className="error">{t('devices.noAddress')}</p>}
          <PairForm
            onPair={async (name, role, screen) => {
              const made = await pair(name, role, screen);
              setPairing(made && { ...made, name, role });
            }}
          />
          {pairing && (
            <div className="devices-pairing" data-testid="pairing">
              <p>
                {t('devices.pair.ready', { name: pairing.name, kind: t(`devices.kind.${pairing.role}`), until: formatCityTime(pairing.expiresAt) })}
              </p>
              <ul className="device-links">
                {pairing.urls.map((url) => (
                  <PairingLinkCard key={url} url={url} address={new URL(url).host} name={pairing.name} />
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
      {devices && (
        <section>
          <h3>{t('devices.list.title')}</h3>
          <p role="status" className="device-status">
            {revoked && t('devices.revoked', { name: revoked })}
          </p>
          {devices.length === 0 ? (
            <p>{t('devices.list.none')}</p>
          ) : (
            <table className="devices-table" data-testid="devices-table">
              <thead>
                <tr>
                  <th>{t('devices.list.name')}</th>
                  <th>{t('devices.list.role')}</th>
                  <th>{t('devices.list.paired')}</th>
                  <th>{t('devices.list.lastSeen')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => (
                  <tr key={d.id} data-device={d.name}>
                    <td>{d.name}</td>
                    <td>{t(`devices.kind.${d.role}`)}</td>
                    <td>{when(d.createdAt)}</td>
                    <td>{d.lastUsedAt === null ? t('devices.list.never') : when(d.lastUsedAt)}</td>
                    <td>
                      <button type="button" onClick={() => setConfirming(d)}>
                        {t('devices.revoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {confirming && (
            <div className="device-confirm" role="alertdialog" aria-label={t('devices.revoke')}>
              <p>{t('devices.revokeConfirm', { name: confirming.name })}</p>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const device = confirming;
                  setConfirming(null);
                  void revoke(device.id).then((done) => setRevoked(done ? device.name : null));
                }}
              >
                {t('devices.revokeYes')}
              </button>
              <button type="button" autoFocus onClick={() => setConfirming(null)}>
                {t('devices.revokeNo')}
              </button>
            </div>
          )}
        </section>
      )}
    </Modal>
  );
}

function PairForm({ onPair }: { onPair: (name: string, role: LinkRole, screen: PairedScreen) => Promise<void> }): React.JSX.Element {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<LinkRole>('speaker');
  // A browser source has no language of its own worth trusting: the link names the show's.
  const [lang, setLang] = useState<Language>(currentLanguage);
  const [variant, setVariant] = useState<GraphicsVariant>('lower-third');
  return (
    <form
      className="devices-pair-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onPair(name.trim(), role, role === 'graphics' ? { lang, variant } : {});
      }}
    >
      <h3>{t('devices.pair.title')}</h3>
      <label>
        {t('devices.pair.name')}
        <input required maxLength={60} value={name} placeholder={t('devices.pair.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('devices.pair.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as LinkRole)}>
          {LINK_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`devices.kind.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role === 'graphics' && (
        <>
          <label>
            {t('devices.pair.variant')}
            <select value={variant} onChange={(e) => setVariant(e.target.value as GraphicsVariant)}>
              {GRAPHICS_VARIANTS.map((v) => (
                <option key={v} value={v}>
                  {t(`devices.variant.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('devices.pair.lang')}
            <select value={lang} onChange={(e) => setLang(e.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <p className="device-hint">{t(`devices.hint.${role}`)}</p>
      <button type="submit" className="primary">
        {t('devices.pair.submit')}
      </button>
    </form>
  );
}
