import { backupSettingsSchema, type BackupSettings } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

/** Hourly, ten of each kind: a day's show is covered, and ten copies of a large database still fit a desk's disk. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { intervalMinutes: 60, keep: 10 };

const KEY = 'backup';
const GET = `SELECT value FROM setting WHERE key = @key`;
const PUT = `
  INSERT INTO setting (key, value, updated_at) VALUES (@key, @value, @now)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
`;

/** Validated on read: a damaged row (or a schema older than settings, before a migration) falls back to the defaults. */
export function getBackupSettings(db: Db): BackupSettings {
  try {
    const row = prepared(db, GET).get({ key: KEY }) as { value: string } | undefined;
    if (!row) return DEFAULT_BACKUP_SETTINGS;
    const parsed = backupSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
  } catch {
    return DEFAULT_BACKUP_SETTINGS;
  }
}

export function saveBackupSettings(db: Db, settings: BackupSettings, now: number): void {
  prepared(db, PUT).run({ key: KEY, value: JSON.stringify(settings), now });
}
