import { backupSettingsSchema, type BackupSettings } from '../../../shared/protocol';
import type { Db } from './db';
import { readSetting, writeSetting } from './settingRows';

/** Hourly, ten of each kind: a day's show is covered, and ten copies of a large database still fit a desk's disk. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { intervalMinutes: 60, keep: 10 };

export function getBackupSettings(db: Db): BackupSettings {
  return readSetting(db, 'backup', backupSettingsSchema, DEFAULT_BACKUP_SETTINGS);
}

export function saveBackupSettings(db: Db, settings: BackupSettings, now: number): void {
  writeSetting(db, 'backup', settings, now);
}
