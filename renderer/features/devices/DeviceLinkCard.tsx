import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceLink, LinkRole } from '../../../shared/protocol';
import { QrImage } from './QrImage';

type Status = 'none' | 'confirm' | 'copied' | 'copyFailed' | 'renewed';

/** One link: what it opens, its QR code, copy, and (for a role's link) renew with a confirm. */
export function DeviceLinkCard({
  link,
  onRenew,
}: {
  link: DeviceLink;
  onRenew: ((role: LinkRole) => Promise<boolean>) | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('none');
  const urlRef = useRef<HTMLInputElement>(null);
  const kind = t(`devices.kind.${link.kind}`);

  const copy = async (): Promise<void> => {
    try {
      // Absent in an insecure context (a LAN console over plain http): then the text is selected.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link.url);
      setStatus('copied');
    } catch {
      urlRef.current?.select();
      setStatus('copyFailed');
    }
  };

  const renew = async (): Promise<void> => {
    if (!onRenew || link.kind === 'public') return;
    const renewed = await onRenew(link.kind);
    setStatus(renewed ? 'renewed' : 'none');
    // The confirm that had focus is gone: keep the keyboard in the card, on the new link.
    urlRef.current?.focus();
  };

  return (
    <li className="device-link" data-kind={link.kind}>
      <QrImage text={link.url} alt={t('devices.qrAlt', { kind })} />
      <div className="device-link-body">
        <h4>{kind}</h4>
        <p className="device-hint">{t(`devices.hint.${link.kind}`)}</p>
        <input
          ref={urlRef}
          className="device-url"
          readOnly
          value={link.url}
          aria-label={kind}
          data-testid={`device-url-${link.kind}`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="device-actions">
          <button type="button" onClick={() => void copy()}>
            {t('devices.copy')}
          </button>
          {onRenew && status !== 'confirm' && (
            <button type="button" onClick={() => setStatus('confirm')}>
              {t('devices.renew')}
            </button>
          )}
        </div>
        {status === 'confirm' && (
          <div className="device-confirm" role="alertdialog" aria-label={t('devices.renew')}>
            <p>{t('devices.renewConfirm', { kind })}</p>
            <button type="button" className="primary" onClick={() => void renew()}>
              {t('devices.renewYes')}
            </button>
            <button type="button" onClick={() => setStatus('none')}>
              {t('devices.renewNo')}
            </button>
          </div>
        )}
        <p role="status" className="device-status">
          {status === 'copied' && t('devices.copied')}
          {status === 'copyFailed' && t('devices.copyFailed')}
          {status === 'renewed' && t('devices.renewed', { kind })}
        </p>
      </div>
    </li>
  );
}
