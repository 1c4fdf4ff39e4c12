import './modal.css';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutKey } from '../../shared/shortcutKey';
import { LanguageSwitcher } from './LanguageSwitcher';

/**
 * A panel over the screen (Connect devices, Backups): Escape or a click outside closes it. While it
 * is open the screen behind gets no keys (its shortcuts act on questions), even when focus has
 * fallen back to the page, e.g. after a confirm that had it disappears.
 */
export function Modal({ title, titleId, onClose, children }: { title: string; titleId: string; onClose: () => void; children: ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  const overlay = useRef<HTMLDivElement>(null);

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
      className="modal-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onClick={onClose}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="modal-card" onClick={(e) => e.stopPropagation()}>
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <LanguageSwitcher />
          <button type="button" autoFocus onClick={onClose}>
            {t('devices.close')}
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
