import './devices.css';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';
import { useDeskClient } from '../../components/useDeskClient';
import { DeviceLinkCard } from './DeviceLinkCard';
import { useDevices } from './useDevices';

/** The serve command that opens the desk to the LAN, shown as typed (not translated). */
const SERVE_COMMAND = 'npm run serve -- --host 0.0.0.0';

/** "Connect devices": a LAN link per role to open on the teleprompter PC, a press laptop or a second console. */
export function DevicesPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const { devices, error, renew } = useDevices(client);

  return (
    <Modal title={t('devices.title')} titleId="devices-title" onClose={onClose}>
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
    </Modal>
  );
}
