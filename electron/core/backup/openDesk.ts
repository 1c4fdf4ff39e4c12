import { join } from 'node:path';
import { copyWhileAlone } from '../store/backup';
import { getBackupSettings } from '../store/backupSettings';
import { DamagedDatabaseError, openDatabase, type Db, type OpenOptions } from '../store/db';
import { newBackupPath, newestGoodBackup, rotateBackups } from './backupFolder';
import { applyPendingRestore, type RestoreDone } from './restore';

/** The serve option that puts a backup back before the desk opens its database. */
export const RESTORE_FLAG = '--restore-backup';

/** The desk will not start on a damaged database; the message says where the newest sound copy is and how to use it. */
export class DeskDatabaseDamagedError extends Error {
  constructor(damaged: DamagedDatabaseError, dataDir: string) {
    const good = newestGoodBackup(dataDir);
    const hint = good
      ? `The newest backup that passes the check is ${join(dataDir, 'backups', good.name)} (made ${new Date(good.at).toISOString()}). ` +
        `To put it back, start the desk with: npm run serve -- ${RESTORE_FLAG} ${good.name}` +
        ` (the damaged file is kept beside it).`
      : `There is no sound backup in ${join(dataDir, 'backups')}.`;
    super(`${damaged.message} The desk will not run on it. ${hint}`);
    this.name = 'DeskDatabaseDamagedError';
  }
}

/**
 * Opens the desk's database at start: a restore asked for before the restart is done first, a
 * copy is made before migrations change an existing schema, and a damaged file is refused with the
 * way back.
 */
export function openDeskDatabase(
  dataDir: string,
  file: string,
  now: () => number,
  log: (message: string) => void,
  options: OpenOptions = {},
): { db: Db; restored: RestoreDone | null } {
  const restored = applyPendingRestore(dataDir, file, now(), log);
  try {
    const db = openDatabase(file, {
      ...options,
      beforeMigration: (current, version) => {
        const target = newBackupPath(dataDir, now(), 'pre-migration');
        copyWhileAlone(current, target);
        rotateBackups(dataDir, getBackupSettings(current).keep);
        log(`backup: schema ${version} is about to be migrated; the database as it was is kept in ${target}`);
      },
    });
    return { db, restored };
  } catch (error) {
    if (error instanceof DamagedDatabaseError) throw new DeskDatabaseDamagedError(error, dataDir);
    throw error;
  }
}
