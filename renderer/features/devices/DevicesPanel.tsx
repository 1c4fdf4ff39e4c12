import './devices.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { useDeskClient } from '../../components/useDeskClient';
import { DeviceLinkCard } from './DeviceLinkCard';
import { useDevices } from './useDevices';
import { shortcutKey } from '../../../shared/shortcutKey';

/** The serve command that opens the desk to the LAN, shown as typed (not translated). */
const SERVE_COMMAND = 'npm run serve -- --host 0.0.0.0';

/** "Connect devices": a LAN link per role to open on the teleprompter PC, a press laptop or a second console. */
export function DevicesPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const { devices, error, renew } = useDevices(client);
  const overlay = useRef<HTMLDivElement>(null);

  // While the panel is open the screen behind gets no keys (its shortcuts act on questions), even
  // when focus has fallen back to the page, e.g. after the confirm that had it disappears.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (shortcutKey(e) === 'Escape') onClose();
      if (!(e.target instanceof Node && overlay.current?.contains(e.target))) e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  return (
    <div
      ref={overlay}
      className="devices-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="devices-title"
      onClick={onClose}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="devices-card" onClick={(e) => e.stopPropagation()}>
        <header className="devices-header">
          <h2 id="devices-title">{t('devices.title')}</h2>
          <LanguageSwitcher />
          <button type="button" autoFocus onClick={onClose}>
            {t('devices.close')}
          </button>
        </header>
        {error && (
          <p className="error" role="alert">
            {t('devices.error', { message: error })}
          </p>
        )}
        {!devices && !error && <p>{t('devices.loading')}</p>}
        {devices && !devices.lan && (
          <section className="devices-off" data-testid="devices-off">
            <h3>{t('devices.off.title')}</h3>
            <p>{t('devices.off.body')}</p>
            <p>
              {t('devices.off.serve')} <code>{SERVE_COMMAND}</code>
            </p>
            <p>{t('devices.off.desktop')}</p>
          </section>
        )}
        {devices?.lan && (
          <>
            <p>{t('devices.intro')}</p>
            {devices.addresses.length === 0 && <p className="error">{t('devices.noAddress')}</p>}
            {devices.addresses.map(({ address, links }) => (
              <section key={address} className="devices-address">
                <h3>{t('devices.address', { address })}</h3>
                <ul className="device-links">
                  {links.map((link) => (
                    <DeviceLinkCard key={link.kind} link={link} onRenew={link.kind === 'public' ? null : renew} />
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
