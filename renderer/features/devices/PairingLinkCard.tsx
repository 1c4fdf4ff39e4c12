import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrImage } from './QrImage';

type Status = 'none' | 'copied' | 'copyFailed';

/** One address's pairing link: its QR code and copy (the text is selected where the clipboard is unavailable). */
export function PairingLinkCard({ url, address, name }: { url: string; address: string; name: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('none');
  const urlRef = useRef<HTMLInputElement>(null);

  const copy = async (): Promise<void> => {
    try {
      // Absent in an insecure context (a LAN console over plain http): then the text is selected.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      urlRef.current?.select();
      setStatus('copyFailed');
    }
  };

  return (
    <li className="device-link">
      <QrImage text={url} alt={t('devices.qrAlt', { name })} />
      <div className="device-link-body">
        <h4>{t('devices.pair.address', { address })}</h4>
        <input
          ref={urlRef}
          className="device-url"
          readOnly
          value={url}
          aria-label={t('devices.pair.address', { address })}
          data-testid="pairing-url"
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="device-actions">
          <button type="button" onClick={() => void copy()}>
            {t('devices.copy')}
          </button>
        </div>
        <p role="status" className="device-status">
          {status === 'copied' && t('devices.copied')}
          {status === 'copyFailed' && t('devices.copyFailed')}
        </p>
      </div>
    </li>
  );
}
