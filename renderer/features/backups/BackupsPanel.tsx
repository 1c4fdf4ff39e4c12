import './backups.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupSettings } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { Modal } from '../../components/Modal';
import { useDeskClient } from '../../components/useDeskClient';
import { RetentionForm } from './RetentionForm';
import { useBackups } from './useBackups';

const when = (at: number): string => formatCityTime(at, 'YYYY-MM-DD HH:mm');

/** "Backups": the copies in the data folder, a copy now, the schedule, and restore with a confirm. */
export function BackupsPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const { backups, error, notice, create, configure, restore } = useBackups(client);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  return (
    <Modal title={t('backups.title')} titleId="backups-title" onClose={onClose}>
      <p>{t('backups.intro')}</p>
      {error && (
        <p className="error" role="alert">
          {t('backups.error', { message: error })}
        </p>
      )}
      <p role="status" className="backups-status">
        {notice !== 'none' && t(`backups.${notice}`)}
      </p>
      {!backups && !error && <p>{t('backups.loading')}</p>}
      {backups && (
        <>
          <div className="backups-actions">
            <button type="button" className="primary" disabled={notice === 'creating'} onClick={() => void create()}>
              {t('backups.createNow')}
            </button>
          </div>
          <ScheduleForm key={JSON.stringify(backups.settings)} settings={backups.settings} onSave={(s) => void configure(s)} />
          <RetentionForm client={client} />
          {backups.backups.length === 0 ? (
            <p>{t('backups.none')}</p>
          ) : (
            <table className="backups-table" data-testid="backups-table">
              <thead>
                <tr>
                  <th>{t('backups.columns.at')}</th>
                  <th>{t('backups.columns.reason')}</th>
                  <th>{t('backups.columns.size')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {backups.backups.map((b) => (
                  <tr key={b.name} data-name={b.name}>
                    <td>{when(b.at)}</td>
                    <td>{t(`backups.reason.${b.reason}`)}</td>
                    <td>{t('backups.sizeMb', { size: (b.bytes / 1_048_576).toFixed(1) })}</td>
                    <td>
                      <button type="button" onClick={() => setConfirming(b)}>
                        {t('backups.restore')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {confirming && (
        <div className="backups-confirm" role="alertdialog" aria-label={t('backups.restore')}>
          <p>{t('backups.restoreConfirm', { at: when(confirming.at) })}</p>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(null);
              void restore(confirming.name);
            }}
          >
            {t('backups.restoreYes')}
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(null)}>
            {t('backups.restoreNo')}
          </button>
        </div>
      )}
    </Modal>
  );
}

function ScheduleForm({ settings, onSave }: { settings: BackupSettings; onSave: (s: BackupSettings) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [interval, setInterval] = useState(String(settings.intervalMinutes));
  const [keep, setKeep] = useState(String(settings.keep));
  return (
    <form
      className="backups-schedule"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ intervalMinutes: Number(interval), keep: Number(keep) });
      }}
    >
      <h3>{t('backups.settings.title')}</h3>
      <label>
        {t('backups.settings.interval')}
        <input type="number" min={0} max={1440} required value={interval} onChange={(e) => setInterval(e.target.value)} />
      </label>
      <label>
        {t('backups.settings.keep')}
        <input type="number" min={1} max={500} required value={keep} onChange={(e) => setKeep(e.target.value)} />
      </label>
      <button type="submit">{t('backups.settings.save')}</button>
    </form>
  );
}
